import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_CREDENTIAL } from '@iot-devkit/core';
import { runCli } from '../support/cli.js';
import { expectOk, sdkClient } from './harness.js';

const bin = new URL('../../cli/bin/iot-devkit.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'iot-devkit-emulator-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** MQTT off: these tests are about the HTTP side, and 1883/8083 may be taken by another test file or a local broker. */
const NO_MQTT = ['--mqtt-port', '0', '--mqtt-ws-port', '0'];

/** `npx iot-devkit emulator …` as a real process; resolves once it says it is listening. */
async function startCli(
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; stdout: () => string; endpoint: string; exit: Promise<number | null> }> {
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, [bin, 'emulator', ...NO_MQTT, ...args], { env: { PATH: process.env['PATH'] ?? '' } });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (stdout.includes('Listening.')) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
    void exit.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited ${code}: ${stderr}${stdout}`));
    });
  });
  const endpoint = /Endpoint\s+(http:\/\/\S+)/.exec(stdout)?.[1];
  assert.ok(endpoint, stdout);
  return { child, stdout: () => stdout, endpoint, exit };
}

test('--help documents the options and the admin routes; bad options exit 2 with one line', () => {
  const help = runCli(['emulator', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--data FILE/);
  assert.match(help.stdout, /POST {3}\/_emulator\/devices\/<ProductId>\/<DeviceName>\/reported/);
  const badPort = runCli(['emulator', '--port', '70000']);
  assert.equal(badPort.status, 2);
  assert.equal(badPort.stderr.trim().split('\n').length, 1);
  assert.match(badPort.stderr, /--port: a port number 0-65535/);
  assert.equal(runCli(['emulator', '--demo', '--empty']).status, 2);
  assert.match(help.stdout, /--allow-host H/);
  assert.match(help.stdout, /Refused with 403 and no effect: a Host it does not serve \(DNS rebinding\)/);
  const badHost = runCli(['emulator', '--allow-host', 'evil.test/path']);
  assert.equal(badHost.status, 2);
  assert.match(badHost.stderr, /--allow-host: a host name or address with an optional port/);
});

test('it starts on a free port, prints the endpoint and the demo key (in full once, to copy), self-checks, serves the SDK, and stops cleanly', async () => {
  const dataFile = join(dir, 'state.json');
  const { child, stdout, endpoint, exit } = await startCli(['--port', '0', '--data', dataFile, '--allow-host', 'localhost:9999']);
  const printed = stdout();
  const port = /:(\d+)\/$/.exec(endpoint)![1]!;
  assert.match(
    printed,
    new RegExp(`Answers\\s+Host 127\\.0\\.0\\.1:${port}, localhost:${port}, \\[::1\\]:${port}, localhost:9999 \\(any other Host gets 403\\)`),
  );
  assert.match(printed, /SecretId\s+AKIDDEMOiotdevkit0000000000000000000/);
  assert.match(printed, /SecretKey\s+DEMO\*\*\*\*\s+\(a made-up demo key/);
  assert.equal(printed.split(DEMO_CREDENTIAL.secretKey).length - 1, 1, 'the full key appears exactly once, on the line meant for copying');
  assert.match(printed, /export TENCENTCLOUD_SECRET_KEY=\S+\s+# the demo key/);
  assert.match(printed, /Self-check: DescribeDeviceShadow DEMO000001\/thermostat-1 signed with TC3 and verified: version 2, delta \{"targetTemperature":22\}/);
  assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const call = sdkClient(endpoint.slice('http://'.length, -1), { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  expectOk(await call('CreateDevice', { ProductId: 'DEMO000001', DeviceName: 'from-cli-test' }), 'CreateDevice');
  child.kill('SIGTERM');
  assert.equal(await exit, 0);
  assert.match(stdout(), /Emulator stopped\./);
  assert.ok(existsSync(dataFile));

  // Restarted on the same file: the device is there, and the state says it was loaded.
  const again = await startCli(['--port', '0', '--data', dataFile]);
  assert.match(again.stdout(), /loaded 1 product\(s\), 3 device\(s\)/);
  again.child.kill('SIGINT');
  assert.equal(await again.exit, 0);
});

test('a port in use or a data file that is not ours: exit 2 with the reason', async () => {
  const first = await startCli(['--port', '0', '--empty']);
  const port = /:(\d+)\/$/.exec(first.endpoint)![1]!;
  try {
    const busy = runCli(['emulator', ...NO_MQTT, '--port', port]);
    assert.equal(busy.status, 2);
    assert.match(busy.stderr, new RegExp(`port ${port} is already in use on 127\\.0\\.0\\.1`));
  } finally {
    first.child.kill('SIGTERM');
    await first.exit;
  }
  const notOurs = join(dir, 'notes.json');
  writeFileSync(notOurs, '["my", "notes"]');
  const refused = runCli(['emulator', ...NO_MQTT, '--port', '0', '--data', notOurs]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /--data .*notes\.json: format: expected "iot-devkit-emulator-state".*left untouched/);
});
