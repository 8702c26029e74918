import { percentEncode } from '../../encoding/percentEncode.js';
import { sortParamNames, type V1ParamValue } from './sortParams.js';

/** The query (GET) or form body (POST) to send: values percent-encoded once, Signature last. */
export function encodeV1Query(params: Readonly<Record<string, V1ParamValue>>, signature: string): string {
  return [...sortParamNames(params).map((name) => `${name}=${percentEncode(String(params[name]))}`), `Signature=${percentEncode(signature)}`].join('&');
}
