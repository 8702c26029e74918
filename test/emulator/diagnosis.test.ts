import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, test } from 'node:test';
import { CAUSE_RULES, DEMO_CREDENTIAL, type DiagnosisCauseId } from '@iot-devkit/core';
import { referenceTc3, referenceV1, rfc3986, utcDate, type RawTc3 } from '../diagnosis/referenceSigners.js';
import { startTestEmulator } from './harness.js';

// Each known signing mistake, made by an independent signer (node:crypto, written from the doc), sent to the
// emulator over HTTP: the answer is the cloud's code, and for signature failures the Message names the cause.
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
before(async () => {
  emulator = await startTestEmulator();
});
after(() => emulator.close());

const KEY = DEMO_CREDENTIAL.secretKey;
const ID = DEMO_CREDENTIAL.secretId;
const BODY = '{"ProductId":"DEMO000001","DeviceName":"thermostat-1"}';

function send(method: string, path: string, headers: [string, string][], body: string): Promise<{ code: string; message: string }> {
  const [host, port] = emulator.hostPort.split(':');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host, port: Number(port), method, path, headers: headers.flat() }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const error = (JSON.parse(text) as { Response: { Error?: { Code: string; Message: string } } }).Response.Error;
        resolve(error ? { code: error.Code, message: error.Message } : { code: 'ok', message: '' });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Tc3Scenario {
  raw?: (right: RawTc3) => Partial<RawTc3>;
  headers?: (sent: [string, string][]) => [string, string][];
  body?: string;
  auth?: { date?: string; service?: string; signedHeaders?: string; signature?: string };
}

function tc3(scenario: Tc3Scenario) {
  const now = Math.floor(Date.now() / 1000);
  const host = emulator.hostPort;
  const sent: [string, string][] = [
    ['Content-Type', 'application/json'],
    ['Host', host],
    ['X-TC-Action', 'DescribeDeviceShadow'],
    ['X-TC-Timestamp', String(now)],
    ['X-TC-Version', '2021-04-08'],
    ['X-TC-Region', 'ap-guangzhou'],
  ];
  const right: RawTc3 = {
    canonicalHeaders: `content-type:application/json\nhost:${host}\nx-tc-action:describedeviceshadow\n`,
    signedHeaders: 'content-type;host;x-tc-action',
    payload: BODY,
    timestamp: now,
    date: utcDate(now),
    service: 'iotcloud',
    secretKey: KEY,
  };
  const raw = { ...right, ...scenario.raw?.(right) };
  const signature = scenario.auth?.signature ?? referenceTc3(raw).signature;
  const authorization = `TC3-HMAC-SHA256 Credential=${ID}/${scenario.auth?.date ?? raw.date}/${scenario.auth?.service ?? raw.service}/tc3_request, SignedHeaders=${scenario.auth?.signedHeaders ?? raw.signedHeaders}, Signature=${signature}`;
  return send('POST', '/', [...(scenario.headers?.(sent) ?? sent), ['Authorization', authorization]], scenario.body ?? BODY);
}

async function expectNamed(answer: Promise<{ code: string; message: string }>, cause: DiagnosisCauseId): Promise<void> {
  const { code, message } = await answer;
  assert.equal(code, 'AuthFailure.SignatureFailure', `${cause}: ${message}`);
  assert.match(message, /^The provided credentials could not be validated\./, 'the cloud wording comes first');
  assert.ok(message.includes('[IoT Devkit emulator diagnosis — the real cloud does not return this: '), `${cause}: marked as the emulator's: ${message}`);
  assert.ok(message.includes(`${CAUSE_RULES[cause].title.en} (${cause})`), `${cause} named in: ${message}`);
  assert.ok(!message.includes(KEY), 'the SecretKey is never echoed');
}

test('a correctly signed request by the same independent signer verifies (the scenarios below differ by one mistake each)', async () => {
  assert.equal((await tc3({})).code, 'ok');
});

const localDate = (now: number) => (utcDate(now + 14 * 3600) !== utcDate(now) ? utcDate(now + 14 * 3600) : utcDate(now - 12 * 3600));

