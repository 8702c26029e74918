// OCR normalization for the seed documents. Every fix is recorded (where, from, to, why) so the catalog says
// exactly what it changed; nothing is corrected silently. Rules are narrow on purpose: a rule that could touch
// a correct spelling (the vendor's own typos such as `AlreadDone` or `UserNotAuthenticaed` are real codes) is
// an explicit entry, not a pattern.

/** Pattern rules, applied to identifiers (error codes, parameter, field and structure names). */
const IDENTIFIER_RULES = [
  {
    pattern: /([a-z])ls(?=[A-Z])/g,
    replace: '$1Is',
    reason: 'lowercase "l" read for capital "I" in the CamelCase word "Is" (e.g. DevicelsNotGateway)',
  },
  { pattern: /NB[lL]oT/g, replace: 'NBIoT', reason: '"l"/"L" read for capital "I" in "NBIoT"' },
];

/** Whole-identifier fixes that no safe pattern covers; each checked against the vendor's published code list. */
const IDENTIFIER_FIXES = new Map([
  [
    'UnauthorizedOperation.ProductsIsForbidden',
    {
      to: 'UnauthorizedOperation.ProductIsForbidden',
      reason: 'stray "s" before "Is"; the code is ProductIsForbidden (same table text 产品禁用了该功能, and the spelling used by the other actions)',
    },
  ],
  [
    'UnauthorizedOperation.ProductsForbidden',
    { to: 'UnauthorizedOperation.ProductIsForbidden', reason: '"Is" read as "s"; the code is ProductIsForbidden (same table text 产品禁用了该功能)' },
  ],
  [
    'FailedOperation.ProxyIPsNotEnough',
    { to: 'FailedOperation.ProxyIPIsNotEnough', reason: 'the capital "I" of "IPIs" was dropped; Tencent Cloud SDK error lists spell it ProxyIPIsNotEnough' },
  ],
  ['LimitExceeded.CARRepeat', { to: 'LimitExceeded.CARepeat', reason: 'doubled "R"; Tencent Cloud SDK error lists spell it CARepeat (CA证书重复)' }],
]);

/** Fixes inside free text (descriptions, examples), each tied to the exact garbled fragment. */
const TEXT_FIXES = [
  { from: '[a-zA-Z0-9:~]{1,48}', to: '[a-zA-Z0-9:_-]{1,48}', reason: 'the characters "_-" of the naming rule were read as "~"' },
  { from: '[a-zA-Z0-9:_{1,60}]', to: '[a-zA-Z0-9:_-]{1,60}', reason: 'the "-]" of the character class was lost and "]" moved after the quantifier' },
  { from: '[a-zA-Z0-9:_{1,128}]', to: '[a-zA-Z0-9:_-]{1,128}', reason: 'the "-]" of the character class was lost and "]" moved after the quantifier' },
  { from: '\\${', to: '${', reason: 'a markdown escape backslash left in front of "${"' },
  { from: 'NBloTDeviceID', to: 'NBIoTDeviceID', reason: 'lowercase "l" read for capital "I" in "NBIoT"' },
  { from: 'lotHub', to: 'IotHub', reason: 'lowercase "l" read for capital "I" in "IotHub"' },
  { from: '>LoginTime"', to: '"LoginTime"', reason: 'the opening quote of the JSON key was read as ">"' },
  { from: 'array- json', to: 'array-json', reason: 'a space broke the type name' },
  { from: 'array- string', to: 'array-string', reason: 'a space broke the type name' },
];

/**
 * Base64 examples garbled by OCR (l/I, J/j, d/b confusions inside the base64 alphabet). The doc itself states
 * what they encode, so the correct value is recomputed from that text rather than guessed character by character.
 */
const BASE64_FIXES = [
  {
    from: 'U0VMRUNUICogRIJPTSancGikL2RuYW1lL2V2ZW50Jw==',
    plain: "SELECT * FROM 'pid/dname/event'",
    reason: "garbled base64 (decodes to bytes that are not text); the doc says it encodes SELECT * FROM 'pid/dname/event'",
  },
  {
    from: 'U0VMRUNUIGZpZWxkMSwgZmlldGQyIEZST00gJ3NyY1Byb2R1Y3RjZC9zcmNEZXZpY2VOYW1IL2V2ZW50Jw==',
    plain: "SELECT field1, field2 FROM 'srcProductId/srcDeviceName/event'",
    reason:
      'garbled base64 (decodes to "fietd2", "srcProductcd", "srcDeviceNamH"); the same example under ReplaceTopicRule reads field1, field2 from srcProductId/srcDeviceName',
  },
  {
    from: 'U0VMRUNUIGZpZWxkMSwgZmllbGQyIEZST00gJ3NyY1Byb2R1Y3RjZC9zcmNEZXZpY2VOYW1lL2V2ZW50Jw==',
    plain: "SELECT field1, field2 FROM 'srcProductId/srcDeviceName/event'",
    reason: 'garbled base64 ("J" read as "j": decodes to "srcProductcd" for srcProductId)',
  },
];

export const toBase64 = (text) => Buffer.from(text, 'utf8').toString('base64');

/** True when a base64 string decodes to printable UTF-8 text (what every base64 example in the docs encodes). */
export function decodesToText(value) {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const bytes = Buffer.from(value, 'base64');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Control characters are exactly what this test looks for.
  // eslint-disable-next-line no-control-regex
  return !text.includes('\uFFFD') && !/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/.test(text);
}

/** Collects corrections as the extractor applies them; `where` says which catalog entry the text belongs to. */
export function createCorrector(sourceFile, documentLines = []) {
  const corrections = [];
  const seen = new Set();
  // A block of text (an example) starts at `line`; the fragment itself may sit further down.
  const exactLine = (from, line) => {
    const start = Math.max(0, (line ?? 1) - 1);
    const at = documentLines.findIndex((l, i) => i >= start && l.text.includes(from));
    return at === -1 ? line : documentLines[at].n;
  };
  const record = (where, from, to, reason, line) => {
    const key = `${where}\u0000${from}\u0000${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    const n = exactLine(from, line);
    corrections.push({ source: sourceFile, ...(n ? { line: n } : {}), where, from, to, reason });
  };

  /** An identifier: whole-name fixes first, then the narrow pattern rules. */
  function identifier(value, where, line) {
    const fix = IDENTIFIER_FIXES.get(value);
    if (fix) {
      record(where, value, fix.to, fix.reason, line);
      return fix.to;
    }
    let out = value;
    for (const rule of IDENTIFIER_RULES) {
      const next = out.replace(rule.pattern, rule.replace);
      if (next !== out) record(where, out, next, rule.reason, line);
      out = next;
    }
    return out;
  }

  /** Free text: the listed fragment fixes and base64 fixes; the corrected fragment is recorded, not the whole text. */
  function text(value, where, line) {
    let out = value;
    for (const fix of TEXT_FIXES) {
      if (out.includes(fix.from)) {
        record(where, fix.from, fix.to, fix.reason, line);
        out = out.split(fix.from).join(fix.to);
      }
    }
    for (const fix of BASE64_FIXES) {
      if (out.includes(fix.from)) {
        const to = toBase64(fix.plain);
        record(where, fix.from, to, fix.reason, line);
        out = out.split(fix.from).join(to);
      }
    }
    return out;
  }

  return { identifier, text, corrections };
}
