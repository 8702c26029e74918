import { listErrorCodes, lookupErrorCode, type ErrorCodeInfo, type ErrorLookup } from '@iot-devkit/core';
import type { ErrorHit } from '../../protocol.js';
import { text, type RequestHandlers } from './RequestHandlers.js';

const MAX_HITS = 50;
const listed = (lookup: ErrorLookup): ErrorCodeInfo[] => (lookup.found ? [lookup.info] : []);

/** Errors search over the catalog's every documented code: by code (exact first), by words of its meaning. */
export function errorHandlers(zh: boolean): Pick<RequestHandlers, 'searchErrors'> {
  return {
    searchErrors({ query }) {
      const q = text(query).trim().toLowerCase();
      if (q === '') return [];
      const exact = lookupErrorCode(q, 'vscode');
      const all = listErrorCodes('vscode');
      const matching = all.filter((info) => `${info.code} ${info.message} ${info.messageEn}`.toLowerCase().includes(q));
      const ordered = exact.found ? [exact.info, ...matching.filter((i) => i !== exact.info)] : matching;
      // Nothing contains the text (a typo such as SigantureFailure): the core's nearest codes, marked as suggestions.
      const suggested = ordered.length > 0 || exact.found ? [] : exact.suggestions.flatMap((code) => listed(lookupErrorCode(code, 'vscode')));
      const hit = (info: ErrorCodeInfo): ErrorHit => ({
        code: info.code,
        service: info.services.join(', '),
        description: zh ? info.message : info.messageEn ? `${info.messageEn} (${info.message})` : info.message,
        ...(info.hint ? { advice: zh ? info.hint.zh : info.hint.en } : {}),
      });
      if (suggested.length > 0) return suggested.map((info) => ({ ...hit(info), suggested: true }));
      return ordered.slice(0, MAX_HITS).map(hit);
    },
  };
}
