#!/usr/bin/env node
// Extracts the API catalog from the OCR'd seed documents and the official Node SDK's declarations
// (tencentcloud-sdk-nodejs, with tencentcloud-sdk-nodejs-intl-en's English; both devDependencies of core, pinned)
// into versioned JSON under core/src/catalog/data/. The JSON is committed: hosts and tests read it, never the seeds
// or the SDK. Run again when a seed document changes or the pinned SDK versions move:
//
//   node core/scripts/extract-catalog.mjs            # (re)write the data files
//   node core/scripts/extract-catalog.mjs --check    # exit 1 if the committed files differ from the seeds
//   node core/scripts/extract-catalog.mjs --seeds DIR
//
// Every OCR correction is listed in the output (`ocrCorrections`), and every oddity left as printed in
// `docIssues`, so the data says what it changed and what it could not vouch for; every action, parameter and
// structure names its `source`, and where seed and SDK differ the action's `disagreements` say which is used.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { numberLines } from './catalog/docText.mjs';
import { createCorrector } from './catalog/ocr.mjs';
import { applyConstraints } from './catalog/constraints.mjs';
import { readActions } from './catalog/tencentActions.mjs';
import {
  headingIndex,
  readCommonParams,
  readDomains,
  readErrorTables,
  readLimits,
  readRegions,
  readSigningFailureNotes,
  readStructures,
} from './catalog/tencentService.mjs';
import { readMxchip, readOneNet } from './catalog/vendors.mjs';
import { loadSdkService, mergeWithSdk, sdkAction, sdkStructures } from './catalog/sdkCatalog.mjs';
import { assignCategories } from './catalog/actionCategories.mjs';

export const SEEDS = {
  iotcloud: '001_c81c756d1a35b2c1.txt',
  trro: '000_6d4a31d0899ffe48.txt',
  onenet: '002_4193b285f9b2baf9.txt',
  mxchip: '003_eaa5de85ac968f65.txt',
};
const dataDir = new URL('../src/catalog/data/', import.meta.url).pathname;
const defaultSeeds = new URL('../../../shared/seeds/', import.meta.url).pathname;

