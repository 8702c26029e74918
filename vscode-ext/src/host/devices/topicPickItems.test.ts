import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishTopicChoices } from '@iot-devkit/core';
import { topicPickItems } from './topicPickItems.js';

const topics = publishTopicChoices('ABCDE12345', 'dev_1', 'api', [{ TopicName: 'alert', Privilege: 2 }]);

test("Publish Message's topic rows describe each topic in English", () => {
  assert.deepEqual(
    topicPickItems(topics, false).map((i) => [i.label, i.description]),
    [
      ['ABCDE12345/dev_1/control', 'commands to the device'],
      ['ABCDE12345/dev_1/data', 'data, both ways'],
      ['ABCDE12345/dev_1/alert', 'a CreateTopicPolicy topic'],
    ],
  );
});

test("Publish Message's topic rows describe each topic in Chinese for a zh-CN VS Code", () => {
  assert.deepEqual(
    topicPickItems(topics, true).map((i) => [i.value, i.description]),
    [
      ['ABCDE12345/dev_1/control', '下发给设备的指令'],
      ['ABCDE12345/dev_1/data', '数据（双向）'],
      ['ABCDE12345/dev_1/alert', 'CreateTopicPolicy 创建的 Topic'],
    ],
  );
});
