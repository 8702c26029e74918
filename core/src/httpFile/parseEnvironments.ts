// The environments of a collection, designed after REST Client's `rest-client.environmentVariables` setting:
// `{ "$shared": { "productId": "DEMO000001" }, "local": { "host": "http://127.0.0.1:9180" }, "prod": { … } }`.
// `$shared` applies in every environment and an environment's own value wins; a value may use {{$shared name}},
// {{$processEnv NAME}} and the system variables. The file is meant to be committed, so a variable whose name is a
// secret (secretKey, token, psk … as the one secret policy names them) must be a {{$processEnv NAME}} reference.
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { isSecretField } from '../views/secretPolicy.js';
import type { HttpFileProblem, Template } from './HttpFile.js';
import { parseTemplate, VARIABLE_NAME } from './parseTemplate.js';

export const SHARED_ENVIRONMENT = '$shared';

export interface HttpEnvironments {
  /** The environments' names in the file's order, `$shared` left out. */
  readonly names: readonly string[];
  readonly shared: ReadonlyMap<string, Template>;
  readonly byName: ReadonlyMap<string, ReadonlyMap<string, Template>>;
}

export type EnvironmentsRead = { readonly ok: true; readonly environments: HttpEnvironments } | { readonly ok: false; readonly problems: readonly string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an environments file; `label` (its path) starts every message. Never throws. */
export function parseEnvironments(text: string, label: string): EnvironmentsRead {
  const parsed = parseJsonBounded(typeof text === 'string' ? text : '', label, { maxDepth: 3, maxLength: 1_000_000 });
  if (!parsed.ok) return { ok: false, problems: [`${parsed.message}; expected {"$shared": {"name": "value"}, "<environment>": {"name": "value"}}`] };
  if (!isObject(parsed.value)) return { ok: false, problems: [`${label}: expected an object of environments, e.g. {"$shared": {…}, "local": {…}}`] };
  const problems: string[] = [];
  const names: string[] = [];
  let shared = new Map<string, Template>();
  const byName = new Map<string, ReadonlyMap<string, Template>>();
  for (const [environment, variables] of Object.entries(parsed.value)) {
    const isShared = environment === SHARED_ENVIRONMENT;
    if (!isShared && !VARIABLE_NAME.test(environment)) {
      problems.push(`${label}: environment ${JSON.stringify(environment)}: a name of letters, digits, "_" or "-"`);
      continue;
    }
    if (!isObject(variables)) {
      problems.push(`${label}: ${environment}: expected an object of variable name to text value`);
      continue;
    }
    const values = new Map<string, Template>();
    for (const [name, value] of Object.entries(variables)) {
      const where = `${label}: ${environment}.${name}`;
      if (!VARIABLE_NAME.test(name)) {
        problems.push(`${where}: a variable name of letters, digits, "_" or "-"`);
        continue;
      }
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        problems.push(`${where}: expected a text value (or a number or boolean)`);
        continue;
      }
      const templateProblems: HttpFileProblem[] = [];
      const template = parseTemplate(String(value), { line: 1, column: 1 }, templateProblems);
      problems.push(...templateProblems.map((p) => `${where}: ${p.message}`));
      const placeholders = template.parts.filter((part) => typeof part !== 'string');
      for (const placeholder of placeholders) {
        if (placeholder.kind === 'variable' || placeholder.kind === 'responseBody' || placeholder.kind === 'responseHeader')
          problems.push(
            `${where}: ${placeholder.text}: an environment value may use {{$shared name}}, {{$processEnv NAME}}, $timestamp, $guid and $randomInt only`,
          );
        if (placeholder.kind === 'shared' && isShared) problems.push(`${where}: ${placeholder.text}: $shared cannot refer to itself`);
      }
      if (isSecretField(name) && !placeholders.some((p) => p.kind === 'processEnv') && String(value) !== '')
        problems.push(
          `${where}: a secret is never written in this file (it is shared and committed): write {{$processEnv NAME}} and keep the value in the environment variable NAME`,
        );
      values.set(name, template);
    }
    if (isShared) shared = values;
    else {
      names.push(environment);
      byName.set(environment, values);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, environments: { names, shared, byName } };
}
