import { toBase64, utf8Encode } from '../encoding/bytes.js';
import { encodeRuleSql } from '../ruleSql/ruleSqlBase64.js';
import { mergeShadowSection } from '../shadow/applyShadowUpdate.js';
import { createEmptyState, deviceKey, type EmulatedDevice, type EmulatorState } from './EmulatorState.js';

/** The demo product: the ProductId and first device the `demo` command signs requests for. */
export const DEMO_PRODUCT_ID = 'DEMO000001';
export const DEMO_DEVICES = ['thermostat-1', 'thermostat-2'] as const;
export const DEMO_RULE_NAME = 'thermostat_overheat';

/**
 * A product with two key-authenticated devices, both with shadows (one with a pending delta, one in sync) and an
 * enabled rule: enough for a newcomer to see every emulated feature answer. PSKs are made up and say so.
 */
export function createDemoState(nowMs: number): EmulatorState {
  const state = createEmptyState();
  const seconds = Math.floor(nowMs / 1000);
  state.products.set(DEMO_PRODUCT_ID, {
    ProductId: DEMO_PRODUCT_ID,
    ProductName: 'demo-thermostats',
    ProductProperties: {
      ProductDescription: 'IoT Devkit emulator demo product',
      EncryptionType: '2',
      Region: 'gz',
      ProductType: 0,
      Format: 'json',
      Platform: 'DEFAULT',
      AppEUI: '',
    },
    CreationDate: seconds,
  });
  DEMO_DEVICES.forEach((name, i) => {
    const device: EmulatedDevice = {
      ProductId: DEMO_PRODUCT_ID,
      DeviceName: name,
      DevicePsk: toBase64(utf8Encode(`iotdevkit-demo-${i + 1}`)),
      DeviceCert: '',
      EnableState: 1,
      Online: 1,
      LoginTime: seconds,
      LastUpdateTime: seconds,
      CreateTime: seconds,
      Tags: [{ Tag: 'room', Type: 2, Value: i === 0 ? 'living-room' : 'bedroom' }],
      Imei: '',
      Isp: 0,
      LoraDevEui: '',
      LoraMoteType: 0,
    };
    state.devices.set(deviceKey(DEMO_PRODUCT_ID, name), device);
  });
  // thermostat-1 has been asked for 22 °C and still reports 20: its delta is {"targetTemperature": 22}.
  const first = mergeShadowSection(undefined, 'reported', { temperature: 19.5, targetTemperature: 20, mode: 'heat' }, nowMs);
  state.shadows.set(deviceKey(DEMO_PRODUCT_ID, 'thermostat-1'), mergeShadowSection(first, 'desired', { targetTemperature: 22, mode: 'heat' }, nowMs));
  // thermostat-2 is in sync.
  const second = mergeShadowSection(undefined, 'reported', { temperature: 21, targetTemperature: 21, mode: 'eco' }, nowMs);
  state.shadows.set(deviceKey(DEMO_PRODUCT_ID, 'thermostat-2'), mergeShadowSection(second, 'desired', { targetTemperature: 21 }, nowMs));
  state.rules.set(DEMO_RULE_NAME, {
    RuleName: DEMO_RULE_NAME,
    Sql: encodeRuleSql(`SELECT temperature FROM '${DEMO_PRODUCT_ID}/+/event' WHERE temperature > 30`),
    Actions: JSON.stringify([{ republish: { topic: `${DEMO_PRODUCT_ID}/thermostat-1/alert` } }]),
    Description: 'Republish overheating events to thermostat-1/alert',
    RuleDisabled: false,
    CreatedAt: seconds,
  });
  // The rule's target as a product topic the devices may subscribe to (CreateTopicPolicy Privilege 2), so a connected
  // thermostat-1 receives the alerts.
  state.topicPolicies.set(DEMO_PRODUCT_ID, [{ TopicName: 'alert', Privilege: 2 }]);
  return state;
}
