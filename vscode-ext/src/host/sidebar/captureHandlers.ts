import {
  capturedFromSent,
  capturedHeader,
  diagnose,
  interpretResponse,
  parseCapturedRequest,
  SigningInputError,
  type CapturedRequest,
  type DiagnosisInput,
} from '@iot-devkit/core';
import type { DiagnoseResult, SignForm } from '../../protocol.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import type { CredentialSource } from '../api/TencentApiClient.js';
import { errorMessage, text, type RequestHandlers } from './RequestHandlers.js';
import { diagnosisViewIn, inLanguage } from './localizedViews.js';
import type { SentRequests } from './SentRequests.js';

const DROPPED = new Set(['authorization', 'x-tc-timestamp', 'content-length']);

/** A captured request as the Sign form: its own timestamp, scope service and signed headers kept, the old signature dropped. */
export function captureToSignForm(request: CapturedRequest): SignForm {
  const authorization = capturedHeader(request, 'authorization') ?? '';
  const scope = /Credential=[^/]+\/\d{4}-\d{2}-\d{2}\/([^/]+)\/tc3_request/.exec(authorization);
  const signed = /SignedHeaders=([^,\s]+)/.exec(authorization);
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    headers: request.headers
      .filter((h) => !DROPPED.has(h.name.trim().toLowerCase()))
      .map((h) => `${h.name}: ${h.value}`)
      .join('\n'),
    body: request.body,
    timestamp: capturedHeader(request, 'x-tc-timestamp')?.trim() ?? String(Math.floor(Date.now() / 1000)),
    service: scope?.[1] ?? '',
    signedHeaders: signed?.[1] ?? '',
  };
}

/** The error code from what was pasted beside the request: a response body, or the bare code. */
function errorCodeOf(response: string): string | undefined {
  const trimmed = response.trim();
  if (trimmed === '') return undefined;
  if (/^[A-Za-z][\w.]*$/.test(trimmed)) return trimmed;
  const reading = interpretResponse(trimmed);
  return reading.status === 'error' ? reading.code : undefined;
}

/** Why? could not run: said in the UI language. */
const WHY_GONE = {
  en: 'That request is no longer held: Why? explains the last few sends of this session. Send it again, then ask Why?.',
  zh: '该请求已不在内存中：「为什么？」只解释本次会话最近几次发送的请求。请重新发送后再点「为什么？」。',
};
const whyOtherProfile = (profile: string) => ({
  en: `That request was signed with profile "${profile}"; switch back to it to diagnose it with its key.`,
  zh: `该请求由配置「${profile}」签名；请切换回该配置，用它的密钥诊断。`,
});

export function captureHandlers(
  profiles: CredentialSource,
  zh: boolean,
  sentRequests: SentRequests,
): Pick<RequestHandlers, 'readCapture' | 'diagnose' | 'why'> {
  const pick = inLanguage(zh);
  /** The active profile's key, used only here in the host, with the profile it belongs to. */
  const activeKey = async (): Promise<{ profile: string; secretKey: string } | { message: string }> => {
    try {
      const { profile, credentials } = await profiles.credentials();
      return { profile: profile.name, secretKey: credentials.secretKey };
    } catch (error) {
      return { message: errorMessage(error) };
    }
  };
  const run = (input: DiagnosisInput): DiagnoseResult => {
    try {
      return { ok: true, diagnosis: diagnosisViewIn(zh, diagnose(input, { crypto: nodeHashProvider })) };
    } catch (error) {
      return { ok: false, message: error instanceof SigningInputError ? error.message : errorMessage(error) };
    }
  };
  return {
    readCapture({ text: pasted }) {
      const parsed = parseCapturedRequest(text(pasted));
      if (!parsed.ok) return { ok: false, message: parsed.error };
      return { ok: true, form: captureToSignForm(parsed.request), notes: parsed.notes };
    },
    async diagnose({ text: pasted, response }) {
      const parsed = parseCapturedRequest(text(pasted));
      if (!parsed.ok) return { ok: false, message: parsed.error };
      const key = await activeKey();
      if ('message' in key) return { ok: false, message: key.message };
      const errorCode = errorCodeOf(text(response));
      const form = captureToSignForm(parsed.request);
      return run({
        request: parsed.request,
        secretKey: key.secretKey,
        ...(errorCode ? { errorCode } : {}),
        ...(form.service ? { service: form.service } : {}),
        ...(parsed.sentAt !== undefined ? { sentAt: parsed.sentAt } : {}),
      });
    },
    async why({ historyId }) {
      const kept = sentRequests.get(text(historyId));
      if (!kept) return { ok: false, message: pick(WHY_GONE) };
      const key = await activeKey();
      if ('message' in key) return { ok: false, message: key.message };
      if (key.profile !== kept.profile) return { ok: false, message: pick(whyOtherProfile(kept.profile)) };
      return run({
        request: capturedFromSent(kept.sent),
        secretKey: key.secretKey,
        errorCode: kept.errorCode,
        service: kept.service,
        sentAt: kept.sentAt,
      });
    },
  };
}
