import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HttpFileProblem, Template } from './HttpFile.js';
import { parseEnvironments } from './parseEnvironments.js';
import { parseTemplate } from './parseTemplate.js';
import { parseJsonPath, readJsonPath } from './readJsonPath.js';
import { isSecretEnvName, MAX_RESOLVED_LENGTH, TemplateResolver, type TemplateScope } from './resolveTemplate.js';

const template = (raw: string, line = 1): Template => {
  const problems: HttpFileProblem[] = [];
  const parsed = parseTemplate(raw, { line, column: 1 }, problems);
  assert.deepEqual(problems, [], raw);
  return parsed;
};

const scope = (overrides: Partial<TemplateScope> = {}): TemplateScope => ({
  fileVariables: new Map(),
  environment: new Map(),
  shared: new Map(),
  processEnv: {},
  responses: new Map(),
  timestamp: 1_700_000_000,
  random: () => 0.5,
  ...overrides,
});

const resolve = (raw: string, s: TemplateScope) => new TemplateResolver(s).resolve(template(raw, 7));

test('file variables over environment variables over $shared; variables may use variables', () => {
  const environments = parseEnvironments(
    JSON.stringify({ $shared: { host: 'shared.test', port: '1' }, dev: { port: '9180', url: 'http://{{$shared host}}' } }),
    'envs.json',
  );
  assert.ok(environments.ok);
  const dev = environments.environments.byName.get('dev')!;
  const s = scope({
    fileVariables: new Map([
      ['base', template('{{url}}:{{port}}')],
      ['port', template('8080')],
    ]),
    environment: new Map([...environments.environments.shared, ...dev]),
    shared: environments.environments.shared,
    environmentName: 'dev',
  });
  assert.deepEqual(resolve('{{base}}/x', s), { ok: true, text: 'http://shared.test:8080/x' });
  assert.deepEqual(resolve('{{url}}', s), { ok: true, text: 'http://shared.test' });
});

test('system variables: $processEnv, $timestamp, $guid, $randomInt', () => {
  const s = scope({ processEnv: { PAGE: '3' }, random: () => 0.25 });
  assert.deepEqual(resolve('{{$processEnv PAGE}} {{$timestamp}} {{$randomInt 10 20}}', s), { ok: true, text: '3 1700000000 12' });
  const guid = resolve('{{$guid}}', scope({ random: Math.random }));
  assert.ok(guid.ok && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(guid.text), JSON.stringify(guid));
});

test('secret $processEnv values are collected for masking; others are not', () => {
  const resolver = new TemplateResolver(
    scope({ processEnv: { TENCENTCLOUD_SECRET_KEY: 'k'.repeat(32), PRODUCT: 'DEMO000001', MY_DEVICE_PSK: 'p'.repeat(24) } }),
  );
  assert.ok(resolver.resolve(template('{{$processEnv TENCENTCLOUD_SECRET_KEY}} {{$processEnv PRODUCT}} {{$processEnv MY_DEVICE_PSK}}')).ok);
  assert.deepEqual([...resolver.secrets], ['k'.repeat(32), 'p'.repeat(24)]);
  assert.ok(isSecretEnvName('TENCENTCLOUD_SESSION_TOKEN') && isSecretEnvName('TENCENTCLOUD_SECRET_KEY') && !isSecretEnvName('TENCENTCLOUD_SECRET_ID'));
});

test('response variables: JSON path into the body (and into a string holding JSON), headers by any case, the whole body', () => {
  const body = JSON.stringify({
    Response: { Data: JSON.stringify({ payload: { version: 7, state: { desired: { on: true } } } }), Items: [{ Name: 'a' }, { Name: 'b' }] },
  });
  const s = scope({ responses: new Map([['shadow', { status: 200, headers: { 'x-request-id': 'r-1' }, body }]]) });
  assert.deepEqual(resolve('{{shadow.response.body.$.Response.Data.payload.version}}', s), { ok: true, text: '7' });
  assert.deepEqual(resolve('{{shadow.response.body.$.Response.Data.payload.state}}', s), { ok: true, text: '{"desired":{"on":true}}' });
  assert.deepEqual(resolve('{{shadow.response.body.$.Response.Items[1].Name}}', s), { ok: true, text: 'b' });
  assert.deepEqual(resolve('{{shadow.response.headers.X-Request-Id}}', s), { ok: true, text: 'r-1' });
  assert.deepEqual(resolve('{{shadow.response.body.*}}', s), { ok: true, text: body });
});

