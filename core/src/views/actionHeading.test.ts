import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeActionForm, type ActionFormView } from './actionForm.js';
import { actionHeading, localizeActionForm, paramDescription } from './actionHeading.js';

const form = (service: string, action: string): ActionFormView => {
  const found = describeActionForm(service, action);
  assert.ok(found, `${service} ${action} in the catalog`);
  return found;
};

test('English: an IoT Explorer action shows our English title first and its Chinese-only description labelled', () => {
  const control = form('iotexplorer', 'ControlDeviceData');
  assert.equal(control.englishSource, 'written');
  assert.equal(control.descriptionLang, 'zh-CN');
  assert.deepEqual(control.category, { zh: '物模型与设备数据相关接口', en: 'Thing model and device data' });
  assert.deepEqual(actionHeading(control, 'en'), {
    title: { text: "Set a device's property data (control the device)", lang: 'en' },
    description: { text: '根据设备产品ID、设备名称，设置控制设备的属性数据。', lang: 'zh-CN', label: 'Chinese only' },
  });
  assert.deepEqual(
    paramDescription(
      control.params.find((p) => p.name === 'ProductId')!,
      'en',
    ),
    { text: '产品ID', lang: 'zh-CN', label: 'Chinese only' },
  );
});

test('zh-CN: the Chinese title and description as before, never labelled', () => {
  const control = form('iotexplorer', 'ControlDeviceData');
  assert.deepEqual(actionHeading(control, 'zh-CN'), {
    title: { text: control.title, lang: 'zh-CN' },
    description: { text: control.description, lang: 'zh-CN' },
  });
  const localized = localizeActionForm(control, 'zh-CN');
  assert.ok(localized.params.every((p) => p.shownDescription.label === undefined && p.shownDescription.text === p.description));
});

test('an SDK action whose English title was derived from its name says so', () => {
  const derived = form('iotexplorer', 'DescribeActivateDevice');
  assert.equal(derived.englishSource, 'derived');
  const heading = actionHeading(derived, 'en');
  assert.equal(heading.title.text, derived.englishTitle);
  assert.equal(heading.titleNote, 'title derived from the name');
  assert.equal(heading.description?.label, 'Chinese only');
  assert.equal(actionHeading(derived, 'zh-CN').titleNote, undefined);
});

test("the intl SDK's English is the description: the Chinese one is not repeated, parameters use its English", () => {
  const shadow = form('iotcloud', 'DeleteDeviceShadow');
  assert.equal(shadow.englishSource, 'intl-en');
  assert.deepEqual(actionHeading(shadow, 'en'), { title: { text: 'This API is used to delete a device shadow.', lang: 'en' } });
  assert.deepEqual(
    paramDescription(
      shadow.params.find((p) => p.name === 'ProductId')!,
      'en',
    ),
    { text: 'Product ID', lang: 'en' },
  );
});

test('a seed action with no English: its Chinese title and description are both labelled in English', () => {
  const { englishTitle: _title, englishSource: _source, ...seedOnly } = form('iotcloud', 'CreateDevice');
  const heading = actionHeading(seedOnly, 'en');
  assert.deepEqual(heading.title, { text: seedOnly.title, lang: 'zh-CN', label: 'Chinese only' });
  assert.deepEqual(heading.description, { text: seedOnly.description, lang: 'zh-CN', label: 'Chinese only' });
  // Without a Chinese title either, the name stands in: it is English.
  assert.deepEqual(actionHeading({ ...seedOnly, title: '' }, 'en').title, { text: 'CreateDevice', lang: 'en' });
  // A summary (no description) has a title only.
  const { description: _d, params: _p, ...summary } = seedOnly;
  assert.equal(actionHeading(summary, 'en').description, undefined);
});
