import { interpretResponse } from '@iot-devkit/core';
import type { ApiErrorView } from '../protocol.js';

/**
 * Reads a response body with the core's interpreter (Tencent Cloud, OneNET and MXCHIP shapes): the RequestId,
 * and for an error its code, the server's message and — when the code is documented — what it means and the fix.
 */
export function explainResponse(body: string): { requestId?: string; error?: ApiErrorView } {
  const read = interpretResponse(body);
  if (read.status === 'malformed') return {};
  const requestId = read.requestId !== undefined ? { requestId: read.requestId } : {};
  if (read.status === 'success') return requestId;
  const known = read.known;
  const hint = read.hint;
  const explanation =
    known || hint || read.suggestions.length
      ? {
          en: [
            known ? `${known.messageEn.replace(/\.?$/, '.')}` : 'Not a documented code.',
            hint ? `Fix: ${hint.en}` : '',
            !known && read.suggestions.length ? `Did you mean ${read.suggestions.join(', ')}?` : '',
          ]
            .filter(Boolean)
            .join(' '),
          zh: [
            known ? `${known.message.replace(/。?$/, '。')}` : '文档中没有这个错误码。',
            hint ? `处理：${hint.zh}` : '',
            !known && read.suggestions.length ? `是否想找：${read.suggestions.join('、')}？` : '',
          ]
            .filter(Boolean)
            .join(''),
        }
      : undefined;
  return { ...requestId, error: { code: read.code, message: read.serverMessage, ...(explanation ? { explanation } : {}) } };
}
