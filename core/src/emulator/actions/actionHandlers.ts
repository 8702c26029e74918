import type { ActionHandler } from './ActionHandler.js';
import { createDevice, deleteDevice, describeDevice, describeDevices, updateDeviceAvailableState, updateDevicePsk } from './deviceActions.js';
import { publishBroadcastMessage, publishMessage, publishRrpcMessage } from './messageActions.js';
import { createProduct, deleteProduct, describeProduct, describeProducts } from './productActions.js';
import { createTopicRule, deleteTopicRule, disableTopicRule, enableTopicRule, listTopicRules, replaceTopicRule } from './ruleActions.js';
import { deleteDeviceShadow, describeDeviceShadow, updateDeviceShadow } from './shadowActions.js';
import { modifyProjectSecMode } from './trroActions.js';
import { createTopicPolicy } from './topicPolicyActions.js';

/** Every action the emulator implements, by service. Parameters are checked against the catalog before these run. */
export const ACTION_HANDLERS: Readonly<Record<string, Readonly<Record<string, ActionHandler>>>> = {
  iotcloud: {
    CreateProduct: createProduct,
    DescribeProduct: describeProduct,
    DescribeProducts: describeProducts,
    DeleteProduct: deleteProduct,
    CreateDevice: createDevice,
    DescribeDevice: describeDevice,
    DescribeDevices: describeDevices,
    DeleteDevice: deleteDevice,
    UpdateDevicePSK: updateDevicePsk,
    UpdateDeviceAvailableState: updateDeviceAvailableState,
    DescribeDeviceShadow: describeDeviceShadow,
    UpdateDeviceShadow: updateDeviceShadow,
    DeleteDeviceShadow: deleteDeviceShadow,
    CreateTopicRule: createTopicRule,
    ReplaceTopicRule: replaceTopicRule,
    EnableTopicRule: enableTopicRule,
    DisableTopicRule: disableTopicRule,
    DeleteTopicRule: deleteTopicRule,
    ListTopicRules: listTopicRules,
    PublishMessage: publishMessage,
    PublishRRPCMessage: publishRrpcMessage,
    PublishBroadcastMessage: publishBroadcastMessage,
    CreateTopicPolicy: createTopicPolicy,
  },
  trro: {
    ModifyProjectSecMode: modifyProjectSecMode,
  },
};
