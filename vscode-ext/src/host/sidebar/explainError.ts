import { interpretResponse } from '@iot-devkit/core';
import type { ErrorExplanation } from '../../protocol.js';

/** The error of a response body, with the catalog's meaning and fix in the UI language; undefined on success. */
export function explainError(body: string, zh: boolean): ErrorExplanation | undefined {
  const reading = interpretResponse(body);
  if (reading.status !== 'error') return undefined;
  const known = reading.known;
  const description = known ? (zh ? known.message : known.messageEn || known.message) : undefined;
  const advice = reading.hint
    ? zh
      ? reading.hint.zh
      : reading.hint.en
    : reading.suggestions.length
      ? `Did you mean: ${reading.suggestions.join(', ')}?`
      : undefined;
  return { code: reading.code, message: reading.serverMessage, ...(description ? { description } : {}), ...(advice ? { advice } : {}) };
}
