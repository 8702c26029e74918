// Fuzz targets for rule SQL: the checker's parser, and the engine running random SQL on random payloads.
import fc from 'fast-check';
import { checkRuleSql, encodeRuleSql, evaluateTopicRules, RULE_ERROR_CODES } from '@iot-devkit/core';
import { type FuzzTarget, expect, NOW, textInputs, repeat, fit } from './fuzzKit.js';

// ── rule SQL ────────────────────────────────────────────────────────────────────────────────────────────────────
const SQL_TOKENS = [
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'AS',
  'IN',
  'LIKE',
  'IS',
  'NULL',
  'BETWEEN',
  '*',
  ',',
  '(',
  ')',
  '.',
  '[',
  ']',
  '=',
  '<>',
  '>=',
  '<',
  '+',
  '-',
  '/',
  '%',
  ';',
  "'P1/dev/event'",
  "'ABCDE12345/+/data/#'",
  '"on"',
  "'x'",
  "'",
  '"',
  'temperature',
  'a.b',
  'deviceName()',
  '温度',
  '42',
  '1.5e3',
  '§',
  '\uD800',
  '`a b`',
  '`',
  'IS TRUE',
];
const SQL_SAMPLES = [
  "SELECT temperature, humidity FROM 'ABCDE12345/+/event' WHERE temperature > 30",
  "SELECT * FROM 'pid/dname/data/#';",
  'SELECT status, deviceName() as d FROM \'P/+/update\' WHERE status="on" and bright <= 50 OR x IN (1, 2)',
];
const sqlInputs = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SQL_TOKENS), { maxLength: 30 }).map((tokens) => tokens.join(' ')) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SQL_TOKENS), { maxLength: 12 }).map((tokens) => `SELECT * FROM 'P/d/t' WHERE ${tokens.join(' ')}`) },
  { weight: 3, arbitrary: textInputs(SQL_SAMPLES, SQL_TOKENS) },
);
const RULE_CODES = new Set<string>(Object.values(RULE_ERROR_CODES));

