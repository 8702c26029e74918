import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SigningInputError } from '../../signing/SigningInputError.js';
import { buildBearerAuthorization, readMxchipTokenResponse, verifyMxchipAuthorization } from './bearerAuthorization.js';
import { buildMxchipTokenRequest } from './buildMxchipTokenRequest.js';
import { explainMxchipResponse } from './mxchipMetaCodes.js';
import { mxchipTokenState } from './mxchipTokenState.js';

// Made-up credentials.
const SECRET = 'madeUpMxchipSecret+/=';
const TOKEN = 'madeUpAccessToken2cwO2K4F';
const T0 = 1_700_000_000;

test('client_credentials request: POST /v3/open_api/token/, form body, secret masked in the steps only', () => {
  const r = buildMxchipTokenRequest({ clientId: 'ak-123', clientSecret: SECRET, baseUrl: 'https://api.example.com/' });
  assert.equal(r.method, 'POST');
  assert.equal(r.url, 'https://api.example.com/v3/open_api/token/');
  assert.equal(r.headers['Content-Type'], 'application/x-www-form-urlencoded');
  assert.deepEqual(Object.fromEntries(new URLSearchParams(r.body)), { grant_type: 'client_credentials', client_id: 'ak-123', client_secret: SECRET });
  assert.deepEqual(
    r.steps.map((s) => s.id),
    ['request', 'headers', 'body'],
  );
  assert.equal(r.steps[2]!.value, 'grant_type=client_credentials&client_id=ak-123&client_secret=made****');
  assert.ok(r.steps.every((s) => !s.value.includes(SECRET)));
  assert.equal(buildMxchipTokenRequest({ clientId: 'a', clientSecret: 'b' }).url, '/v3/open_api/token/');
});

test('token request bad input names the field and does not echo the secret', () => {
  for (const [input, field] of [
    [{ clientId: '', clientSecret: SECRET }, 'clientId'],
    [{ clientId: 'a', clientSecret: '' }, 'clientSecret'],
    [{ clientId: 'a', clientSecret: SECRET + '\n' }, 'clientSecret'],
    [{ clientId: 'a', clientSecret: SECRET, baseUrl: 'api.example.com' }, 'baseUrl'],
  ] as const) {
    assert.throws(
      () => buildMxchipTokenRequest(input),
      (e: unknown) => e instanceof SigningInputError && e.field === field && !e.message.includes(SECRET),
      field,
    );
  }
});

test('Bearer header to send, token masked in the step', () => {
  const b = buildBearerAuthorization(TOKEN);
  assert.deepEqual(b.headers, { Authorization: `Bearer ${TOKEN}` });
  assert.equal(b.steps[0]!.value, 'Authorization: Bearer made****');
  assert.throws(
    () => buildBearerAuthorization(''),
    (e: unknown) => e instanceof SigningInputError && e.field === 'accessToken',
  );
});

test("the doc's token response is read into a cache entry; a failed one names the field", () => {
  const doc = { meta: { message: 'token info', code: 0 }, data: { access_token: TOKEN, token_type: 'Bearer', expires_in: 604800, scope: 'read write groups' } };
  assert.deepEqual(readMxchipTokenResponse(doc, T0), {
    accessToken: TOKEN,
    tokenType: 'Bearer',
    expiresIn: 604800,
    obtainedAt: T0,
    scope: 'read write groups',
  });
  assert.throws(
    () => readMxchipTokenResponse({ meta: { code: 10000 }, data: {} }, T0),
    (e: unknown) => e instanceof SigningInputError && e.field === 'meta.code',
  );
  assert.throws(
    () => readMxchipTokenResponse({ ...doc, data: { ...doc.data, expires_in: '604800' } }, T0),
    (e: unknown) => e instanceof SigningInputError && e.field === 'data.expires_in',
  );
  assert.throws(
    () => readMxchipTokenResponse({ ...doc, data: { ...doc.data, token_type: 'bearer' } }, T0),
    (e: unknown) => e instanceof SigningInputError && e.field === 'data.token_type',
  );
});

