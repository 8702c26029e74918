// Fuzz targets for the device side: OneNET tokens, MQTT credentials, the broker's CONNECT, topic and shadow-message decisions.
import fc from 'fast-check';
import {
  applyShadowOperation,
  authenticateDeviceConnect,
  checkDevicePublish,
  checkDeviceSubscribe,
  createDemoState,
  DEMO_PRODUCT_ID,
  deviceTopics,
  readShadowMessage,
  parseMqttUsername,
  readOneNetToken,
  signDeviceCredentials,
  signOneNetToken,
  verifyDeviceCredentials,
  verifyOneNetToken,
} from '@iot-devkit/core';
import { nodeHashProvider } from '../../../cli/src/nodeHashProvider.js';
import { checkFindings, expect, NOW, PSK, refusedBySigningInput, repeat, textInputs, type FuzzTarget } from './fuzzKit.js';

// ── the MQTT broker's decisions ──────────────────────────────────────────────────────────────────────────────────
const MQTT_STATE = createDemoState(NOW * 1000);
const MQTT_DEVICE_PSK = MQTT_STATE.devices.get(`${DEMO_PRODUCT_ID}/thermostat-1`)!.DevicePsk;
const MQTT_TOPICS = deviceTopics(DEMO_PRODUCT_ID, 'thermostat-1');
const MQTT_CREDENTIALS = signDeviceCredentials({
  productId: DEMO_PRODUCT_ID,
  deviceName: 'thermostat-1',
  devicePsk: MQTT_DEVICE_PSK,
  now: NOW,
  connid: 'a1B2c',
  expiry: NOW + 3600,
});
const MQTT_SHADOW_SAMPLES = [
  '{"type":"get","clientToken":"t-1"}',
  '{"type":"update","state":{"reported":{"temp":21},"desired":null},"version":0,"clientToken":"t-2"}',
  '{"type":"update","state":{"desired":""},"version":2,"clientToken":"t-3"}',
  '{"type":"delete","clientToken":"t-4"}',
];

// ── credentials ─────────────────────────────────────────────────────────────────────────────────────────────────
const device = signDeviceCredentials({ productId: 'ABCDE12345', deviceName: 'dev1', devicePsk: PSK, now: NOW, connid: 'a1B2c', expiry: NOW + 3600 });
const oneNet = signOneNetToken({ res: 'products/p1/devices/d1', et: NOW + 3600, method: 'sha256', key: PSK, now: NOW });

