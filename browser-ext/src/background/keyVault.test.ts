import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSecret, PBKDF2_ITERATIONS, sealSecret } from './keyVault.js';

const KEY = 'madeUpSecretKey0000000000000000000';

test('a sealed key opens with its passphrase and holds no plain text', async () => {
  const sealed = await sealSecret(KEY, 'correct horse battery');
  assert.equal(sealed.iterations, PBKDF2_ITERATIONS);
  assert.ok(PBKDF2_ITERATIONS >= 310_000);
  assert.ok(!JSON.stringify(sealed).includes(KEY));
  assert.ok(!JSON.stringify(sealed).includes(Buffer.from(KEY).toString('base64').slice(0, 16)));
  assert.equal(await openSecret(sealed, 'correct horse battery'), KEY);
});

test('a wrong passphrase or a tampered record is refused by name', async () => {
  const sealed = await sealSecret(KEY, 'correct horse battery', 1000);
  await assert.rejects(openSecret(sealed, 'wrong horse battery'), /^Error: passphrase: it does not open the remembered SecretKey$/);
  const flipped = { ...sealed, ciphertext: Buffer.from(Buffer.from(sealed.ciphertext, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64') };
  await assert.rejects(openSecret(flipped, 'correct horse battery'), /passphrase: it does not open/);
  await assert.rejects(openSecret({ ...sealed, iv: '***' }, 'correct horse battery'), /sealed key iv: base64/);
});

test('each seal uses a fresh salt and IV', async () => {
  const [a, b] = await Promise.all([sealSecret(KEY, 'correct horse battery', 1000), sealSecret(KEY, 'correct horse battery', 1000)]);
  assert.notEqual(a.salt, b.salt);
  assert.notEqual(a.iv, b.iv);
  assert.notEqual(a.ciphertext, b.ciphertext);
});

test('bad input is refused by field', async () => {
  await assert.rejects(sealSecret('', 'correct horse battery'), /^Error: secretKey: /);
  await assert.rejects(sealSecret(KEY, 'short'), /^Error: passphrase: at least 8 characters/);
});