const TC3_SIGNATURE_FAILURES: [DiagnosisCauseId, Tc3Scenario][] = [
  ['local-date-not-utc', { raw: (r) => ({ date: localDate(Number(r.timestamp)) }) }],
  ['body-json-reserialized', { raw: () => ({ payload: '{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}' }) }],
  ['body-trailing-newline', { raw: () => ({ payload: BODY + '\n' }) }],
  ['body-bom', { raw: () => ({ payload: '\uFEFF' + BODY }) }],
  ['body-signed-empty', { raw: () => ({ payload: '' }) }],
  ['content-type-mismatch', { headers: (sent) => sent.map(([k, v]) => [k, k === 'Content-Type' ? 'application/json; charset=utf-8' : v]) }],
  ['header-value-not-lowercased', { raw: (r) => ({ canonicalHeaders: r.canonicalHeaders.replace('describedeviceshadow', 'DescribeDeviceShadow') }) }],
  [
    'header-names-not-lowercased',
    {
      raw: (r) => ({
        canonicalHeaders: r.canonicalHeaders.replace('content-type:', 'Content-Type:').replace('host:', 'Host:').replace('x-tc-action:', 'X-TC-Action:'),
        signedHeaders: 'Content-Type;Host;X-TC-Action',
      }),
    },
  ],
  [
    'header-names-not-sorted',
    {
      raw: () => ({
        canonicalHeaders: `host:${emulator.hostPort}\ncontent-type:application/json\nx-tc-action:describedeviceshadow\n`,
        signedHeaders: 'host;content-type;x-tc-action',
      }),
    },
  ],
  ['signed-headers-mismatch', { raw: () => ({ signedHeaders: 'content-type;host' }) }],
  ['required-header-not-signed', { raw: () => ({ canonicalHeaders: `host:${emulator.hostPort}\n`, signedHeaders: 'host' }) }],
  [
    'signed-header-missing',
    {
      raw: (r) => ({ canonicalHeaders: `${r.canonicalHeaders}x-tc-region:ap-guangzhou\n`, signedHeaders: `${r.signedHeaders};x-tc-region` }),
      headers: (sent) => sent.filter(([k]) => k !== 'X-TC-Region'),
    },
  ],
  ['wrong-service', { raw: () => ({ service: 'cvm' }) }],
  ['host-mismatch', { raw: (r) => ({ canonicalHeaders: r.canonicalHeaders.replace(`host:${emulator.hostPort}`, 'host:127.0.0.1:443') }) }],
  ['timestamp-mismatch', { raw: (r) => ({ timestamp: Number(r.timestamp) - 1 }) }],
  ['secret-key-whitespace', { raw: () => ({ secretKey: KEY + '\n' }) }],
  ['secret-id-key-swapped', { raw: () => ({ secretKey: ID }) }],
];

for (const [cause, scenario] of TC3_SIGNATURE_FAILURES) {
  test(`TC3 ${cause}: AuthFailure.SignatureFailure with the cause named`, async () => {
    await expectNamed(tc3(scenario), cause);
  });
}

test('TC3 signed 120 s before X-TC-Timestamp: the emulator names both values, within its ±15 min search', async () => {
  const { code, message } = await tc3({ raw: (r) => ({ timestamp: Number(r.timestamp) - 120 }) });
  assert.equal(code, 'AuthFailure.SignatureFailure');
  assert.match(message, /\(timestamp-mismatch\)/);
  assert.match(message, /120 s/);
});

test('TC3 a body edited after signing (DeviceName changed): nothing is claimed, what remains is ranked, with how to decide', async () => {
  const { code, message } = await tc3({ body: BODY.replace('thermostat-1', 'thermostat-2') });
  assert.equal(code, 'AuthFailure.SignatureFailure');
  assert.match(message, /No known mistake reproduces this signature/);
  assert.match(message, /What remains: 1\. .*\((request-changed-after-signing|wrong-secret-key)\); 2\. .*\((request-changed-after-signing|wrong-secret-key)\)/);
  assert.ok(!message.includes(KEY), 'the key is never echoed');
});

test('TC3 wrong service hidden behind a correct-looking scope: still named', async () => {
  await expectNamed(tc3({ raw: () => ({ service: 'cvm' }), auth: { service: 'iotcloud' } }), 'wrong-service');
});

