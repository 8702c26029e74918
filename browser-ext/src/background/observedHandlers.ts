// The DevTools panel's requests: the page made them, DevTools observed them; the service worker checks their
// signature with the stored key, replays them re-signed and writes them as curl.
import { importRequest, signTc3, toCurl, type HttpRequest } from '@iot-devkit/core';
import type { Handlers, ObservedRequest, RequestSpec, SignatureCheck } from '../protocol.js';
import { usableProfile } from './profileStore.js';
import { sendAndRecord } from './sendAndRecord.js';
import { signRequest, stepViews } from './signRequest.js';

const header = (request: ObservedRequest, name: string) => request.headers.find((h) => h.name.toLowerCase() === name)?.value;

/** API 3.0 requests become calls to re-sign; anything else (OneNET api-key, MXCHIP Bearer) is resent as it was. */
export function observedToSpec(request: ObservedRequest): RequestSpec {
  const imported = importRequest({ method: request.method, url: request.url, headers: request.headers, body: request.body });
  if (imported.ok) {
    const call = imported.request;
    return { kind: 'action', service: call.service, version: call.version, action: call.action, region: call.region ?? '', params: call.params, method: call.method ?? 'POST', ...(call.endpoint ? { endpoint: call.endpoint } : {}) };
  }
  const headers = Object.fromEntries(request.headers.filter((h) => !h.name.startsWith(':')).map((h) => [h.name, h.value]));
  return { kind: 'raw', method: request.method, url: request.url, headers, body: request.body };
}

export const checkSignature: Handlers['checkSignature'] = async ({ profileId, request }): Promise<SignatureCheck> => {
  const authorization = header(request, 'authorization') ?? '';
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\/([^/]+)\/tc3_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(authorization.trim());
  if (!match) {
    return { scheme: 'none', valid: false, summary: { en: 'No TC3-HMAC-SHA256 Authorization header: nothing to verify with the stored key.', zh: '没有 TC3-HMAC-SHA256 Authorization 头，无法用保存的密钥校验。' }, steps: [] };
  }
  const [, secretId = '', service = '', signedHeaders = '', signature = ''] = match;
  const profile = await usableProfile(profileId);
  const headers = Object.fromEntries(request.headers.filter((h) => !h.name.startsWith(':') && h.name.toLowerCase() !== 'authorization').map((h) => [h.name, h.value]));
  const timestamp = Number(header(request, 'x-tc-timestamp'));
  const ours = signTc3({ method: request.method, url: request.url, headers, body: request.body, timestamp, secretId, secretKey: profile.secretKey, service, signedHeaders: signedHeaders.split(';') });
  const valid = ours.signature === signature && secretId === profile.secretId;
  const summary = valid
    ? { en: `The signature matches one computed with profile "${profile.name}".`, zh: `签名与用配置“${profile.name}”计算的结果一致。` }
    : secretId !== profile.secretId
      ? { en: `Signed with SecretId ${secretId}, not profile "${profile.name}"'s ${profile.secretId}.`, zh: `请求使用的 SecretId 为 ${secretId}，不是配置“${profile.name}”的 ${profile.secretId}。` }
      : { en: 'The signature differs from the one computed with the stored key: compare the steps below.', zh: '签名与用保存的密钥计算的不一致，请对照下面的步骤。' };
  return { scheme: 'TC3-HMAC-SHA256', valid, summary, steps: stepViews(ours.steps) };
};

export const replayObserved: Handlers['replayObserved'] = async ({ profileId, request, confirmed }) => sendAndRecord(await usableProfile(profileId), observedToSpec(request), confirmed);

export const curlForObserved: Handlers['curlForObserved'] = async ({ profileId, request }) => {
  const spec = observedToSpec(request);
  return spec.kind === 'raw' ? toCurl(spec as unknown as HttpRequest) : signRequest(spec, await usableProfile(profileId)).curl;
};
