import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecret } from '@iot-devkit/core';
import type { ProfileInput } from '../protocol.js';
import { memoryStorageArea } from '../shared/memoryStorageArea.js';
import { createProfileStore } from './profileStore.js';

// Made-up keys, never a real account's.
const KEY = 'madeUpSecretKeyForProfileStore0001';
const PASSPHRASE = 'made-up passphrase';
const input = (over: Partial<ProfileInput> = {}): ProfileInput => ({
  name: 'dev account',
  secretId: 'AKIDmadeUpForProfileStore00000000000',
  region: 'ap-guangzhou',
  endpoint: '',
  secretKey: KEY,
  remember: false,
  passphrase: '',
  ...over,
});

function setUp() {
  const local = memoryStorageArea();
  const session = memoryStorageArea();
  return { local, session, store: createProfileStore(local, session) };
}

test('a SecretKey not remembered lives in session memory only, and is shown masked', async () => {
  const { local, session, store } = setUp();
  const view = await store.saveProfile(input({ endpoint: ' http://127.0.0.1:9180 ' }));
  assert.equal(view.keyState, 'session');
  assert.equal(view.maskedKey, maskSecret(KEY));
  assert.equal(view.endpoint, 'http://127.0.0.1:9180/');
  assert.ok(!local.dump().includes(KEY), 'not on disk');
  assert.ok(session.dump().includes(KEY));
  assert.equal((await store.usableProfile(view.id)).secretKey, KEY);
});

test('a remembered key is on disk only sealed, locked in a new session, and unlocked by its passphrase', async () => {
  const { local, store } = setUp();
  const view = await store.saveProfile(input({ remember: true, passphrase: PASSPHRASE }));
  assert.ok(view.remembered);
  assert.ok(!local.dump().includes(KEY), 'only ciphertext on disk');
  // The browser restarts: session memory is empty, storage.local is what it was.
  const restarted = createProfileStore(local, memoryStorageArea());
  assert.equal((await restarted.listProfiles())[0]?.keyState, 'locked');
  await assert.rejects(restarted.usableProfile(view.id), /the remembered SecretKey is locked; unlock it with its passphrase/);
  await assert.rejects(restarted.unlockProfile(view.id, 'not the passphrase'));
  assert.equal((await restarted.unlockProfile(view.id, PASSPHRASE)).keyState, 'session');
  assert.equal((await restarted.usableProfile(view.id)).secretKey, KEY);
});

test('bad input is refused naming the field, and nothing is stored', async () => {
  const { local, store } = setUp();
  await assert.rejects(store.saveProfile(input({ name: ' ' })), /^Error: name: /);
  await assert.rejects(store.saveProfile(input({ secretId: '' })), /^Error: secretId: /);
  await assert.rejects(store.saveProfile(input({ endpoint: 'ftp://x' })), /^Error: endpoint: an http\(s\) URL/);
  await assert.rejects(store.saveProfile(input({ remember: true })), /^Error: passphrase: /);
  await assert.rejects(store.saveProfile(input({ id: 'gone' })), /^Error: id: no profile gone/);
  assert.deepEqual(local.keys(), []);
  await assert.rejects(store.usableProfile(''), /profile: none chosen/);
});

test('deleting a profile removes it and its session key; an edit keeps the key when none is typed', async () => {
  const { session, store } = setUp();
  const a = await store.saveProfile(input({ name: 'a' }));
  const b = await store.saveProfile(input({ name: 'b', secretKey: 'madeUpSecretKeyForProfileStore0002' }));
  const edited = await store.saveProfile(input({ id: a.id, name: 'a renamed', secretKey: '' }));
  assert.equal(edited.keyState, 'session');
  assert.equal((await store.usableProfile(a.id)).secretKey, KEY);
  assert.deepEqual(
    (await store.deleteProfile(a.id)).map((p) => p.name),
    ['b'],
  );
  assert.ok(!session.dump().includes(KEY), "the deleted profile's key is gone from session memory");
  assert.equal((await store.usableProfile(b.id)).name, 'b');
});
