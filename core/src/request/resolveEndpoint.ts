import { parseRequestUrl } from '../signing/requestUrl.js';

/**
 * The URL to call: the override when given (a local emulator or a private endpoint); else the nearest-region
 * domain `<service>.tencentcloudapi.com`, which the doc recommends and which serves every region except the
 * financial zones; those (ap-shanghai-fsi, ap-shenzhen-fsi) are reachable only through their own domain.
 */
export function resolveEndpoint(service: string, region?: string, override?: string): string {
  if (override !== undefined && override !== '') {
    const url = parseRequestUrl(override, 'endpoint');
    return `${url.scheme}://${url.host}${url.path}`;
  }
  return region?.endsWith('-fsi') ? `https://${service}.${region}.tencentcloudapi.com/` : `https://${service}.tencentcloudapi.com/`;
}
