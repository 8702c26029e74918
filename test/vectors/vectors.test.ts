import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { hashCanonicalRequest, nobleHashProvider, signTc3, type Tc3Request } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';

// aws4-style vectors: each stage asserted on its own, so a failure names the stage that broke.
const root = new URL('./tc3/', import.meta.url);
const cases = readdirSync(root);

test('there are TC3 vectors to run', () => assert.ok(cases.length >= 5));

for (const name of cases) {
  const dir = new URL(`${name}/`, root);
  const read = (file: string) => readFileSync(new URL(file, dir), 'utf8');
  const request = JSON.parse(read('request.json')) as Tc3Request;
  for (const crypto of [nobleHashProvider, nodeHashProvider]) {
    test(`vector ${name} (${crypto.name})`, () => {
      const signed = signTc3(request, { crypto });
      assert.equal(signed.canonicalRequest, read('canonical-request.txt'), 'canonical request');
      assert.equal(signed.stringToSign, read('string-to-sign.txt'), 'string to sign');
      assert.equal(signed.authorization, read('authorization.txt'), 'authorization');
    });
  }
}

test("the doc example's canonical request is the doc's own (hash 7019a55b…1e84)", () => {
  const canonical = readFileSync(new URL('doc-example-cvm/canonical-request.txt', root), 'utf8');
  assert.equal(hashCanonicalRequest(canonical, nobleHashProvider), '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
});
