import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateParams, type ParamRules, type StructureRules } from '@iot-devkit/core';

// Every documented constraint in the catalog data, broken on purpose, must be refused with a message that
// names the parameter. The constraints are read from the data, so a new one is covered without a new test.
interface Service {
  service: string;
  actions?: { name: string; params: (ParamRules & { example?: string })[] }[];
  structures?: StructureRules[];
}
const dataDir = new URL('../../core/src/catalog/data/', import.meta.url);
const services = readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')) as Service)
  .filter((s) => Array.isArray(s.actions) && s.actions.some((a) => Array.isArray(a.params)));

/** A value that satisfies a parameter's rules, built from its documented example or its type. */
function validValue(rules: ParamRules & { example?: string }, structures: Map<string, StructureRules>): unknown {
  const one = (): unknown => {
    const structure = structures.get(rules.structure ?? rules.baseType);
    if (structure) return Object.fromEntries(structure.fields.filter((f) => f.required === true).map((f) => [f.name, validValue(f, structures)]));
    if (rules.enum) return rules.enum[0];
    if (['Integer', 'Int64', 'UInt64', 'Float'].includes(rules.baseType)) return rules.minimum ?? 1;
    if (rules.baseType === 'Boolean') return true;
    if (rules.json) return '{"desired":{"on":true}}';
    const pattern = rules.array ? rules.itemPattern : rules.pattern;
    if (pattern && rules.example && new RegExp(pattern).test(rules.example)) return rules.example;
    if (pattern) return /a-z/.test(pattern) && /\{32\}/.test(pattern) ? '0123456789abcdef0123456789abcdef' : 'abc_1';
    return rules.example ?? 'x';
  };
  return rules.array ? [one()] : one();
}

test('the catalog has actions with constraints to check', () => {
  assert.ok(services.length >= 2);
  const constrained = services.flatMap((s) =>
    s.actions!.flatMap((a) => a.params.filter((p) => p.pattern || p.enum || p.json || p.maxBytes || p.required === true)),
  );
  assert.ok(constrained.length > 50, `${constrained.length} constrained params`);
});

for (const service of services) {
  const structures = new Map((service.structures ?? []).map((s) => [s.name, s]));
  for (const action of service.actions!) {
    test(`${service.service} ${action.name}: a valid request passes, each broken constraint is named`, () => {
      const valid = Object.fromEntries(action.params.filter((p) => p.required === true).map((p) => [p.name, validValue(p, structures)]));
      assert.deepEqual(validateParams(valid, action.params, [...structures.values()]), [], 'the valid request');
      const expectProblem = (params: Record<string, unknown>, field: string, what: string) => {
        const problems = validateParams(params, action.params, [...structures.values()]);
        assert.ok(
          problems.some((p) => p.field === field && p.message.startsWith(field + ': ')),
          `${what} of ${field}: ${JSON.stringify(problems)}`,
        );
      };
      for (const p of action.params) {
        if (p.required === true) {
          const { [p.name]: _omitted, ...rest } = valid;
          expectProblem(rest, p.name, 'missing');
        }
        const field = p.array ? `${p.name}.0` : p.name;
        const put = (v: unknown) => ({ ...valid, [p.name]: p.array ? [v] : v });
        if (p.pattern || p.itemPattern) expectProblem(put('bad value with spaces and ☃'.repeat(3)), field, 'pattern');
        if (p.enum) expectProblem(put(typeof p.enum[0] === 'number' ? 987654 : 'not-in-enum'), field, 'enum');
        if (p.json) expectProblem(put('{not json'), field, 'JSON');
        if (p.maxBytes) expectProblem(put(JSON.stringify({ desired: { pad: 'x'.repeat(p.maxBytes) } })), field, 'size');
        if (['Integer', 'Int64', 'UInt64'].includes(p.baseType)) expectProblem(put('twelve'), field, 'type');
      }
      expectProblem({ ...valid, NoSuchParameter: 1 }, 'NoSuchParameter', 'unknown');
      for (const p of action.params) {
        if (!p.requiredWhen) continue;
        const { [p.name]: _omitted, ...rest } = valid;
        expectProblem({ ...rest, [p.requiredWhen.param]: p.requiredWhen.equals }, p.name, `required when ${p.requiredWhen.param} is ${p.requiredWhen.equals}`);
      }
    });
  }
}
