import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishTopicChoices } from '@iot-devkit/core';
import { topicPickItems } from './topicPickItems.js';

const topics = publishTopicChoices('ABCDE12345', 'dev_1', 'api', [{ TopicName: 'alert', Privilege: 2 }]);
/** The rows' descriptions as a user of each UI language reads them. */
const expected = {
  en: ['commands to the device', 'data, both ways', 'a CreateTopicPolicy topic'],
  zh: ['下发给设备的指令', '数据（双向）', 'CreateTopicPolicy 创建的 Topic'],
};

for (const [language, descriptions] of Object.entries(expected))
  test(`Publish Message's topic rows describe each topic in ${language === 'zh' ? 'Chinese for a zh-CN VS Code' : 'English'}`, () => {
    assert.deepEqual(
      topicPickItems(topics, language === 'zh').map((i) => [i.label, i.value, i.description]),
      ['control', 'data', 'alert'].map((name, i) => [`ABCDE12345/dev_1/${name}`, `ABCDE12345/dev_1/${name}`, descriptions[i]]),
    );
  });
