import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import {
  findAction,
  getCatalog,
  interpretResponse,
  listActionGroups,
  listActions,
  listErrorCodes,
  lookupErrorCode,
  searchActions,
  suggestActions,
} from '@iot-devkit/core';
import { fmt, measureMicros } from './measure.js';

/** Catalog and error lookups as an editor calls them on every keystroke or response, plus the full extraction. */
export async function bench(): Promise<string[]> {
  const iterations = 2000;
  const lines = [`Catalog and error lookup (median of 7 rounds x ${iterations})`];
  const start = process.hrtime.bigint();
  listErrorCodes();
  lines.push(`  ${'error index build (first lookup, once)'.padEnd(56)} ${fmt(Number(process.hrtime.bigint() - start) / 1000).padStart(10)}`);
  const tencentError = JSON.stringify({ Response: { Error: { Code: 'AuthFailure.SignatureExpire', Message: 'expired' }, RequestId: 'r' } });
  const actions = listActions().length;
  const codes = listErrorCodes().length;
  const endpoints = getCatalog().vendors.reduce((n, v) => n + v.endpoints.length, 0);
  // #15's target: a search over every action (iotcloud, TRRO, IoT Explorer) under 5 ms; the no-match query scans all.
  const rows: [string, () => unknown][] = [
    [`searchActions, 2 words, no match (all ${actions} actions)`, () => searchActions('firmware zzz')],
    [`searchActions, 1 word, first 60 of many`, () => searchActions('device')],
    [`searchActions, IoT Explorer only, zh-CN`, () => searchActions('物模型', { service: 'iotexplorer' })],
    // Browse by service and group (issue 15): the sidebar's and popup's filters.
    [`searchActions, browse one group (iotexplorer thing model)`, () => searchActions('', { service: 'iotexplorer', group: 'Thing model and device data' })],
    [`listActionGroups, every service`, () => listActionGroups()],
    ['findAction, case-insensitive, last service', () => findAction(undefined, 'controldevicedata')],
    ['findAction, case-insensitive', () => findAction(undefined, 'replacetopicrule')],
    [`suggestActions for an unknown name (all ${actions + endpoints} names)`, () => suggestActions('DescribeDeviceShadw')],
    ['lookupErrorCode, known', () => lookupErrorCode('failedoperation.updateversionnotmatch')],
    [`lookupErrorCode, unknown with did-you-mean (${codes} codes)`, () => lookupErrorCode('AuthFailure.SignatureExpired')],
    ['interpretResponse, Tencent error body (text)', () => interpretResponse(tencentError)],
    ['interpretResponse, MXCHIP success body (text)', () => interpretResponse('{"meta":{"message":"ok","code":0},"data":{}}')],
  ];
  for (const [label, fn] of rows) lines.push(`  ${label.padEnd(56)} ${fmt(measureMicros(fn, iterations)).padStart(10)}`);
  // What VS Code pays the first time an IoT Explorer action is opened: read and parse the slimmed file of its build.
  const explorerFile = new URL('../../vscode-ext/dist/data/catalog/iotexplorer-2019-04-23.json', import.meta.url).pathname;
  if (existsSync(explorerFile))
    lines.push(
      `  ${'first use of iotexplorer in VS Code: read + parse its file'.padEnd(56)} ${fmt(measureMicros(() => JSON.parse(readFileSync(explorerFile, 'utf8')), 20)).padStart(10)}`,
    );
  const script = new URL('../../core/scripts/extract-catalog.mjs', import.meta.url).pathname;
  const t = process.hrtime.bigint();
  const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  lines.push(
    `  ${`extract the seeds and SDK declarations, compare (--check, exit ${check.status})`.padEnd(56)} ${fmt(Number(process.hrtime.bigint() - t) / 1000).padStart(10)}`,
  );
  return lines;
}
