import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  createDemoState,
  createEmptyState,
  createEmulator,
  restoreState,
  serializeState,
  servedHosts,
  type Emulator,
  type EmulatorCredential,
  type EmulatorState,
  type SignatureDiagnoser,
} from '@iot-devkit/core';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { pooledRandomBytes } from './pooledRandomBytes.js';
import { EmulatorStartError } from './startEmulatorError.js';
import { startMqttBroker, type RunningMqttBroker } from './mqttBroker.js';
import { createSerialSaver, readTextIfExists, removeStaleTempFiles, writeFileAtomic, type AtomicWriteHooks } from './stateFile.js';

export interface EmulatorServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Loopback by default: the emulator holds demo credentials and has unauthenticated admin routes. */
  readonly host?: string;
  /** Persist the state here (atomically, after every change); in memory when absent. */
  readonly dataFile?: string;
  /** Start with the demo product, devices, shadows and rule when there is no saved state. */
  readonly demo?: boolean;
  readonly allowedOrigins?: readonly string[];
  /** The key pairs accepted; default the demo pair (tests use made-up canary keys to search for afterwards). */
  readonly credentials?: readonly EmulatorCredential[];
  /** Host header values to answer besides the address listened on (a port forward, a hosts-file alias). */
  readonly allowHosts?: readonly string[];
  readonly diagnose?: SignatureDiagnoser;
  readonly now?: () => number;
  /** Test seam for crash tests (see writeFileAtomic). */
  readonly writeHooks?: AtomicWriteHooks;
  /** Serve MQTT over TCP on this port (0 picks a free one); off when absent. */
  readonly mqttPort?: number;
  /** Serve MQTT over WebSocket on this port (0 picks a free one); off when absent. */
  readonly mqttWsPort?: number;
  /** The broker's console lines (connections, refusals with their cause, forwards). */
  readonly log?: (line: string) => void;
  /** Let rule forwards POST to non-loopback hosts. */
  readonly forwardAnyHost?: boolean;
  /** How long PublishRRPCMessage waits for the device, in milliseconds. */
  readonly rrpcTimeoutMs?: number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:9180/ */
  readonly endpoint: string;
  readonly port: number;
  readonly emulator: Emulator;
  /** Where the state came from: "file" (loaded), "demo", or "empty". */
  readonly origin: 'file' | 'demo' | 'empty';
  /** The Host header values it answers; any other gets 403 (see checkCaller). */
  readonly servedHosts: readonly string[];
  /** The MQTT ports listened on; 0 when that transport is off. */
  readonly mqttPort: number;
  readonly mqttWsPort: number;
  close(): Promise<void>;
}

export { EmulatorStartError };

// The largest body the API accepts (TC3 POST, 10 MB); one byte more is enough to answer RequestSizeLimitExceeded.
const MAX_BODY_BYTES = 10 * 1024 * 1024 + 1;

function loadInitialState(options: EmulatorServerOptions, now: () => number): { state: EmulatorState; origin: RunningEmulator['origin'] } {
  if (options.dataFile !== undefined) {
    removeStaleTempFiles(options.dataFile);
    const text = readTextIfExists(options.dataFile);
    if (text !== undefined) {
      const restored = restoreState(text);
      if (!restored.ok) throw new EmulatorStartError(`--data ${options.dataFile}: ${restored.message}; the file was left untouched`);
      return { state: restored.state, origin: 'file' };
    }
  }
  return options.demo ? { state: createDemoState(now()), origin: 'demo' } : { state: createEmptyState(), origin: 'empty' };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    // Past the limit the rest is drained unread; the truncated body is still over the limit, so it is refused.
    if (size < MAX_BODY_BYTES) chunks.push(buffer);
    size += buffer.length;
  }
  return Buffer.concat(chunks);
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** The machine's own addresses, which a wildcard bind (0.0.0.0, ::) is reached by. */
const interfaceAddresses = (): string[] => Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((info) => info.address));

/** The answer's RequestId, whichever shape it has (the API's envelope, or an admin route's plain object). */
function requestIdOf(text: string): string {
  const parsed = JSON.parse(text) as { Response?: { RequestId?: unknown } };
  return typeof parsed.Response?.RequestId === 'string' ? parsed.Response.RequestId : '';
}

