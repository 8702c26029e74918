import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interpretResponse } from './interpretResponse.js';

test('Tencent Cloud: success with RequestId, error with meaning, hint and RequestId', () => {
  const ok = interpretResponse('{"Response":{"Data":"{}","RequestId":"req-1"}}');
  assert.equal(ok.status, 'success');
  assert.ok(ok.status === 'success' && ok.requestId === 'req-1' && (ok.data as { Data: string }).Data === '{}');
  const body = { Response: { Error: { Code: 'AuthFailure.SignatureExpire', Message: 'Signature expired' }, RequestId: 'req-2' } };
  for (const input of [body, JSON.stringify(body)]) {
    const r = interpretResponse(input);
    assert.equal(r.status, 'error');
    if (r.status !== 'error') return;
    assert.equal(r.vendor, 'tencent');
    assert.equal(r.code, 'AuthFailure.SignatureExpire');
    assert.equal(r.requestId, 'req-2');
    assert.equal(r.known?.kind, 'common');
    assert.match(r.hint!.en, /5 minutes/);
    assert.match(r.summary, /RequestId: req-2/);
  }
  const unknown = interpretResponse({ Response: { Error: { Code: 'ResourceNotFound.DeviceNotExists', Message: '' }, RequestId: 'r' } });
  assert.ok(unknown.status === 'error' && !unknown.known && unknown.suggestions[0] === 'ResourceNotFound.DeviceNotExist');
});

test('OneNET: errno 0 is success, anything else an error with the server text', () => {
  const ok = interpretResponse('{"errno":0,"data":{"key":"Ave*"},"error":"succ"}');
  assert.ok(ok.status === 'success' && ok.vendor === 'onenet');
  const err = interpretResponse({ errno: 2, error: 'auth failed' });
  assert.ok(err.status === 'error' && err.vendor === 'onenet' && err.code === '2' && err.serverMessage === 'auth failed');
});

test('MXCHIP: meta.code 0 is success; 10100 and 10101 explain the token', () => {
  assert.equal(interpretResponse('{"meta":{"message":"mqtt info","code":0},"data":{}}').status, 'success');
  const expired = interpretResponse('{"meta":{"message":"token is expired","code":10100},"data":{}}');
  assert.ok(expired.status === 'error' && expired.vendor === 'mxchip' && expired.known?.code === '10100');
  assert.match(expired.status === 'error' ? expired.hint!.en : '', /new one/);
  const wrong = interpretResponse({ meta: { message: 'token is error', code: 10101 }, data: {} });
  assert.ok(wrong.status === 'error' && /Bearer/.test(wrong.hint!.en));
});

test('malformed bodies get a clear message, never an exception', () => {
  const cases: [unknown, RegExp][] = [
    ['', /empty/],
    ['<html>502 Bad Gateway</html>', /not JSON: <html>502/],
    ['[1,2]', /an array/],
    [null, /null/],
    [42, /number/],
    ['{"hello":1}', /Response.*errno.*meta\.code/],
    ['{"Response":"x"}', /"Response" is not an object/],
    ['{"Response":{"Error":{"Message":"no code"}}}', /no string "Code"/],
    ['{"errno":"0"}', /"errno" is not an integer/],
    ['{"meta":{"code":"x"}}', /"meta.code" is not an integer/],
  ];
  for (const [input, message] of cases) {
    const r = interpretResponse(input);
    assert.equal(r.status, 'malformed', JSON.stringify(input));
    assert.match(r.status === 'malformed' ? r.problem : '', message);
  }
  // Random bytes and random JSON values: always an answer.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 500; i++) {
    const text = Array.from({ length: next() % 40 }, () => String.fromCharCode(next() % 128)).join('');
    assert.doesNotThrow(() => interpretResponse(text));
    assert.doesNotThrow(() => interpretResponse({ Response: { Error: next() % 2 ? { Code: text } : text } }));
  }
});
