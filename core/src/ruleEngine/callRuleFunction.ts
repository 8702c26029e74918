import type { HashAlgorithm } from '../crypto/HashProvider.js';
import { nobleHashProvider } from '../crypto/nobleHashProvider.js';
import { toHex, utf8Encode } from '../encoding/bytes.js';
import type { RuleFunctionName } from '../ruleSql/ruleFunctions.js';
import type { RuleContext } from './RuleContext.js';
import { isNullish, toRuleNumber, type RuleValue } from './ruleValues.js';

/**
 * A string result longer than this is null: replace() and concat() nested 32 deep could otherwise multiply a
 * payload's size beyond memory. 256 Ki characters is the most a message carries (MAX_RULE_PAYLOAD_LENGTH), so an
 * output past it could not be republished anyway.
 */
export const MAX_RULE_STRING_LENGTH = 256 * 1024;

const capped = (text: string): string | null => (text.length > MAX_RULE_STRING_LENGTH ? null : text);
/** A scalar as text for the string functions (MySQL converts numbers and booleans the same way); null for the rest. */
const textOf = (value: RuleValue): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
const integerOf = (value: RuleValue): number | null => {
  const number = toRuleNumber(value);
  return number !== undefined && Number.isSafeInteger(number) ? number : null;
};

// crypto()'s algorithms, spelled as the doc does (MD5, SHA1, SHA256, SHA384, SHA512); "SHA-256" is read the same.
const DIGESTS: Readonly<Record<string, HashAlgorithm>> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(random() * 4) & 3) | 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

type Implementation = (args: readonly RuleValue[], context: RuleContext) => RuleValue;

/**
 * What each documented function computes (the list and arity are ruleSql/ruleFunctions.ts, from the doc's
 * "支持的函数" table, https://tencentcloud.com/zh/document/product/1105/41486). The doc gives one line each; where it
 * leaves a choice open the comment says which one is made. A null argument gives null, as in SQL.
 */
const IMPLEMENTATIONS = {
  productId: (_, c) => c.productId,
  deviceName: (_, c) => c.deviceName,
  // "返回当前的 Unix 系统时间戳，秒为单位": the message's arrival time, so one message evaluates the same everywhere.
  timestamp: (_, c) => Math.floor(c.timestamp / 1000),
  // "以/分割的第 n 个分段": counted from 1, as the doc's "第 n 个" reads; a level that is not there is null.
  topic: (args, c) => {
    if (args.length === 0) return c.topic;
    const n = integerOf(args[0]);
    const levels = c.topic.split('/');
    return n !== null && n >= 1 && n <= levels.length ? levels[n - 1] : null;
  },
  payloadLen: (_, c) => utf8Encode(c.rawPayload).length,
  bin_to_dec: (args, c) => {
    const text = args.length === 0 ? c.rawPayload.trim() : textOf(args[0]);
    return text !== null && /^[01]{1,53}$/.test(text) ? parseInt(text, 2) : null;
  },
  // "将输入的原始消息转换为16进制字符串": the payload's UTF-8 bytes in lower-case hex; with an argument, that value's.
  to_hex: (args, c) => {
    const text = args.length === 0 ? c.rawPayload : textOf(args[0]);
    return text === null || text.length * 2 > MAX_RULE_STRING_LENGTH ? null : toHex(utf8Encode(text));
  },
  // Both ends included, as "min 和 max 之间" reads.
  randint: (args, c) => {
    const min = integerOf(args[0]);
    const max = integerOf(args[1]);
    if (min === null || max === null || min > max) return null;
    return min + Math.floor((c.random ?? Math.random)() * (max - min + 1));
  },
  upper: (args) => textOf(args[0])?.toUpperCase() ?? null,
  lower: (args) => textOf(args[0])?.toLowerCase() ?? null,
  // The digest of the value's text (an object's JSON), in lower-case hex.
  crypto: (args, c) => {
    const value = args[0];
    const algorithm = textOf(args[1])?.toUpperCase().replace('-', '');
    const digest = algorithm !== undefined ? DIGESTS[algorithm] : undefined;
    if (digest === undefined || isNullish(value)) return null;
    const text = textOf(value) ?? JSON.stringify(value);
    return toHex((c.crypto ?? nobleHashProvider).hash(digest, text));
  },
  concat: (args) => {
    const a = textOf(args[0]);
    const b = textOf(args[1]);
    return a === null || b === null ? null : capped(a + b);
  },
  requestId: (_, c) => c.requestId ?? uuid(c.random ?? Math.random),
  newuuid: (_, c) => uuid(c.random ?? Math.random),
  // Every occurrence, as MySQL's REPLACE; an empty substring replaces nothing (MySQL's answer too).
  replace: (args) => {
    const [source, substring, replacement] = [textOf(args[0]), textOf(args[1]), textOf(args[2])];
    if (source === null || substring === null || replacement === null) return null;
    if (substring === '') return source;
    const parts = source.split(substring);
    if (source.length + (parts.length - 1) * (replacement.length - substring.length) > MAX_RULE_STRING_LENGTH) return null;
    return parts.join(replacement);
  },
  // "返回从 start（包括）到 end（不包括）的字符串": 0-based offsets, clamped to the string as JavaScript's substring does.
  substring: (args) => {
    const source = textOf(args[0]);
    const start = integerOf(args[1]);
    const end = integerOf(args[2]);
    if (source === null || start === null || end === null) return null;
    return start > end ? '' : source.substring(Math.max(0, start), end);
  },
} satisfies Record<RuleFunctionName, Implementation>;

/** Calls a documented function on evaluated arguments; never throws (a value it cannot use gives null). */
export function callRuleFunction(name: RuleFunctionName, args: readonly RuleValue[], context: RuleContext): RuleValue {
  // SQL: a function of null is null (MySQL's CONCAT and REPLACE included).
  if (args.some(isNullish)) return null;
  return (IMPLEMENTATIONS[name] as Implementation)(args, context);
}
