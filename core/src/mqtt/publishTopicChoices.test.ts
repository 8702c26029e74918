import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishTopicChoices } from './publishTopicChoices.js';

const P = 'ABCDE12345';
const D = 'thermostat-1';
const filters = (direction: 'device' | 'api', policies: { TopicName: string; Privilege: number }[] = []) =>
  publishTopicChoices(P, D, direction, policies).map((t) => t.filter);

test("without topic policies: the device publishes to its publish topics, the API to the device's own subscribe topics", () => {
  assert.deepEqual(filters('device'), [`${P}/${D}/event`, `${P}/${D}/data`, `$shadow/operation/${P}/${D}`, `$ota/report/${P}/${D}`]);
  assert.deepEqual(filters('api'), [`${P}/${D}/control`, `${P}/${D}/data`]);
});

test('CreateTopicPolicy topics are offered by their Privilege: 1 from the device, 2 through the API, 3 both', () => {
  const policies = [
    { TopicName: 'telemetry', Privilege: 1 },
    { TopicName: 'alert', Privilege: 2 },
    { TopicName: 'chat', Privilege: 3 },
  ];
  const device = filters('device', policies);
  const api = filters('api', policies);
  assert.ok(device.includes(`${P}/${D}/telemetry`) && !api.includes(`${P}/${D}/telemetry`));
  assert.ok(api.includes(`${P}/${D}/alert`) && !device.includes(`${P}/${D}/alert`));
  assert.ok(device.includes(`${P}/${D}/chat`) && api.includes(`${P}/${D}/chat`));
  assert.deepEqual(publishTopicChoices(P, D, 'api', policies).find((t) => t.filter.endsWith('/alert'))?.purpose, {
    en: 'a CreateTopicPolicy topic',
    zh: 'CreateTopicPolicy 创建的 Topic',
  });
});

test('a policy with an unknown Privilege is not offered, and no choice is a wildcard filter', () => {
  const policies = [{ TopicName: 'odd', Privilege: 7 }];
  for (const direction of ['device', 'api'] as const) {
    assert.ok(!filters(direction, policies).some((f) => f.endsWith('/odd')), direction);
    assert.ok(!filters(direction, policies).some((f) => f.includes('+') || f.includes('#')), direction);
  }
});

test('every topic says what it is for in zh-CN and English', () => {
  for (const direction of ['device', 'api'] as const)
    for (const t of publishTopicChoices(P, D, direction, [{ TopicName: 'chat', Privilege: 3 }])) {
      assert.ok(t.purpose.en.length > 0 && /^[\x20-\x7e]+$/.test(t.purpose.en), `${t.filter}: English ${JSON.stringify(t.purpose.en)}`);
      assert.ok(/[\u4e00-\u9fff]/.test(t.purpose.zh), `${t.filter}: Chinese ${JSON.stringify(t.purpose.zh)}`);
    }
  assert.deepEqual(publishTopicChoices(P, D, 'api')[0]!.purpose, { en: 'commands to the device', zh: '下发给设备的指令' });
});
