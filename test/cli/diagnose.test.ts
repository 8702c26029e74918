import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { toCurl } from '@iot-devkit/core';
import { runCli } from '../support/cli.js';
import { capturedTc3, referenceTc3, referenceV1, rfc3986, utcDate } from '../diagnosis/referenceSigners.js';

const KEY = 'cliDiagnoseOnlyFakeSecretKey1234';
const SECRET_ID = 'AKIDcliDiagnoseOnlyFake';
const HOST = 'iotcloud.tencentcloudapi.com';
const TS = 1551113065;
const BODY = '{"ProductId":"ABCDEFGHIJ","DeviceName":"设备1"}';
const env = { TENCENTCLOUD_SECRET_KEY: KEY };
const dir = mkdtempSync(join(tmpdir(), 'iot-devkit-diagnose-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A captured request whose signature a client made with the given date and Content-Type, sent with application/json. */
function signedRequest(options: { date?: string; contentType?: string; timestamp?: number } = {}) {
  const timestamp = options.timestamp ?? TS;
  const canonicalHeaders = `content-type:${options.contentType ?? 'application/json'}\nhost:${HOST}\n`;
  const raw = {
    canonicalHeaders,
    signedHeaders: 'content-type;host',
    payload: BODY,
    timestamp,
    date: options.date ?? utcDate(timestamp),
    service: 'iotcloud',
    secretKey: KEY,
  };
  const signed = referenceTc3(raw);
  const request = capturedTc3({
    headers: [
      ['Content-Type', 'application/json'],
      ['X-TC-Action', 'DescribeDevice'],
      ['X-TC-Timestamp', String(timestamp)],
    ],
    body: BODY,
    secretId: SECRET_ID,
    date: raw.date,
    service: 'iotcloud',
    signedHeaders: raw.signedHeaders,
    signature: signed.signature,
  });
  return { request, ...signed };
}
const curlOf = (r: ReturnType<typeof signedRequest>['request']) =>
  toCurl({ method: 'POST', url: r.url, headers: Object.fromEntries(r.headers.map((h) => [h.name, h.value])), body: r.body });
const rawOf = (r: ReturnType<typeof signedRequest>['request']) =>
  [`POST / HTTP/1.1`, `Host: ${HOST}`, ...r.headers.map((h) => `${h.name}: ${h.value}`), '', r.body].join('\r\n');

test('--json prints the verdict, then match, cause, explanation, firstDifferingStep and ruledOut; a correct request matches (curl from stdin)', () => {
  const result = runCli(['diagnose', '--curl', '-', '--json'], { input: curlOf(signedRequest().request), env });
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(out).slice(0, 6), ['verdict', 'match', 'cause', 'explanation', 'firstDifferingStep', 'ruledOut']);
  assert.equal(out.verdict.kind, 'signature-correct');
  assert.equal(out.match, true);
  assert.equal(out.cause, null);
  assert.equal(out.firstDifferingStep, null);
  assert.ok(!result.stdout.includes(KEY));
});

test('the local-date mistake from a raw HTTP file: named, with the differing credential scope', () => {
  const path = file('local-date.http', rawOf(signedRequest({ date: '2019-02-26' }).request));
  const result = runCli(['diagnose', '--raw', path, '--json'], { env });
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.match, false);
  assert.equal(out.cause, 'local-date-not-utc');
  assert.match(out.explanation.en, /between 00:00 and 08:00/);
  assert.equal(out.firstDifferingStep.step, 'credentialScope');
});

test('for a person: the verdict first, the explanation in both languages, the steps, the key masked', () => {
  const path = file('charset.curl', curlOf(signedRequest({ contentType: 'application/json; charset=utf-8' }).request));
  const result = runCli(['diagnose', '--curl', path], { env });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.match(lines[0]!, /^Verdict: cause found \(content-type-mismatch\) — Content-Type/);
  assert.match(result.stdout, /文档原文/);
  assert.match(result.stdout, /First differing step: canonicalRequest/);
  assert.match(result.stdout, /SecretKey\s+cliD\*\*\*\*\s+\(from \$TENCENTCLOUD_SECRET_KEY\)/);
  assert.match(result.stdout, /Expected steps:/);
  assert.ok(!result.stdout.includes(KEY) && !result.stderr.includes(KEY), 'the SecretKey is never printed');
});

