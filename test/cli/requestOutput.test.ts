import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../cli/src/emulator/startEmulator.js';
import { runCli, runCliAsync } from '../support/cli.js';

// --output, --filter and --waiter against a real emulator; colour and progress only on a terminal (a real pty from
// util-linux `script`), never with NO_COLOR, never in a pipe.
const credential = { secretId: 'AKIDrequestOutputFake00000000000000000', secretKey: 'requestOutputFakeSecretKey000000' };
const env = { TENCENTCLOUD_SECRET_ID: credential.secretId, TENCENTCLOUD_SECRET_KEY: credential.secretKey };
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let endpoint: string;
before(async () => {
  emulator = await startEmulator({ port: 0, mqttPort: 0, mqttWsPort: 0, host: '127.0.0.1', demo: true, credentials: [credential] });
  endpoint = `http://127.0.0.1:${emulator.port}/`;
});
after(() => emulator.close());

const ESC = '\u001b[';
const devices = (extra: string[]) =>
  runCliAsync(
    [
      'request',
      'DescribeDevices',
      '--param',
      'ProductId=DEMO000001',
      '--param',
      'Offset=0',
      '--param',
      'Limit=100',
      '--endpoint',
      endpoint,
      '--region',
      'ap-guangzhou',
      '--send',
      ...extra,
    ],
    { env },
  );
const createDevice = (name: string) =>
  runCliAsync(
    [
      'request',
      'CreateDevice',
      '--param',
      'ProductId=DEMO000001',
      '--param',
      `DeviceName=${name}`,
      '--endpoint',
      endpoint,
      '--region',
      'ap-guangzhou',
      '--send',
    ],
    { env },
  );

test('--filter selects with JMESPath; --output json, table and text print the same answer for people and scripts', async () => {
  const names = await devices(['--filter', 'Devices[].DeviceName']);
  assert.equal(names.status, 0, names.stderr);
  const list = JSON.parse(names.stdout) as string[];
  assert.ok(list.includes('thermostat-1') && list.length >= 2, names.stdout);
  const count = await devices(['--filter', "length(Devices[?starts_with(DeviceName, 'thermo')])"]);
  assert.equal(JSON.parse(count.stdout), list.filter((n) => n.startsWith('thermo')).length);

  const table = await devices(['--output', 'table']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^Name +Value$/m);
  assert.match(table.stdout, /^TotalCount +\d+$/m);
  assert.match(table.stdout, /^Devices\n {0}DeviceName +.*Online/m, 'Devices as a table with a column per field');
  assert.match(table.stdout, /^thermostat-1 +/m);

  const text = await devices(['--output', 'text', '--filter', 'Devices[].[DeviceName, Online]']);
  assert.equal(text.status, 0, text.stderr);
  assert.ok(
    text.stdout
      .split('\n')
      .includes('thermostat-1\t' + String(JSON.parse((await devices(['--filter', "Devices[?DeviceName=='thermostat-1'].Online | [0]"])).stdout) as number)),
  );
  for (const result of [names, table, text]) assert.ok(!result.stdout.includes(ESC), 'no colour in a pipe');

  const badFilter = runCli(['request', 'DescribeDevices', '--send', '--filter', 'Devices[?'], { env });
  assert.equal(badFilter.status, 2);
  assert.match(badFilter.stderr, /--filter: a JMESPath expression such as/);
  assert.match(runCli(['request', 'DescribeDevices', '--filter', 'x'], { env }).stderr, /--filter: only with --send/);
  assert.match(runCli(['request', 'DescribeDevices', '--send', '--output', 'yaml'], { env }).stderr, /--output: one of json, table, text, got "yaml"/);
});

test('--waiter repeats the call until the expression reaches the value (a device created meanwhile), and times out by name', async () => {
  const before = (JSON.parse((await devices(['--filter', 'TotalCount'])).stdout) as number) + 0;
  const waiting = devices(['--waiter', JSON.stringify({ expr: 'TotalCount', to: before + 1, timeout: 30, interval: 0.3 }), '--filter', 'TotalCount']);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  assert.equal((await createDevice('waited-for')).status, 0);
  const waited = await waiting;
  assert.equal(waited.status, 0, waited.stderr);
  assert.equal(JSON.parse(waited.stdout), before + 1);
  const attempts = Number(/--waiter: TotalCount is \d+ after (\d+) attempts/.exec(waited.stderr)?.[1]);
  assert.ok(attempts >= 2, `it asked more than once: ${waited.stderr}`);
  assert.ok(!waited.stderr.includes('waiting for'), 'no progress line in a pipe');

  const timedOut = await devices(['--waiter', '{"expr":"Devices[0].DeviceName","to":"never-there","timeout":1,"interval":0.4}']);
  assert.equal(timedOut.status, 1);
  assert.match(timedOut.stderr, /--waiter: timed out after \d+ s and \d+ attempts: Devices\[0\]\.DeviceName is "[^"]+", waiting for "never-there"/);
  for (const [spec, message] of [
    ['{"to":1}', /"expr" is the JMESPath expression to watch/],
    ['{"expr":"TotalCount"}', /"to" is the value expr must reach/],
    ['{"expr":"TotalCount","to":1,"timeout":-1}', /"timeout" is a number of seconds from 1 to 86400, got -1/],
    ['{"expr":"TotalCount","to":1,"every":5}', /unknown field "every"; the fields are expr, to, timeout, interval/],
    ['not json', /--waiter: a JSON object with expr, to/],
  ] as const) {
    const result = runCli(['request', 'DescribeDevices', '--send', '--waiter', spec], { env });
    assert.equal(result.status, 2, spec);
    assert.match(result.stderr, message, spec);
  }
});

/**
 * Runs the CLI with stdout and stderr on a pseudo-terminal (util-linux `script`), as a person at a terminal would.
 * Asynchronous: the emulator answers from this very process.
 */
function onTerminal(args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  const command = [process.execPath, new URL('../../cli/bin/iot-devkit.js', import.meta.url).pathname, ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env['PATH'] ?? '', ...env, ...extraEnv } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(output) : reject(new Error(`exit ${status}: ${output}`))));
    child.stdin.end();
  });
}

test('on a terminal: colour in JSON and a progress line for a waiter; NO_COLOR turns colour off', async () => {
  const args = [
    'request',
    'DescribeDevices',
    '--param',
    'ProductId=DEMO000001',
    '--param',
    'Offset=0',
    '--param',
    'Limit=100',
    '--endpoint',
    endpoint,
    '--region',
    'ap-guangzhou',
    '--send',
  ];
  const coloured = await onTerminal([...args, '--output', 'json']);
  assert.ok(coloured.includes(`${ESC}36m"TotalCount"${ESC}0m`), `keys coloured on a terminal: ${JSON.stringify(coloured.slice(0, 300))}`);
  const plain = await onTerminal([...args, '--output', 'json'], { NO_COLOR: '1' });
  assert.ok(!plain.includes(`${ESC}36m`) && plain.includes('"TotalCount"'), 'NO_COLOR: no colour');
  const progress = await onTerminal([...args, '--waiter', '{"expr":"TotalCount","to":-1,"timeout":2,"interval":0.5}'], { NO_COLOR: '1' }).catch(
    (error: Error) => error.message,
  );
  // Carriage return and erase-line (ESC [2K) rewrite one line in place.
  assert.ok(progress.includes(`\r${ESC}2Kwaiting for TotalCount to be -1: now `), JSON.stringify(progress));
  assert.match(progress, /waiting for TotalCount to be -1: now \d+ · attempt 1 · \d+ s of 2/);
  assert.match(progress, /--waiter: timed out after/);
});
