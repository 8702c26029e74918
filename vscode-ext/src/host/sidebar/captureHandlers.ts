import {
  CAUSE_RULES,
  capturedHeader,
  diagnose,
  interpretResponse,
  parseCapturedRequest,
  SigningInputError,
  stepValueForDisplay,
  type CapturedRequest,
} from '@iot-devkit/core';
import type { SignForm } from '../../protocol.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import type { CredentialSource } from '../api/TencentApiClient.js';
import { errorMessage, text, type RequestHandlers } from './RequestHandlers.js';
import { inLanguage } from './localizedViews.js';

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

export function captureHandlers(profiles: CredentialSource, zh: boolean): Pick<RequestHandlers, 'readCapture' | 'diagnose'> {
  const pick = inLanguage(zh);
  return {
    readCapture({ text: pasted }) {
      const parsed = parseCapturedRequest(text(pasted));
      if (!parsed.ok) return { ok: false, message: parsed.error };
      return { ok: true, form: captureToSignForm(parsed.request), notes: parsed.notes };
    },
    async diagnose({ text: pasted, response }) {
      const parsed = parseCapturedRequest(text(pasted));
      if (!parsed.ok) return { ok: false, message: parsed.error };
      let secretKey: string;
      try {
        secretKey = (await profiles.credentials()).credentials.secretKey;
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
      const errorCode = errorCodeOf(text(response));
      const form = captureToSignForm(parsed.request);
      try {
        const result = diagnose(
          { request: parsed.request, secretKey, ...(errorCode ? { errorCode } : {}), ...(form.service ? { service: form.service } : {}) },
          { crypto: nodeHashProvider },
        );
        const difference = result.firstDifferingStep;
        return {
          ok: true,
          diagnosis: {
            verdict: `${result.match ? '✓ ' : ''}${pick(result.explanation)}`,
            ...(result.fix ? { fix: pick(result.fix) } : {}),
            ...(difference
              ? {
                  firstDifference: {
                    step: `${pick(difference.title)}${difference.part ? ` (${difference.part})` : ''}`,
                    expected: stepValueForDisplay({ id: difference.step }, difference.expected),
                    got: stepValueForDisplay({ id: difference.step }, difference.got),
                  },
                }
              : {}),
            findings: result.findings.map((f) => ({
              title: `${pick(CAUSE_RULES[f.cause].title)} (${f.cause})`,
              detail: `${pick(f.explanation)} ${pick(f.fix)}`,
              ok: false,
            })),
          },
        };
      } catch (error) {
        return { ok: false, message: error instanceof SigningInputError ? error.message : errorMessage(error) };
      }
    },
  };
}
