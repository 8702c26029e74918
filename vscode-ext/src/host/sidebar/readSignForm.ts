import type { Tc3Request } from '@iot-devkit/core';
import type { SignForm } from '../../protocol.js';

export type SignFormReading =
  | { readonly ok: true; readonly request: Omit<Tc3Request, 'secretId' | 'secretKey'> }
  | { readonly ok: false; readonly field: string; readonly message: string };

const bad = (field: string, message: string): SignFormReading => ({ ok: false, field, message: `${field}: ${message}` });

/**
 * The Sign form's text fields as a TC3 request (credentials are added by the host from the profile). Every
 * problem names its field, so the form can mark the input while the developer types.
 */
export function readSignForm(form: SignForm): SignFormReading {
  const method = String(form.method ?? '')
    .trim()
    .toUpperCase();
  if (method !== 'GET' && method !== 'POST') return bad('method', 'GET or POST');
  const url = String(form.url ?? '').trim();
  if (!/^https?:\/\/[^/\s?#]+/i.test(url)) return bad('url', 'an absolute URL such as https://iotcloud.tencentcloudapi.com/');
  const headers: Record<string, string> = {};
  const lines = String(form.headers ?? '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return bad('headers', `line ${index + 1}: expected "Name: value", got ${JSON.stringify(line.slice(0, 40))}`);
    const name = line.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return bad('headers', `line ${index + 1}: ${JSON.stringify(name)} is not a header name`);
    headers[name] = line.slice(colon + 1).trim();
  }
  const timestampText = String(form.timestamp ?? '').trim();
  if (!/^\d{1,12}$/.test(timestampText)) return bad('timestamp', 'Unix seconds, e.g. 1551113065');
  const service = String(form.service ?? '').trim();
  if (service !== '' && !/^[a-z][a-z0-9-]*$/.test(service))
    return bad('service', 'a lowercase service name such as iotcloud, or empty to take it from the host');
  const signedHeaderText = String(form.signedHeaders ?? '').trim();
  const signedHeaders =
    signedHeaderText === ''
      ? undefined
      : signedHeaderText
          .split(/[;,\s]+/)
          .filter(Boolean)
          .map((h) => h.toLowerCase());
  return {
    ok: true,
    request: {
      method,
      url,
      headers,
      ...(method === 'POST' ? { body: String(form.body ?? '') } : {}),
      timestamp: Number(timestampText),
      ...(service ? { service } : {}),
      ...(signedHeaders ? { signedHeaders } : {}),
    },
  };
}
