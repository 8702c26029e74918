// Turns the official Node SDK's declarations of one service version into catalog actions and structures, with the
// international SDK's English where it has the action or member, and merges them with a seed document's catalog:
// the seed stays authoritative where it speaks (its actions, parameters, types, required flags, constraints,
// examples, error codes and OCR-corrected spellings); the SDK adds what the seed lacks, and every difference is
// recorded in the action's (or structure's) `disagreements` with the value used and why.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readIntlClient, readIntlModels } from './intlDeclarations.mjs';
import { readClient, readClientEndpoint, readModels } from './sdkDeclarations.mjs';
import { deriveTitle, WRITTEN } from './englishTitles.mjs';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

/** The installed SDK package's directory and `name@version`, checked against the exact version core/package.json pins. */
export function sdkPackage(name) {
  const dir = packageDir(name);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const pinned = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).devDependencies?.[name];
  if (pinned !== version) throw new Error(`${name}: installed ${version}, core/package.json pins ${pinned} (run npm ci)`);
  return { dir, id: `${name}@${version}` };
}

const compact = (version) => `v${version.replaceAll('-', '')}`;

/** The SDK's declarations of `service` at `version`, and the intl SDK's English for them (empty maps when it has none). */
export function loadSdkService(service, version) {
  const zh = sdkPackage('tencentcloud-sdk-nodejs');
  const en = sdkPackage('tencentcloud-sdk-nodejs-intl-en');
  const base = join(zh.dir, 'tencentcloud/services', service, compact(version));
  const endpoint = readClientEndpoint(join(base, `${service}_client.js`));
  if (endpoint.version !== version) throw new Error(`${service}: the SDK client is for ${endpoint.version}, not ${version}`);
  const intlBase = join(en.dir, 'tencentcloud', service, compact(version));
  return {
    source: zh.id,
    intlSource: en.id,
    host: endpoint.host,
    actions: readClient(join(base, `${service}_client.d.ts`)).sort((a, b) => a.name.localeCompare(b.name)),
    models: readModels(join(base, `${service}_models.d.ts`)),
    intlModels: readIntlModels(join(intlBase, 'models.js')),
    intlActions: readIntlClient(join(intlBase, `${service}_client.js`)),
  };
}

const model = (sdk, name) => {
  const found = sdk.models.get(name);
  if (!found) throw new Error(`${sdk.source}: interface ${name} not declared`);
  return found;
};

/** A member of an SDK interface as a catalog field (`input`: it has a required flag). */
function fieldOf(member, { input, source, en }) {
  return {
    name: member.name,
    type: member.type,
    ...(input ? { required: !member.optional } : {}),
    description: member.description,
    ...(member.example !== undefined ? { example: member.example } : {}),
    ...(member.nullable ? { nullable: true } : {}),
    array: member.array,
    baseType: member.baseType,
    ...(member.structure ? { structure: member.structure } : {}),
    ...(member.deprecated ? { deprecated: true } : {}),
    source,
    ...(en ? { en } : {}),
  };
}

const englishMembers = (sdk, name) => sdk.intlModels.get(name)?.members ?? new Map();

/** "本接口（GetCOSURL）用于获取固件存储在COS的URL" → "获取固件存储在COS的URL": a zh title for actions the seed lacks. */
function zhTitle(name, description) {
  const first = description.split('\n')[0].trim();
  const prefix = `本接口（${name}）用于`;
  const title = (first.startsWith(prefix) ? first.slice(prefix.length) : first).replace(/[。.]$/, '');
  return title.length > 0 && title.length <= 40 ? title : undefined;
}

/** The English of an action: the intl SDK's description, else our written title, else one derived from its name. */
export function englishOf(service, sdk, name) {
  const intl = sdk.intlActions.get(name);
  if (intl) return { en: intl, enSource: 'intl-en' };
  const written = WRITTEN[service]?.[name];
  if (written) return { en: written, enSource: 'written' };
  return { en: deriveTitle(name), enSource: 'derived' };
}

/** One action from the SDK alone (the seed does not document it). */
export function sdkAction(service, version, sdk, declared) {
  const request = model(sdk, declared.request);
  const response = model(sdk, declared.response);
  const requestEn = englishMembers(sdk, declared.request);
  const responseEn = englishMembers(sdk, declared.response);
  const title = zhTitle(declared.name, declared.description);
  return {
    name: declared.name,
    ...(title ? { title } : {}),
    version,
    host: sdk.host,
    description: declared.description,
    descriptionLang: 'zh-CN',
    ...englishOf(service, sdk, declared.name),
    ...(declared.deprecated ? { deprecated: true } : {}),
    params: request.members.map((m) => fieldOf(m, { input: true, source: sdk.source, en: requestEn.get(m.name) })),
    outputs: response.members.map((m) => fieldOf(m, { input: false, source: sdk.source, en: responseEn.get(m.name) })),
    examples: [],
    errors: [],
    source: sdk.source,
  };
}

