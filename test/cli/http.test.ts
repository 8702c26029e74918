import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../cli/src/emulator/startEmulator.js';
import { runCli, runCliAsync } from '../support/cli.js';

// `iot-devkit http` runs the toolkit's own example collection (cli/examples/emulator.http, copied unchanged)
// against a started emulator: two chained requests, the shadow version of the first sent by the second, whose
// response is the shadow as changed. The emulator accepts only a made-up key pair, searched for in all output.
const example = new URL('../../cli/examples/emulator.http', import.meta.url).pathname;
const exampleEnvironments = new URL('../../cli/examples/iot-devkit.environments.json', import.meta.url).pathname;
const credential = { secretId: 'AKIDhttpCliCanary00000000000000000000', secretKey: 'httpCliCanarySecretKey0000000000' };
const env = { TENCENTCLOUD_SECRET_ID: credential.secretId, TENCENTCLOUD_SECRET_KEY: credential.secretKey };

let emulator: RunningEmulator;
let dir: string;
let collection: string;
before(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', demo: true, credentials: [credential] });
  dir = mkdtempSync(join(tmpdir(), 'iot-devkit-http-'));
  collection = join(dir, 'emulator.http');
  copyFileSync(example, collection);
  // The example's environments, with the endpoint of this emulator instead of the default port.
  const environments = JSON.parse(readFileSync(exampleEnvironments, 'utf8')) as { $shared: Record<string, string> };
  assert.equal(environments.$shared['endpoint'], 'http://127.0.0.1:9180');
  environments.$shared['endpoint'] = emulator.endpoint.replace(/\/$/, '');
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'iot-devkit.environments.json'), JSON.stringify(environments));
});
after(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

async function shadowOf(device: string) {
  const response = await fetch(`${emulator.endpoint}_emulator/devices/DEMO000001/${device}/shadow`);
  return ((await response.json()) as { shadow: { version: number; state: { desired?: Record<string, unknown> } } }).shadow;
}

const noSecret = (result: { stdout: string; stderr: string }) => {
  assert.ok(!result.stdout.includes(credential.secretKey) && !result.stderr.includes(credential.secretKey), 'the SecretKey never appears');
};

test('the example collection runs against the emulator: version chained, shadow changed, every request explained', async () => {
  const before = await shadowOf('thermostat-1');
  assert.equal(before.state.desired?.['targetTemperature'], 22);
  const result = await runCliAsync(['http', collection, '--env', 'thermostat-1'], { env });
  assert.equal(result.status, 0, result.stderr + result.stdout);
  noSecret(result);
  const heads = [...result.stdout.matchAll(/^### (\S+) \(line (\d+)\) {2}POST (\S+)$/gm)].map((m) => [m[1], m[3]]);
  assert.deepEqual(heads, [
    ['shadow', emulator.endpoint],
    ['update', emulator.endpoint],
  ]);
  assert.equal([...result.stdout.matchAll(/^ {2}HTTP 200 · \d+ ms · RequestId [0-9a-f-]{36}$/gm)].length, 2, result.stdout);
  assert.match(result.stdout, /note: X-TC-Version 2021-04-08: from the catalog \(iotcloud UpdateDeviceShadow\)/);
  assert.match(result.stdout, /^Environments: .*\.vscode\/iot-devkit\.environments\.json \(using thermostat-1\)$/m);
  const shadow = await shadowOf('thermostat-1');
  assert.equal(shadow.version, before.version + 1);
  assert.equal(shadow.state.desired?.['targetTemperature'], 23);
  // The update's response is the new shadow.
  assert.ok(result.stdout.lastIndexOf(`\\"version\\":${shadow.version}`) > result.stdout.indexOf('### update'));
});

test('--name runs a request and the ones it depends on; another environment, another device', async () => {
  const before = await shadowOf('thermostat-2');
  const result = await runCliAsync(['http', collection, '--env', 'thermostat-2', '--name', 'update', '--verbose'], { env });
  assert.equal(result.status, 0, result.stderr + result.stdout);
  noSecret(result);
  assert.deepEqual(
    [...result.stdout.matchAll(/^### (\S+)/gm)].map((m) => m[1]),
    ['shadow', 'update'],
  );
  assert.match(result.stdout, /^ {2}Authorization: TC3-\*\*\*\*$/m, 'the signature is masked');
  assert.match(result.stdout, new RegExp(`"ShadowVersion": ${before.version}\\n`), 'the version read was sent');
  const shadow = await shadowOf('thermostat-2');
  assert.equal(shadow.version, before.version + 1);
  assert.equal(shadow.state.desired?.['targetTemperature'], 19);
});

test('--dry-run signs and prints, sends nothing', async () => {
  const before = await shadowOf('thermostat-1');
  const result = await runCliAsync(['http', collection, '--env', 'thermostat-1', '--dry-run'], { env });
  assert.equal(result.status, 0, result.stderr);
  noSecret(result);
  assert.equal([...result.stdout.matchAll(/\(not sent: --dry-run\)/g)].length, 2);
  assert.match(result.stdout, /"ShadowVersion": \{\{shadow\.response\.body\.\$\.Response\.Data\.payload\.version\}\}/);
  assert.deepEqual(await shadowOf('thermostat-1'), before);
});

test('an API error exits 1 with the explanation; the requests that use its response are skipped', async () => {
  const file = join(dir, 'missing-device.http');
  writeFileSync(
    file,
    readFileSync(collection, 'utf8').replace(
      '{"ProductId": "{{productId}}", "DeviceName": "{{deviceName}}"}',
      '{"ProductId": "{{productId}}", "DeviceName": "nobody"}',
    ),
  );
  const result = await runCliAsync(['http', file, '--env', 'thermostat-1'], { env });
  assert.equal(result.status, 1, result.stderr + result.stdout);
  noSecret(result);
  assert.match(result.stdout, /HTTP 200 · \d+ ms · RequestId \S+ · Error ResourceNotFound\.ProductOrDeviceNotExist/);
  assert.match(result.stdout, /### update \(line \d+\): skipped: it uses the response of shadow, which failed/);
});

test('file errors exit 2 as FILE:LINE:COLUMN lines, before anything is sent', async () => {
  const before = await shadowOf('thermostat-1');
  const file = join(dir, 'broken.http');
  writeFileSync(file, readFileSync(collection, 'utf8').replace('{{shadow.response.body.$.Response', '{{shadw.response.body.$.Response'));
  const broken = await runCliAsync(['http', file, '--env', 'thermostat-1'], { env });
  assert.equal(broken.status, 2);
  assert.equal(broken.stdout.includes('HTTP 200'), false);
  assert.match(
    broken.stderr,
    new RegExp(
      `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: \\{\\{shadw\\.response\\.body.*no request is named shadw \\(with "# @name shadw"\\); did you mean shadow\\?`,
    ),
  );
  assert.deepEqual(await shadowOf('thermostat-1'), before);

  const noEnv = await runCliAsync(['http', collection], { env });
  assert.equal(noEnv.status, 2);
  assert.match(noEnv.stderr, /:\d+:\d+: \{\{deviceName\}\}: not a file variable \(@deviceName = …\) and no --env environment is selected/);
  // No key anywhere (an empty HOME: no tccli file): each TC3 line says where it looked and how to give one.
  const noKey = await runCliAsync(['http', collection, '--env', 'thermostat-1'], { env: { HOME: dir } });
  assert.equal(noKey.status, 2);
  assert.match(noKey.stderr, /emulator\.http:\d+:1: TC3: no credentials for profile "default"; looked, in this order, at:\n {2}1\. TENCENTCLOUD_SECRET_ID/);
  assert.match(noKey.stderr, /Set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY/);
  const unknownEnv = await runCliAsync(['http', collection, '--env', 'staging'], { env });
  assert.equal(unknownEnv.status, 2);
  assert.match(unknownEnv.stderr, /--env staging: no such environment; the environments file has thermostat-1, thermostat-2/);
});

test('Authorization: TC3 uses the profile; a named profile without files names every place it looked', async () => {
  const file = join(dir, 'profile.http');
  const text = (auth: string) =>
    `POST ${emulator.endpoint}\nAuthorization: ${auth}\nX-TC-Action: DescribeDeviceShadow\n\n{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}\n`;
  writeFileSync(file, text('TC3 region:ap-guangzhou'));
  const viaDefault = await runCliAsync(['http', file], { env });
  assert.equal(viaDefault.status, 0, viaDefault.stderr + viaDefault.stdout);
  assert.match(viaDefault.stdout, /HTTP 200/);
  // An empty HOME: a named profile has no tccli file, no shared-file section and (on this machine) no keychain.
  const home = { HOME: dir };
  const viaProfile = await runCliAsync(['http', file, '--profile', 'prod'], { env: { ...env, ...home } });
  assert.equal(viaProfile.status, 2);
  assert.match(
    viaProfile.stderr,
    /no credentials for profile "prod"; looked, in this order, at:\n {2}1\. TENCENTCLOUD_SECRET_ID \/ TENCENTCLOUD_SECRET_KEY: not used, because profile "prod" was named/,
  );
  writeFileSync(file, text('TC3 profile:prod region:ap-guangzhou'));
  assert.match((await runCliAsync(['http', file], { env: { ...env, ...home } })).stderr, /no credentials for profile "prod"/);
  writeFileSync(file, text('TC3 region:ap-guangzhou'));
  const missingKey = await runCliAsync(['http', file], { env: { TENCENTCLOUD_SECRET_ID: 'AKIDx', ...home } });
  assert.equal(missingKey.status, 2);
  assert.match(missingKey.stderr, /TENCENTCLOUD_SECRET_KEY: set it too \(TENCENTCLOUD_SECRET_ID is set/);
});

test('secret $processEnv values are masked wherever they are printed', async () => {
  const file = join(dir, 'secret-echo.http');
  const psk = 'madeUpDevicePskCanary0000==';
  writeFileSync(file, `POST ${emulator.endpoint}\nX-Note: {{$processEnv DEVICE_PSK}}\n\n{"note": "{{$processEnv DEVICE_PSK}}"}\n`);
  const result = await runCliAsync(['http', file, '--dry-run', '--verbose'], { env: { ...env, DEVICE_PSK: psk } });
  assert.equal(result.status, 0, result.stderr);
  assert.ok(!result.stdout.includes(psk), result.stdout);
  assert.match(result.stdout, /X-Note: made\*\*\*\*\n/);
});

test('usage: --help, a missing file, a file that cannot be read', () => {
  const help = runCli(['http', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: iot-devkit http FILE \[--name REQUEST\] \[--env ENV\] \[--profile P\] \[--dry-run\] \[--verbose\]/);
  assert.match(runCli(['--help']).stdout, /^ {2}http {2,}Run the requests of a \.http\/\.rest file/m);
  assert.equal(runCli(['http']).status, 2);
  const missing = runCli(['http', join(dir, 'nope.http')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.http: cannot be read/);
  assert.match(runCli(['http', collection, '--nmae', 'x']).stderr, /unknown option --nmae; did you mean --name\?/);
});
