import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorHit } from '../../protocol.js';
import { errorHandlers } from './errorHandlers.js';

describe('Errors tab search', () => {
  const { searchErrors } = errorHandlers(false);
  // The handler answers synchronously; the map's type allows a promise.
  const search = (query: string) => searchErrors({ query }) as readonly ErrorHit[];

  it('a typo no code or meaning contains (a swap) answers the nearest codes, marked as suggestions, best first', () => {
    const hits = search('SigantureFailure');
    assert.equal(hits[0]?.code, 'AuthFailure.SignatureFailure');
    assert.ok(hits.every((hit) => hit.suggested === true));
  });

  it('text found in codes or meanings is a plain hit, never a suggestion; noise finds nothing', () => {
    const hits = search('SignatureFailure');
    assert.equal(hits[0]?.code, 'AuthFailure.SignatureFailure');
    assert.ok(hits.every((hit) => hit.suggested === undefined));
    assert.deepEqual(search('qqqqqqqqqqqqqqqq'), []);
  });

  it('in zh-CN the suggestion carries the document text', () => {
    const [hit] = errorHandlers(true).searchErrors({ query: 'SigantureFailure' }) as readonly ErrorHit[];
    assert.match(hit!.description, /[\u4e00-\u9fff]/);
  });
});