/** Structure names an interface refers to, transitively (members' structure types). */
function reachable(sdk, roots) {
  const seen = new Set();
  const visit = (name) => {
    const found = sdk.models.get(name);
    if (!found) return;
    for (const m of found.members)
      if (m.structure && !seen.has(m.structure)) {
        seen.add(m.structure);
        visit(m.structure);
      }
  };
  roots.forEach(visit);
  return seen;
}

/** The data structures the SDK's actions use, each with the actions that reach it and whether any request does. */
export function sdkStructures(sdk) {
  const usedBy = new Map();
  const input = new Set();
  for (const action of sdk.actions) {
    for (const name of reachable(sdk, [action.request, action.response])) usedBy.set(name, [...(usedBy.get(name) ?? []), action.name]);
    for (const name of reachable(sdk, [action.request])) input.add(name);
  }
  return [...usedBy.keys()].sort().map((name) => {
    const declared = model(sdk, name);
    const en = englishMembers(sdk, name);
    const isInput = input.has(name);
    const intlDescription = sdk.intlModels.get(name)?.description;
    return {
      name,
      description: declared.description,
      ...(intlDescription ? { en: intlDescription } : {}),
      usedBy: usedBy.get(name),
      input: isInput,
      fields: declared.members.map((m) => fieldOf(m, { input: isInput, source: sdk.source, en: en.get(m.name) })),
      source: sdk.source,
    };
  });
}

const NUMERIC = new Set(['Integer', 'Int64', 'UInt64', 'Float', 'Timestamp']);
const STRINGS = new Set(['String', 'Date', 'Timestamp', 'Timestamp ISO8601', 'Binary']);

/** Whether the seed's documented type is one the SDK's TypeScript type can carry (Integer is a `number`). */
function typesAgree(seed, sdk) {
  if (seed.array !== sdk.array) return false;
  if (sdk.type.endsWith('Number')) return NUMERIC.has(seed.baseType);
  if (sdk.baseType === 'Int64') return ['Integer', 'Int64', 'UInt64'].includes(seed.baseType);
  if (sdk.baseType === 'String') return STRINGS.has(seed.baseType);
  return seed.baseType === sdk.baseType;
}

/** Edit distance, capped: enough to tell TlsCert from TlsCrt (1) and NBIoTDeviceID from NbiotDeviceID (case). */
function distance(a, b) {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[y.length];
}
/** The other side's name that is probably the same field spelt differently (at most 2 edits, ignoring case). */
const nearName = (name, others) => others.find((o) => o !== name && distance(name, o) <= 2);

// The naming rules both texts state ("命名规则：[a-zA-Z0-9:_-]{1,48}"), compared as written.
const namingRule = (text) => /\[[^\]\s]{1,40}\]\{\d+,\d+\}/.exec(text ?? '')?.[0];

/**
 * The seed's fields (params, outputs or structure fields) with the SDK's: seed fields first and as they are
 * (given `source` and the intl English), then the SDK's extra members. Differences go to `disagreements`.
 */
