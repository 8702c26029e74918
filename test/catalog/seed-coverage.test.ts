import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAction, findService, findVendor, getCatalog, type ServiceCatalog } from '@iot-devkit/core';
import { readSeed, SEED } from './seedDocs.js';

// Everything here is counted from the documents with deliberately simple means (regular expressions over
// lines, tab/pipe splits), independent of the extractor, then looked up in the committed catalog. Only the
// OCR corrections recorded in the catalog are used to map a printed spelling to the catalog's one.

const iotcloudText = readSeed(SEED.iotcloud);
const iotcloudService = findService('iotcloud') as ServiceCatalog;
const trro = findService('trro') as ServiceCatalog;
// What the seed says, among what the SDK added (#15): every item names its source, and the seed's keep theirs.
const fromSeed = <T extends { source?: string }>(items: readonly T[]) => items.filter((i) => i.source === SEED.iotcloud);
const iotcloud = {
  ...iotcloudService,
  actions: fromSeed(iotcloudService.actions).map((a) => ({ ...a, params: fromSeed(a.params), outputs: fromSeed(a.outputs) })),
  structures: fromSeed(iotcloudService.structures).map((s) => ({ ...s, fields: fromSeed(s.fields) })),
};
const findSeedAction = (name: string) => iotcloud.actions.find((a) => a.name === name);

/** Printed identifier → catalog spelling, from the catalog's own correction records. */
function spellingMap(service: { ocrCorrections: readonly { from: string; to: string }[] }) {
  return new Map(service.ocrCorrections.map((c) => [c.from, c.to]));
}
const iotcloudSpelling = spellingMap(iotcloud);
const normalize = (code: string) => iotcloudSpelling.get(code) ?? code;

/** The document split at each "1. 接口描述": one chunk per action page (the last runs to the data structures). */
function actionChunks(text: string): string[] {
  const end = text.search(/\n数据结构\n+最近更新时间/);
  return text
    .slice(0, end === -1 ? undefined : end)
    .split(/\n1\. 接口描述\n/)
    .slice(1);
}
const between = (chunk: string, from: RegExp, to: RegExp) => {
  const start = chunk.search(from);
  if (start === -1) return '';
  const rest = chunk.slice(start);
  const stop = rest.search(to);
  return stop === -1 ? rest : rest.slice(0, stop);
};
const rows = (text: string, cells: number) =>
  text
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c.length === cells);

const chunks = actionChunks(iotcloudText);
const actionOf = (chunk: string) => /\nAction\t是\tString\t[^\n]*本接口取值[：:]\s*(\w+)/.exec(chunk)?.[1];

test('iotcloud: the 39 actions of the document are all in the catalog, in order', () => {
  const names = [...iotcloudText.matchAll(/本接口取值：([A-Z]\w+)。/g)].map((m) => m[1]!);
  assert.equal(names.length, 39);
  assert.equal(names[0], 'UpdateOtaTaskStatus');
  assert.equal(names.at(-1), 'ReplaceTopicRule');
  assert.deepEqual(
    iotcloud.actions.map((a) => a.name),
    names,
  );
  assert.equal(chunks.length, 39);
});

test('iotcloud: every parameter of every action, with its type and required flag', () => {
  let total = 0;
  for (const chunk of chunks) {
    const name = actionOf(chunk)!;
    const printed = rows(between(chunk, /\n2\. 输入参数\n/, /\n3\. 输出参数\n/), 4).filter(([n, , , d]) => n !== '参数名称' && !d!.includes('公共参数'));
    const action = findSeedAction(name)!;
    assert.deepEqual(
      action.params.map((p) => p.name),
      printed.map(([n]) => n!.replace(/\.N$/, '')),
      `${name} parameter names`,
    );
    printed.forEach(([, required, type], i) => {
      assert.equal(action.params[i]!.required, required === '是', `${name}.${action.params[i]!.name} required`);
      assert.equal(action.params[i]!.type, type, `${name}.${action.params[i]!.name} type`);
    });
    total += printed.length;
  }
  assert.equal(
    total,
    iotcloud.actions.reduce((n, a) => n + a.params.length, 0),
  );
  assert.ok(total > 100, `counted ${total} parameters`);
});