test('the official SDK pointed at the emulator, with a mistake of its own: diagnosed the way the SDK signs (port-less host, service "127")', async () => {
  const sdkRight = (r: RawTc3): Partial<RawTc3> => ({
    canonicalHeaders: r.canonicalHeaders.replace(`host:${emulator.hostPort}`, 'host:127.0.0.1'),
    service: '127',
  });
  assert.equal((await tc3({ raw: sdkRight })).code, 'ok', 'the SDK-style signing verifies');
  await expectNamed(tc3({ raw: (r) => ({ ...sdkRight(r), payload: BODY + '\n' }) }), 'body-trailing-newline');
});

test('mistakes the cloud reports with other codes keep those codes', async () => {
  const now = Math.floor(Date.now() / 1000);
  const skewed = await tc3({
    headers: (sent) => sent.map(([k, v]) => [k, k === 'X-TC-Timestamp' ? String(now - 3600) : v]),
    raw: () => ({ timestamp: now - 3600 }),
  });
  assert.equal(skewed.code, 'AuthFailure.SignatureExpire', 'clock-skew');
  assert.equal(
    (await tc3({ headers: (sent) => [...sent, ['X-TC-Token', 'made-up-session-token']] })).code,
    'AuthFailure.TokenFailure',
    'long-term-key-with-token',
  );
  assert.equal((await tc3({ auth: { signature: 'ABC' } })).code, 'AuthFailure.InvalidAuthorization', 'authorization-malformed');
  assert.equal((await tc3({ headers: (sent) => sent.filter(([k]) => k !== 'X-TC-Timestamp') })).code, 'MissingParameter', 'timestamp-header-missing');
});

function v1(options: {
  signString?: (right: string, params: [string, string][]) => string;
  params?: (params: [string, string][]) => [string, string][];
  algorithm?: 'HmacSHA1' | 'HmacSHA256';
}) {
  const now = Math.floor(Date.now() / 1000);
  const base: [string, string][] = [
    ['Action', 'DescribeDevices'],
    ['Version', '2021-04-08'],
    ['Region', 'ap-guangzhou'],
    ['Timestamp', String(now)],
    ['Nonce', '11886'],
    ['SecretId', ID],
    ['ProductId', 'DEMO000001'],
    ['Offset', '0'],
    ['Limit', '10'],
    ['DeviceName', 'thermo stat'],
    ...Array.from({ length: 12 }, (_, i): [string, string] => [`Filter.${i}`, `x${i}`]),
  ];
  const params = options.params?.(base) ?? base;
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Signed over the host without its port, which the emulator accepts for loopback (the official SDK signs v1 with
  // the port): the emulator diagnoses both forms.
  const right = `GET127.0.0.1/?${sorted.map(([k, v]) => `${k}=${v}`).join('&')}`;
  const signature = referenceV1(options.algorithm ?? 'HmacSHA1', KEY, options.signString?.(right, params) ?? right);
  const query = `${params.map(([k, v]) => `${k}=${rfc3986(v)}`).join('&')}&Signature=${rfc3986(signature)}`;
  return send('GET', `/?${query}`, [['Host', emulator.hostPort]], '');
}

test('v1 mistakes: values URL-encoded in the sign string, another method, HmacSHA256 without SignatureMethod, parameters not sorted', async () => {
  const right = await v1({});
  // The signature verifies; DescribeDevices then rejects Filter.N, which proves the request got past authentication.
  assert.equal(right.code, 'UnknownParameter', right.message);
  await expectNamed(v1({ signString: (s) => s.replace('thermo stat', 'thermo%20stat') }), 'v1-values-url-encoded');
  await expectNamed(v1({ signString: (s) => s.replace(/^GET/, 'POST') }), 'v1-wrong-method-host-path');
  await expectNamed(v1({ algorithm: 'HmacSHA256' }), 'v1-hmacsha256-without-signature-method');
  await expectNamed(v1({ signString: (_s, params) => `GET127.0.0.1/?${params.map(([k, v]) => `${k}=${v}`).join('&')}` }), 'v1-params-not-sorted');
});
