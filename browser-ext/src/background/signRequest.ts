// Turns a RequestSpec into the bytes to send, signed now with the profile's key, and the steps to show.
import { buildHttpRequest, buildStepViews, isDestructiveAction, toCurl, type HttpRequest } from '@iot-devkit/core';
import type { RequestSpec, SignaturePreview, WireRequest } from '../protocol.js';
import type { UsableProfile } from './profileStore.js';
import { signingKeys } from './signingKeys.js';

export const actionOf = (request: RequestSpec): string =>
  request.kind === 'action'
    ? request.action
    : (Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'x-tc-action')?.[1] ?? `${request.method} ${request.url}`);

export const nowInSeconds = () => Math.floor(Date.now() / 1000);

export function signRequest(request: RequestSpec, profile: UsableProfile, timestamp = nowInSeconds()): SignaturePreview {
  if (request.kind === 'raw') {
    const wire: WireRequest = { method: request.method.toUpperCase(), url: request.url, headers: request.headers, body: request.body };
    return { timestamp, wire, steps: [], curl: toCurl(wire as HttpRequest), destructive: false };
  }
  if (request.action.trim() === '') throw new Error('action: the API action to call, e.g. DescribeDevice');
  const signed = buildHttpRequest(
    {
      service: request.service,
      version: request.version,
      action: request.action.trim(),
      region: request.region.trim() || profile.region,
      params: request.params,
      method: request.method,
      ...(request.endpoint || profile.endpoint ? { endpoint: request.endpoint || profile.endpoint } : {}),
    },
    { credentials: { secretId: profile.secretId, secretKey: profile.secretKey }, timestamp, keyCache: signingKeys },
  );
  const wire: WireRequest = { method: signed.method, url: signed.url, headers: signed.headers, body: signed.body };
  return { timestamp, wire, steps: buildStepViews(signed.signing.steps), curl: toCurl(signed), destructive: isDestructiveAction(request.action) };
}