test('token lifetime: valid, refresh inside the margin, expired at obtainedAt + expires_in', () => {
  const token = { accessToken: TOKEN, obtainedAt: T0, expiresIn: 604800 };
  const fresh = mxchipTokenState(token, T0 + 10);
  assert.deepEqual([fresh.valid, fresh.shouldRefresh, fresh.expiresAt, fresh.secondsLeft], [true, false, T0 + 604800, 604790]);
  const soon = mxchipTokenState(token, T0 + 604800 - 300);
  assert.deepEqual([soon.valid, soon.shouldRefresh], [true, true]);
  const justBefore = mxchipTokenState(token, T0 + 604800 - 301);
  assert.deepEqual([justBefore.valid, justBefore.shouldRefresh], [true, false]);
  const atExpiry = mxchipTokenState(token, T0 + 604800);
  assert.deepEqual([atExpiry.valid, atExpiry.shouldRefresh], [false, true]);
  assert.match(atExpiry.summary, /10100/);
  // A short lifetime refreshes a tenth before the end; an explicit margin wins.
  assert.equal(mxchipTokenState({ ...token, expiresIn: 100 }, T0 + 89).shouldRefresh, false);
  assert.equal(mxchipTokenState({ ...token, expiresIn: 100 }, T0 + 90).shouldRefresh, true);
  assert.equal(mxchipTokenState(token, T0 + 10, 604795).shouldRefresh, true);
  assert.throws(
    () => mxchipTokenState({ ...token, expiresIn: 0 }, T0),
    (e: unknown) => e instanceof SigningInputError && e.field === 'expiresIn',
  );
  assert.throws(
    () => mxchipTokenState({ ...token, obtainedAt: T0 * 1000 }, T0),
    (e: unknown) => e instanceof SigningInputError && e.field === 'obtainedAt',
  );
});

test("meta.code 10100 means expired and 10101 wrong token, from the doc's own responses", () => {
  const expired = explainMxchipResponse(JSON.parse('{"meta":{"message":"token is expired","code":10100},"data":{}}'));
  assert.equal(expired.code, 10100);
  assert.equal(expired.known?.tokenProblem, 'expired');
  assert.match(expired.known!.meaning.zh, /token 过期/);
  const wrong = explainMxchipResponse(JSON.parse('{"meta":{"message":"token is error","code":10101},"data":{}}'));
  assert.equal(wrong.known?.tokenProblem, 'wrong');
  assert.equal(wrong.message, 'token is error');
  assert.equal(explainMxchipResponse({ meta: { code: 12345 } }).known, undefined);
  assert.deepEqual(explainMxchipResponse('not json'), { code: undefined, message: undefined, known: undefined });
});

test('verify an Authorization header: right, malformed, wrong token, expired', () => {
  const token = { accessToken: TOKEN, obtainedAt: T0, expiresIn: 604800 };
  const problems = (authorization: string, now = T0 + 60) =>
    verifyMxchipAuthorization({ authorization, token, now }).findings.map((f) => `${f.problem}@${f.field}`);
  assert.deepEqual(problems(`Bearer ${TOKEN}`), []);
  assert.deepEqual(problems(TOKEN), ['malformed-token@authorization']);
  assert.deepEqual(problems(`Bearer  ${TOKEN}`), ['malformed-token@authorization']);
  assert.deepEqual(problems(`Bearer madeUpOtherToken`), ['wrong-token@authorization']);
  assert.deepEqual(problems(`Bearer ${TOKEN}`, T0 + 604800), ['expired@token']);
  const v = verifyMxchipAuthorization({ authorization: 'Bearer madeUpOtherToken', token, now: T0 });
  assert.ok(v.findings.every((f) => !f.message.en.includes(TOKEN) && !f.message.en.includes('madeUpOtherToken')));
  assert.equal(v.steps[0]!.value, 'Authorization: Bearer made****');
});
