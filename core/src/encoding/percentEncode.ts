/**
 * RFC 3986 percent-encoding with uppercase hex, as both Tencent signing methods require
 * ("使用小写将引发错误" — lowercase hex makes the server reject the request).
 * encodeURIComponent already uses uppercase hex and UTF-8; it leaves !'()* unescaped, which RFC 3986 reserves.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