// ── rule engine: random rule SQL on random payloads ────────────────────────────────────────────────────────────
const ENGINE_SQL_SAMPLES = [
  "SELECT temperature AS t, deviceName() AS d, topic(2) FROM 'P1/+/event' WHERE temperature > 30 AND mode IN ('a', 'b')",
  "SELECT *, upper(name), concat(name, 'x'), substring(name, 0, 2), replace(name, 'a', 'bb') FROM 'P1/dev/#' WHERE name LIKE 'r_om%'",
  "SELECT a.b[0].c, crypto(a, 'SHA256') AS h, to_hex(), payloadLen() FROM 'P1/dev/data' WHERE NOT (a.b IS NULL) OR n % 2 = 1",
  "SELECT n * 2 - 1 AS m, randint(1, 6), bin_to_dec(bits) FROM 'P1/+/data' WHERE n BETWEEN -1.5e2 AND '40' AND flag IS NOT TRUE",
];
const ENGINE_SQL_TOKENS = [...SQL_TOKENS, 'upper(', 'concat(', 'replace(', 'substring(', 'topic(', 'crypto(', "'%'", "'_'", 'a[0]', '0', '-1'];
const PAYLOAD_SAMPLES = [
  '{"temperature":31,"mode":"a","name":"room1","n":3,"bits":"1011"}',
  '{"a":{"b":[{"c":"x"}]},"__proto__":{"polluted":1},"constructor":2,"flag":false}',
  '[1,2,{"temperature":"31"}]',
  'temperature=31',
];
const engineInputs = fc.tuple(
  fc.oneof({ weight: 2, arbitrary: textInputs(ENGINE_SQL_SAMPLES, ENGINE_SQL_TOKENS) }, { weight: 1, arbitrary: sqlInputs }),
  fc.oneof(
    { weight: 3, arbitrary: textInputs(PAYLOAD_SAMPLES, ['{', '[', '"', ':', ',', '}', '\uD800', '1e999', 'null']) },
    { weight: 1, arbitrary: fc.json() },
  ),
);
/** A concrete topic the FROM filter matches: each + a device, a final # one level. */
const topicFor = (filter: string) => filter.replaceAll('+', 'dev').replace(/#$/, 'x');

export const RULE_TARGETS: readonly FuzzTarget[] = [
  {
    name: 'rule SQL',
    inputs: sqlInputs,
    run: (input) => {
      const sql = input as string;
      const result = checkRuleSql(sql);
      if (result.ok) {
        expect(
          typeof result.parts.select === 'string' && result.parts.select !== '' && typeof result.parts.topic === 'string',
          `parts, got ${JSON.stringify(result.parts)}`,
        );
        return 'ok';
      }
      expect(RULE_CODES.has(result.error.code), `a documented code, got ${result.error.code}`);
      expect(result.error.message.length > 0, 'a message');
      if (result.error.at)
        expect(
          result.error.at.start >= 0 && result.error.at.start <= result.error.at.end && result.error.at.start <= sql.length,
          `a position inside the SQL, got ${JSON.stringify(result.error.at)}`,
        );
      return 'refused';
    },
    adversarial: (n) => {
      // Each fits the checker's 16 KB limit exactly, so the reader itself is timed, not the length check before it.
      const head = "SELECT a FROM 'p/d/t'";
      return [
        ['spaces before a stray token (froze the emulator)', fit(head, ' ', 'x', n)],
        ['spaces in the SELECT list', fit('SELECT ', ' ', "a FROM 'p/d/t'", n)],
        ['open parentheses', fit(`${head} WHERE `, '(', 'a', n)],
        ['NOT chains', fit(`${head} WHERE `, 'NOT ', 'a', n)],
        ['an open quote', fit(`${head} WHERE a = '`, "\\'", '', n)],
        ['repeated conditions', fit(`${head} WHERE `, 'a = 1 AND ', 'b = 2', n)],
        ['repeated fields', fit('SELECT ', 'a, ', "b FROM 'p/d/t'", n)],
        ['repeated FROM', fit('SELECT a ', 'FROM ', '', n)],
        ['a long JSON path', fit(`${head} WHERE `, 'a.', 'b = 1', n)],
        ['a long topic', fit("SELECT a FROM 'P/d/", 'a/', "t'", n)],
      ];
    },
  },
  {
    name: 'rule engine',
    inputs: engineInputs,
    run: (input) => {
      const [sql, payload] = input as [string, string];
      const checked = checkRuleSql(sql);
      const topic = checked.ok ? topicFor(checked.parts.topic) : 'P1/dev/event';
      const rule = {
        RuleName: 'fuzz',
        Sql: encodeRuleSql(sql),
        Actions: '[{"republish":{"topic":"P1/dev/out"}}]',
        Description: '',
        RuleDisabled: false,
        CreatedAt: 0,
      };
      const evaluations = evaluateTopicRules([rule], { topic, payload, clientId: 'P1dev', productId: 'P1', deviceName: 'dev', timestamp: NOW * 1000 });
      if (!checked.ok) {
        expect(evaluations.length === 1 && evaluations[0]!.topicMatched === false && typeof evaluations[0]!.problem === 'string', 'a named problem');
        return 'refused';
      }
      expect(evaluations.length === 1 && evaluations[0]!.topicMatched, `one matched evaluation, got ${JSON.stringify(evaluations)}`);
      const [e] = evaluations;
      expect(typeof e!.whereHeld === 'boolean', `a verdict, got ${String(e!.whereHeld)}`);
      expect(e!.whereHeld === (e!.output !== null) && e!.whereHeld === (e!.actions.length === 1), 'output and actions exactly when WHERE held');
      if (e!.output !== null) expect(JSON.parse(JSON.stringify(e!.output)) !== undefined, 'JSON output');
      return 'ok';
    },
    adversarial: (n) => {
      const run = (sql: string, payload: string) => [sql, payload] as const;
      const head = "SELECT * FROM 'P1/+/event' WHERE ";
      const long = 'a'.repeat(n);
      return [
        ['a long + chain', run(fit(`${head}t = 0`, ' + 1', '', n), '{"t":1}')],
        ['a long AND chain', run(fit(head, 't > 1 AND ', 't > 1', n), '{"t":2}')],
        ['a long IN list', run(fit(`${head}t IN (`, '1, ', '2)', n), '{"t":2}')],
        ['LIKE with _ over a long value', run(`${head}s LIKE '%${'a'.repeat(200)}_b%'`, `{"s":"${long}"}`)],
        ['LIKE with many % over a long value', run(fit(`${head}s LIKE '`, '%a', "%b'", n), `{"s":"${long}"}`)],
        ['nested replace', run(`SELECT ${'replace('.repeat(30)}s${", 'a', 'aa')".repeat(30)} AS r FROM 'P1/+/event'`, `{"s":"${long}"}`)],
        ['nested concat', run(`SELECT ${'concat('.repeat(30)}s${', s)'.repeat(30)} AS r FROM 'P1/+/event'`, `{"s":"${long}"}`)],
        ['a long path into a deep payload', run(fit(head, 'a.', 'a IS NULL', n), repeat('{"a":', n / 2).slice(0, 5 * 60) + '1' + '}'.repeat(60))],
        ['a payload nested past the limit', run(`${head}a IS NULL`, '['.repeat(n))],
        ['a payload of many keys', run("SELECT * FROM 'P1/+/event'", `{${repeat('"k":1,', n)}"z":2}`)],
      ];
    },
  },
];
