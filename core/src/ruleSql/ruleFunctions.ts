/**
 * The rule engine's built-in functions and how many arguments each takes, from IoT Hub's "规则函数 / Rule Function"
 * page, "支持的函数 / Supported Functions" (https://tencentcloud.com/zh/document/product/1105/41486, English at
 * https://tencentcloud.com/document/product/1105/41486). The list is the doc's, no more: a call to any other name is refused when the SQL is checked,
 * naming the function, so a rule that would fail in the cloud fails here first. What each one computes is in
 * ruleEngine/callRuleFunction.ts.
 */
export const RULE_FUNCTIONS = {
  productId: { min: 0, max: 0, usage: 'productId()' },
  deviceName: { min: 0, max: 0, usage: 'deviceName()' },
  timestamp: { min: 0, max: 0, usage: 'timestamp()' },
  topic: { min: 0, max: 1, usage: 'topic() or topic(n)' },
  payloadLen: { min: 0, max: 0, usage: 'payloadLen()' },
  // The doc writes bin_to_dec() and to_hex () without arguments but describes their input ("二进制数 data",
  // "输入的原始消息"): with none they read the raw payload, with one that value.
  bin_to_dec: { min: 0, max: 1, usage: 'bin_to_dec() or bin_to_dec(data)' },
  to_hex: { min: 0, max: 1, usage: 'to_hex() or to_hex(data)' },
  randint: { min: 2, max: 2, usage: 'randint(min, max)' },
  upper: { min: 1, max: 1, usage: 'upper(string)' },
  lower: { min: 1, max: 1, usage: 'lower(string)' },
  crypto: { min: 2, max: 2, usage: "crypto(field, 'MD5'|'SHA1'|'SHA256'|'SHA384'|'SHA512')" },
  concat: { min: 2, max: 2, usage: 'concat(string1, string2)' },
  requestId: { min: 0, max: 0, usage: 'requestId()' },
  newuuid: { min: 0, max: 0, usage: 'newuuid()' },
  replace: { min: 3, max: 3, usage: 'replace(source, substring, replacement)' },
  substring: { min: 3, max: 3, usage: 'substring(source, start, end)' },
} as const satisfies Record<string, { readonly min: number; readonly max: number; readonly usage: string }>;

export type RuleFunctionName = keyof typeof RULE_FUNCTIONS;

// SQL function names are case-insensitive (the doc's "类似MySQL语法"): DEVICENAME() is deviceName().
const BY_LOWER_NAME = new Map(Object.keys(RULE_FUNCTIONS).map((name) => [name.toLowerCase(), name as RuleFunctionName]));

/** The documented function a written name refers to, in any letter case; undefined for a name the doc does not list. */
export function findRuleFunction(written: string): RuleFunctionName | undefined {
  return BY_LOWER_NAME.get(written.toLowerCase());
}
