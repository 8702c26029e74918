import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import { buildHttpRequest, buildTopicRulePayload, DEMO_CREDENTIAL, DEMO_RULE_NAME } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';

// Three rounds, so a burst of other work on a shared machine shows as spread instead of as the figure.
const ROUNDS = 3;
const MESSAGES_PER_ROUND = 60_000;
const DELTA_SAMPLES = 400;
const P = 'DEMO000001';

/** A port free a moment ago (the CLI reads --mqtt-port 0 as "off", so a real number is picked). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One signed API call (TC3, the toolkit's signer; the SDK-signed path is tested in test/mqtt). */
async function callApi(endpoint: string, action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const signed = buildHttpRequest(
    { service: 'iotcloud', version: '2021-04-08', action, region: 'ap-guangzhou', params, endpoint },
    { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000), crypto: nodeHashProvider },
  );
  const answer = (await (await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body })).json()) as {
    Response: Record<string, unknown> & { Error?: { Message: string } };
  };
  if (answer.Response.Error) throw new Error(`${action}: ${answer.Response.Error.Message}`);
  return answer.Response;
}

/**
 * The emulator as users run it — the bundled CLI (npm run bench builds it first), alone in its own process (one
 * core) — with one enabled rule on the benchmark's topic, evaluated on every message (its WHERE does not hold).
 */
async function startServer() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [new URL('../../cli/bin/iot-devkit.js', import.meta.url).pathname, 'emulator', '--port', '0', '--mqtt-port', String(port), '--mqtt-ws-port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const match = /Endpoint\s+(http:\/\/\S+)[\s\S]*Listening\./.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code})`)));
  });
  const rule = buildTopicRulePayload({
    sql: `SELECT temperature FROM '${P}/thermostat-2/data' WHERE temperature > 1000`,
    actions: [{ republish: { topic: `${P}/thermostat-1/control` } }],
    ruleDisabled: false,
  });
  if (!rule.ok) throw new Error(rule.error.message);
  await callApi(endpoint, 'ReplaceTopicRule', { RuleName: DEMO_RULE_NAME, TopicRulePayload: rule.payload });
  return { endpoint, port, stop: () => child.kill('SIGTERM') };
}

/** Connects a demo device with credentials computed as the device SDK doc says (node:crypto; the demo PSKs are known). */
function connectDevice(port: number, deviceName: string, index: number): Promise<MqttClient> {
  const clientId = `${P}${deviceName}`;
  const username = `${clientId};12010126;bench;${Math.floor(Date.now() / 1000) + 3600}`;
  const password = `${createHmac('sha256', Buffer.from(`iotdevkit-demo-${index}`))
    .update(username)
    .digest('hex')};hmacsha256`;
  return mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId, username, password, protocolVersion: 4, reconnectPeriod: 0 });
}

/** QoS 0 in, through authorization, the route and one rule, out to one subscription: messages delivered per second. */
async function throughput(port: number): Promise<number[]> {
  const device = await connectDevice(port, 'thermostat-2', 2);
  const topic = `${P}/thermostat-2/data`;
  // The device's own data topic (publish and subscribe): the one subscription a device may hold on its topic.
  await device.subscribeAsync(topic, { qos: 0 });
  let received = 0;
  let onTarget: (() => void) | undefined;
  let target = 0;
  device.on('message', () => {
    if (++received === target) onTarget?.();
  });
  const payload = Buffer.from('{"temperature": 21.5, "humidity": 40}');
  const send = async (count: number) => {
    target = received + count;
    const done = new Promise<void>((resolve) => (onTarget = resolve));
    for (let i = 0; i < count; i++) {
      // Respect the socket's backpressure so the figure is the broker's pace, not a client buffer's.
      if (!device.publish(topic, payload, { qos: 0 }) as unknown as boolean) await new Promise((r) => setImmediate(r));
    }
    await done;
  };
  await send(5000); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    await send(MESSAGES_PER_ROUND);
    rates.push(MESSAGES_PER_ROUND / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  await device.endAsync();
  return rates;
}

/** UpdateDeviceShadow over HTTP (signed before the clock starts) → the delta message at a connected device. */
async function deltaLatency(endpoint: string, port: number): Promise<number[]> {
  const device = await connectDevice(port, 'thermostat-1', 1);
  const resultTopic = `$shadow/operation/result/${P}/thermostat-1`;
  await device.subscribeAsync(resultTopic);
  let arrived: (() => void) | undefined;
  device.on('message', (topic, payload) => {
    if (topic === resultTopic && payload.includes('"type":"delta"')) arrived?.();
  });
  const read = await callApi(endpoint, 'DescribeDeviceShadow', { ProductId: P, DeviceName: 'thermostat-1' });
  let version = (JSON.parse(read['Data'] as string) as { payload: { version: number } }).payload.version;
  const samples: number[] = [];
  for (let i = 0; i < DELTA_SAMPLES + 20; i++) {
    const signed = buildHttpRequest(
      {
        service: 'iotcloud',
        version: '2021-04-08',
        action: 'UpdateDeviceShadow',
        region: 'ap-guangzhou',
        params: { ProductId: P, DeviceName: 'thermostat-1', State: JSON.stringify({ desired: { targetTemperature: 100 + i } }), ShadowVersion: version },
        endpoint,
      },
      { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000), crypto: nodeHashProvider },
    );
    const delta = new Promise<void>((resolve) => (arrived = resolve));
    const start = process.hrtime.bigint();
    const response = fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
    await delta;
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    const answer = (await (await response).json()) as { Response: { Data?: string; Error?: { Message: string } } };
    if (answer.Response.Error) throw new Error(answer.Response.Error.Message);
    version = (JSON.parse(answer.Response.Data!) as { payload: { version: number } }).payload.version;
    if (i >= 20) samples.push(elapsed); // the first ones warm up fetch's connection and the JIT
  }
  await device.endAsync();
  return samples.sort((a, b) => a - b);
}

const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
function summary(rates: readonly number[]): string {
  const sorted = [...rates].sort((a, b) => a - b);
  return `${rate(sorted[Math.floor(sorted.length / 2)]!)} (best ${rate(sorted.at(-1)!)}, worst ${rate(sorted[0]!)})`;
}
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function bench(): Promise<string[]> {
  const server = await startServer();
  try {
    const rates = await throughput(server.port);
    const latency = await deltaLatency(server.endpoint, server.port);
    const line = (label: string, value: string) => `  ${label.padEnd(66)} ${value}`;
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    return [
      `MQTT broker (aedes + the core's decisions), the bundled CLI's emulator in its own process (one core), loopback, ${ROUNDS} rounds of ${MESSAGES_PER_ROUND.toLocaleString('en-US')} messages`,
      line('QoS 0 in → authorized, one enabled rule evaluated, out to 1 subscriber; target >= 20,000/s', summary(rates)),
      line(`UpdateDeviceShadow (HTTP, TC3) → delta at the device, ${latency.length} samples: p50 (target < 5 ms)`, ms(percentile(latency, 50))),
      line('  p99 (target < 20 ms)', ms(percentile(latency, 99))),
      line('  spread: best … worst', `${ms(latency[0]!)} … ${ms(latency.at(-1)!)}`),
      `  (load average ${load} on ${availableParallelism()} cores: other work on the machine lowers every figure)`,
    ];
  } finally {
    server.stop();
  }
}