/** Starts the emulator's HTTP server. Resolves once it listens; `close` stops it after in-flight saves finish. */
export async function startEmulator(options: EmulatorServerOptions): Promise<RunningEmulator> {
  const now = options.now ?? (() => Date.now());
  const { state, origin } = loadInitialState(options, now);
  const dataFile = options.dataFile;
  const save = dataFile !== undefined ? createSerialSaver(() => writeFileAtomic(dataFile, serializeState(state), options.writeHooks)) : undefined;
  // A new data file gets the initial state at once, so a restart finds what this run started with.
  if (save && origin !== 'file') await save();
  const host = options.host ?? '127.0.0.1';
  // Listen first: the Host values it serves name its port, which is known only now when --port is 0.
  const server: Server = createServer();
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new EmulatorStartError(`port ${options.port} is already in use on ${host}; choose another with --port (0 picks a free one)`)
          : error.code === 'EADDRNOTAVAIL'
            ? new EmulatorStartError(`--host ${host}: not an address of this machine`)
            : error,
      ),
    );
    server.listen(options.port, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const served = servedHosts({
    bindHost: host,
    port,
    interfaceAddresses: interfaceAddresses(),
    ...(options.allowHosts ? { allowHosts: options.allowHosts } : {}),
  });
  const emulator = createEmulator({
    state,
    now,
    randomBytes: pooledRandomBytes(),
    crypto: nodeHashProvider,
    servedHosts: served,
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.diagnose ? { diagnose: options.diagnose } : {}),
    ...(options.rrpcTimeoutMs !== undefined ? { rrpcTimeoutMs: options.rrpcTimeoutMs } : {}),
  });
  const pending = new Set<Promise<void>>();
  const track = (saving: Promise<void>) => {
    pending.add(saving);
    saving.then(
      () => pending.delete(saving),
      () => pending.delete(saving),
    );
    return saving;
  };
  let broker: RunningMqttBroker | undefined;
  if (options.mqttPort !== undefined || options.mqttWsPort !== undefined) {
    try {
      broker = await startMqttBroker({
        emulator,
        host,
        ...(options.mqttPort !== undefined ? { port: options.mqttPort } : {}),
        ...(options.mqttWsPort !== undefined ? { wsPort: options.mqttWsPort } : {}),
        now,
        log: options.log ?? (() => {}),
        // A device's report is saved like an API change; a failed save is said in the log (no request to answer).
        onStateChanged: () => {
          if (save)
            track(save()).catch((error: unknown) => options.log?.(`could not save ${dataFile}: ${error instanceof Error ? error.message : String(error)}`));
        },
        ...(options.forwardAnyHost ? { forwardAnyHost: true } : {}),
      });
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const rawHeaders: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    const answer = emulator.handle({ method: req.method ?? 'GET', target: req.url ?? '/', headers: headersOf(req), body, rawHeaders });
    // Deliveries first (a delta reaches the device before the API answers), then the save, then the answer.
    if (answer.effects && broker) broker.execute(answer.effects);
    let text = answer.awaitRrpc
      ? answer.awaitRrpc.complete(broker ? await broker.waitForRrpc(answer.awaitRrpc.messageId, answer.awaitRrpc.timeoutMs) : undefined)
      : answer.body;
    let status = answer.status;
    if (answer.stateChanged && save) {
      const saving = save();
      pending.add(saving);
      try {
        await saving;
      } catch (error) {
        // The change is in memory but not on disk: say so rather than pretend it is durable.
        status = status === 200 && !text.startsWith('{"Response"') ? 500 : status;
        text = JSON.stringify({
          Response: {
            Error: {
              Code: 'InternalError',
              Message: `the change was applied in memory but could not be saved to ${dataFile}: ${error instanceof Error ? error.message : String(error)}`,
            },
            RequestId: requestIdOf(text),
          },
        });
      } finally {
        pending.delete(saving);
      }
    }
    res.writeHead(status, { ...answer.headers, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    respond(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          Response: { Error: { Code: 'InternalError', Message: `emulator: ${error instanceof Error ? error.message : String(error)}` }, RequestId: '' },
        }),
      );
    });
  });
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    endpoint: `http://${shownHost}:${port}/`,
    port,
    emulator,
    origin,
    servedHosts: served,
    mqttPort: broker?.port ?? 0,
    mqttWsPort: broker?.wsPort ?? 0,
    close: async () => {
      await broker?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.allSettled([...pending]);
    },
  };
}
