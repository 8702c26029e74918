import { DEFAULT_JSON_MAX_DEPTH, parseJsonBounded } from '../../encoding/parseJsonBounded.js';
import { applyShadowUpdate } from '../../shadow/applyShadowUpdate.js';
import { formatShadowData } from '../../shadow/formatShadowData.js';
import { SHADOW_ERROR_CODES, SHADOW_STATE_MAX_BYTES, utf8Length } from '../../shadow/shadowRules.js';
import { deviceKey, type EmulatorState } from '../EmulatorState.js';
import { computeShadowDelta } from '../../shadow/computeShadowDelta.js';
import { utf8Encode } from '../../encoding/bytes.js';
import { shadowResultTopic } from '../../mqtt/deviceTopics.js';
import { formatShadowDelta } from '../../mqtt/shadowMessages.js';
import { done, fail, int, str, type ActionHandler } from './ActionHandler.js';

/** The shadow actions answer ProductOrDeviceNotExist for either half missing ("用户不存在此产品或设备"). */
function shadowKey(state: EmulatorState, params: Readonly<Record<string, unknown>>): string | undefined {
  const key = deviceKey(str(params, 'ProductId')!, str(params, 'DeviceName')!);
  return state.devices.has(key) ? key : undefined;
}

const noDevice = (params: Readonly<Record<string, unknown>>) =>
  fail('ResourceNotFound.ProductOrDeviceNotExist', `no device ${JSON.stringify(params['DeviceName'])} in product ${JSON.stringify(params['ProductId'])}`);

export const describeDeviceShadow: ActionHandler = (state, params, env) => {
  const key = shadowKey(state, params);
  if (key === undefined) return noDevice(params);
  const shadow = state.shadows.get(key);
  if (!shadow)
    return fail(
      'ResourceNotFound.DeviceShadowNotExist',
      `device ${key} has no shadow yet: the device has not reported and no UpdateDeviceShadow has been made (the first one sends ShadowVersion 0)`,
    );
  return done({ Data: formatShadowData(shadow, 'get', env.nowMs) });
};

/**
 * The deepest State (and admin `reported` body) the emulator stores. 8 KB of brackets nest 4,000 deep; stored,
 * such a shadow would overflow every merge, delta and pretty-printed save after it, so depth is refused first.
 */
export const SHADOW_JSON_MAX_DEPTH = DEFAULT_JSON_MAX_DEPTH;

/**
 * Too deep State is InvalidJSON ("JSON参数非法"), the documented code nearest to it. Checked only within the size
 * limit, so an oversized State still gets its own JSONSizeExceedLimit from applyShadowUpdate.
 */
function tooDeepState(text: string): string | undefined {
  if (utf8Length(text) > SHADOW_STATE_MAX_BYTES) return undefined;
  const read = parseJsonBounded(text, 'State', { maxDepth: SHADOW_JSON_MAX_DEPTH });
  return !read.ok && read.problem === 'tooDeep' ? read.message : undefined;
}

export const updateDeviceShadow: ActionHandler = (state, params, env) => {
  const key = shadowKey(state, params);
  if (key === undefined) return noDevice(params);
  const deep = tooDeepState(str(params, 'State')!);
  if (deep !== undefined) return fail(SHADOW_ERROR_CODES.invalidJson, deep);
  const result = applyShadowUpdate(state.shadows.get(key), { state: str(params, 'State')!, shadowVersion: int(params, 'ShadowVersion')! }, env.nowMs);
  if (!result.ok) return fail(result.error.code, result.error.message);
  state.shadows.set(key, result.shadow);
  // A change of desired is pushed to the device at once, as the cloud does: on its result topic, type "delta".
  const delta = computeShadowDelta(result.shadow.state.desired, result.shadow.state.reported);
  if (delta)
    env.effects.push({
      kind: 'deliver',
      topic: shadowResultTopic(str(params, 'ProductId')!, str(params, 'DeviceName')!),
      payload: utf8Encode(formatShadowDelta(delta, result.shadow.version, env.nowMs)),
      qos: 0,
      cause: 'delta',
    });
  return done({ Data: formatShadowData(result.shadow, 'update', env.nowMs) }, true);
};

export const deleteDeviceShadow: ActionHandler = (state, params) => {
  const key = shadowKey(state, params);
  // DeleteDeviceShadow documents only DeviceShadowNotExist; it covers a missing device too.
  if (key === undefined || !state.shadows.has(key))
    return fail(
      'ResourceNotFound.DeviceShadowNotExist',
      `no shadow for device ${JSON.stringify(params['DeviceName'])} in product ${JSON.stringify(params['ProductId'])}`,
    );
  state.shadows.delete(key);
  return done({}, true);
};
