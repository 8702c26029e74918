import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretParamNames } from '@iot-devkit/core';
import type { SendForm } from '../../protocol.js';
import { catalogBrowseHandlers } from '../../lazy/catalogBrowse.js';
import { catalogHandlers } from './catalogHandlers.js';
import { readSendForm } from './readSendForm.js';

// Search, browse and forms live in the lazily loaded bundle (src/lazy/catalogBrowse.ts): tested from its source here.
const handlers = { ...catalogHandlers(false), ...catalogBrowseHandlers(false) };
const form = (change: Partial<SendForm>): SendForm => ({
  service: 'iotcloud',
  version: '2021-04-08',
  action: 'UpdateDeviceShadow',
  region: '',
  params: '{}',
  ...change,
});

describe('Build & send from the catalog', () => {
  it('browses by service and group: the services, the groups of one with counts, a group listed with its heading', async () => {
    const browse = await handlers.actionGroups({ service: 'iotexplorer' });
    assert.deepEqual(
      browse.services.map((s) => s.service),
      ['iotcloud', 'trro', 'iotexplorer'],
    );
    assert.equal(browse.services[2]?.label, 'iotexplorer · Tencent Cloud IoT Explorer');
    const thingModel = browse.groups.find((g) => g.key === 'Thing model and device data');
    assert.ok(thingModel && thingModel.count > 3, 'the thing-model group of IoT Explorer');
    assert.equal(
      browse.groups.reduce((n, g) => n + g.count, 0),
      256,
    );
    const listed = await handlers.searchActions({ query: '', service: 'iotexplorer', group: thingModel.key });
    assert.equal(listed.length, thingModel.count);
    assert.ok(listed.every((a) => a.service === 'iotexplorer' && a.groupLabel === 'Thing model and device data'));
    assert.ok(listed.some((a) => a.name === 'ControlDeviceData'));
    const zh = await catalogBrowseHandlers(true).actionGroups({ service: 'iotexplorer' });
    assert.ok(zh.groups.some((g) => g.key === 'Thing model and device data' && g.label === '物模型与设备数据相关接口'));
    // A name two services share is listed once per service when no service is chosen, each saying its service.
    const both = await handlers.searchActions({ query: 'DescribeDevice' });
    assert.deepEqual(
      both.filter((a) => a.name === 'DescribeDevice').map((a) => a.service),
      ['iotcloud', 'iotexplorer'],
    );
  });

  it('finds actions by any words of their name or title', async () => {
    const found = await handlers.searchActions({ query: 'shadow update' });
    assert.deepEqual(
      found.map((a) => a.name),
      ['UpdateDeviceShadow'],
    );
    assert.ok((await handlers.searchActions({ query: 'topicrule' })).some((a) => a.name === 'CreateTopicRule'));
  });

  it("titles in VS Code's language by the core's rule: English first and Chinese labelled, or zh-CN as documented", async () => {
    const [found] = await handlers.searchActions({ query: 'property data control' });
    assert.equal(found?.name, 'ControlDeviceData');
    assert.deepEqual(found?.heading.title, { text: "Set a device's property data (control the device)", lang: 'en' });
    const en = await handlers.describeAction({ service: 'iotexplorer', action: 'ControlDeviceData' });
    assert.equal(en?.heading.description?.label, 'Chinese only');
    const zh = await catalogBrowseHandlers(true).describeAction({ service: 'iotexplorer', action: 'ControlDeviceData' });
    assert.deepEqual(zh?.heading, { title: { text: zh?.title, lang: 'zh-CN' }, description: { text: zh?.description, lang: 'zh-CN' } });
  });

  it('generates the form fields of an action, structures typed as JSON', async () => {
    const shadow = await handlers.describeAction({ service: 'iotcloud', action: 'updatedeviceshadow' });
    assert.deepEqual(
      shadow?.params.map((f) => [f.name, f.required, f.structured]),
      [
        ['ProductId', true, false],
        ['DeviceName', true, false],
        ['State', true, false],
        ['ShadowVersion', true, false],
      ],
    );
    const rule = await handlers.describeAction({ service: 'iotcloud', action: 'CreateTopicRule' });
    assert.equal(rule?.params.find((f) => f.name === 'TopicRulePayload')?.structured, true);
    assert.equal(await handlers.describeAction({ service: 'iotcloud', action: 'NoSuchAction' }), undefined);
    // The catalog's secret parameters: typed in a password box and kept out of the webview's state.
    const create = await handlers.describeAction({ service: 'iotcloud', action: 'CreateDevice' });
    assert.deepEqual(
      create?.params.filter((f) => f.secret).map((f) => f.name),
      secretParamNames('iotcloud', 'CreateDevice'),
    );
    assert.ok(create?.params.find((f) => f.name === 'DefinedPsk')?.secret);
    assert.equal(create?.params.find((f) => f.name === 'DeviceName')?.secret, false);
  });

  it('validates as you type, each problem on its field', async () => {
    const issues = await handlers.validateParams(
      form({ params: JSON.stringify({ ProductId: 'ABCDE12345', DeviceName: 'abc', State: '{"desired":', ShadowVersion: 'one' }) }),
    );
    const fields = issues.map((i) => i.field);
    assert.ok(fields.includes('State'), JSON.stringify(issues));
    assert.ok(fields.includes('ShadowVersion'), JSON.stringify(issues));
    assert.deepEqual(
      await handlers.validateParams(
        form({ params: JSON.stringify({ ProductId: 'ABCDE12345', DeviceName: 'abc', State: '{"desired":{}}', ShadowVersion: '3' }) }),
      ),
      [],
    );
    assert.deepEqual(await handlers.validateParams(form({ params: '[1]' })), [
      { field: 'params', message: 'params: a JSON object of parameter name to value' },
    ]);
  });

  it('marks a missing required parameter as such (the page shows it after the field is left), and nothing else', async () => {
    const issues = await handlers.validateParams(form({ params: JSON.stringify({ ProductId: 'ABCDE12345', ShadowVersion: 'one' }) }));
    const missing = issues.filter((i) => i.missing).map((i) => i.field);
    assert.ok(missing.includes('DeviceName'), JSON.stringify(issues));
    assert.ok(!missing.includes('ShadowVersion'), 'a wrong value is not a missing one');
    assert.ok(issues.some((i) => i.field === 'ShadowVersion' && i.missing === undefined));
  });

  it('types text values by the catalog ("3" → 3) and takes service and version from it', () => {
    const reading = readSendForm(form({ service: '', version: '', action: 'updatedeviceshadow', params: '{"ShadowVersion":"3"}' }));
    assert.ok(reading.ok);
    assert.deepEqual(reading.request, { service: 'iotcloud', version: '2021-04-08', action: 'UpdateDeviceShadow', params: { ShadowVersion: 3 } });
    const unknown = readSendForm(form({ action: 'SomethingNew', params: '{"A":"1"}' }));
    assert.ok(unknown.ok);
    assert.deepEqual(unknown.request.params, { A: '1' });
    assert.deepEqual(readSendForm(form({ action: 'describe devices' })), {
      ok: false,
      field: 'action',
      message: 'action: an action name such as DescribeDeviceShadow',
    });
  });
});
