import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isApiRequest } from './isApiRequest.js';

test('lists Tencent Cloud, OneNET and MXCHIP API calls and anything carrying API 3.0 headers', () => {
  assert.equal(isApiRequest('https://iotcloud.tencentcloudapi.com/', []), true);
  assert.equal(isApiRequest('https://iotcloud.ap-shanghai-fsi.tencentcloudapi.com/?Action=X', []), true);
  assert.equal(isApiRequest('http://api.onenet.hk.chinamobile.com/keys/abc', []), true);
  assert.equal(isApiRequest('https://mxchip.example.com/v3/open_api/token/', []), true);
  assert.equal(isApiRequest('http://127.0.0.1:9180/', [{ name: 'X-TC-Action', value: 'DescribeDevice' }]), true);
  assert.equal(isApiRequest('http://localhost:8080/api', [{ name: 'authorization', value: 'TC3-HMAC-SHA256 Credential=…' }]), true);
});

test('leaves out everything else, including look-alike hosts', () => {
  assert.equal(isApiRequest('https://example.com/', []), false);
  assert.equal(isApiRequest('https://tencentcloudapi.com.evil.example/', []), false);
  assert.equal(isApiRequest('https://nottencentcloudapi.com/', []), false);
  assert.equal(isApiRequest('http://localhost:8080/api', [{ name: 'authorization', value: 'Bearer abc' }]), false);
  assert.equal(isApiRequest('not a url', []), false);
});