/** Codes that action tables list but the service's own tables do not: kept, marked as seen only there. */
function actionOnlyCodes(actions, known, kindOf) {
  const out = new Map();
  for (const action of actions) {
    for (const error of action.errors) {
      if (known.has(error.code)) continue;
      const entry = out.get(error.code) ?? { code: error.code, message: error.message, kind: kindOf(error.code), onlyInActions: true };
      out.set(error.code, entry);
    }
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function extractIotcloud(content) {
  const lines = numberLines(content);
  const ocr = createCorrector(SEEDS.iotcloud, lines);
  const docIssues = [];
  const structuresAt = headingIndex(lines, '数据结构');
  const errorsAt = headingIndex(lines, '错误码', structuresAt);
  if (structuresAt === -1 || errorsAt === -1) throw new Error('iotcloud: 数据结构 / 错误码 pages not found');
  const seedActions = readActions(lines, ocr, docIssues, structuresAt);
  const seedStructures = readStructures(lines.slice(structuresAt, errorsAt), ocr);
  const sdk = loadSdkService('iotcloud', seedActions[0].version);
  const merged = mergeWithSdk('iotcloud', { source: SEEDS.iotcloud, version: seedActions[0].version, actions: seedActions, structures: seedStructures }, sdk);
  const actions = assignCategories(merged.actions);
  const structures = merged.structures;
  const tables = readErrorTables(lines.slice(errorsAt), ocr);
  const notes = readSigningFailureNotes(lines.slice(0, structuresAt), ocr);
  const errorCodes = tables.map((e) => {
    const mine = notes.filter((n) => n.code === e.code).map(({ scheme, text, line }) => ({ scheme, text, line }));
    return mine.length ? { ...e, signingNotes: mine } : e;
  });
  const known = new Set(errorCodes.map((e) => e.code));
  const catalog = {
    service: 'iotcloud',
    version: actions[0].version,
    name: { zh: '物联网通信', en: 'Tencent Cloud IoT Hub' },
    source: SEEDS.iotcloud,
    sources: [SEEDS.iotcloud, sdk.source, sdk.intlSource],
    descriptionLang: 'zh-CN',
    host: actions[0].host,
    signatureSchemes: ['TC3-HMAC-SHA256', 'HmacSHA1', 'HmacSHA256'],
    limits: readLimits(content),
    commonParams: readCommonParams(lines),
    regions: readRegions(lines),
    domains: readDomains(lines),
    actions,
    structures,
    errorCodes: [...errorCodes, ...actionOnlyCodes(actions, known, () => 'business')],
    disagreements: merged.disagreements,
  };
  if (sdk.host !== catalog.host) throw new Error(`iotcloud: the seed's host ${catalog.host} is not the SDK's ${sdk.host}`);
  for (const a of actions) if (a.version !== catalog.version || a.host !== catalog.host) throw new Error(`${a.name}: version/host differ from the others`);
  const constraintCount = applyConstraints('iotcloud', catalog);
  return { ...catalog, constraintCount, ocrCorrections: ocr.corrections, docIssues };
}

function extractTrro(content, commonCodes) {
  const lines = numberLines(content);
  const ocr = createCorrector(SEEDS.trro, lines);
  const docIssues = [];
  const seedActions = readActions(lines, ocr, docIssues);
  const sdk = loadSdkService('trro', seedActions[0].version);
  const merged = mergeWithSdk('trro', { source: SEEDS.trro, version: seedActions[0].version, actions: seedActions, structures: [] }, sdk, {
    addSdkActions: false,
  });
  const actions = assignCategories(merged.actions);
  const catalog = {
    service: 'trro',
    version: actions[0].version,
    name: { zh: '远程实时操控', en: 'Tencent Cloud TRRO' },
    source: SEEDS.trro,
    sources: [SEEDS.trro, sdk.source, sdk.intlSource],
    descriptionLang: 'zh-CN',
    host: actions[0].host,
    signatureSchemes: ['TC3-HMAC-SHA256'],
    regions: [],
    domains: [{ area: '就近地域接入', host: actions[0].host, nearest: true, financial: false }],
    actions,
    structures: [],
    // The page lists only its own codes and points to the API 3.0 common table for the rest.
    errorCodes: actionOnlyCodes(actions, new Set(), (code) => (commonCodes.has(code) ? 'common' : 'business')),
    disagreements: merged.disagreements,
  };
  const constraintCount = applyConstraints('trro', catalog);
  return { ...catalog, constraintCount, ocrCorrections: ocr.corrections, docIssues };
}

/**
 * IoT Explorer, from the SDK alone (no seed document covers it). Its error codes are the API 3.0 common codes of
 * the iotcloud seed's 公共错误码 table (the same table for every API 3.0 service); the SDK lists no business codes,
 * so every action's own list is empty and the common codes are what error lookup offers for them.
 */
function extractIotexplorer(commonErrors) {
  const version = '2019-04-23';
  const sdk = loadSdkService('iotexplorer', version);
  const actions = assignCategories(sdk.actions.map((declared) => sdkAction('iotexplorer', version, sdk, declared)));
  const notes = [];
  if (sdk.intlActions.size === 0)
    notes.push(`${sdk.intlSource} has no iotexplorer ${version}: English titles are ours (written) or derived from the action names`);
  const catalog = {
    service: 'iotexplorer',
    version,
    name: { zh: '物联网开发平台', en: 'Tencent Cloud IoT Explorer' },
    source: sdk.source,
    sources: [sdk.source, ...(sdk.intlActions.size ? [sdk.intlSource] : [])],
    descriptionLang: 'zh-CN',
    host: sdk.host,
    // The Node SDK signs with TC3-HMAC-SHA256 only; no IoT Explorer document here states the v1 methods.
    signatureSchemes: ['TC3-HMAC-SHA256'],
    regions: [],
    domains: [{ area: '就近地域接入', host: sdk.host, nearest: true, financial: false }],
    actions,
    structures: sdkStructures(sdk),
    errorCodes: commonErrors.map(({ signingNotes: _notes, line: _line, ...e }) => ({ ...e, source: SEEDS.iotcloud })),
    disagreements: [],
    notes,
  };
  const constraintCount = applyConstraints('iotexplorer', catalog);
  return { ...catalog, constraintCount, ocrCorrections: [], docIssues: [] };
}

/** Every data file, by file name, extracted from the seed documents in `seedDir`. */
export function extractCatalog(seedDir = defaultSeeds) {
  const read = (file) => {
    try {
      return readFileSync(join(seedDir, file), 'utf8');
    } catch {
      throw new Error(`seed document ${join(seedDir, file)} not found (pass --seeds DIR)`);
    }
  };
  const iotcloud = extractIotcloud(read(SEEDS.iotcloud));
  const commonCodes = new Set(iotcloud.errorCodes.filter((e) => e.kind === 'common').map((e) => e.code));
  const trro = extractTrro(read(SEEDS.trro), commonCodes);
  const iotexplorer = extractIotexplorer(iotcloud.errorCodes.filter((e) => e.kind === 'common'));
  const onenetLines = numberLines(read(SEEDS.onenet));
  const onenetOcr = createCorrector(SEEDS.onenet, onenetLines);
  const onenet = readOneNet(onenetLines, onenetOcr, SEEDS.onenet);
  const mxchip = readMxchip(numberLines(read(SEEDS.mxchip)), SEEDS.mxchip);
  return {
    [`iotcloud-${iotcloud.version}.json`]: iotcloud,
    [`trro-${trro.version}.json`]: trro,
    [`iotexplorer-${iotexplorer.version}.json`]: iotexplorer,
    'onenet.json': { ...onenet, ocrCorrections: onenetOcr.corrections },
    'mxchip-v3.json': { ...mxchip, ocrCorrections: [] },
  };
}

const serialize = (data) => `${JSON.stringify(data, null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const seedsAt = args.indexOf('--seeds');
  const seedDir = seedsAt !== -1 ? args[seedsAt + 1] : defaultSeeds;
  const files = extractCatalog(seedDir);
  if (args.includes('--check')) {
    const stale = Object.entries(files).filter(([name, data]) => {
      try {
        return readFileSync(join(dataDir, name), 'utf8') !== serialize(data);
      } catch {
        return true;
      }
    });
    for (const [name] of stale)
      console.error(`stale: core/src/catalog/data/${name} differs from what the seeds give; run node core/scripts/extract-catalog.mjs`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const [name, data] of Object.entries(files)) {
    writeFileSync(join(dataDir, name), serialize(data));
    const summary = data.actions
      ? `${data.actions.length} actions, ${data.structures.length} structures, ${data.errorCodes.length} error codes`
      : `${data.endpoints.length} endpoints, ${data.errorCodes.length} codes`;
    const kb = (Buffer.byteLength(serialize(data)) / 1024).toFixed(1);
    console.log(`core/src/catalog/data/${name}: ${kb} KB, ${summary}, ${data.ocrCorrections.length} OCR corrections`);
  }
  // The always-loaded index is derived from these files (docs/adr/0012); catalogIndex.test.ts fails until it is rewritten.
  console.log('then: node --import tsx core/scripts/write-catalog-index.ts (the index of the files above)');
}
