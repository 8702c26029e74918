import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../catalog/catalog.js';
import { listErrorCodes, lookupErrorCode, type ErrorCodeInfo } from './errorCodeIndex.js';
import { HINT_SURFACES, hintOnSurface, type HintSurface } from './hintOnSurface.js';

test('every documented code is in the index with zh and English text', () => {
  const codes = listErrorCodes();
  const catalog = getCatalog();
  const documented = new Set([
    ...catalog.services.flatMap((s) => [...s.errorCodes.map((e) => e.code), ...s.actions.flatMap((a) => a.errors.map((e) => e.code))]),
    ...catalog.vendors.flatMap((v) => v.errorCodes.filter((e) => !e.success).map((e) => e.code)),
  ]);
  assert.deepEqual(new Set(codes.map((c) => c.code)), documented);
  for (const info of codes) {
    assert.ok(info.message.length > 0, `${info.code} zh text`);
    assert.ok(info.messageEn.length > 0, `${info.code} has an English text`);
    assert.ok(info.kind === 'common' || info.kind === 'business');
  }
});

test('lookup is case-insensitive and says which actions list the code', () => {
  const lookup = lookupErrorCode('  failedoperation.updateversionnotmatch ');
  assert.ok(lookup.found);
  assert.equal(lookup.info.code, 'FailedOperation.UpdateVersionNotMatch');
  assert.equal(lookup.info.kind, 'business');
  assert.deepEqual(lookup.info.actions, ['UpdateDeviceShadow']);
  assert.match(lookup.info.hint!.en, /re-read the shadow version/i);
  const common = lookupErrorCode('INVALIDPARAMETERVALUE');
  assert.ok(common.found && common.info.kind === 'common' && common.info.actions.length > 20);
  const trro = lookupErrorCode('OperationDenied');
  assert.ok(trro.found && trro.info.kind === 'business' && trro.info.actions.includes('ModifyProjectSecMode'));
  const mx = lookupErrorCode('10100');
  assert.ok(mx.found && mx.info.vendor === 'mxchip' && !mx.info.actions.includes('GetToken'));
});

test('unknown codes get the nearest known ones', () => {
  const lookup = lookupErrorCode('AuthFailure.SignatureExpired');
  assert.ok(!lookup.found);
  assert.equal(lookup.suggestions[0], 'AuthFailure.SignatureExpire');
  const bare = lookupErrorCode('DeviceNotExist');
  assert.ok(!bare.found && bare.suggestions.includes('ResourceNotFound.DeviceNotExist'));
  // The transposition, against every documented code (not a hand-picked list).
  const swapped = lookupErrorCode('SigantureFailure');
  assert.ok(!swapped.found);
  assert.equal(swapped.suggestions[0], 'AuthFailure.SignatureFailure');
  const nothing = lookupErrorCode('qqqqqqqqqqqqqqqq');
  assert.ok(!nothing.found && nothing.suggestions.length === 0);
  assert.ok(!lookupErrorCode(undefined as unknown as string).found);
});

test('every AuthFailure code and the frequent business codes have a hint written for them', () => {
  const authCodes = listErrorCodes().filter((c) => c.code.startsWith('AuthFailure.'));
  assert.equal(authCodes.length, 8);
  for (const info of authCodes) assert.equal(info.hint?.scope, 'code', info.code);
  const hint = (code: string) => (lookupErrorCode(code) as { info: { hint?: { en: string; zh: string; scope: string } } }).info.hint;
  assert.match(hint('AuthFailure.SignatureExpire')!.en, /clock skew.*5 minutes/i);
  assert.match(hint('AuthFailure.SignatureFailure')!.en, /iot-devkit diagnose/);
  assert.match(hint('AuthFailure.SignatureFailure')!.zh, /iot-devkit diagnose/);
  for (const code of [
    'ResourceNotFound.ProductOrDeviceNotExist',
    'InvalidParameterValue.InvalidJSON',
    'InvalidParameterValue.JSONSizeExceedLimit',
    'MissingParameter',
    'UnknownParameter',
    'RequestLimitExceeded',
    '10100',
    '10101',
  ]) {
    assert.equal(hint(code)?.scope, 'code', code);
    assert.ok(hint(code)!.zh.length > 5, `${code} zh hint`);
  }
  // Everything else under a known category falls back to its category's advice.
  assert.equal(hint('ResourceNotFound.TaskNotExist')?.scope, 'category');
});

test('hints that name regions name documented ones', () => {
  const regions = new Set(getCatalog().services.flatMap((s) => [...s.regions.map((r) => r.region), ...s.domains.flatMap((d) => (d.region ? [d.region] : []))]));
  for (const info of listErrorCodes()) {
    for (const region of `${info.hint?.en ?? ''}`.match(/\b(ap|na|eu)-[a-z]+(-fsi)?\b/g) ?? [])
      assert.ok(regions.has(region), `${info.code} hint names ${region}`);
  }
});

test('hints that send the developer to a diagnosis name the surface asking: the CLI keeps its command', () => {
  const hintOn = (code: string, surface: HintSurface) => (lookupErrorCode(code, surface) as { info: ErrorCodeInfo }).info.hint!;
  const pointing = ['AuthFailure.SignatureFailure', 'AuthFailure.InvalidAuthorization'];
  for (const code of pointing) {
    assert.match(hintOn(code, 'cli').en, /iot-devkit diagnose/, code);
    for (const surface of ['vscode', 'browser'] as const) {
      const hint = hintOn(code, surface);
      assert.doesNotMatch(`${hint.en} ${hint.zh}`, /iot-devkit/, `${code} on ${surface}`);
      assert.match(hint.en, /Why\?/, `${code} on ${surface}`);
      assert.match(hint.zh, /为什么？/, `${code} on ${surface}`);
    }
  }
  // A response tab of a .http file points at the Diagnose lens above the request, not at the sidebar's Why?.
  const inHttpFile = hintOn('AuthFailure.SignatureFailure', 'vscodeHttpFile');
  assert.match(inHttpFile.en, /Click Diagnose above the request/);
  assert.match(inHttpFile.zh, /「诊断」/);
  // No placeholder is left anywhere, on any surface; hints without one read the same everywhere.
  for (const surface of HINT_SURFACES)
    for (const info of listErrorCodes(surface)) assert.doesNotMatch(`${info.hint?.en ?? ''}${info.hint?.zh ?? ''}`, /[{}]diagnose|\{diagnose/, info.code);
  assert.deepEqual(hintOn('AuthFailure.SignatureExpire', 'browser'), hintOn('AuthFailure.SignatureExpire', 'cli'));
  assert.throws(() => hintOnSurface({ en: '{diagnose}', zh: '{diagnose}' }, 'emacs' as HintSurface), /surface: one of cli, vscode, browser, vscodeHttpFile/);
});
