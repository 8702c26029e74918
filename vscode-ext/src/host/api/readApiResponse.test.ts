import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readApiResponse } from './readApiResponse.js';

describe('readApiResponse', () => {
  it('reads data, an error answered with HTTP 200, and what is not API 3.0', () => {
    assert.deepEqual(readApiResponse(200, '{"Response":{"Data":"x","RequestId":"r1"}}'), {
      kind: 'success',
      data: { Data: 'x', RequestId: 'r1' },
      requestId: 'r1',
    });
    assert.deepEqual(readApiResponse(200, '{"Response":{"Error":{"Code":"FailedOperation.UpdateVersionNotMatch","Message":"m"},"RequestId":"r2"}}'), {
      kind: 'error',
      code: 'FailedOperation.UpdateVersionNotMatch',
      message: 'm',
      requestId: 'r2',
    });
    assert.deepEqual(readApiResponse(502, '<html>bad gateway</html>'), {
      kind: 'invalid',
      message: 'HTTP 502: the body is not JSON (<html>bad gateway</html>)',
    });
    assert.deepEqual(readApiResponse(200, '{"errno":0}'), { kind: 'invalid', message: 'HTTP 200: no "Response" object in the body' });
    assert.equal(readApiResponse(200, '{"Response":{"Error":{}}}').kind, 'error');
  });
});
