import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildHttpRequest, toCurl, toFetch, toHttpie, toSdkCall, toTccli, type ApiRequest } from '@iot-devkit/core';
import { startVerifyingServer } from '../support/verifyingServer.js';

// Every export format is run for real where its tool exists here (curl, fetch, the official SDK) against a
// server on 127.0.0.1 that verifies the signature; HTTPie and tccli are not installable here, so their
// commands are tokenized back and compared with the request.
const secretKey = 'exportTestFakeSecretKey000000000';
const credentials = { secretId: 'AKIDexportTestFake', secretKey };
let server: Awaited<ReturnType<typeof startVerifyingServer>>;
let request: ApiRequest;
before(async () => {
  server = await startVerifyingServer(secretKey);
  request = {
    service: 'iotcloud',
    version: '2021-04-08',
    action: 'UpdateDeviceShadow',
    region: 'ap-guangzhou',
    endpoint: server.endpoint,
    params: { ProductId: 'ABCDEFGHIJ', DeviceName: "dev'1", State: JSON.stringify({ desired: { note: "it's $HOME `x` \\n 温度" } }), ShadowVersion: 3 },
  };
});
after(() => server.close());

const now = () => Math.floor(Date.now() / 1000);
// Async on purpose: the verifying server runs in this process, so a synchronous spawn would deadlock it.
const run = promisify(execFile);

/** A POSIX-shell tokenizer for the quoting our exporters produce (single quotes, '\'' escapes, line continuations). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      current += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '\\' && command[i + 1] === '\n') {
      i++;
    } else if (c === '\\') {
      current += command[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

test('curl: the exported command, run by curl, is accepted by the verifying server with the same body', async () => {
  const signed = buildHttpRequest(request, { credentials, timestamp: now() });
  const result = await run('bash', ['-c', toCurl(signed) + ' -sS --max-time 20'], { encoding: 'utf8' });
  const got = server.received.at(-1)!;
  assert.equal(got.verified, true, result.stdout);
  assert.equal(got.body, signed.body);
  assert.ok(!toCurl(signed).includes(secretKey));
});

test('fetch: the exported snippet, run in Node, is accepted by the verifying server', async () => {
  const signed = buildHttpRequest(request, { credentials, timestamp: now() });
  const logged: unknown[] = [];
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  await new AsyncFunction('fetch', 'console', toFetch(signed))(fetch, { log: (v: unknown) => logged.push(v) });
  assert.equal(server.received.at(-1)!.verified, true);
  assert.deepEqual(logged, [{ Response: { RequestId: `req-${server.received.length}` } }]);
});

test('sdk: the exported official-SDK call, run by node with credentials from the environment, is accepted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdk-export-'));
  const file = join(dir, 'call.cjs');
  writeFileSync(file, toSdkCall(request));
  const before = server.received.length;
  await run(process.execPath, [file], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_PATH: new URL('../../node_modules', import.meta.url).pathname,
      TENCENTCLOUD_SECRET_ID: credentials.secretId,
      TENCENTCLOUD_SECRET_KEY: secretKey,
    },
  });
  assert.equal(server.received.length, before + 1);
  const got = server.received.at(-1)!;
  assert.equal(got.verified, true);
  assert.deepEqual(JSON.parse(got.body), request.params);
  assert.ok(!toSdkCall(request).includes(secretKey));
});

test('httpie: method, URL, every signed header and the raw body survive the shell quoting', () => {
  const signed = buildHttpRequest(request, { credentials, timestamp: now() });
  const words = shellWords(toHttpie(signed));
  assert.deepEqual(words.slice(0, 4), ['http', '--ignore-stdin', 'POST', signed.url]);
  for (const [name, value] of Object.entries(signed.headers)) if (name !== 'Host') assert.ok(words.includes(`${name}:${value}`), name);
  assert.equal(words[words.indexOf('--raw') + 1], signed.body);
});

test('tccli: service, action, version, region, endpoint and each parameter survive the shell quoting', () => {
  const words = shellWords(toTccli(request));
  assert.deepEqual(words.slice(0, 3), ['tccli', 'iotcloud', 'UpdateDeviceShadow']);
  const flag = (name: string) => words[words.indexOf(`--${name}`) + 1];
  assert.equal(flag('version'), '2021-04-08');
  assert.equal(flag('region'), 'ap-guangzhou');
  assert.equal(flag('endpoint'), server.endpoint.replace('http://', '').replace(/\/$/, ''));
  assert.equal(flag('DeviceName'), "dev'1");
  assert.equal(flag('State'), request.params['State']);
  assert.equal(flag('ShadowVersion'), '3');
});
