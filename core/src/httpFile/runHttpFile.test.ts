import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmulator } from '../emulator/createEmulator.js';
import { createDemoState } from '../emulator/demoState.js';
import { DEMO_CREDENTIAL } from '../emulator/EmulatorCredential.js';
import { utf8Encode } from '../encoding/bytes.js';
import type { Credentials } from '../request/ApiRequest.js';
import { parseEnvironments } from './parseEnvironments.js';
import { parseHttpFile } from './parseHttpFile.js';
import type { OutgoingRequest } from './prepareHttpFileRequest.js';
import { formatHttpFileRequest } from './formatHttpFileRequest.js';
import { runHttpFile, type HttpFileRunEvent, type HttpFileRunOptions } from './runHttpFile.js';

const NOW = 1_800_000_000;

/** The core's own emulator as the transport: the same verification of signatures and shadow versions as over HTTP. */
function emulatorTransport() {
  const emulator = createEmulator({ state: createDemoState(NOW * 1000), now: () => NOW * 1000, randomBytes: (n) => new Uint8Array(n).fill(9) });
  const sent: OutgoingRequest[] = [];
  const transport = async (request: OutgoingRequest) => {
    sent.push(request);
    const url = new URL(request.url);
    const answer = emulator.handle({
      method: request.method,
      target: url.pathname + url.search,
      // As fetch does: Host from the URL when the request does not carry one.
      headers: { host: url.host, ...Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])) },
      body: utf8Encode(request.body),
    });
    return { status: answer.status, headers: answer.headers, body: answer.body };
  };
  return { emulator, transport, sent };
}

const demoProfile = (profile: string | undefined): Credentials | string =>
  profile === undefined || profile === 'default' ? DEMO_CREDENTIAL : `profile ${profile}: only the environment's credentials are available`;

async function run(text: string, options: Partial<HttpFileRunOptions> = {}) {
  const { transport, sent, emulator } = emulatorTransport();
  const started = runHttpFile(parseHttpFile(text), {
    processEnv: { ID: DEMO_CREDENTIAL.secretId, KEY: DEMO_CREDENTIAL.secretKey },
    resolveCredentials: demoProfile,
    transport,
    now: () => NOW,
    clock: () => 0,
    random: () => 0.5,
    ...options,
  });
  const events: HttpFileRunEvent[] = [];
  for await (const event of started.events) events.push(event);
  return { events, sent, emulator, secrets: started.secrets };
}

const SHADOW_CHAIN = `
@endpoint = http://127.0.0.1:9180
### read
# @name shadow
POST {{endpoint}}/
Authorization: TC3 {{$processEnv ID}} {{$processEnv KEY}}
X-TC-Action: DescribeDeviceShadow
X-TC-Region: ap-guangzhou

{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}

### update with the version read above
# @name update
POST {{endpoint}}/
Authorization: TC3 region:ap-guangzhou
X-TC-Action: UpdateDeviceShadow

{"ProductId": "DEMO000001", "DeviceName": "thermostat-1", "State": "{\\"desired\\":{\\"targetTemperature\\":25}}", "ShadowVersion": {{shadow.response.body.$.Response.Data.payload.version}}}

### read again
# @name after
POST {{endpoint}}/
Authorization: TC3 service:iotcloud region:ap-guangzhou
X-TC-Action: DescribeDeviceShadow
X-TC-Version: 2021-04-08

{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}
`;

/** The first problem of a run refused before sending, or '' when it was not refused. */
const firstProblem = (events: HttpFileRunEvent[]) => {
  const first = events[0];
  return first?.kind === 'problems' ? (first.problems[0]?.message ?? '') : '';
};

const responses = (events: HttpFileRunEvent[]) => events.flatMap((e) => (e.kind === 'response' ? [e] : []));

