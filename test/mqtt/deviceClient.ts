import { createHmac } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * Device credentials as Tencent's device SDK doc describes key authentication, computed here with node:crypto and
 * nothing of the toolkit's: username "<ProductId><DeviceName>;12010126;<connid>;<expiry>", password
 * hex(HMAC-SHA256(base64-decoded PSK, username)) + ";hmacsha256".
 */
export function deviceCredentials(productId: string, deviceName: string, psk: string, options: { expiry?: number; hmac?: 'sha256' | 'sha1' } = {}) {
  const clientId = `${productId}${deviceName}`;
  const hmac = options.hmac ?? 'sha256';
  const username = `${clientId};12010126;a1b2c;${options.expiry ?? Math.floor(Date.now() / 1000) + 600}`;
  const password = `${createHmac(hmac, Buffer.from(psk, 'base64')).update(username).digest('hex')};hmac${hmac}`;
  return { clientId, username, password };
}

export interface ReceivedMessage {
  readonly topic: string;
  readonly text: string;
}

/** An MQTT.js client with every message kept, and a wait for the next one that matches. */
export interface TestDevice {
  readonly client: MqttClient;
  readonly messages: ReceivedMessage[];
  next(topic: string, timeoutMs?: number): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

/** `clean: false` asks for a persistent session (MQTT 3.1.1 §3.1.2.4): QoS 1 messages kept while the device is away. */
export async function connectDevice(url: string, credentials: ReturnType<typeof deviceCredentials>, options: { clean?: boolean } = {}): Promise<TestDevice> {
  const client = await mqtt.connectAsync(url, { ...credentials, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000, clean: options.clean ?? true });
  const messages: ReceivedMessage[] = [];
  const waiters: { topic: string; from: number; resolve: (m: ReceivedMessage) => void }[] = [];
  client.on('message', (topic, payload) => {
    messages.push({ topic, text: payload.toString('utf8') });
    for (const w of waiters.splice(0)) {
      const found = messages.slice(w.from).find((m) => m.topic === w.topic);
      if (found) w.resolve(found);
      else waiters.push(w);
    }
  });
  let seen = 0;
  return {
    client,
    messages,
    // Each call returns the first matching message after those the previous calls returned.
    next(topic, timeoutMs = 5000) {
      const from = seen;
      const found = messages.slice(from).find((m) => m.topic === topic);
      const done = (m: ReceivedMessage) => {
        seen = messages.indexOf(m) + 1;
        return m;
      };
      if (found) return Promise.resolve(done(found));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no message on ${topic} within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(from))}`)),
          timeoutMs,
        );
        waiters.push({
          topic,
          from,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(done(m));
          },
        });
      });
    },
    close: () => client.endAsync(),
  };
}

/** The CONNACK return code a refused CONNECT got (MQTT.js puts it on the error's code). */
export async function refusedConnect(url: string, credentials: ReturnType<typeof deviceCredentials>): Promise<number> {
  try {
    const client = await mqtt.connectAsync(url, { ...credentials, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000 });
    await client.endAsync();
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
  throw new Error('the CONNECT was accepted');
}
