// Typed request/response over runtime messages: pages call `callBackground(name, params)`, the service worker
// answers with `handleMessages({ name: handler, … })`. The protocol map makes both sides agree at compile time.
import { runtime, type Runtime } from './browserApi.js';
import {
  isRequestEnvelope,
  type Handlers,
  type MessageName,
  type NotificationEnvelope,
  type NotificationMap,
  type NotificationName,
  type ParamsOf,
  type RequestEnvelope,
  type ResponseEnvelope,
  type ResultOf,
} from './protocol.js';

export async function callBackground<K extends MessageName>(name: K, params: ParamsOf<K>): Promise<ResultOf<K>> {
  const envelope: RequestEnvelope<K> = { protocol: 'iot-devkit/1', name, params };
  const response = (await runtime.sendMessage(envelope)) as ResponseEnvelope<K> | undefined;
  if (response === undefined) throw new Error(`${name}: the extension's service worker did not answer`);
  if (!response.ok) throw new Error(response.error);
  return response.result;
}

/**
 * Serves the protocol from the service worker. Only the extension's own pages may call: messages from content
 * scripts or other extensions (sender.url outside the extension) are ignored.
 */
export function handleMessages(handlers: Handlers): void {
  const ownOrigin = runtime.getURL('');
  runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isRequestEnvelope(message)) return undefined;
    if (sender.id !== runtime.id || (sender.url !== undefined && !sender.url.startsWith(ownOrigin))) return undefined;
    const handler = handlers[message.name] as ((params: unknown) => Promise<unknown>) | undefined;
    if (!handler) return Promise.resolve({ ok: false, error: `unknown message "${message.name}"` });
    return handler(message.params).then(
      (result) => ({ ok: true, result }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** Tells every open extension page something changed (service worker → pages); nobody listening is fine. */
export function notifyPages<K extends NotificationName>(name: K, payload: NotificationMap[K]): void {
  const envelope: NotificationEnvelope<K> = { protocol: 'iot-devkit/notification/1', name, payload };
  runtime.sendMessage(envelope).catch(() => undefined);
}

export function onNotification<K extends NotificationName>(name: K, listener: (payload: NotificationMap[K]) => void): void {
  runtime.onMessage.addListener((message: unknown) => {
    const envelope = message as Partial<NotificationEnvelope> | null;
    if (envelope?.protocol === 'iot-devkit/notification/1' && envelope.name === name) listener(envelope.payload as NotificationMap[K]);
    return undefined;
  });
}
