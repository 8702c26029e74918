import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { buildHttpRequest, createDemoState, createEmulator, DEMO_CREDENTIAL, signTc3, utf8Encode, type ReceivedRequest } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';

// Three rounds, so a burst of other work on a shared machine shows as spread instead of as the figure.
const ROUNDS = 3;
const ROUND_MS = 1500;
const MAX_REQUESTS_PER_ROUND = 30_000;
const CONCURRENCY = 16;

function signedShadowRequest(endpoint: string) {
  return buildHttpRequest(
    {
      service: 'iotcloud',
      version: '2021-04-08',
      action: 'DescribeDeviceShadow',
      region: 'ap-guangzhou',
      params: { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' },
      endpoint,
    },
    { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000), crypto: nodeHashProvider },
  );
}

/**
 * A keep-alive HTTP/1.1 connection that sends one prepared request at a time and reads the answer by its
 * Content-Length. Deliberately minimal: the figure should be the emulator's cost, not the client's (node:http's
 * client costs about as much CPU per request as the server here). No pipelining: one request in flight per connection.
 */
function openConnection(port: number, wire: Buffer): Promise<{ send(): Promise<boolean>; close(): void }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => resolve({ send, close: () => socket.destroy() }));
    socket.setNoDelay(true);
    socket.once('error', reject);
    let buffered: Buffer = Buffer.alloc(0);
    let waiting: ((ok: boolean) => void) | undefined;
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/content-length: (\d+)/i.exec(buffered.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
      buffered = buffered.subarray(end + 4 + length);
      const done = waiting;
      waiting = undefined;
      done?.(body.startsWith('{"Response":{"Data"'));
    });
    function send(): Promise<boolean> {
      return new Promise((ok) => {
        waiting = ok;
        socket.write(wire);
      });
    }
  });
}

/** DescribeDeviceShadow over loopback HTTP with keep-alive, against an emulator process of its own (one core). */
async function overHttp(): Promise<{ rates: number[]; sent: number; failed: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/emulatorServer.ts', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const match = /listening (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`emulator exited (${code})`)));
    });
    // One signed request, re-sent: its timestamp stays within the 5-minute window for the whole run, and every
    // send is still verified in full by the emulator (it keeps no cache of verified signatures).
    const signed = signedShadowRequest(endpoint);
    const url = new URL(signed.url);
    const head = [
      `POST / HTTP/1.1`,
      ...Object.entries(signed.headers).map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${Buffer.byteLength(signed.body)}`,
      'Connection: keep-alive',
      '',
      '',
    ].join('\r\n');
    const wire = Buffer.concat([Buffer.from(head), Buffer.from(signed.body)]);
    const connections = await Promise.all(Array.from({ length: CONCURRENCY }, () => openConnection(Number(url.port), wire)));
    for (const c of connections) for (let i = 0; i < 20; i++) await c.send(); // warm-up
    const rates: number[] = [];
    let failed = 0;
    let sent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let count = 0;
      const start = process.hrtime.bigint();
      const deadline = Date.now() + ROUND_MS;
      await Promise.all(
        connections.map(async (c) => {
          while (Date.now() < deadline && count < MAX_REQUESTS_PER_ROUND) {
            count++;
            if (!(await c.send())) failed++;
          }
        }),
      );
      rates.push(count / (Number(process.hrtime.bigint() - start) / 1e9));
      sent += count;
    }
    for (const c of connections) c.close();
    return { rates, sent, failed };
  } finally {
    child.kill('SIGTERM');
  }
}

/** The same request through the pure handler, no HTTP: what verification and the action cost alone. */
function inProcess(received: ReceivedRequest): number[] {
  const emulator = createEmulator({ state: createDemoState(Date.now()), now: () => Date.now(), randomBytes: (n) => randomBytes(n), crypto: nodeHashProvider });
  const iterations = 5000;
  for (let i = 0; i < 2000; i++) emulator.handle(received);
  if (emulator.handle(received).body.includes('"Error"')) throw new Error('the in-process request did not verify');
  return Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) emulator.handle(received);
    return iterations / (Number(process.hrtime.bigint() - start) / 1e9);
  });
}

const lowerCaseKeys = (headers: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** Signed by the core for http://127.0.0.1:9180/: host with its port, service iotcloud (verifies at the first try). */
function coreSigned(): ReceivedRequest {
  const signed = signedShadowRequest('http://127.0.0.1:9180/');
  return { method: 'POST', target: '/', headers: lowerCaseKeys(signed.headers), body: utf8Encode(signed.body) };
}

/** Signed the way the official SDK signs for that endpoint: host without the port, service "127" (the second try verifies). */
function sdkStyleSigned(): ReceivedRequest {
  const body = JSON.stringify({ ProductId: 'DEMO000001', DeviceName: 'thermostat-1' });
  const headers = { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadow', 'X-TC-Version': '2021-04-08', 'X-TC-Region': 'ap-guangzhou' };
  const signed = signTc3(
    {
      method: 'POST',
      url: 'http://127.0.0.1/',
      headers,
      body,
      timestamp: Math.floor(Date.now() / 1000),
      secretId: DEMO_CREDENTIAL.secretId,
      secretKey: DEMO_CREDENTIAL.secretKey,
      service: '127',
    },
    { crypto: nodeHashProvider },
  );
  return { method: 'POST', target: '/', headers: { ...lowerCaseKeys(signed.headers), host: '127.0.0.1:9180' }, body: utf8Encode(body) };
}

const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
/** "median (best … worst)": the median is the figure; the spread shows how much the machine interfered. */
function summary(rates: readonly number[]): string {
  const sorted = [...rates].sort((a, b) => a - b);
  return `${rate(sorted[Math.floor(sorted.length / 2)]!)} (best ${rate(sorted.at(-1)!)}, worst ${rate(sorted[0]!)})`;
}

export async function bench(): Promise<string[]> {
  const http = await overHttp();
  const pure = inProcess(coreSigned());
  const sdkStyle = inProcess(sdkStyleSigned());
  const line = (label: string, value: string) => `  ${label.padEnd(66)} ${value}`;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return [
    `Emulator: verified DescribeDeviceShadow (TC3, node:crypto), loopback, keep-alive, ${CONCURRENCY} connections, ${ROUNDS} rounds of ${ROUND_MS / 1000} s`,
    line('over HTTP, emulator in its own process (one core), target >= 3,000/s', summary(http.rates)),
    line('', `${http.sent} requests, ${http.failed} not verified`),
    line('handler alone, no HTTP (verification + action + JSON)', summary(pure)),
    line('handler alone, signed as the SDK signs (port-less host, 2 tries)', summary(sdkStyle)),
    `  (load average ${load} on ${availableParallelism()} cores: other work on the machine lowers every figure)`,
  ];
}