test('iotcloud: every output field and rate limit of every action', () => {
  for (const chunk of chunks) {
    const name = actionOf(chunk)!;
    const action = findSeedAction(name)!;
    const outputs = rows(between(chunk, /\n3\. 输出参数\n/, /\n4\. 示例\n/), 3)
      .filter(([n]) => n !== '参数名称')
      .map(([n]) => normalize(n!));
    assert.deepEqual(
      action.outputs.map((o) => o.name),
      outputs,
      `${name} outputs`,
    );
    const limit = /频率限制：(\d+)次\/秒/.exec(chunk);
    assert.equal(action.rateLimit?.perSecond, Number(limit?.[1]), `${name} rate limit`);
    assert.ok(action.examples.length >= 1, `${name} has its example`);
  }
});

test("iotcloud: every action's own error codes", () => {
  let total = 0;
  for (const chunk of chunks) {
    const name = actionOf(chunk)!;
    const section = between(chunk, /\n6\. 错误码\n/, /\n最近更新时间/);
    const printed = [
      ...new Set(
        rows(section, 2)
          .map(([code]) => code!)
          .filter((c) => c !== '错误码' && /^[A-Z]/.test(c))
          .map(normalize),
      ),
    ];
    const catalogCodes = findSeedAction(name)!.errors.map((e) => e.code);
    assert.deepEqual([...catalogCodes].sort(), [...printed].sort(), `${name} error codes`);
    if (printed.length === 0) assert.match(section, /暂无业务逻辑相关的错误码/, `${name} says it has no codes of its own`);
    total += printed.length;
  }
  assert.ok(total > 200, `counted ${total} action error rows`);
});

test('iotcloud: the common and business error-code tables, with their kind', () => {
  const page = iotcloudText.slice(iotcloudText.lastIndexOf('\n错误码列表\n'));
  const businessAt = page.indexOf('\n业务错误码\n');
  const codes = (text: string) =>
    rows(text, 2)
      .map(([c]) => c!)
      .filter((c) => c !== '错误码')
      .map(normalize);
  const common = codes(page.slice(0, businessAt));
  const business = codes(page.slice(businessAt));
  assert.equal(common.length, 38);
  assert.ok(business.length > 90, `counted ${business.length} business codes`);
  for (const [list, kind] of [
    [common, 'common'],
    [business, 'business'],
  ] as const) {
    for (const code of list) assert.equal(iotcloud.errorCodes.find((e) => e.code === code)?.kind, kind, code);
  }
  // Codes that only action tables list are kept too, marked as such.
  const listed = new Set([...common, ...business]);
  const onlyInActions = iotcloud.errorCodes.filter((e) => !listed.has(e.code));
  assert.ok(onlyInActions.every((e) => e.onlyInActions === true));
});

test('iotcloud: every data structure with every field', () => {
  const section = iotcloudText.slice(iotcloudText.search(/\n数据结构\n+最近更新时间/), iotcloudText.search(/\n错误码\n+最近更新时间/));
  const blocks = section.split(/\n(?=[A-Z][A-Za-z0-9]*\n+[^\n]+\n+被如下接口引用)/).slice(1);
  assert.equal(blocks.length, 25);
  for (const block of blocks) {
    const name = block.split('\n')[0]!.trim();
    const fields = block
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((c) => c.length >= 3 && c[0] !== '名称' && !/^-+$/.test(c[0]!))
      .map(([n]) => n!);
    const structure = iotcloud.structures.find((s) => s.name === name);
    assert.ok(structure, `structure ${name}`);
    assert.deepEqual(
      structure.fields.map((f) => f.name),
      fields,
      `${name} fields`,
    );
  }
  for (const name of ['Attribute', 'DeviceTag', 'TopicRulePayload', 'ProductProperties'])
    assert.ok(
      iotcloud.structures.some((s) => s.name === name),
      name,
    );
});

