/** 请求方法 + 请求主机 + 请求路径 + ? + 请求字符串 */
export function buildV1StringToSign(method: string, host: string, path: string, requestString: string): string {
  return `${method.toUpperCase()}${host}${path}?${requestString}`;
}
