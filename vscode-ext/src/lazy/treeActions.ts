// The actions of the products → devices → rules tree's context menus, loaded the first time one is used. They
// call the API through the extension's TencentApiClient and reach the MQTT client only through deps.virtualDevices
// (dist/lazy/virtualDevice.cjs), so this bundle holds no MQTT code.
export { copyMqttCredentials } from '../commands/copyMqttCredentials.js';
export { createDevice } from '../commands/createDevice.js';
export { deleteDevice } from '../commands/deleteDevice.js';
export { publishDeviceMessage } from '../commands/publishDeviceMessage.js';
export { deleteTopicRule, disableTopicRule, enableTopicRule } from '../commands/setTopicRuleState.js';
export { connectVirtualDevice, disconnectVirtualDevice, monitorDeviceMessages } from '../commands/virtualDeviceCommands.js';
