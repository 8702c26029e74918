import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { findService, type FieldSpec, type ServiceCatalog } from '@iot-devkit/core';

// The catalog against the SDK declarations it came from, read here on their own (the TypeScript compiler API over
// the installed tencentcloud-sdk-nodejs, without the extractor's code): every action, every request and response
// member with its type and `?` mark, every structure. A member the seed documents differently must be named in the
// action's (or structure's) `disagreements`, with the SDK's side as declared.

const require = createRequire(import.meta.url);
const sdkDir = dirname(require.resolve('tencentcloud-sdk-nodejs/package.json'));
const sdkVersion = (JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')) as { version: string }).version;
const SDK = `tencentcloud-sdk-nodejs@${sdkVersion}`;

interface Member {
  name: string;
  optional: boolean;
  type: string;
}

function declarations(service: string, version: string) {
  const base = join(sdkDir, 'tencentcloud/services', service, `v${version.replaceAll('-', '')}`, service);
  const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const models = new Map<string, Member[]>();
  for (const s of parse(`${base}_models.d.ts`).statements) {
    if (ts.isTypeAliasDeclaration(s)) models.set(s.name.text, []);
    if (ts.isInterfaceDeclaration(s))
      models.set(
        s.name.text,
        s.members.filter(ts.isPropertySignature).map((m) => ({ name: m.name.getText(), optional: m.questionToken !== undefined, type: m.type!.getText() })),
      );
  }
  const actions = new Map<string, { request: string; response: string }>();
  for (const s of parse(`${base}_client.d.ts`).statements) {
    if (!ts.isClassDeclaration(s)) continue;
    for (const m of s.members) {
      if (!ts.isMethodDeclaration(m) || m.parameters.length === 0) continue;
      const promise = m.type as ts.TypeReferenceNode;
      actions.set(m.name.getText(), { request: m.parameters[0]!.type!.getText(), response: promise.typeArguments![0]!.getText() });
    }
  }
  return { models, actions };
}

/** The catalog's type for a TypeScript member type, as documented for the SDK's items. */
function expectedType(type: string): string {
  const array = /^Array<(.+)>$/.exec(type);
  const one = (t: string) => ({ string: 'String', number: 'Number', boolean: 'Boolean', 'number | bigint': 'Int64' })[t] ?? t;
  return array ? `Array of ${one(array[1]!)}` : one(type);
}

function compareFields(
  where: string,
  fields: readonly FieldSpec[],
  members: readonly Member[],
  input: boolean,
  disagreements: ReadonlySet<string>,
  counts: { members: number; viaDisagreement: number },
) {
  for (const member of members) {
    counts.members++;
    const field = fields.find((f) => f.name === member.name);
    assert.ok(field, `${where}.${member.name} is in the catalog`);
    if (field.source === SDK) {
      assert.equal(field.type, expectedType(member.type), `${where}.${member.name} type`);
      if (input) assert.equal(field.required, !member.optional, `${where}.${member.name} required`);
      else assert.equal(field.required, undefined, `${where}.${member.name} is an output`);
      continue;
    }
    // A seed item: its own type and flag stay; a difference from the SDK must be recorded.
    const numeric = member.type.includes('number') && ['Integer', 'Float', 'Int64', 'UInt64', 'Timestamp'].includes(field.baseType);
    const typeDiffers = member.type.startsWith('Array<') !== field.array || (!numeric && expectedType(member.type) !== field.type);
    const requiredDiffers = input && field.required !== !member.optional;
    if (typeDiffers || requiredDiffers) {
      counts.viaDisagreement++;
      assert.ok(disagreements.has(`${where}.${member.name}`), `${where}.${member.name}: seed and SDK differ, recorded`);
    }
  }
  for (const field of fields)
    if (!members.some((m) => m.name === field.name))
      assert.ok(disagreements.has(`${where}.${field.name}`), `${where}.${field.name} is not in the SDK: recorded as a disagreement`);
}

for (const [service, version, seedActions] of [
  ['iotcloud', '2021-04-08', 39],
  ['iotexplorer', '2019-04-23', 0],
] as const) {
  test(`${service} ${version}: every SDK action, parameter and output with its type and required flag`, () => {
    const catalog = findService(service, version) as ServiceCatalog;
    const sdk = declarations(service, version);
    assert.ok(sdk.actions.size > (service === 'iotcloud' ? 70 : 250), `${sdk.actions.size} actions in ${SDK}`);
    assert.deepEqual(catalog.actions.map((a) => a.name).sort(), [...sdk.actions.keys()].sort(), 'the same actions');
    assert.equal(catalog.actions.filter((a) => a.source !== SDK).length, seedActions, 'seed actions keep their source');
    const counts = { members: 0, viaDisagreement: 0 };
    for (const [name, { request, response }] of sdk.actions) {
      const action = catalog.actions.find((a) => a.name === name)!;
      assert.equal(action.host, `${service}.tencentcloudapi.com`);
      assert.equal(action.version, version);
      const recorded = new Set((action.disagreements ?? []).map((d) => d.where));
      for (const d of action.disagreements ?? []) assert.ok(d.used === 'seed' || d.used === 'sdk', `${name}: ${d.where} says which is used`);
      compareFields(name, action.params, sdk.models.get(request)!, true, recorded, counts);
      compareFields(`${name} output`, action.outputs, sdk.models.get(response)!, false, recorded, counts);
    }
    assert.ok(counts.members > (service === 'iotcloud' ? 400 : 1700), `${counts.members} members compared`);
  });

  test(`${service} ${version}: every structure the SDK's actions use, with every field`, () => {
    const catalog = findService(service, version) as ServiceCatalog;
    const sdk = declarations(service, version);
    const counts = { members: 0, viaDisagreement: 0 };
    const named = new Set<string>();
    const visit = (type: string) => {
      const name = /^(?:Array<)?([A-Z]\w*)>?$/.exec(type)?.[1];
      if (!name || named.has(name) || !sdk.models.has(name)) return;
      named.add(name);
      for (const m of sdk.models.get(name)!) visit(m.type);
    };
    for (const { request, response } of sdk.actions.values()) for (const m of [...sdk.models.get(request)!, ...sdk.models.get(response)!]) visit(m.type);
    for (const name of named) {
      const structure = catalog.structures.find((s) => s.name === name);
      assert.ok(structure, `structure ${name}`);
      const recorded = new Set((structure.disagreements ?? []).map((d) => d.where));
      compareFields(name, structure.fields, sdk.models.get(name)!, structure.input, recorded, counts);
    }
    assert.ok(named.size > (service === 'iotcloud' ? 20 : 100), `${named.size} structures`);
  });
}

test('the recorded disagreements: the seed wins where it speaks, both sides are kept', () => {
  const iotcloud = findService('iotcloud')!;
  const create = iotcloud.actions.find((a) => a.name === 'CreateDevice')!;
  const tls = create.disagreements!.find((d) => d.where === 'CreateDevice.TlsCert')!;
  assert.deepEqual([tls.seed, tls.sdk, tls.near, tls.used], ['documented', 'not declared', 'TlsCrt', 'seed']);
  // Both spellings are offered; the seed's keeps the seed's description and example.
  assert.equal(create.params.find((p) => p.name === 'TlsCert')?.source, '001_c81c756d1a35b2c1.txt');
  assert.equal(create.params.find((p) => p.name === 'TlsCrt')?.source, SDK);
  // The seed's naming rules match the SDK text where both state one (CreateDevice {1,48}, DescribeDeviceShadow {1,60}).
  const device = create.params.find((p) => p.name === 'DeviceName')!;
  assert.equal(device.rule, '[a-zA-Z0-9:_-]{1,48}');
  assert.equal(iotcloud.actions.find((a) => a.name === 'DescribeDeviceShadow')!.params.find((p) => p.name === 'DeviceName')!.rule, '[a-zA-Z0-9:_-]{1,60}');
  // The SDK confirms an OCR correction: the seed printed NBloTDeviceID, the SDK declares NBIoTDeviceID.
  const describe = iotcloud.actions.find((a) => a.name === 'DescribeDevice')!;
  assert.equal(describe.outputs.find((o) => o.name === 'NBIoTDeviceID')?.source, '001_c81c756d1a35b2c1.txt');
  assert.equal(describe.outputs.find((o) => o.name === 'NbiotDeviceID')?.deprecated, true);
});

test('English: intl-en where it has the action or member, else written or derived, each marked', () => {
  const intlDir = dirname(require.resolve('tencentcloud-sdk-nodejs-intl-en/package.json'));
  const intlClient = readFileSync(join(intlDir, 'tencentcloud/iotcloud/v20210408/iotcloud_client.js'), 'utf8');
  const iotcloud = findService('iotcloud')!;
  const fromIntl = iotcloud.actions.filter((a) => a.enSource === 'intl-en');
  assert.ok(fromIntl.length >= 20, `${fromIntl.length} iotcloud actions in English from intl-en`);
  for (const a of fromIntl) assert.ok(intlClient.includes(`    ${a.name}(req, cb) {`), `${a.name} is an intl-en client method`);
  for (const a of iotcloud.actions) assert.notEqual(a.enSource, 'derived', `${a.name}: every iotcloud action has a real English text`);
  const create = iotcloud.actions.find((a) => a.name === 'CreateDevice')!;
  assert.equal(
    create.params.find((p) => p.name === 'DeviceName')?.en,
    'Device name. It is a string of 1 to 48 characters. Letters, digits, and :_- are allowed.',
  );
  const explorer = findService('iotexplorer')!;
  assert.equal(explorer.actions.find((a) => a.name === 'ControlDeviceData')?.enSource, 'written');
  const derived = explorer.actions.find((a) => a.name === 'DescribeCloudStorageDate')!;
  assert.deepEqual([derived.en, derived.enSource], ['Describe cloud storage date', 'derived']);
  // No English text is Chinese, and every Chinese description is marked as such.
  for (const a of [...iotcloud.actions, ...explorer.actions]) {
    assert.doesNotMatch(a.en!, /[\u4e00-\u9fff]/, `${a.name} en`);
    assert.equal(a.descriptionLang, 'zh-CN');
  }
});