test('three chained requests against the emulator: the version read is sent, the shadow changes, each signed by the core', async () => {
  const { events, sent, emulator, secrets } = await run(SHADOW_CHAIN);
  const answered = responses(events);
  assert.deepEqual(
    answered.map((e) => [e.request.name, e.outcome]),
    [
      ['shadow', 'ok'],
      ['update', 'ok'],
      ['after', 'ok'],
    ],
  );
  assert.match(sent[1]!.body, /"ShadowVersion": 2\}$/);
  const shadow = emulator.state.shadows.get('DEMO000001/thermostat-1')!;
  assert.equal(shadow.version, 3);
  assert.deepEqual((shadow.state.desired as Record<string, unknown>)['targetTemperature'], 25);
  assert.match(JSON.parse(answered[2]!.response.body).Response.Data, /"version":3/);
  // What each request was signed with, and what was filled in (and said).
  for (const request of sent)
    assert.match(request.headers['Authorization']!, /^TC3-HMAC-SHA256 Credential=AKIDDEMOiotdevkit0+\/\d{4}-\d{2}-\d{2}\/iotcloud\/tc3_request/);
  assert.equal(sent[1]!.headers['X-TC-Region'], 'ap-guangzhou');
  assert.equal(sent[0]!.headers['X-TC-Version'], '2021-04-08');
  assert.equal(sent[0]!.headers['Content-Type'], 'application/json');
  assert.deepEqual(answered[0]!.prepared.notes, [
    'service iotcloud: from the catalog (DescribeDeviceShadow), the host 127.0.0.1:9180 does not name one',
    'X-TC-Version 2021-04-08: from the catalog (iotcloud DescribeDeviceShadow)',
    'Content-Type application/json: added (TC3 signs it; API 3.0 POST bodies are JSON)',
  ]);
  assert.deepEqual(answered[2]!.prepared.notes, ['Content-Type application/json: added (TC3 signs it; API 3.0 POST bodies are JSON)']);
  assert.ok(secrets.has(DEMO_CREDENTIAL.secretKey), 'the key is known to the host, to be masked');
  assert.ok(!sent.some((r) => JSON.stringify(r).includes(DEMO_CREDENTIAL.secretKey)), 'the key itself is never sent');
});

test('--name: the named request and the ones it depends on, in file order', async () => {
  const update = await run(SHADOW_CHAIN, { name: 'update' });
  assert.deepEqual(
    responses(update.events).map((e) => e.request.name),
    ['shadow', 'update'],
  );
  const after = await run(SHADOW_CHAIN, { name: 'after' });
  assert.deepEqual(
    responses(after.events).map((e) => e.request.name),
    ['after'],
  );
  const byIndex = await run(SHADOW_CHAIN, { name: { index: 1 } });
  assert.deepEqual(
    responses(byIndex.events).map((e) => e.request.name),
    ['shadow', 'update'],
  );
  const outOfRange = await run(SHADOW_CHAIN, { name: { index: 3 } });
  assert.match(firstProblem(outOfRange.events), /request 4: the file has 3 request\(s\)/);
  const unknown = await run(SHADOW_CHAIN, { name: 'updat' });
  assert.equal(unknown.sent.length, 0);
  assert.match(firstProblem(unknown.events), /--name updat: no request is named updat; did you mean update\?/);
});

test('an API error is an outcome, and the requests that use its response are skipped, not sent', async () => {
  const { events, sent } = await run(SHADOW_CHAIN.replace('"DeviceName": "thermostat-1"}\n\n### update', '"DeviceName": "nobody"}\n\n### update'));
  assert.deepEqual(
    events.map((e) => [
      e.kind,
      'request' in e ? e.request.name : undefined,
      e.kind === 'response' ? e.explanation.error?.code : e.kind === 'skipped' ? e.because : undefined,
    ]),
    [
      ['response', 'shadow', 'ResourceNotFound.ProductOrDeviceNotExist'],
      ['skipped', 'update', 'it uses the response of shadow, which failed'],
      ['response', 'after', undefined],
    ],
  );
  assert.equal(sent.length, 2);
  assert.equal(responses(events)[0]!.outcome, 'apiError');
});

test('a path the response lacks stops that request with the line, after the requests above it were sent', async () => {
  const { events, sent } = await run(SHADOW_CHAIN.replace('$.Response.Data.payload.version', '$.Response.Data.payload.versoin'));
  const problem = events.find((e) => e.kind === 'problem');
  assert.ok(problem && problem.kind === 'problem');
  assert.equal(problem.problem.line, 18);
  assert.match(
    problem.problem.message,
    /\$\.Response\.Data\.payload\.versoin does not exist \(\$\.Response\.Data\.payload has state, metadata, timestamp, version\)/,
  );
  assert.equal(sent.length, 2, 'shadow and after were sent');
});

