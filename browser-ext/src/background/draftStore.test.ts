import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryStorageArea } from '../shared/memoryStorageArea.js';
import { createDraftStore } from './draftStore.js';

test('a draft round-trips, and a field that holds a secret by name is kept in session memory only', async () => {
  const local = memoryStorageArea();
  const session = memoryStorageArea();
  const drafts = createDraftStore(local, session);
  assert.equal(await drafts.loadDraft('popup'), null, 'no draft yet');
  const pasted = "curl -H 'Authorization: Bearer madeUpTokenForTheDraftTest' http://127.0.0.1/";
  await drafts.saveDraft('popup', { fields: { action: 'DescribeDevice', paste: pasted, confirm: true }, secretFields: { passphrase: 'made-up' } });
  assert.ok(!local.dump().includes('madeUpTokenForTheDraftTest') && !local.dump().includes('made-up'), 'no secret on disk');
  assert.deepEqual(await drafts.loadDraft('popup'), {
    fields: { action: 'DescribeDevice', confirm: true },
    secretFields: { passphrase: 'made-up', paste: pasted },
  });
  assert.equal(await drafts.loadDraft('editor'), null, 'scopes are apart');
  // A popup reopened after the browser restarted: the ordinary fields are back, the secret ones are not.
  assert.deepEqual(await createDraftStore(local, memoryStorageArea()).loadDraft('popup'), {
    fields: { action: 'DescribeDevice', confirm: true },
    secretFields: {},
  });
});
