export type V1ParamValue = string | number | boolean;

/**
 * Parameter names in ASCII (code unit) order. Deliberately not localeCompare and not numeric:
 * the doc's example puts InstanceIds.12 before InstanceIds.2.
 */
export function sortParamNames(params: Readonly<Record<string, V1ParamValue>>): string[] {
  return Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** name=value joined by &, in ASCII order, values raw (not URL-encoded). */
export function buildRequestString(params: Readonly<Record<string, V1ParamValue>>): string {
  return sortParamNames(params)
    .map((name) => `${name}=${String(params[name])}`)
    .join('&');
}
