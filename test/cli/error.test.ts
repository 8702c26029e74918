import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../support/cli.js';

test('error <Code> --json prints the documented fields', () => {
  const result = runCli(['error', 'authfailure.signatureexpire', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(out).slice(0, 6), ['code', 'message', 'messageEn', 'kind', 'actions', 'hint']);
  assert.equal(out.code, 'AuthFailure.SignatureExpire');
  assert.match(out.message, /^签名过期/);
  assert.match(out.messageEn, /five minutes/);
  assert.equal(out.kind, 'common');
  assert.match(out.hint, /clock skew/);
  const business = JSON.parse(runCli(['error', 'InvalidParameterValue.JSONSizeExceedLimit', '--json']).stdout);
  assert.equal(business.kind, 'business');
  assert.deepEqual(business.actions, ['UpdateDeviceShadow']);
});

test('error <Code> for a person, including the OCR spelling and MXCHIP codes', () => {
  const ocr = runCli(['error', 'UnauthorizedOperation.DevicelsNotEnabled']);
  assert.equal(ocr.status, 0, ocr.stderr);
  assert.match(ocr.stdout, /Code\s+UnauthorizedOperation\.DeviceIsNotEnabled/);
  assert.match(ocr.stdout, /OCR spelling/);
  const mx = runCli(['error', '10101']);
  assert.equal(mx.status, 0, mx.stderr);
  assert.match(mx.stdout, /文档\s+token错误/);
  assert.match(mx.stdout, /Bearer <access_token>/);
});

test('an unknown code exits 1 with suggestions; no code exits 2', () => {
  const unknown = runCli(['error', 'SignatureExpired']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stdout, /Unknown error code "SignatureExpired"\. Did you mean: AuthFailure\.SignatureExpire/);
  // A transposition (the typo) is one edit: found.
  const swapped = runCli(['error', 'SigantureFailure']);
  assert.equal(swapped.status, 1);
  assert.match(swapped.stdout, /Unknown error code "SigantureFailure"\. Did you mean: AuthFailure\.SignatureFailure/);
  const json = runCli(['error', 'ResourceNotFound.DeviceNotExists', '--json']);
  assert.equal(json.status, 1);
  assert.equal(JSON.parse(json.stdout).suggestions[0], 'ResourceNotFound.DeviceNotExist');
  const none = runCli(['error']);
  assert.equal(none.status, 2);
  assert.equal(none.stderr.trim().split('\n').length, 1);
  assert.match(none.stderr, /code: an error code/);
});

test('error --response explains a response body from stdin', () => {
  const body = '{"Response":{"Error":{"Code":"FailedOperation.UpdateVersionNotMatch","Message":"version mismatch"},"RequestId":"6b1c-req"}}';
  const err = runCli(['error', '--response'], { input: body });
  assert.equal(err.status, 1);
  assert.match(err.stdout, /Error FailedOperation\.UpdateVersionNotMatch/);
  assert.match(err.stdout, /RequestId: 6b1c-req/);
  const json = JSON.parse(runCli(['error', '--response', '--json'], { input: body }).stdout);
  assert.equal(json.known.kind, 'business');
  assert.equal(json.requestId, '6b1c-req');
  const ok = runCli(['error', '--response'], { input: '{"meta":{"message":"ok","code":0},"data":{}}' });
  assert.equal(ok.status, 0);
  const bad = runCli(['error', '--response'], { input: 'not json' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /stdin: the body is not JSON/);
});
