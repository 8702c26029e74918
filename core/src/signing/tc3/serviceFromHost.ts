/**
 * "service 为产品名，通常为域名前缀": iotcloud.tencentcloudapi.com and iotcloud.ap-guangzhou.tencentcloudapi.com
 * both sign as iotcloud. Undefined for hosts that are not Tencent Cloud API domains (a local emulator, a proxy),
 * where the caller must say which service it means.
 */
export function serviceFromHost(host: string): string | undefined {
  const match = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*tencentcloudapi\.com(?::\d+)?$/i.exec(host.trim());
  return match?.[1]?.toLowerCase();
}