function mergeFields(where, seedFields, members, { input, seedSource, sdk, en, disagreements }) {
  const byName = new Map(members.map((m) => [m.name, m]));
  const seedNames = new Set(seedFields.map((f) => f.name));
  const sdkOnly = members.map((m) => m.name).filter((n) => !seedNames.has(n));
  const seedOnly = seedFields.map((f) => f.name).filter((n) => !byName.has(n));
  const near = (name, others) => {
    const found = nearName(name, others);
    return found ? { near: found } : {};
  };
  const fields = seedFields.map((field) => {
    const member = byName.get(field.name);
    const english = en.get(field.name);
    const merged = { ...field, source: seedSource, ...(english ? { en: english } : {}) };
    if (!member) {
      disagreements.push({
        where: `${where}.${field.name}`,
        about: 'presence',
        seed: 'documented',
        sdk: 'not declared',
        ...near(field.name, sdkOnly),
        used: 'seed',
        why: 'the seed documents it; the SDK may have dropped or never declared it, and the server may still accept it',
      });
      return merged;
    }
    const sdkField = fieldOf(member, { input, source: sdk.source });
    if (!typesAgree(field, sdkField))
      disagreements.push({
        where: `${where}.${field.name}`,
        about: 'type',
        seed: field.type,
        sdk: member.sdkType,
        used: 'seed',
        why: 'the seed is authoritative where it speaks',
      });
    if (input && field.required !== undefined && field.required !== sdkField.required)
      disagreements.push({
        where: `${where}.${field.name}`,
        about: 'required',
        seed: field.required,
        sdk: sdkField.required,
        used: 'seed',
        why: field.required
          ? 'the seed marks it required: asking for it costs a field, omitting it costs a MissingParameter from the server'
          : 'the seed marks it optional; the SDK text is newer but the seed is authoritative where it speaks',
      });
    const seedRule = namingRule(field.description) ?? field.rule;
    const sdkRule = namingRule(member.description);
    if (sdkRule && seedRule !== sdkRule)
      disagreements.push({
        where: `${where}.${field.name}`,
        about: 'rule',
        seed: seedRule ?? 'none stated',
        sdk: sdkRule,
        used: 'seed',
        why: seedRule
          ? 'the seed is authoritative where it speaks; a stricter rule only refuses names the other would take'
          : 'the seed states no rule here; the catalog keeps what the seed implies (CreateDevice names the device)',
      });
    return merged;
  });
  for (const member of members) {
    if (seedNames.has(member.name)) continue;
    disagreements.push({
      where: `${where}.${member.name}`,
      about: 'presence',
      seed: 'not documented',
      sdk: member.sdkType + (input ? (member.optional ? ' (optional)' : ' (required)') : '') + (member.deprecated ? ' @deprecated' : ''),
      ...near(member.name, seedOnly),
      used: 'sdk',
      why: 'the seed does not list it; the SDK (newer) declares it, so it is offered with the SDK’s type and flag',
    });
    fields.push(fieldOf(member, { input, source: sdk.source, en: en.get(member.name) }));
  }
  return fields;
}

/**
 * The seed catalog's actions and structures merged with the SDK's: every SDK action (seed ones keep their document
 * order, the SDK's others follow by name), every structure (the seed's, then the SDK's others by name).
 * `addSdkActions: false` compares the seed's actions only (TRRO: the catalog covers the one action its seed documents).
 */
export function mergeWithSdk(service, seed, sdk, { addSdkActions = true } = {}) {
  const declared = new Map(sdk.actions.map((a) => [a.name, a]));
  const seedNames = new Set(seed.actions.map((a) => a.name));
  const topLevel = [];
  const actions = seed.actions.map((action) => {
    const sdkDeclared = declared.get(action.name);
    const disagreements = [];
    const base = { ...action, descriptionLang: 'zh-CN', ...englishOf(service, sdk, action.name), source: seed.source };
    if (!sdkDeclared) {
      topLevel.push({ where: action.name, about: 'presence', seed: 'documented', sdk: 'not declared', used: 'seed', why: 'the seed documents it' });
      return base;
    }
    const options = { seedSource: seed.source, sdk, disagreements };
    const params = mergeFields(action.name, action.params, model(sdk, sdkDeclared.request).members, {
      ...options,
      input: true,
      en: englishMembers(sdk, sdkDeclared.request),
    });
    const outputs = mergeFields(`${action.name} output`, action.outputs, model(sdk, sdkDeclared.response).members, {
      ...options,
      input: false,
      en: englishMembers(sdk, sdkDeclared.response),
    });
    return { ...base, params, outputs, comparedWith: sdk.source, ...(disagreements.length ? { disagreements } : {}) };
  });
  if (!addSdkActions) return { actions, structures: seed.structures.map((s) => ({ ...s, source: seed.source })), disagreements: topLevel };
  for (const d of sdk.actions) if (!seedNames.has(d.name)) actions.push(sdkAction(service, seed.version, sdk, d));

  const sdkStructs = new Map(sdkStructures(sdk).map((s) => [s.name, s]));
  const structures = seed.structures.map((structure) => {
    const declaredStruct = sdk.models.get(structure.name);
    const base = { ...structure, source: seed.source };
    if (!declaredStruct) return base;
    const disagreements = [];
    const fields = mergeFields(structure.name, structure.fields, declaredStruct.members, {
      seedSource: seed.source,
      sdk,
      disagreements,
      input: structure.input,
      en: englishMembers(sdk, structure.name),
    });
    const intlDescription = sdk.intlModels.get(structure.name)?.description;
    return {
      ...base,
      ...(intlDescription ? { en: intlDescription } : {}),
      fields,
      comparedWith: sdk.source,
      ...(disagreements.length ? { disagreements } : {}),
    };
  });
  const seedStructs = new Set(seed.structures.map((s) => s.name));
  for (const [name, s] of sdkStructs) if (!seedStructs.has(name)) structures.push(s);
  return { actions, structures, disagreements: topLevel };
}
