import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { Aedes, type AedesPublishPacket, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import {
  authenticateDeviceConnect,
  checkDevicePublish,
  checkPayloadSize,
  checkDeviceSubscribe,
  deviceKey,
  deviceTopics,
  formatConnected,
  formatDisconnected,
  formatRefusedConnect,
  formatTopicRefusal,
  isForwardAllowed,
  mayDeviceReceive,
  pushBounded,
  routeDeviceMessage,
  type BrokerEffect,
  type DeviceTopic,
  type Emulator,
  type TopicRefusal,
} from '@iot-devkit/core';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { EmulatorStartError } from './startEmulatorError.js';

export interface MqttBrokerOptions {
  readonly emulator: Emulator;
  readonly host: string;
  /** MQTT over TCP (0 picks a free port); off when absent. */
  readonly port?: number;
  /** MQTT over WebSocket (0 picks a free port); off when absent. */
  readonly wsPort?: number;
  readonly now: () => number;
  /** One line per connection, refusal and forward (the CLI prints them). Never given a password or PSK. */
  readonly log: (line: string) => void;
  /** A device's shadow report changed the state: the host saves it. */
  readonly onStateChanged: () => void;
  /** Let rule forwards POST to any host, not only loopback ones. */
  readonly forwardAnyHost?: boolean;
}

export interface RunningMqttBroker {
  /** The ports listened on (0 when that transport is off). */
  readonly port: number;
  readonly wsPort: number;
  /** Carries out what the core decided for an API call (PublishMessage's delivery, a delta, an RRPC request). */
  execute(effects: readonly BrokerEffect[]): void;
  /** The device's reply to an RRPC request `execute` sent, or undefined after `timeoutMs`. */
  waitForRrpc(messageId: number, timeoutMs: number): Promise<Uint8Array | undefined>;
  close(): Promise<void>;
}

/** Where a refused PUBLISH is sent instead of its topic: no device may subscribe to it, so it reaches no one. */
const DROPPED_TOPIC = '$iot-devkit/dropped';

interface DeviceIdentity {
  readonly productId: string;
  readonly deviceName: string;
  /** The device's topics, recomputed when its product's CreateTopicPolicy list changes (see topicsOf). */
  topics: readonly DeviceTopic[];
  policies: unknown;
  /** Set once it subscribes with a wildcard: only then can a delivery reach it that its topics do not allow. */
  wildcard: boolean;
  /** Topics already allowed for PUBLISH: a device publishes on a handful, thousands of times a second. */
  readonly allowedPublish: Set<string>;
}

const MAX_ALLOWED_PUBLISH_CACHED = 64;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function passwordText(password: Readonly<Buffer> | undefined): string | undefined {
  if (password === undefined) return undefined;
  try {
    return strictUtf8.decode(password);
  } catch {
    return undefined;
  }
}

function clientIpOf(client: Client): string {
  const socket = (client.req?.socket ?? client.conn) as Partial<Socket>;
  return socket.remoteAddress ?? '';
}

function listen(server: TcpServer | HttpServer, port: number, host: string, flag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new EmulatorStartError(`${flag} ${port}: the port is already in use on ${host}; choose another with ${flag} N (0 turns it off)`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}

/**
 * The emulator's MQTT 3.1.1 broker: aedes does the protocol; every decision is the core's — who may connect
 * (authenticateDeviceConnect), publish and subscribe (devicePermissions), and what a message does (routeDeviceMessage).
 */
export async function startMqttBroker(options: MqttBrokerOptions): Promise<RunningMqttBroker> {
  const { emulator, log, now } = options;
  const state = emulator.state;
  const identities = new WeakMap<Client, DeviceIdentity>();
  const live = new Map<string, Client>();
  const pendingRrpc = new Map<number, { promise: Promise<Uint8Array | undefined>; resolve: (reply: Uint8Array | undefined) => void }>();
  const aedes = await Aedes.createBroker({ heartbeatInterval: 3_600_000 });
  // A data file saved while a device was connected says Online 1; no device is connected to a broker just started.
  for (const device of state.devices.values()) if (device.Online === 1) device.Online = 0;

  /** A device's topics as its product's policies now stand (the lists are replaced on change, so a reference check suffices). */
  const topicsOf = (identity: DeviceIdentity): readonly DeviceTopic[] => {
    const policies = state.topicPolicies.get(identity.productId);
    if (identity.policies !== (policies ?? null) || identity.topics.length === 0) {
      identity.policies = policies ?? null;
      identity.topics = deviceTopics(identity.productId, identity.deviceName, policies);
      identity.allowedPublish.clear();
    }
    return identity.topics;
  };

  const refuseTopic = (client: Client, operation: TopicRefusal['operation'], topic: string, reason: string) => {
    const refusal: TopicRefusal = { at: now(), clientId: client.id, operation, topic, reason };
    pushBounded(state.broker.topicRefusals, refusal);
    log(formatTopicRefusal(refusal));
  };

  aedes.authenticate = (client, username, password, done) => {
    const decision = authenticateDeviceConnect(
      state,
      { clientId: client.id, username: username ?? undefined, password: passwordText(password), nowSeconds: Math.floor(now() / 1000) },
      nodeHashProvider,
    );
    if (decision.ok) {
      const { ProductId: productId, DeviceName: deviceName } = decision.device;
      identities.set(client, { productId, deviceName, topics: [], policies: null, wildcard: false, allowedPublish: new Set() });
      done(null, true);
      return;
    }
    const refused = {
      at: now(),
      clientId: client.id,
      clientIp: clientIpOf(client),
      returnCode: decision.returnCode,
      cause: decision.cause,
      problems: decision.problems,
    };
    pushBounded(state.broker.refusedConnections, refused);
    log(formatRefusedConnect(refused));
    const error = Object.assign(new Error(decision.cause.en), { returnCode: decision.returnCode }) as AuthenticateError;
    done(error, false);
  };

  aedes.authorizePublish = (client, packet, callback) => {
    const identity = client ? identities.get(client) : undefined;
    if (!client || !identity) return callback(new Error('not an authenticated device'));
    const size = checkPayloadSize(packet.payload.length, identity.productId, identity.deviceName);
    const topics = topicsOf(identity);
    if (size.allowed && identity.allowedPublish.has(packet.topic)) return callback(null);
    const decision = size.allowed ? checkDevicePublish(topics, packet.topic, identity.productId, identity.deviceName) : size;
    if (decision.allowed && identity.allowedPublish.size < MAX_ALLOWED_PUBLISH_CACHED) identity.allowedPublish.add(packet.topic);
    if (!decision.allowed) {
      refuseTopic(client, 'publish', packet.topic, decision.reason);
      // Acknowledged and dropped (MQTT-3.3.5-2 allows either that or closing the connection).
      packet.topic = DROPPED_TOPIC;
      packet.retain = false;
    }
    callback(null);
  };

  aedes.authorizeSubscribe = (client, subscription, callback) => {
    const identity = identities.get(client);
    if (!identity) return callback(new Error('not an authenticated device'));
    const decision = checkDeviceSubscribe(topicsOf(identity), subscription.topic, identity.productId, identity.deviceName);
    if (!decision.allowed) {
      refuseTopic(client, 'subscribe', subscription.topic, decision.reason);
      return callback(null, null);
    }
    if (subscription.topic.includes('+') || subscription.topic.includes('#')) identity.wildcard = true;
    // IoT Hub serves QoS 0 and 1.
    callback(null, subscription.qos > 1 ? { ...subscription, qos: 1 } : subscription);
  };

  aedes.authorizeForward = (client, packet) => {
    const identity = identities.get(client);
    if (identity?.wildcard && !mayDeviceReceive(topicsOf(identity), packet.topic)) return null;
    return packet;
  };

  aedes.on('client', (client) => {
    const identity = identities.get(client);
    if (!identity) return;
    live.set(client.id, client);
    const connection = {
      clientId: client.id,
      productId: identity.productId,
      deviceName: identity.deviceName,
      clientIp: clientIpOf(client),
      transport: client.req ? ('ws' as const) : ('tcp' as const),
      connectedAt: now(),
    };
    state.broker.connections.set(client.id, connection);
    const device = state.devices.get(deviceKey(identity.productId, identity.deviceName));
    if (device) {
      device.Online = 1;
      device.LoginTime = Math.floor(connection.connectedAt / 1000);
    }
    log(formatConnected(connection));
  });

  aedes.on('clientDisconnect', (client) => {
    // A second CONNECT with the same client id takes over; the first one's disconnect must not end the second.
    if (live.get(client.id) !== client) return;
    live.delete(client.id);
    const connection = state.broker.connections.get(client.id);
    state.broker.connections.delete(client.id);
    const device = connection && state.devices.get(deviceKey(connection.productId, connection.deviceName));
    if (device) device.Online = 0;
    log(formatDisconnected(client.id));
  });

  aedes.on('publish', (packet: AedesPublishPacket, client: Client | null) => {
    const identity = client ? identities.get(client) : undefined;
    if (!client || !identity || packet.topic === DROPPED_TOPIC) return;
    const outcome = routeDeviceMessage(
      state,
      {
        topic: packet.topic,
        payload: typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload,
        qos: packet.qos === 0 ? 0 : 1,
        productId: identity.productId,
        deviceName: identity.deviceName,
        clientId: client.id,
      },
      now(),
    );
    execute(outcome.effects);
    if (outcome.changed) options.onStateChanged();
    if (outcome.rrpcReply) pendingRrpc.get(outcome.rrpcReply.messageId)?.resolve(outcome.rrpcReply.payload);
  });

  function deliver(topic: string, payload: Uint8Array, qos: 0 | 1): void {
    aedes.publish(
      { cmd: 'publish', topic, payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), qos, retain: false, dup: false },
      () => {},
    );
  }

  function forward(effect: Extract<BrokerEffect, { kind: 'forward' }>): void {
    const allowed = isForwardAllowed(effect.url, options.forwardAnyHost === true);
    if (!allowed.ok) {
      log(`rule ${effect.ruleName}: forward to ${effect.url} not sent: ${allowed.reason}`);
      return;
    }
    fetch(effect.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: effect.body, signal: AbortSignal.timeout(5000) }).then(
      (response) => log(`rule ${effect.ruleName}: forward POST ${effect.url} → HTTP ${response.status}`),
      (error: unknown) => log(`rule ${effect.ruleName}: forward POST ${effect.url} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  function execute(effects: readonly BrokerEffect[]): void {
    for (const effect of effects) {
      if (effect.kind === 'deliver') deliver(effect.topic, effect.payload, effect.qos);
      else if (effect.kind === 'forward') forward(effect);
      else {
        // Waiting starts before the request goes out: a device may answer before the publish callback runs.
        let resolve!: (reply: Uint8Array | undefined) => void;
        const promise = new Promise<Uint8Array | undefined>((r) => (resolve = r));
        pendingRrpc.set(effect.messageId, { promise, resolve });
        deliver(effect.topic, effect.payload, 1);
      }
    }
  }

  const tcp = createTcpServer((socket) => {
    // Without it, a small PUBLISH (a delta) can wait for the device's delayed ACK: tens of milliseconds.
    socket.setNoDelay(true);
    aedes.handle(socket);
  });
  const http = createHttpServer();
  let port = 0;
  let wsPort = 0;
  try {
    if (options.port !== undefined) port = await listen(tcp, options.port, options.host, '--mqtt-port');
    if (options.wsPort !== undefined) wsPort = await listen(http, options.wsPort, options.host, '--mqtt-ws-port');
  } catch (error) {
    if (port) tcp.close();
    http.close();
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    throw error;
  }
  // Attached once listening: the WebSocket server re-emits its HTTP server's errors, and a listen error is answered above.
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket, req: IncomingMessage) => aedes.handle(createWebSocketStream(socket), req));

  return {
    port,
    wsPort,
    execute,
    async waitForRrpc(messageId, timeoutMs) {
      const pending = pendingRrpc.get(messageId);
      if (!pending) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
      try {
        return await Promise.race([pending.promise, timeout]);
      } finally {
        clearTimeout(timer);
        pendingRrpc.delete(messageId);
      }
    },
    async close() {
      for (const pending of pendingRrpc.values()) pending.resolve(undefined);
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      for (const socket of wss.clients) socket.terminate();
      await Promise.all([
        new Promise<void>((resolve) => (port ? tcp.close(() => resolve()) : resolve())),
        new Promise<void>((resolve) => (wsPort ? http.close(() => resolve()) : resolve())),
      ]);
      state.broker.connections.clear();
    },
  };
}