test('a HAR gives the sent time: a timestamp 8 hours off is clock skew; --secret-key-env names another variable', () => {
  const { request } = signedRequest();
  const har = {
    log: {
      entries: [
        {
          startedDateTime: new Date((TS + 8 * 3600) * 1000).toISOString(),
          request: { method: 'POST', url: request.url, headers: request.headers, postData: { mimeType: 'application/json', text: request.body } },
        },
      ],
    },
  };
  const result = runCli(['diagnose', '--har', file('skew.har', JSON.stringify(har)), '--secret-key-env', 'MY_KEY', '--json'], { env: { MY_KEY: KEY } });
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.match, true);
  assert.equal(out.cause, 'clock-skew');
});

test('--canonical-request: the first differing character of the pasted string, its final newline ignored', () => {
  const { request, canonicalRequest } = signedRequest({ contentType: 'application/json; charset=utf-8' });
  const result = runCli(
    [
      'diagnose',
      '--curl',
      file('c.curl', curlOf(request)),
      '--canonical-request',
      file('cr.txt', canonicalRequest + '\n'),
      '--error-code',
      'AuthFailure.SignatureFailure',
      '--json',
    ],
    { env },
  );
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.firstDifferingStep.source, 'supplied');
  assert.equal(out.firstDifferingStep.part, 'CanonicalHeaders');
  assert.equal(out.firstDifferingStep.diff.line, 4);
});

test('v1 from a raw GET; an unknown cause is still a verdict (exit 0)', () => {
  const params: [string, string][] = [
    ['Action', 'DescribeProducts'],
    ['Nonce', '1'],
    ['SecretId', SECRET_ID],
    ['Timestamp', String(TS)],
    ['Version', '2021-04-08'],
  ];
  const signString = `GET${HOST}/?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
  const raw = (key: string) =>
    `GET /?${params.map(([k, v]) => `${k}=${rfc3986(v)}`).join('&')}&Signature=${rfc3986(referenceV1('HmacSHA1', key, signString))} HTTP/1.1\nHost: ${HOST}\n\n`;
  const ok = JSON.parse(runCli(['diagnose', '--raw', '-', '--json'], { input: raw(KEY), env }).stdout);
  assert.equal(ok.match, true);
  const unknown = runCli(['diagnose', '--raw', '-', '--json'], { input: raw('anotherMadeUpKey0000000000000000'), env });
  assert.equal(unknown.status, 0);
  const out = JSON.parse(unknown.stdout);
  assert.equal(out.cause, null);
  assert.ok(out.ruledOut.includes('v1-params-sorted-numerically'));
});

test('bad input: one stderr line naming the option and what was expected, exit code 2', () => {
  const good = file('good.curl', curlOf(signedRequest().request));
  const cases: [string[], Record<string, string>, string, RegExp][] = [
    [['diagnose'], env, '', /expected the captured request: --curl FILE\|-, --raw FILE\|- or --har FILE\|-/],
    [['diagnose', '--curl', good, '--raw', good], env, '', /expected one of --curl, --raw, --har/],
    [['diagnose', '--curl', good], {}, '', /--secret-key-env: expected the SecretKey in environment variable TENCENTCLOUD_SECRET_KEY/],
    [['diagnose', '--curl', join(dir, 'missing.curl')], env, '', /--curl: expected a readable file .*ENOENT/],
    [['diagnose', '--curl', '-'], env, 'curl -X POST', /--curl: curl: expected a URL after "-X POST"/],
    [['diagnose', '--raw', '-'], env, 'hello', /--raw: raw HTTP: line 1 should be METHOD SP target SP HTTP\/1\.1/],
    [['diagnose', '--har', '-'], env, '{', /--har: HAR: expected JSON/],
    [['diagnose', '--curl', good, '--sent-at', 'yesterday'], env, '', /--sent-at: a Unix time in seconds/],
    [
      ['diagnose', '--curl', '-'],
      env,
      'curl https://iotcloud.tencentcloudapi.com/ -d x',
      /--curl: an Authorization: TC3-HMAC-SHA256 … header .* or a Signature parameter/,
    ],
    [['diagnose', '--curl', good, '--secret-key-env', KEY + '!'], env, '', /--secret-key-env: expected an environment variable name/],
  ];
  for (const [args, caseEnv, input, message] of cases) {
    const result = runCli(args, { env: caseEnv, input });
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}${result.stdout.slice(0, 200)}`);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
    assert.ok(!result.stderr.includes(KEY));
  }
});