test('iotcloud: the region list and every access domain, financial zones included', () => {
  const hosts = new Set(iotcloudText.match(/iotcloud(\.[a-z]+-[a-z]+(-[a-z]+)?)?\.tencentcloudapi\.com/g));
  assert.equal(hosts.size, 18);
  assert.deepEqual(new Set(iotcloud.domains.map((d) => d.host)), hosts);
  assert.deepEqual(
    iotcloud.domains.filter((d) => d.financial).map((d) => d.region),
    ['ap-shanghai-fsi', 'ap-shenzhen-fsi'],
  );
  const regionTable = iotcloudText.slice(iotcloudText.indexOf('\n地域\t取值\n'));
  const regions = rows(regionTable.slice(0, regionTable.indexOf('\n\n签名方法')), 2)
    .map(([, r]) => r!)
    .filter((r) => r !== '取值');
  assert.deepEqual(
    iotcloud.regions.map((r) => r.region),
    regions,
  );
});

test('trro: ModifyProjectSecMode with its parameters and error codes', () => {
  const text = readSeed(SEED.trro);
  const pipeRows = text
    .split('\n')
    .filter((l) => /^\w+ \| /.test(l))
    .map((l) => l.split('|').map((c) => c.trim()));
  const params = pipeRows.filter((c) => c.length === 5 && (c[1] === '是' || c[1] === '否') && !c[3]!.includes('公共参数')).map(([n]) => n);
  const errors = pipeRows.filter((c) => c.length === 3 && /^[A-Z]\w+$/.test(c[0]!) && !/^(String|Integer)$/.test(c[1]!)).map(([c]) => c);
  const action = findAction('trro', 'ModifyProjectSecMode')!;
  assert.equal(trro.version, '2022-03-25');
  assert.deepEqual(
    action.params.map((p) => p.name),
    params,
  );
  assert.deepEqual(
    action.errors.map((e) => e.code),
    errors,
  );
  assert.deepEqual(params, ['ProjectId', 'Mode', 'Key', 'AutoRegister', 'FieldListEnable']);
});

test('OneNET and MXCHIP: every endpoint, parameter and code', () => {
  const onenetText = readSeed(SEED.onenet);
  const onenet = findVendor('onenet')!;
  const update = onenet.endpoints[0]!;
  assert.equal(update.method, /Request format: (\w+)/.exec(onenetText)?.[1]);
  assert.equal(update.path, '/keys/{key}');
  for (const name of ['title', 'permissions', 'access_methods'])
    assert.ok(
      update.params.some((p) => p.name === name),
      name,
    );
  assert.equal(onenet.auth.scheme === 'api-key' && onenet.auth.header, 'api-key');
  assert.deepEqual(onenet.response.codeField, 'errno');

  const mxText = readSeed(SEED.mxchip);
  const mxchip = findVendor('mxchip')!;
  const endpoints = mxText.split('\n').filter((l) => /^(GET|POST|PUT|DELETE) \/v3\//.test(l));
  assert.deepEqual(
    mxchip.endpoints.map((e) => `${e.method} ${e.path}`),
    endpoints,
  );
  const codes = [...new Set([...mxText.matchAll(/^\| (1\d{4}) \|/gm)].map((m) => m[1]))].sort();
  assert.deepEqual(mxchip.errorCodes.map((e) => e.code).sort(), codes);
  assert.deepEqual(codes, ['10000', '10050', '10100', '10101']);
  const paramCount = [...mxText.matchAll(/^\| (\w+) \| string \| 是 \|/gm)].length;
  assert.equal(
    mxchip.endpoints.reduce((n, e) => n + e.params.length, 0),
    paramCount,
  );
  assert.ok(getCatalog().vendors.length === 2);
});