export const DEVICE_TARGETS: readonly FuzzTarget[] = [
  {
    name: 'OneNET token',
    inputs: textInputs(
      [oneNet.token, 'version=2018-10-31&res=products%2Fp1&et=1537255523&method=sha1&sign=ZjA1NzZlMmMxYzIOTg3MjBzNjYTI2MjA4Yw%3D'],
      ['&', '=', '%', '%2', '%2F', '+', ' ', 'res=', 'et=', 'sign=', '99999999999', '\uD800', '%ED%A0%80'],
    ),
    run: (input) => {
      const token = input as string;
      checkFindings(readOneNetToken(token).findings);
      try {
        const verified = verifyOneNetToken({ token, key: PSK, now: NOW });
        checkFindings(verified.findings);
        expect(verified.ok === (verified.findings.length === 0), 'ok exactly when there are no findings');
        return 'ok';
      } catch (error) {
        return refusedBySigningInput(error);
      }
    },
    adversarial: (n) => [
      ['percent escapes', `version=2018-10-31&res=${repeat('%2F', n)}&et=1&method=sha1&sign=a`],
      ['ampersands', repeat('&', n)],
      ['spaces in sign', `version=2018-10-31&res=products%2Fp&et=4102444800&method=sha256&sign=${' '.repeat(n)}`],
      ['a long res', `version=2018-10-31&res=products%2F${'a'.repeat(n)}&et=4102444800&method=sha256&sign=a`],
    ],
  },
  {
    name: 'device credentials',
    inputs: fc.tuple(
      textInputs([device.username, 'ABCDE12345dev1;12010126;a1B2c;4102444800'], [';', '12010126', ' ', '\uD800', '99999999999', '+', '-']),
      textInputs([device.password, `${'a'.repeat(40)};hmacsha1`], [';', 'hmacsha256', 'hmacsha1', 'A', ' ', '\uD800']),
    ),
    run: (input) => {
      const [username, password] = input as [string, string];
      checkFindings(parseMqttUsername(username).findings);
      try {
        const verified = verifyDeviceCredentials({ username, password, devicePsk: PSK, now: NOW });
        checkFindings(verified.findings);
        expect(verified.ok === (verified.findings.length === 0), 'ok exactly when there are no findings');
        return 'ok';
      } catch (error) {
        return refusedBySigningInput(error);
      }
    },
    adversarial: (n) => [
      ['semicolons', [repeat(';', n), 'a;hmacsha256']],
      ['digits as expiry', [`ABCDE12345dev1;12010126;a1B2c;${'9'.repeat(n)}`, 'a;hmacsha256']],
      ['a long hex password', [device.username, `${'a'.repeat(n)};hmacsha256`]],
      ['a long username', [`${'A'.repeat(n)};12010126;a1B2c;4102444800`, device.password]],
    ],
  },
  {
    name: 'MQTT CONNECT',
    inputs: fc.oneof(
      // The right triple now and then, so the accepting path is fuzzed next to the refusing ones.
      { weight: 1, arbitrary: fc.constant([`${DEMO_PRODUCT_ID}thermostat-1`, MQTT_CREDENTIALS.username, MQTT_CREDENTIALS.password]) },
      {
        weight: 4,
        arbitrary: fc.tuple(
          textInputs([`${DEMO_PRODUCT_ID}thermostat-1`, 'ABCDE12345dev1'], ['+', '#', '/', '\uD800', ' ']),
          textInputs([MQTT_CREDENTIALS.username, `${DEMO_PRODUCT_ID}thermostat-1;21010406;a1B2c;9223372036854775807`], [';', '12010126', ' ', '\uD800', '9']),
          textInputs([MQTT_CREDENTIALS.password, `${'a'.repeat(40)};hmacsha1`], [';', 'hmacsha256', 'A', '\uD800']),
        ),
      },
    ),
    run: (input) => {
      const [clientId, username, password] = input as [string, string, string];
      const decision = authenticateDeviceConnect(MQTT_STATE, { clientId, username, password, nowSeconds: NOW }, nodeHashProvider);
      if (decision.ok) return 'ok';
      expect(decision.returnCode === 4 || decision.returnCode === 5, 'CONNACK 4 or 5');
      expect(decision.cause.en.length > 0 && !decision.cause.en.includes(MQTT_DEVICE_PSK), 'a named cause, never the PSK');
      return 'refused';
    },
    adversarial: (n) => [
      ['a long client id', ['A'.repeat(n), MQTT_CREDENTIALS.username, MQTT_CREDENTIALS.password]],
      ['semicolons', [`${DEMO_PRODUCT_ID}thermostat-1`, repeat(';', n), 'a;hmacsha256']],
      ['a long password', [`${DEMO_PRODUCT_ID}thermostat-1`, MQTT_CREDENTIALS.username, `${'a'.repeat(n)};hmacsha256`]],
    ],
  },
  {
    name: 'MQTT topic',
    inputs: textInputs(
      [`${DEMO_PRODUCT_ID}/thermostat-1/control`, `$shadow/operation/result/${DEMO_PRODUCT_ID}/thermostat-1`, `$rrpc/rxd/${DEMO_PRODUCT_ID}/thermostat-1/+`],
      ['+', '#', '/', '$', '\u0000', '//'],
    ),
    run: (input) => {
      const topic = input as string;
      const decisions = [
        checkDeviceSubscribe(MQTT_TOPICS, topic, DEMO_PRODUCT_ID, 'thermostat-1'),
        checkDevicePublish(MQTT_TOPICS, topic, DEMO_PRODUCT_ID, 'thermostat-1'),
      ];
      for (const d of decisions) expect(d.allowed || d.reason.length > 0, 'a refusal names its reason');
      return decisions.some((d) => d.allowed) ? 'ok' : 'refused';
    },
    adversarial: (n) => [
      ['many levels', repeat('a/', n)],
      ['many wildcards', repeat('+/', n)],
      ['a long level', `${DEMO_PRODUCT_ID}/thermostat-1/${'x'.repeat(n)}`],
    ],
  },
  {
    name: 'shadow over MQTT',
    inputs: fc.oneof(
      { weight: 3, arbitrary: textInputs(MQTT_SHADOW_SAMPLES, ['{', '}', '"type":', '"version":', 'null', '""', '[[[[', '"reported":']) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((state) => JSON.stringify({ type: 'update', state, version: 0 })) },
    ),
    run: (input) => {
      const text = input as string;
      const state = createDemoState(NOW * 1000);
      const outcome = applyShadowOperation(state, DEMO_PRODUCT_ID, 'thermostat-1', text, NOW * 1000);
      const reply = readShadowMessage(outcome.reply);
      expect(reply !== undefined && (reply.result === 0) === outcome.accepted, 'every answer is a result message the device can read');
      readShadowMessage(text);
      return outcome.accepted ? 'ok' : 'refused';
    },
    adversarial: (n) => [
      ['nested arrays in reported', `{"type":"update","state":{"reported":{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}}}`],
      ['many keys', `{"type":"update","state":{"reported":{${repeat('"k":1,', n)}"z":0}}}`],
      ['a long clientToken', `{"type":"get","clientToken":"${'t'.repeat(n)}"}`],
    ],
  },
];
