import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDestructiveAction } from './isDestructiveAction.js';

test('Delete*, Unbind*, Reset* and Disable* actions ask for confirmation; others do not', () => {
  for (const action of ['DeleteDevice', 'DeleteProduct', 'UnbindDevices', 'ResetDeviceState', 'DisableTopicRule', 'deletedevice', ' DeleteDevice '])
    assert.equal(isDestructiveAction(action), true, action);
  for (const action of ['DescribeDevice', 'UpdateDeviceShadow', 'EnableTopicRule', 'CreateDevice', 'PublishMessage', 'BindDevices', ''])
    assert.equal(isDestructiveAction(action), false, action);
});
