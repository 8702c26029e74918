import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainResponse, localizeApiError } from './explainResponse.js';

const tencentError = (code: string) => JSON.stringify({ Response: { Error: { Code: code, Message: 'server says no' }, RequestId: 'req-9' } });

test('a success gives its RequestId and no error; a body that is no known shape gives nothing', () => {
  assert.deepEqual(explainResponse('{"Response":{"RequestId":"req-1"}}', 'browser'), { requestId: 'req-1' });
  assert.deepEqual(explainResponse('<html>502</html>', 'browser'), {});
});

test('a documented code: meaning and fix in both languages, apart and as one sentence', () => {
  const { requestId, error } = explainResponse(tencentError('AuthFailure.SignatureExpire'), 'browser');
  assert.equal(requestId, 'req-9');
  assert.equal(error?.code, 'AuthFailure.SignatureExpire');
  assert.equal(error?.message, 'server says no');
  assert.ok(error?.description?.en && error.description.zh, 'meaning in both languages');
  assert.match(error?.advice?.en ?? '', /clock/i);
  assert.equal(error?.explanation?.en, `${error?.description?.en.replace(/\.?$/, '.')} Fix: ${error?.advice?.en}`);
  assert.equal(error?.explanation?.zh, `${error?.description?.zh.replace(/。?$/, '。')}处理：${error?.advice?.zh}`);
});

test('an undocumented code says so and names the nearest documented ones', () => {
  const { error } = explainResponse(tencentError('AuthFailure.SignatureExpired'), 'browser');
  assert.equal(error?.description, undefined);
  assert.match(error?.advice?.en ?? '', /^Did you mean: .*AuthFailure\.SignatureExpire/);
  assert.match(error?.advice?.zh ?? '', /^是否想找：.*AuthFailure\.SignatureExpire/);
  assert.match(error?.explanation?.en ?? '', /^Not a documented code\. Did you mean .*AuthFailure\.SignatureExpire/);
});

test('localized for a UI given one language, the same texts picked', () => {
  const { error } = explainResponse(tencentError('AuthFailure.SignatureExpire'), 'browser');
  const zh = localizeApiError(error!, 'zh-CN');
  const en = localizeApiError(error!, 'en');
  assert.deepEqual(zh, {
    code: error!.code,
    message: error!.message,
    description: error!.description!.zh,
    advice: error!.advice!.zh,
    explanation: error!.explanation!.zh,
    diagnosable: true,
  });
  assert.equal(en.description, error!.description!.en);
});

test("a UI's SignatureFailure fix points at its own Diagnose, never at the CLI", () => {
  const inBrowser = explainResponse(tencentError('AuthFailure.SignatureFailure'), 'browser').error!;
  const inVsCode = explainResponse(tencentError('AuthFailure.SignatureFailure'), 'vscode').error!;
  for (const error of [inBrowser, inVsCode]) {
    assert.doesNotMatch(`${error.advice!.en} ${error.advice!.zh} ${error.explanation!.en}`, /iot-devkit diagnose|\{diagnose\}/);
    assert.match(error.advice!.en, /Why\?/);
    assert.match(error.advice!.zh, /为什么？/);
  }
  assert.match(inBrowser.advice!.en, /DevTools/);
  assert.match(inVsCode.advice!.en, /Sign tab/);
  assert.equal(inBrowser.diagnosable, true, 'Why? is offered');
  assert.equal(localizeApiError(inVsCode, 'en').diagnosable, true);
  assert.equal(explainResponse(tencentError('AuthFailure.SignatureExpire'), 'vscode').error!.diagnosable, true);
  assert.equal(
    explainResponse(tencentError('AuthFailure.SecretIdNotFound'), 'vscode').error!.diagnosable,
    undefined,
    'a key problem: nothing to diagnose in the request',
  );
  assert.equal(explainResponse(tencentError('ResourceNotFound.DeviceNotExist'), 'vscode').error!.diagnosable, undefined);
});
