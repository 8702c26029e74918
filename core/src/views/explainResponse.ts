// A response body read for display, the same in both UIs: its RequestId and, for an error, the code, the server's
// message and — when the error catalog documents the code — what it means and the fix. The VS Code sidebar shows
// description and advice on two lines; the browser's pages show the one-sentence explanation.
import type { HintSurface } from '../errors/hintOnSurface.js';
import { interpretResponse } from '../errors/interpretResponse.js';
import type { LocalizedText } from '../signing/SigningStep.js';
import { pickLanguage, type StepLanguage } from './stepViews.js';

/** A response's error for display. `Text` is LocalizedText (both languages, the page picks) or string (localized). */
export interface ApiErrorView<Text extends string | LocalizedText = LocalizedText> {
  readonly code: string;
  /** The server's own message. */
  readonly message: string;
  /** What the code means, from the error catalog, when it is documented. */
  readonly description?: Text;
  /** The catalog's fix for the code, or the documented codes nearest an undocumented one. */
  readonly advice?: Text;
  /** Meaning and fix in one sentence; for an undocumented code, says so and names the nearest ones. */
  readonly explanation?: Text;
  /** A signature error a diagnosis of the request just sent explains: the UIs offer "Why?" beside it. */
  readonly diagnosable?: true;
}

/**
 * The errors "Why?" is offered for: the signature was recomputed differently (SignatureFailure), its timestamp is
 * off (SignatureExpire: the diagnosis names the skew) or the Authorization header cannot be read (InvalidAuthorization:
 * the diagnosis names the malformed part). Other AuthFailure codes are about the key itself, not this request.
 */
export const DIAGNOSABLE_ERROR_CODES: readonly string[] = ['AuthFailure.SignatureFailure', 'AuthFailure.SignatureExpire', 'AuthFailure.InvalidAuthorization'];

export interface ResponseExplanation {
  readonly requestId?: string;
  readonly error?: ApiErrorView;
}

const sentence = (parts: readonly string[], glue: string) => parts.filter(Boolean).join(glue);

/**
 * Reads a body with the core's interpreter (Tencent Cloud, OneNET and MXCHIP shapes); {} when it is not one of them.
 * `surface` is the UI showing it: its fix hints point at that UI's own Diagnose.
 */
export function explainResponse(body: string, surface: HintSurface): ResponseExplanation {
  const read = interpretResponse(body, surface);
  if (read.status === 'malformed') return {};
  const requestId = read.requestId !== undefined ? { requestId: read.requestId } : {};
  if (read.status === 'success') return requestId;
  const { known, hint, suggestions } = read;
  const description = known ? { en: known.messageEn || known.message, zh: known.message } : undefined;
  const advice = hint
    ? { en: hint.en, zh: hint.zh }
    : suggestions.length
      ? { en: `Did you mean: ${suggestions.join(', ')}?`, zh: `是否想找：${suggestions.join('、')}？` }
      : undefined;
  const explanation =
    known || hint || suggestions.length
      ? {
          en: sentence(
            [
              known ? (known.messageEn || known.message).replace(/\.?$/, '.') : 'Not a documented code.',
              hint ? `Fix: ${hint.en}` : '',
              !known && suggestions.length ? `Did you mean ${suggestions.join(', ')}?` : '',
            ],
            ' ',
          ),
          zh: sentence(
            [
              known ? known.message.replace(/。?$/, '。') : '文档中没有这个错误码。',
              hint ? `处理：${hint.zh}` : '',
              !known && suggestions.length ? `是否想找：${suggestions.join('、')}？` : '',
            ],
            '',
          ),
        }
      : undefined;
  return {
    ...requestId,
    error: {
      code: read.code,
      message: read.serverMessage,
      ...(description ? { description } : {}),
      ...(advice ? { advice } : {}),
      ...(explanation ? { explanation } : {}),
      ...(DIAGNOSABLE_ERROR_CODES.includes(read.code) ? { diagnosable: true as const } : {}),
    },
  };
}

/** An error view in one language, for a UI that is given the texts localized (the VS Code webview). */
export function localizeApiError(error: ApiErrorView, language: StepLanguage): ApiErrorView<string> {
  const pick = pickLanguage(language);
  return {
    code: error.code,
    message: error.message,
    ...(error.description ? { description: pick(error.description) } : {}),
    ...(error.advice ? { advice: pick(error.advice) } : {}),
    ...(error.explanation ? { explanation: pick(error.explanation) } : {}),
    ...(error.diagnosable ? { diagnosable: true as const } : {}),
  };
}
