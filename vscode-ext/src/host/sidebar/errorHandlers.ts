import { listErrorCodes, lookupErrorCode } from '@iot-devkit/core';
import type { ErrorHit } from '../../protocol.js';
import { text, type RequestHandlers } from './RequestHandlers.js';

const MAX_HITS = 50;

/** Errors search over the catalog's every documented code: by code (exact first), by words of its meaning. */
export function errorHandlers(zh: boolean): Pick<RequestHandlers, 'searchErrors'> {
  return {
    searchErrors({ query }) {
      const q = text(query).trim().toLowerCase();
      if (q === '') return [];
      const exact = lookupErrorCode(q);
      const all = listErrorCodes();
      const matching = all.filter((info) => `${info.code} ${info.message} ${info.messageEn}`.toLowerCase().includes(q));
      const ordered = exact.found ? [exact.info, ...matching.filter((i) => i !== exact.info)] : matching;
      return ordered.slice(0, MAX_HITS).map((info): ErrorHit => ({
        code: info.code,
        service: info.services.join(', '),
        description: zh ? info.message : info.messageEn ? `${info.messageEn} (${info.message})` : info.message,
        ...(info.hint ? { advice: zh ? info.hint.zh : info.hint.en } : {}),
      }));
    },
  };
}