test('diagnose is listed in --help and has its own usage', () => {
  assert.match(runCli(['--help']).stdout, /diagnose\s+Say why a captured request's signature fails/);
  assert.match(runCli(['diagnose', '--help']).stdout, /--canonical-request FILE/);
});

test('diagnose --curl: headers named constructor, __proto__, toString and hasOwnProperty are signed headers like any other', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const lower = name.toLowerCase();
    const canonicalHeaders = `content-type:application/json\nhost:${HOST}\n${lower}:x\n`
      .split('\n')
      .filter(Boolean)
      .sort()
      .map((l) => l + '\n')
      .join('');
    const signedHeaders = canonicalHeaders
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(0, l.indexOf(':')))
      .join(';');
    const signed = referenceTc3({ canonicalHeaders, signedHeaders, payload: BODY, timestamp: TS, date: utcDate(TS), service: 'iotcloud', secretKey: KEY });
    const request = capturedTc3({
      headers: [
        ['Content-Type', 'application/json'],
        [name, 'x'],
        ['X-TC-Action', 'DescribeDevice'],
        ['X-TC-Timestamp', String(TS)],
      ],
      body: BODY,
      secretId: SECRET_ID,
      date: utcDate(TS),
      service: 'iotcloud',
      signedHeaders,
      signature: signed.signature,
    });
    const result = runCli(['diagnose', '--curl', file(`proto-${lower}.sh`, curlOf(request)), '--json'], { env });
    assert.equal(result.status, 0, `${name}: ${result.stderr}`);
    assert.equal(JSON.parse(result.stdout).match, true, `${name}: the signature over a header named ${name} is reproduced`);
  }
});

test('a body edited after signing: the verdict ranks what remains and says how to decide; ruled-out comes last', () => {
  const { request } = signedRequest();
  const edited = { ...request, body: BODY.replace('设备1', '设备2') };
  const result = runCli(['diagnose', '--curl', file('edited.curl', curlOf(edited)), '--error-code', 'AuthFailure.SignatureFailure'], { env });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^Verdict: not reproduced — No known mistake reproduces this signature/);
  assert.match(
    result.stdout,
    /What remains, most likely first:\n {2}1\. .*\(request-changed-after-signing\)|What remains, most likely first:\n {2}1\. .*\(wrong-secret-key\)/,
  );
  assert.match(result.stdout, /request-changed-after-signing/);
  assert.match(result.stdout, /wrong-secret-key/);
  assert.match(result.stdout, /Decide with:/);
  assert.match(lines.at(-1)!, /^Ruled out \(\d+, \d+ re-signings\): /);
  assert.ok(result.stdout.indexOf('Verdict:') < result.stdout.indexOf('Ruled out'));
  const json = JSON.parse(runCli(['diagnose', '--curl', file('edited2.curl', curlOf(edited)), '--json'], { env }).stdout);
  assert.equal(json.verdict.kind, 'not-reproduced');
  assert.ok(json.verdict.fix.en.length > 0);
  assert.deepEqual(
    json.verdict.ruledOut.map((r: { cause: string }) => r.cause),
    json.ruledOut,
  );
});