test('file errors are found before anything is sent: forward and unknown references, missing variables, bad TC3 forms', async () => {
  const cases: [string, number, RegExp][] = [
    [
      '# @name a\nPOST http://127.0.0.1:9180/\nX-V: {{b.response.body.$.x}}\n\n###\n# @name b\nGET http://127.0.0.1:9180/',
      3,
      /request b \(line 7\) comes after the request at line 2; requests are sent top to bottom/,
    ],
    ['# @name a\nPOST http://127.0.0.1:9180/\nX-V: {{shadw.response.body.$.x}}', 3, /no request is named shadw/],
    ['# @name a\nPOST http://127.0.0.1:9180/\nX-V: {{a.response.body.$.x}}', 3, /request a cannot use its own response/],
    ['POST http://127.0.0.1:9180/\nX-Product: {{productId}}', 2, /\{\{productId\}\}: not a file variable/],
    ['POST http://127.0.0.1:9180/\nAuthorization: TC3\n\n{}', 2, /X-TC-Action: <Action>/],
    [
      'POST http://127.0.0.1:9180/\nAuthorization: TC3 profile:prod\nX-TC-Action: DescribeDevice\n\n{}',
      2,
      /TC3: profile prod: only the environment's credentials/,
    ],
    [
      'POST http://127.0.0.1:9180/\nAuthorization: TC3 {{$processEnv KEY}}\nX-TC-Action: DescribeDevice\n\n{}',
      2,
      /expected "TC3", "TC3 profile:<name>" or "TC3 <SecretId> <SecretKey> \[<token>\]"/,
    ],
    [
      'POST http://127.0.0.1:9180/\nAuthorization: TC3 profile:a {{$processEnv ID}} {{$processEnv KEY}}\nX-TC-Action: DescribeDevice',
      2,
      /either profile:<name> or a SecretId and SecretKey/,
    ],
    ['POST http://127.0.0.1:9180/\nAuthorization: TC3 colour:red\nX-TC-Action: DescribeDevice', 2, /unknown option colour:/],
    ['POST http://127.0.0.1:9180/\nAuthorization: TC3\nX-TC-Action: MakeCoffee', 2, /which service signs MakeCoffee\? .*add service:<name>/],
    [
      'POST http://127.0.0.1:9180/\nAuthorization: TC3 service:iotcloud\nX-TC-Action: MakeCoffee',
      2,
      /add an "X-TC-Version: <version>" header: MakeCoffee is not in the catalog/,
    ],
    ['PUT http://127.0.0.1:9180/\nAuthorization: TC3\nX-TC-Action: DescribeDevice', 1, /PUT: TC3-HMAC-SHA256 signs GET and POST only/],
    ['GET http://127.0.0.1:9180/\nAuthorization: TC3\nX-TC-Action: DescribeDevice\n\n{"a":1}', 5, /a TC3 GET request has no body/],
    [
      'POST http://127.0.0.1:9180/\nAuthorization: TC3 region:ap-guangzhou\nX-TC-Region: ap-beijing\nX-TC-Action: DescribeDevice',
      2,
      /region:ap-guangzhou and the X-TC-Region header \(ap-beijing\) disagree/,
    ],
    ['POST ftp://127.0.0.1/\nAuthorization: TC3\nX-TC-Action: DescribeDevice', 1, /url/],
  ];
  for (const [text, line, message] of cases) {
    const { events, sent } = await run(`${text}\n###\nGET http://127.0.0.1:9180/_emulator`);
    assert.equal(sent.length, 0, text);
    const first = events[0];
    assert.ok(first?.kind === 'problems', `${text}: ${JSON.stringify(events[0])}`);
    assert.match(first.problems[0]!.message, message, text);
    assert.equal(first.problems[0]!.line, line, `${text}: ${first.problems[0]!.message}`);
    assert.ok(!first.problems[0]!.message.includes(DEMO_CREDENTIAL.secretKey), 'a message never repeats a key');
  }
});

test('environments: the selected one over $shared; an unknown one is a problem naming the others', async () => {
  const envs = parseEnvironments(
    JSON.stringify({ $shared: { endpoint: 'http://127.0.0.1:9180', device: 'thermostat-1' }, two: { device: 'thermostat-2' } }),
    'e.json',
  );
  assert.ok(envs.ok);
  const file = `POST {{endpoint}}/\nAuthorization: TC3 region:ap-guangzhou\nX-TC-Action: DescribeDeviceShadow\n\n{"ProductId": "DEMO000001", "DeviceName": "{{device}}"}`;
  const shared = await run(file, { environments: envs.environments });
  assert.match(shared.sent[0]!.body, /thermostat-1/);
  const two = await run(file, { environments: envs.environments, environmentName: 'two' });
  assert.match(two.sent[0]!.body, /thermostat-2/);
  assert.match(JSON.parse(responses(two.events)[0]!.response.body).Response.Data, /"mode":"eco"/);
  const none = await run(file, { environments: envs.environments, environmentName: 'three' });
  assert.match(firstProblem(none.events), /--env three: no such environment; the environments file has two/);
});

