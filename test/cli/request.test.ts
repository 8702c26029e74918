import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../cli/src/emulator/startEmulator.js';
import { runCli, runCliAsync } from '../support/cli.js';
import { startVerifyingServer } from '../support/verifyingServer.js';

const secretKey = 'requestCliFakeSecretKey000000000';
const env = { TENCENTCLOUD_SECRET_ID: 'AKIDrequestCliFake', TENCENTCLOUD_SECRET_KEY: secretKey };
let server: Awaited<ReturnType<typeof startVerifyingServer>>;
before(async () => (server = await startVerifyingServer(secretKey)));
after(() => server.close());

test('request prints a signed curl command for a valid call, typed from the catalog', () => {
  const result = runCli(
    [
      'request',
      'UpdateDeviceShadow',
      '--param',
      'ProductId=ABCDEFGHIJ',
      '--param',
      'DeviceName=123',
      '--param',
      'State={"desired":{"on":true}}',
      '--param',
      'ShadowVersion=4',
      '--region',
      'ap-guangzhou',
    ],
    { env },
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^curl -X POST https:\/\/iotcloud\.tencentcloudapi\.com\//);
  assert.match(result.stdout, /Credential=AKIDrequestCliFake\/\d{4}-\d{2}-\d{2}\/iotcloud\/tc3_request/);
  assert.ok(
    result.stdout.includes(`'{"ProductId":"ABCDEFGHIJ","DeviceName":"123","State":"{\\"desired\\":{\\"on\\":true}}","ShadowVersion":4}'`),
    result.stdout,
  );
  assert.ok(!result.stdout.includes(secretKey) && !result.stderr.includes(secretKey));
});

test('a bad request is refused before sending, every problem named with its server code', () => {
  const result = runCli(
    ['request', 'UpdateDeviceShadow', '--param', 'ProductId=ABCDEFGHIJ', '--param', 'DeviceName=bad name', '--param', 'State={oops', '--param', 'Colour=red'],
    { env },
  );
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  for (const line of [
    /Colour: not a parameter .*\[UnknownParameter\]/,
    /DeviceName: must match .*\[InvalidParameterValue\]/,
    /State: a JSON string .*\[InvalidParameterValue\]/,
    /ShadowVersion: required .*\[MissingParameter\]/,
  ])
    assert.match(result.stderr, line);
});

test('unknown actions get suggestions; missing credentials name the variable', () => {
  const unknown = runCli(['request', 'describedeviceshadw'], { env });
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /did you mean DescribeDeviceShadow/);
  const noKey = runCli(['request', 'DescribeProducts', '--param', 'Offset=0', '--param', 'Limit=10'], { env: { TENCENTCLOUD_SECRET_ID: 'AKIDx' } });
  assert.equal(noKey.status, 2);
  assert.match(noKey.stderr, /TENCENTCLOUD_SECRET_KEY: set it/);
  const badFormat = runCli(['request', 'DescribeProducts', '--format', 'wget'], { env });
  assert.equal(badFormat.status, 2);
  assert.match(badFormat.stderr, /--format: one of curl, httpie, fetch, sdk, tccli, http/);
});

test('--send puts the request on the wire, TC3 and v1, and the server verifies the signature', async () => {
  for (const scheme of ['TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1']) {
    const result = await runCliAsync(
      [
        'request',
        'DescribeDevices',
        '--param',
        'ProductId=ABCDEFGHIJ',
        '--param',
        'Offset=0',
        '--param',
        'Limit=10',
        '--endpoint',
        server.endpoint,
        '--scheme',
        scheme,
        '--method',
        scheme === 'HmacSHA1' ? 'GET' : 'POST',
        '--send',
      ],
      { env },
    );
    assert.equal(result.status, 0, `${scheme}: ${result.stderr}`);
    assert.equal(server.received.at(-1)!.verified, true, scheme);
    assert.match(result.stderr, /^Success \(RequestId req-\d+\)/m);
  }
});

test('--send with a wrong key: the error response is explained and the exit code is 1', async () => {
  const result = await runCliAsync(['request', 'DescribeProducts', '--param', 'Offset=0', '--param', 'Limit=10', '--endpoint', server.endpoint, '--send'], {
    env: { ...env, TENCENTCLOUD_SECRET_KEY: 'someOtherFakeKey' },
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /AuthFailure\.SignatureFailure/);
});

test('--send prints a secret in the response masked and names it; --show-secrets prints it in full', async () => {
  const credential = { secretId: 'AKIDrequestCliPskFake00000000000000000', secretKey: 'requestCliPskFakeSecretKey000000' };
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', demo: true, credentials: [credential] });
  try {
    const args = ['request', 'DescribeDevice', '--param', 'ProductId=DEMO000001', '--param', 'DeviceName=thermostat-1', '--region', 'ap-guangzhou'];
    const keys = { TENCENTCLOUD_SECRET_ID: credential.secretId, TENCENTCLOUD_SECRET_KEY: credential.secretKey };
    const full = await runCliAsync([...args, '--endpoint', `http://127.0.0.1:${emulator.port}/`, '--send', '--show-secrets'], { env: keys });
    assert.equal(full.status, 0, full.stderr);
    const psk = (JSON.parse(full.stdout.slice(full.stdout.indexOf('\n') + 1)) as { Response: { DevicePsk: string } }).Response.DevicePsk;
    assert.ok(psk.length >= 16, 'the demo device has a PSK');
    const masked = await runCliAsync([...args, '--endpoint', `http://127.0.0.1:${emulator.port}/`, '--send'], { env: keys });
    assert.equal(masked.status, 0, masked.stderr);
    assert.ok(!masked.stdout.includes(psk) && !masked.stderr.includes(psk), 'the PSK is not printed without --show-secrets');
    assert.match(masked.stdout, /"DevicePsk": "\[redacted\]"/);
    assert.match(
      masked.stderr,
      new RegExp(`Response\\.DevicePsk: ${psk.slice(0, 4)}\\*{4} — a secret, not printed in full \\(add --show-secrets to print it\\)`),
    );
  } finally {
    await emulator.close();
  }
});
