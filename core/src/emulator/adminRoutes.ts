import { isJsonObject, type JsonObject } from '../shadow/ShadowDocument.js';
import { mergeShadowSection } from '../shadow/applyShadowUpdate.js';
import { computeShadowDelta } from '../shadow/computeShadowDelta.js';
import { formatShadowData } from '../shadow/formatShadowData.js';
import { utf8DecodeStrict } from '../encoding/bytes.js';
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { SHADOW_STATE_MAX_BYTES } from '../shadow/shadowRules.js';
import { SHADOW_JSON_MAX_DEPTH } from './actions/shadowActions.js';
import { maskSecret } from '../signing/maskSecret.js';
import { ACTION_HANDLERS } from './actions/actionHandlers.js';
import type { EmulatorCredential } from './EmulatorCredential.js';
import { splitTarget, type ReceivedRequest } from './EmulatorHttp.js';
import { deviceKey, type EmulatorState } from './EmulatorState.js';
import { parseFormEncoded } from './parseFormEncoded.js';

/** Every admin path starts with this; nothing under it is part of the cloud API. */
export const ADMIN_PREFIX = '/_emulator';

export interface AdminAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly changed: boolean;
}

const answer = (status: number, body: unknown, changed = false): AdminAnswer => ({ status, body, changed });
const problem = (status: number, message: string): AdminAnswer => answer(status, { error: message });

export const ADMIN_ROUTES = [
  'GET    /_emulator                                          what is served, the demo SecretId, counts',
  'GET    /_emulator/messages[?since=<Id>]                    messages received by PublishMessage',
  'DELETE /_emulator/messages                                 forget them',
  'GET    /_emulator/devices/<ProductId>/<DeviceName>/shadow  the shadow document and its delta',
  'POST   /_emulator/devices/<ProductId>/<DeviceName>/reported  body {"key": value, …}: what the device reports (null deletes)',
  'GET    /_emulator/connections                              MQTT devices connected now, recent refused CONNECTs and topic refusals',
  'GET    /_emulator/rule-evaluations[?since=<id>]            each rule evaluated on each message: matched, WHERE, output, actions',
  'GET    /_emulator/products/<ProductId>/topics              the topics CreateTopicPolicy gave the product (TopicName, Privilege)',
] as const;

/** `?since=<n>` as a number (0 when absent or not a number). */
const sinceOf = (query: string): number => {
  const since = Number(new Map(parseFormEncoded(query)).get('since') ?? 0);
  return Number.isFinite(since) ? since : 0;
};

/**
 * The emulator's own endpoints, outside the API (no signature, plain HTTP status codes): what a test or a
 * developer needs and a real device would do — report its state — and reading back what PublishMessage sent.
 */
