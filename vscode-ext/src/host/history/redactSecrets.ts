import { findActionEntry, maskSecret, type ApiRequest } from '@iot-devkit/core';

/**
 * The request as history may keep it: parameters the catalog marks secret (a device PSK, a project Key) masked,
 * and their names listed, so a replay can say what must be typed again instead of sending "abcd****".
 */
export function redactSecrets(request: Omit<ApiRequest, 'endpoint'>): { request: Omit<ApiRequest, 'endpoint'>; redacted: string[] } {
  const entry = findActionEntry(request.service, request.action);
  const secret = (entry?.action.params ?? []).filter((p) => p.secret === true && request.params[p.name] !== undefined).map((p) => p.name);
  if (secret.length === 0) return { request, redacted: [] };
  const params = { ...request.params };
  for (const name of secret) params[name] = maskSecret(String(params[name]));
  return { request: { ...request, params }, redacted: secret };
}
