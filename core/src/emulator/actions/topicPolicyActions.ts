import { done, fail, int, str, type ActionHandler } from './ActionHandler.js';

/** How many CreateTopicPolicy topics a product may have: the emulator's choice (the doc names LimitExceeded.TopicPolicyExceedLimit, not the figure). */
export const MAX_TOPIC_POLICIES_PER_PRODUCT = 50;

/** A topic's own level, as PublishMessage's Topic names it: `${ProductId}/${DeviceName}/[a-zA-Z0-9:_-]{1,128}`. */
const TOPIC_NAME = /^[a-zA-Z0-9:_-]{1,128}$/;

/**
 * CreateTopicPolicy: a topic `${ProductId}/${DeviceName}/${TopicName}` every device of the product may then use, with
 * Privilege 1 publish, 2 subscribe, 3 both (the broker reads it for connections made after, and for live ones at
 * their next check). BrokerSubscribe is a gateway's proxy subscription; the emulator has no gateway bindings, so it
 * answers FailedOperation.ProductNotBind ("产品未绑定，无法代理订阅").
 */
export const createTopicPolicy: ActionHandler = (state, params) => {
  const productId = str(params, 'ProductId')!;
  const topicName = str(params, 'TopicName')!;
  const privilege = int(params, 'Privilege')!;
  if (!state.products.has(productId)) return fail('ResourceNotFound.ProductNotExist', `ProductId: no product ${JSON.stringify(productId)}`);
  if (!TOPIC_NAME.test(topicName))
    return fail(
      'InvalidParameterValue',
      `TopicName: 1-128 letters, digits, ":", "_" or "-" (the last level of \${ProductId}/\${DeviceName}/<name>), got ${JSON.stringify(topicName.slice(0, 140))}`,
    );
  if (privilege !== 1 && privilege !== 2 && privilege !== 3)
    return fail('InvalidParameterValue', `Privilege: 1 (publish), 2 (subscribe) or 3 (both), got ${String(params['Privilege'])}`);
  if (params['BrokerSubscribe'] !== undefined)
    return fail(
      'FailedOperation.ProductNotBind',
      `BrokerSubscribe: product ${productId} is bound to no gateway product in the emulator, so it cannot subscribe by proxy`,
    );
  const existing = state.topicPolicies.get(productId) ?? [];
  if (existing.some((p) => p.TopicName === topicName) || ['control', 'event', 'data'].includes(topicName))
    return fail('InvalidParameterValue.TopicPolicyAlreadyExist', `TopicName: product ${productId} already has a topic ${JSON.stringify(topicName)}`);
  if (existing.length >= MAX_TOPIC_POLICIES_PER_PRODUCT)
    return fail('LimitExceeded.TopicPolicyExceedLimit', `product ${productId} has ${existing.length} topics, the emulator's limit`);
  state.topicPolicies.set(productId, [...existing, { TopicName: topicName, Privilege: privilege }]);
  return done({}, true);
};
