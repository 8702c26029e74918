import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftHandlers } from './draftHandlers.js';

const { draftSecrets } = draftHandlers();

describe('which draft fields the webview may save', () => {
  it('names the fields that hold or name a secret, and only those', async () => {
    const fields = {
      url: 'https://iotcloud.tencentcloudapi.com/',
      headers: 'Content-Type: application/json\nX-TC-Action: DescribeDevice\nX-TC-Token: made-up-token',
      body: '{"ProductId":"ABCDE12345","DeviceName":"abc","DefinedPsk":"bWFkZS11cA=="}',
      rawParams: '{"Offset":0,"Limit":10}',
      pasted: "curl -H 'Authorization: TC3-HMAC-SHA256 Credential=AKIDx/2023-11-14/iotcloud/tc3_request, SignedHeaders=content-type;host, Signature=00'",
    };
    assert.deepEqual(await draftSecrets({ fields }), ['headers', 'body', 'pasted']);
  });

  it("reads a page's odd values as not given", async () => {
    assert.deepEqual(await draftSecrets({ fields: { a: 42, b: null, c: { DevicePsk: 'x' } } as unknown as Record<string, string> }), []);
    assert.deepEqual(await draftSecrets({ fields: null as unknown as Record<string, string> }), []);
  });
});
