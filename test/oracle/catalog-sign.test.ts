import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildHttpRequest,
  checkActionParams,
  describeActionForm,
  exportRequest,
  findActionEntry,
  resolveEndpoint,
  serviceFromHost,
  type ParamFieldView,
} from '@iot-devkit/core';
import { sdkSign } from '../support/tencentSdk.js';

// An IoT Explorer call built the way both UIs build one (the catalog's form, then checkActionParams, then
// buildHttpRequest), signed by the core and by the official SDK's signer (tencentcloud-sdk-nodejs-common).
const secretId = 'AKIDcatalogSignTestOnlyNotAKey0000';
const secretKey = 'catalogSignTestOnlyNotARealKey00';
const timestamp = 1764633600 + 3 * 3600; // 03:00 UTC: the UTC date differs from UTC+8's at 11:00

/** A value of a form field's type, as a person types it into the form (numbers as text). */
function sample(field: ParamFieldView): unknown {
  if (field.structured) return field.array ? [] : {};
  if (field.enum?.length) return String(field.enum[0]);
  if (field.baseType === 'Boolean') return 'true';
  if (['Integer', 'Int64', 'UInt64', 'Float'].includes(field.baseType)) return '10';
  if (field.name === 'Data') return '{"power_switch":1}';
  return `${field.name.toLowerCase()}-1`;
}

for (const [action, method] of [
  ['ControlDeviceData', 'POST'],
  ['DescribeDevice', 'POST'],
  ['DescribeDeviceData', 'GET'],
  ['CallDeviceActionSync', 'POST'],
] as const) {
  test(`iotexplorer ${action} (${method}) from the catalog: the core's TC3 signature is the official SDK's`, () => {
    const form = describeActionForm('iotexplorer', action)!;
    assert.ok(form, `${action} has a form`);
    assert.equal(form.service, 'iotexplorer');
    const entry = findActionEntry('iotexplorer', action)!;
    const host = entry.action.host;
    assert.equal(host, 'iotexplorer.tencentcloudapi.com');
    assert.equal(serviceFromHost(host), 'iotexplorer', 'the signing service is the host prefix');
    assert.equal(resolveEndpoint('iotexplorer'), `https://${host}/`);
    const typed = Object.fromEntries(form.params.filter((p) => p.required).map((p) => [p.name, sample(p)]));
    assert.ok(Object.keys(typed).length > 0, `${action} has required parameters`);
    const checked = checkActionParams('iotexplorer', action, typed);
    assert.deepEqual(checked.problems, [], `${action}: the catalog accepts the form's values`);
    const request = { service: 'iotexplorer', version: form.version, action, region: 'ap-guangzhou', params: checked.params, method };
    const signed = buildHttpRequest(request, { credentials: { secretId, secretKey }, timestamp });
    assert.equal(signed.url.split('?')[0], `https://${host}/`);
    assert.equal(signed.headers['X-TC-Version'], '2019-04-23');
    const expected = sdkSign.sign3({
      method,
      url: signed.url,
      payload: method === 'GET' ? '' : Buffer.from(signed.body, 'utf8'),
      timestamp,
      service: 'iotexplorer',
      secretId,
      secretKey,
      headers: { 'Content-Type': signed.headers['Content-Type']! },
    });
    assert.equal(signed.headers['Authorization'], expected);
    assert.match(expected, /Credential=AKID\w+\/2025-12-02\/iotexplorer\/tc3_request/);
    // The exports carry the same host and service.
    assert.match(exportRequest('curl', request, signed), /https:\/\/iotexplorer\.tencentcloudapi\.com\//);
    assert.match(exportRequest('tccli', request, signed), new RegExp(`^tccli iotexplorer ${action} \\\\\\n {2}--version 2019-04-23`));
    assert.match(exportRequest('sdk', request, signed), /new CommonClient\("iotexplorer\.tencentcloudapi\.com", "2019-04-23"/);
  });
}

test('a wrong type in an IoT Explorer form is refused by name before signing', () => {
  const checked = checkActionParams('iotexplorer', 'ControlDeviceData', { ProductId: 'P', DeviceName: 'd', Data: '{}', DataTimestamp: 'soon' });
  assert.deepEqual(
    checked.problems.map((p) => [p.field, p.code]),
    [['DataTimestamp', 'InvalidParameter']],
  );
  const missing = checkActionParams('iotexplorer', 'ControlDeviceData', { ProductId: 'P' });
  assert.deepEqual(
    missing.problems.map((p) => p.field),
    ['DeviceName', 'Data'],
  );
});
