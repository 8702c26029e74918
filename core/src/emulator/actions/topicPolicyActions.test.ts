import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDemoState, DEMO_PRODUCT_ID } from '../demoState.js';
import { restoreState, serializeState } from '../stateSnapshot.js';
import { handleAdminRequest } from '../adminRoutes.js';
import { createTopicPolicy } from './topicPolicyActions.js';

const env = { nowMs: 0, randomBytes: (n: number) => new Uint8Array(n), effects: [], rrpcTimeoutMs: 0 };

test('CreateTopicPolicy adds a product topic with its privilege, refuses a duplicate or a bad name, and survives a restart', () => {
  const state = createDemoState(0);
  assert.deepEqual(createTopicPolicy(state, { ProductId: DEMO_PRODUCT_ID, TopicName: 'alerts', Privilege: 2 }, env), { ok: true, response: {}, changed: true });
  const again = createTopicPolicy(state, { ProductId: DEMO_PRODUCT_ID, TopicName: 'alerts', Privilege: 1 }, env);
  assert.ok(!again.ok && again.error.code === 'InvalidParameterValue.TopicPolicyAlreadyExist');
  const builtIn = createTopicPolicy(state, { ProductId: DEMO_PRODUCT_ID, TopicName: 'control', Privilege: 1 }, env);
  assert.ok(!builtIn.ok && builtIn.error.code === 'InvalidParameterValue.TopicPolicyAlreadyExist');
  const badName = createTopicPolicy(state, { ProductId: DEMO_PRODUCT_ID, TopicName: 'a/b', Privilege: 1 }, env);
  assert.ok(!badName.ok && /TopicName: 1-128 letters/.test(badName.error.message));
  const badPrivilege = createTopicPolicy(state, { ProductId: DEMO_PRODUCT_ID, TopicName: 'x', Privilege: 4 }, env);
  assert.ok(!badPrivilege.ok && /Privilege: 1 \(publish\), 2 \(subscribe\) or 3 \(both\)/.test(badPrivilege.error.message));
  const proxy = createTopicPolicy(
    state,
    { ProductId: DEMO_PRODUCT_ID, TopicName: 'y', Privilege: 1, BrokerSubscribe: { ProductId: 'A', DeviceName: 'b' } },
    env,
  );
  assert.ok(!proxy.ok && proxy.error.code === 'FailedOperation.ProductNotBind');
  const noProduct = createTopicPolicy(state, { ProductId: 'NOPRODUCT1', TopicName: 'z', Privilege: 1 }, env);
  assert.ok(!noProduct.ok && noProduct.error.code === 'ResourceNotFound.ProductNotExist');
  const restored = restoreState(serializeState(state));
  assert.ok(restored.ok);
  assert.deepEqual(restored.state.topicPolicies.get(DEMO_PRODUCT_ID), [
    { TopicName: 'alert', Privilege: 2 },
    { TopicName: 'alerts', Privilege: 2 },
  ]);
});

test('GET /_emulator/products/<ProductId>/topics lists the CreateTopicPolicy topics (the API has no action for it)', () => {
  const state = createDemoState(0);
  assert.ok(createTopicPolicy(state, { ProductId: DEMO_PRODUCT_ID, TopicName: 'cmd', Privilege: 3 }, env).ok);
  const get = (target: string) => handleAdminRequest({ method: 'GET', target, headers: {}, body: new Uint8Array() }, state, [], 0);
  assert.deepEqual(get(`/_emulator/products/${DEMO_PRODUCT_ID}/topics`), {
    status: 200,
    body: {
      ProductId: DEMO_PRODUCT_ID,
      TopicPolicies: [
        { TopicName: 'alert', Privilege: 2 },
        { TopicName: 'cmd', Privilege: 3 },
      ],
    },
    changed: false,
  });
  const missing = get('/_emulator/products/NOPRODUCT1/topics');
  assert.equal(missing.status, 404);
  assert.match(JSON.stringify(missing.body), /no product \\"NOPRODUCT1\\"/);
});