test('each failure names the line, the placeholder and what is there instead', () => {
  const body = JSON.stringify({ Response: { Items: [1], RequestId: 'x' } });
  const s = scope({
    fileVariables: new Map([
      ['a', template('{{b}}', 2)],
      ['b', template('{{a}}', 3)],
      ['host', template('h')],
    ]),
    responses: new Map([['list', { status: 200, headers: {}, body }]]),
  });
  const cases: [string, RegExp][] = [
    ['{{hots}}', /\{\{hots\}\}: not a file variable \(@hots = …\) and no --env environment is selected; did you mean host\?/],
    ['{{a}}', /the variable refers to itself \(a → b → a\)/],
    ['{{$processEnv NOPE}}', /the environment variable NOPE is not set/],
    ['{{other.response.body.$.x}}', /request other has not been sent in this run/],
    ['{{list.response.body.$.Response.Missing}}', /\$\.Response\.Missing does not exist \(\$\.Response has Items, RequestId\)/],
    ['{{list.response.body.$.Response.Items[3]}}', /\$\.Response\.Items has 1 item\(s\), so \$\.Response\.Items\[3\] does not exist/],
    ['{{list.response.body.$.Response.RequestId.x}}', /\$\.Response\.RequestId is not an object/],
    ['{{list.response.headers.X-Nope}}', /list's response has no X-Nope header/],
  ];
  for (const [raw, message] of cases) {
    const resolved = resolve(raw, s);
    assert.ok(!resolved.ok, raw);
    // A cycle is reported where it closes: in @b's definition (line 3).
    assert.equal(resolved.problem.line, raw === '{{a}}' ? 3 : 7, raw);
    assert.match(resolved.problem.message, message);
  }
  const notJson = resolve('{{t.response.body.$.a}}', scope({ responses: new Map([['t', { status: 200, headers: {}, body: '<html>' }]]) }));
  assert.ok(!notJson.ok && /t's response: not valid JSON/.test(notJson.problem.message));
});

test('a dry run keeps response variables as written', () => {
  assert.deepEqual(resolve('v={{shadow.response.body.$.a}}', scope({ keepMissingResponses: true })), { ok: true, text: 'v={{shadow.response.body.$.a}}' });
});

test('exponential variables stop at the length limit instead of eating memory', () => {
  const fileVariables = new Map<string, Template>([['v0', template('x'.repeat(1000))]]);
  for (let i = 1; i <= 30; i++) fileVariables.set(`v${i}`, template(`{{v${i - 1}}}{{v${i - 1}}}`));
  const resolved = resolve('{{v30}}', scope({ fileVariables }));
  assert.ok(!resolved.ok);
  assert.match(resolved.problem.message, new RegExp(`grows past ${MAX_RESOLVED_LENGTH} characters`));
});

test('JSON paths: the $.a.b[0] subset, anything else refused by name', () => {
  assert.deepEqual(parseJsonPath('$'), []);
  assert.deepEqual(parseJsonPath('$.a[0][12].b-c'), ['a', 0, 12, 'b-c']);
  for (const bad of ['a.b', '$..a', '$.a[*]', "$['a']", '$.a[', '$.', '$.a.*', '$a']) assert.equal(typeof parseJsonPath(bad), 'string', bad);
  assert.deepEqual(readJsonPath({ a: [{ b: null }] }, ['a', 0, 'b']), { found: true, value: null });
  assert.equal(readJsonPath({ ['__proto__']: 1 }, ['toString']).found, false, 'only own keys');
});

test('environments: shape, names and values checked; a secret only by reference', () => {
  const bad = parseEnvironments(
    JSON.stringify({
      $shared: { a: { nested: true }, 'b c': '1', self: '{{$shared a}}' },
      dev: { secretKey: 'literal-secret-value', token: '{{$processEnv TENCENTCLOUD_SESSION_TOKEN}}', x: '{{other}}', y: '{{r.response.body.$.a}}' },
      'bad name': {},
      list: [],
    }),
    'envs.json',
  );
  assert.ok(!bad.ok);
  const text = bad.problems.join('\n');
  for (const expected of [
    /envs\.json: \$shared\.a: expected a text value/,
    /envs\.json: \$shared\.b c: a variable name/,
    /\$shared\.self: \{\{\$shared a\}\}: \$shared cannot refer to itself/,
    /dev\.secretKey: a secret is never written in this file .*\{\{\$processEnv NAME\}\}/,
    /dev\.x: \{\{other\}\}: an environment value may use \{\{\$shared name\}\}/,
    /dev\.y: .*an environment value may use/,
    /environment "bad name": a name of letters/,
    /list: expected an object of variable name to text value/,
  ])
    assert.match(text, expected);
  assert.ok(!text.includes('literal-secret-value'), 'the secret is not repeated');
  assert.doesNotMatch(text, /dev\.token/);
  const notJson = parseEnvironments('{"dev": ', 'envs.json');
  assert.ok(!notJson.ok && /envs\.json: not valid JSON.*expected \{"\$shared"/.test(notJson.problems[0]!));
  const ok = parseEnvironments('{"local": {"n": 3, "b": true}, "prod": {}}', 'e.json');
  assert.ok(ok.ok);
  assert.deepEqual(ok.environments.names, ['local', 'prod']);
  assert.equal(ok.environments.byName.get('local')!.get('n')!.raw, '3');
});