export function handleAdminRequest(request: ReceivedRequest, state: EmulatorState, credentials: readonly EmulatorCredential[], nowMs: number): AdminAnswer {
  const { path, query } = splitTarget(request.target);
  const segments = path
    .slice(ADMIN_PREFIX.length)
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const method = request.method.toUpperCase();

  if (segments.length === 0 && method === 'GET') {
    return answer(200, {
      emulator: 'IoT Devkit local emulator (not Tencent Cloud)',
      services: Object.entries(ACTION_HANDLERS).map(([service, handlers]) => ({ service, actions: Object.keys(handlers) })),
      credentials: credentials.map((c) => ({ SecretId: c.secretId, SecretKey: maskSecret(c.secretKey), ...(c.token ? { Token: maskSecret(c.token) } : {}) })),
      counts: {
        products: state.products.size,
        devices: state.devices.size,
        shadows: state.shadows.size,
        rules: state.rules.size,
        messages: state.messages.length,
        mqttConnections: state.broker.connections.size,
      },
      admin: ADMIN_ROUTES,
    });
  }
  if (segments[0] === 'messages' && segments.length === 1) {
    if (method === 'GET') {
      const since = sinceOf(query);
      return answer(200, { Messages: state.messages.filter((m) => m.Id > since) });
    }
    if (method === 'DELETE') {
      state.messages.length = 0;
      return answer(200, { Messages: [] }, true);
    }
  }
  if (segments[0] === 'connections' && segments.length === 1 && method === 'GET') {
    const { connections, refusedConnections, topicRefusals } = state.broker;
    return answer(200, { connected: [...connections.values()], refused: refusedConnections, topicRefusals });
  }
  if (segments[0] === 'rule-evaluations' && segments.length === 1 && method === 'GET') {
    const since = sinceOf(query);
    return answer(200, { evaluations: state.broker.ruleEvaluations.filter((e) => e.id > since) });
  }
  // iotcloud 2021-04-08 has CreateTopicPolicy and UpdateTopicPolicy but no action that lists a product's topics, so
  // the UIs (VS Code's Publish Message) read them here when the profile is the emulator.
  if (segments[0] === 'products' && segments.length === 3 && segments[2] === 'topics' && method === 'GET') {
    const productId = segments[1]!;
    if (!state.products.has(productId)) return problem(404, `no product ${JSON.stringify(productId)}`);
    return answer(200, { ProductId: productId, TopicPolicies: state.topicPolicies.get(productId) ?? [] });
  }
  if (segments[0] === 'devices' && segments.length === 4) {
    const [, productId = '', deviceName = '', leaf] = segments;
    const key = deviceKey(productId, deviceName);
    const device = state.devices.get(key);
    if (!device) return problem(404, `no device ${JSON.stringify(deviceName)} in product ${JSON.stringify(productId)}`);
    if (leaf === 'shadow' && method === 'GET') {
      const shadow = state.shadows.get(key);
      if (!shadow) return problem(404, `device ${key} has no shadow yet`);
      return answer(200, { shadow, delta: computeShadowDelta(shadow.state.desired, shadow.state.reported) ?? null });
    }
    if (leaf === 'reported' && method === 'POST') {
      // What a device reports is held to UpdateDeviceShadow's State limits (8 KB, the same depth): the emulator's
      // choice, so that the admin route cannot store a shadow that the API could not have produced.
      if (request.body.length > SHADOW_STATE_MAX_BYTES)
        return problem(400, `body: ${request.body.length} bytes; at most ${SHADOW_STATE_MAX_BYTES} (8 KB, as UpdateDeviceShadow's State) are accepted`);
      const text = utf8DecodeStrict(request.body);
      if (text === undefined) return problem(400, 'body: not valid UTF-8; expected a JSON object of reported keys');
      const read = parseJsonBounded(text, 'body', { maxDepth: SHADOW_JSON_MAX_DEPTH });
      if (!read.ok) return problem(400, `${read.message}; expected a JSON object of reported keys such as {"temperature": 21.5}`);
      const patch = read.value;
      if (!isJsonObject(patch)) return problem(400, 'body: expected a JSON object such as {"temperature": 21.5} (null deletes a key)');
      // Accept {"reported": {...}} too: it is how the state half is named in the shadow document.
      const reported = Object.keys(patch).length === 1 && isJsonObject(patch['reported']) ? (patch['reported'] as JsonObject) : patch;
      const shadow = mergeShadowSection(state.shadows.get(key), 'reported', reported, nowMs);
      state.shadows.set(key, shadow);
      // A device that reports is connected.
      device.Online = 1;
      device.LoginTime = Math.floor(nowMs / 1000);
      return answer(
        200,
        {
          version: shadow.version,
          state: shadow.state,
          delta: computeShadowDelta(shadow.state.desired, shadow.state.reported) ?? null,
          Data: formatShadowData(shadow, 'update', nowMs),
        },
        true,
      );
    }
  }
  return problem(404, `no admin route ${method} ${path}; routes:\n${ADMIN_ROUTES.join('\n')}`);
}