test('a request without the TC3 form is sent as written (the emulator admin routes, another API)', async () => {
  const { events, sent } = await run('GET http://127.0.0.1:9180/_emulator/devices/DEMO000001/thermostat-1/shadow\nAccept: application/json');
  assert.equal(sent[0]!.headers['Authorization'], undefined);
  assert.equal(responses(events)[0]!.response.status, 200);
});

test('a dry run signs every request and sends none', async () => {
  const { events, sent } = await run(SHADOW_CHAIN, { dryRun: true });
  assert.equal(sent.length, 0);
  assert.deepEqual(
    events.map((e) => e.kind),
    ['prepared', 'prepared', 'prepared'],
  );
  const update = events[1]!;
  assert.ok(update.kind === 'prepared');
  assert.match(update.prepared.outgoing.body, /"ShadowVersion": \{\{shadow\.response\.body\.\$\.Response\.Data\.payload\.version\}\}/);
  assert.ok(update.prepared.signing!.authorization.startsWith('TC3-HMAC-SHA256 '));
});

test('a URL taken from an earlier response is checked when that response is in, not before', async () => {
  const text = `@endpoint = http://127.0.0.1:9180
# @name publish
POST {{endpoint}}/
Authorization: TC3 region:ap-guangzhou
X-TC-Action: PublishMessage

{"ProductId": "DEMO000001", "DeviceName": "thermostat-1", "Topic": "DEMO000001/thermostat-1/data", "Payload": "{{endpoint}}/"}

###
# @name messages
GET {{endpoint}}/_emulator/messages

###
POST {{messages.response.body.$.Messages[0].Payload}}
Authorization: TC3 region:ap-guangzhou
X-TC-Action: DescribeDeviceShadow

{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}
`;
  const { events, sent } = await run(text);
  assert.deepEqual(
    events.map((e) => (e.kind === 'response' ? e.outcome : e.kind)),
    ['ok', 'ok', 'ok'],
  );
  assert.equal(sent[2]!.url, 'http://127.0.0.1:9180/');
  const wrong = await run(text.replace('"Payload": "{{endpoint}}/"', '"Payload": "not a url"'));
  const problem = wrong.events.find((e) => e.kind === 'problem');
  assert.ok(problem?.kind === 'problem');
  assert.deepEqual([problem.problem.line, problem.problem.column], [14, 6]);
  assert.match(problem.problem.message, /url/);
});

test('the TC3 form: a third value is the session token; options in any order', async () => {
  const { sent } = await run(
    `POST http://127.0.0.1:9180/\nAuthorization: TC3 region:ap-guangzhou {{$processEnv ID}} {{$processEnv KEY}} tokenMadeUp0000 service:iotcloud\nX-TC-Action: DescribeDeviceShadow\nX-TC-Version: 2021-04-08\n\n{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}`,
    { dryRun: false },
  );
  assert.equal(sent[0]!.headers['X-TC-Token'], 'tokenMadeUp0000');
  assert.equal(sent[0]!.headers['X-TC-Region'], 'ap-guangzhou');
});

test('a call saved as a .http request (formatHttpFileRequest) runs: profile-signed, its PSK read from the environment', async () => {
  const psk = 'c2F2ZWRSZXF1ZXN0UHNrMDAwMDAwMDA=';
  const formatted = formatHttpFileRequest({
    service: 'iotcloud',
    version: '2021-04-08',
    action: 'CreateDevice',
    region: 'ap-guangzhou',
    endpoint: 'http://127.0.0.1:9180',
    profile: 'default',
    params: { ProductId: 'DEMO000001', DeviceName: 'saved-device', DefinedPsk: psk },
  });
  assert.ok(formatted.ok);
  const { events, sent } = await run(formatted.text, { processEnv: { DEFINED_PSK: psk } });
  assert.deepEqual(
    responses(events).map((e) => [e.request.name, e.outcome, e.response.status]),
    [['createDevice', 'ok', 200]],
  );
  assert.equal(JSON.parse(sent[0]!.body).DefinedPsk, psk, 'the value sent is the environment variable');
});
