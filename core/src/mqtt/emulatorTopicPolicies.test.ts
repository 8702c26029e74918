import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorEndpointOfBroker, emulatorTopicPoliciesUrl, parseTopicPoliciesAnswer, readEmulatorTopicPolicies } from './emulatorTopicPolicies.js';

test('the emulator endpoint beside a loopback broker, none beside any other', () => {
  assert.equal(emulatorEndpointOfBroker('mqtt://127.0.0.1:1883'), 'http://127.0.0.1:9180/');
  assert.equal(emulatorEndpointOfBroker('ws://localhost:8083/mqtt'), 'http://localhost:9180/');
  assert.equal(emulatorEndpointOfBroker('mqtt://[::1]:1883'), 'http://[::1]:9180/');
  assert.equal(emulatorEndpointOfBroker('mqtts://ABCDE12345.iotcloud.tencentdevices.com:8883'), undefined);
  assert.equal(emulatorEndpointOfBroker('mqtt://192.168.1.5:1883'), undefined);
  assert.equal(emulatorEndpointOfBroker('not a url'), undefined);
});

test("the route's URL, with or without the endpoint's slash, the ProductId encoded", () => {
  assert.equal(emulatorTopicPoliciesUrl('http://127.0.0.1:9180', 'ABCDE12345'), 'http://127.0.0.1:9180/_emulator/products/ABCDE12345/topics');
  assert.equal(emulatorTopicPoliciesUrl('http://127.0.0.1:9180/', 'A/B'), 'http://127.0.0.1:9180/_emulator/products/A%2FB/topics');
});

test('the answer: well-formed policies kept, malformed ones skipped, anything else undefined', () => {
  const text = JSON.stringify({ ProductId: 'P', TopicPolicies: [{ TopicName: 'alert', Privilege: 2, Extra: 1 }, { TopicName: 5 }, null, { TopicName: 'x' }] });
  assert.deepEqual(parseTopicPoliciesAnswer(text), [{ TopicName: 'alert', Privilege: 2 }]);
  assert.equal(parseTopicPoliciesAnswer('{"Error":"no"}'), undefined);
  assert.equal(parseTopicPoliciesAnswer('<html>'), undefined);
  assert.equal(parseTopicPoliciesAnswer(`{"TopicPolicies":${'['.repeat(50)}${']'.repeat(50)}}`), undefined, 'depth-limited');
});

test('reading: the policies, or none with the reason (no answer, an error status, a foreign answer)', async () => {
  const urls: string[] = [];
  const answered = await readEmulatorTopicPolicies('http://127.0.0.1:9180/', 'P', async (url) => {
    urls.push(url);
    return '{"TopicPolicies":[{"TopicName":"alert","Privilege":2}]}';
  });
  assert.deepEqual(answered, { policies: [{ TopicName: 'alert', Privilege: 2 }] });
  assert.deepEqual(urls, ['http://127.0.0.1:9180/_emulator/products/P/topics']);
  const refused = await readEmulatorTopicPolicies('http://127.0.0.1:9/', 'P', () => Promise.reject(new Error('ECONNREFUSED')));
  assert.deepEqual(refused.policies, []);
  assert.match(refused.problem ?? '', /topics did not answer \(ECONNREFUSED\)/);
  assert.match((await readEmulatorTopicPolicies('http://h/', 'P', async () => undefined)).problem ?? '', /answered with an error/);
  assert.match((await readEmulatorTopicPolicies('http://h/', 'P', async () => '[]')).problem ?? '', /did not answer as the emulator does/);
});
