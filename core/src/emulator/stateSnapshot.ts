import { DEFAULT_JSON_MAX_DEPTH, parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { readShadowDocument } from '../shadow/parseShadowData.js';
import { formatReadableJson } from './formatReadableJson.js';
import {
  createEmptyState,
  deviceKey,
  MAX_RECORDED_MESSAGES,
  type EmulatedDevice,
  type EmulatedProduct,
  type EmulatedRule,
  type EmulatorState,
  type PublishedMessage,
  type TrroProject,
} from './EmulatorState.js';

/** The first line of every data file: a file that lacks it is not ours, and is never overwritten. */
export const STATE_FORMAT = 'iot-devkit-emulator-state';
export const STATE_FORMAT_VERSION = 1;

/**
 * The deepest nesting a data file may have. What the API and admin routes store is at most DEFAULT_JSON_MAX_DEPTH
 * deep; the file wraps it in a few levels (the snapshot, a section's array, its item, the shadow, its metadata and
 * half, and the {timestamp} that metadata puts on a leaf), so a file this emulator wrote stays well below this.
 */
export const STATE_FILE_MAX_DEPTH = DEFAULT_JSON_MAX_DEPTH + 16;

/** How deep the data file is indented; deeper parts of a value are written on one line (formatReadableJson). */
const STATE_FILE_INDENTED_LEVELS = 10;

/** The state as the --data file holds it: plain JSON, one array per collection, readable and diffable. */
export function serializeState(state: EmulatorState): string {
  const snapshot = {
    format: STATE_FORMAT,
    formatVersion: STATE_FORMAT_VERSION,
    products: [...state.products.values()],
    devices: [...state.devices.values()],
    shadows: [...state.shadows.entries()].map(([key, shadow]) => {
      const slash = key.indexOf('/');
      return { ProductId: key.slice(0, slash), DeviceName: key.slice(slash + 1), shadow };
    }),
    rules: [...state.rules.values()],
    messages: state.messages,
    trroProjects: [...state.trroProjects.values()],
    topicPolicies: [...state.topicPolicies.entries()].flatMap(([ProductId, list]) => list.map((policy) => ({ ProductId, ...policy }))),
    nextMessageId: state.nextMessageId,
  };
  // Indented down to a shadow's desired/reported keys and their values (snapshot, section, item, shadow, state, half, key…).
  return formatReadableJson(snapshot, STATE_FILE_INDENTED_LEVELS) + '\n';
}

export type RestoreResult = { readonly ok: true; readonly state: EmulatorState } | { readonly ok: false; readonly message: string };

type Item = Record<string, unknown>;
const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a data file's text back; a wrong file is named with the field that is off, never half-loaded. */
export function restoreState(text: string): RestoreResult {
  // Read with its depth measured first: a file poisoned by an older emulator would otherwise load, then overflow.
  const read = parseJsonBounded(text, 'the file', { maxDepth: STATE_FILE_MAX_DEPTH });
  if (!read.ok) return { ok: false, message: read.message };
  const parsed = read.value;
  if (!isItem(parsed) || parsed['format'] !== STATE_FORMAT)
    return { ok: false, message: `format: expected "${STATE_FORMAT}" — this is not an emulator data file` };
  if (parsed['formatVersion'] !== STATE_FORMAT_VERSION)
    return { ok: false, message: `formatVersion: expected ${STATE_FORMAT_VERSION}, got ${JSON.stringify(parsed['formatVersion'])}` };
  const state = createEmptyState();
  const list = (name: string): Item[] | string => {
    const value = parsed[name] ?? [];
    if (!Array.isArray(value)) return `${name}: expected an array`;
    const bad = value.findIndex((item) => !isItem(item));
    return bad === -1 ? (value as Item[]) : `${name}[${bad}]: expected an object`;
  };
  const need = (item: Item, where: string, fields: Record<string, 'string' | 'number' | 'boolean'>): string | undefined => {
    for (const [field, type] of Object.entries(fields)) if (typeof item[field] !== type) return `${where}.${field}: expected a ${type}`;
    return undefined;
  };

  const sections = ['products', 'devices', 'shadows', 'rules', 'messages', 'trroProjects', 'topicPolicies'].map((name) => [name, list(name)] as const);
  for (const [, items] of sections) if (typeof items === 'string') return { ok: false, message: items };
  const get = (name: string) => sections.find(([n]) => n === name)![1] as Item[];

  for (const [i, item] of get('products').entries()) {
    const problem = need(item, `products[${i}]`, { ProductId: 'string', ProductName: 'string', CreationDate: 'number' });
    if (problem) return { ok: false, message: problem };
    state.products.set(
      item['ProductId'] as string,
      { ...item, ProductProperties: isItem(item['ProductProperties']) ? item['ProductProperties'] : {} } as unknown as EmulatedProduct,
    );
  }
  for (const [i, item] of get('devices').entries()) {
    const problem = need(item, `devices[${i}]`, {
      ProductId: 'string',
      DeviceName: 'string',
      DevicePsk: 'string',
      EnableState: 'number',
      CreateTime: 'number',
    });
    if (problem) return { ok: false, message: problem };
    state.devices.set(deviceKey(item['ProductId'] as string, item['DeviceName'] as string), item as unknown as EmulatedDevice);
  }
  for (const [i, item] of get('shadows').entries()) {
    const problem = need(item, `shadows[${i}]`, { ProductId: 'string', DeviceName: 'string' });
    if (problem) return { ok: false, message: problem };
    const shadow = readShadowDocument(item['shadow'], `shadows[${i}].shadow`);
    if (!shadow.ok) return { ok: false, message: shadow.error.message };
    state.shadows.set(deviceKey(item['ProductId'] as string, item['DeviceName'] as string), shadow.shadow);
  }
  for (const [i, item] of get('rules').entries()) {
    const problem = need(item, `rules[${i}]`, { RuleName: 'string', Sql: 'string', Actions: 'string', RuleDisabled: 'boolean', CreatedAt: 'number' });
    if (problem) return { ok: false, message: problem };
    state.rules.set(item['RuleName'] as string, item as unknown as EmulatedRule);
  }
  for (const [i, item] of get('messages').entries()) {
    const problem = need(item, `messages[${i}]`, { Id: 'number', Topic: 'string', Payload: 'string' });
    if (problem) return { ok: false, message: problem };
    state.messages.push(item as unknown as PublishedMessage);
  }
  state.messages.splice(0, Math.max(0, state.messages.length - MAX_RECORDED_MESSAGES));
  for (const [i, item] of get('trroProjects').entries()) {
    const problem = need(item, `trroProjects[${i}]`, { ProjectId: 'string', Mode: 'number' });
    if (problem) return { ok: false, message: problem };
    state.trroProjects.set(item['ProjectId'] as string, item as unknown as TrroProject);
  }
  for (const [i, item] of get('topicPolicies').entries()) {
    const problem = need(item, `topicPolicies[${i}]`, { ProductId: 'string', TopicName: 'string', Privilege: 'number' });
    if (problem) return { ok: false, message: problem };
    const productId = item['ProductId'] as string;
    state.topicPolicies.set(productId, [
      ...(state.topicPolicies.get(productId) ?? []),
      { TopicName: item['TopicName'] as string, Privilege: item['Privilege'] as number },
    ]);
  }
  const next = parsed['nextMessageId'];
  state.nextMessageId = typeof next === 'number' && Number.isSafeInteger(next) ? next : (state.messages.at(-1)?.Id ?? 0) + 1;
  return { ok: true, state };
}
