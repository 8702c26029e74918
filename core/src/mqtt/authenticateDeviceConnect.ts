import type { HashProvider } from '../crypto/HashProvider.js';
import type { LocalizedText } from '../signing/SigningStep.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import { parseMqttUsername } from '../credentials/tencent/parseMqttUsername.js';
import { verifyDeviceCredentials } from '../credentials/tencent/verifyDeviceCredentials.js';
import { deviceKey, type EmulatedDevice, type EmulatorState } from '../emulator/EmulatorState.js';

/** MQTT 3.1.1 CONNACK return codes the broker refuses with (§3.2.2.3). */
export const CONNACK_BAD_USERNAME_OR_PASSWORD = 4;
export const CONNACK_NOT_AUTHORIZED = 5;

export interface DeviceConnectRequest {
  readonly clientId: string;
  readonly username: string | undefined;
  /** The CONNECT password as UTF-8 text; undefined when absent or not UTF-8. */
  readonly password: string | undefined;
  /** Unix seconds. */
  readonly nowSeconds: number;
}

export type DeviceConnectDecision =
  | { readonly ok: true; readonly device: EmulatedDevice }
  | {
      readonly ok: false;
      readonly returnCode: typeof CONNACK_BAD_USERNAME_OR_PASSWORD | typeof CONNACK_NOT_AUTHORIZED;
      /** The verifier's named cause (or the emulator's own, for a device it does not have); never holds a secret. */
      readonly cause: LocalizedText;
      /** Every finding's problem id, when the verifier ran (expired, signature-mismatch, …). */
      readonly problems: readonly string[];
      /** The device the CONNECT named, when it could tell. */
      readonly productId?: string;
      readonly deviceName?: string;
    };

const refuse = (
  returnCode: typeof CONNACK_BAD_USERNAME_OR_PASSWORD | typeof CONNACK_NOT_AUTHORIZED,
  en: string,
  zh: string,
  extra: { problems?: readonly string[]; device?: EmulatedDevice } = {},
): DeviceConnectDecision => ({
  ok: false,
  returnCode,
  cause: { en, zh },
  problems: extra.problems ?? [],
  ...(extra.device ? { productId: extra.device.ProductId, deviceName: extra.device.DeviceName } : {}),
});

/** The device a client id names: ProductIds are 10 characters, so the client id splits there (verifyDeviceCredentials does the same). */
function deviceOfClientId(state: EmulatorState, clientId: string | undefined): EmulatedDevice | undefined {
  if (clientId === undefined || clientId.length <= 10) return undefined;
  return state.devices.get(deviceKey(clientId.slice(0, 10), clientId.slice(10)));
}

/**
 * CONNECT as IoT Hub checks a key-authenticated device: the client id is ProductId + DeviceName of a device the
 * emulator has, enabled, of a PSK product; the username and password are verified against that device's PSK by the
 * toolkit's own verifier (every official SDK's shape, expiry honoured) and the first finding is the named cause.
 * Wrong credentials get 4 (bad user name or password); a device that may not connect at all gets 5 (not authorized).
 */
export function authenticateDeviceConnect(state: EmulatorState, request: DeviceConnectRequest, crypto?: HashProvider): DeviceConnectDecision {
  const { username, password, clientId } = request;
  if (username === undefined || username === '' || password === undefined || password === '')
    return refuse(
      CONNACK_BAD_USERNAME_OR_PASSWORD,
      `CONNECT has no ${username ? 'password' : 'username'}: key authentication sends username "<ClientId>;<sdkappid>;<connid>;<expiry>" and password "<hex HMAC>;hmacsha256"`,
      `CONNECT 缺少${username ? '密码' : '用户名'}：密钥认证需发送用户名 "<ClientId>;<sdkappid>;<connid>;<expiry>" 与密码 "<十六进制 HMAC>;hmacsha256"`,
    );
  // The CONNECT's client id names the device; when it names none, the username may (and the verifier then says they differ).
  const named = deviceOfClientId(state, clientId) ?? deviceOfClientId(state, parseMqttUsername(username).clientId);
  if (!named)
    return refuse(
      CONNACK_NOT_AUTHORIZED,
      `client id ${JSON.stringify(clientId.slice(0, 80))} names no device of this emulator: it must be ProductId (10 characters) + DeviceName of a device created with CreateDevice`,
      `ClientId ${JSON.stringify(clientId.slice(0, 80))} 不对应本模拟器中的任何设备：应为 ProductId（10 个字符）+ DeviceName，且设备已通过 CreateDevice 创建`,
    );
  const device = named;
  const key = `${device.ProductId}/${device.DeviceName}`;
  if (device.EnableState === 0)
    return refuse(
      CONNACK_NOT_AUTHORIZED,
      `device ${key} is disabled (UpdateDeviceAvailableState EnableState=1 enables it)`,
      `设备 ${key} 已禁用（UpdateDeviceAvailableState EnableState=1 可启用）`,
      { device },
    );
  if (device.DevicePsk === '')
    return refuse(
      CONNACK_NOT_AUTHORIZED,
      `device ${key} belongs to a certificate product; the emulator's broker serves key (PSK) authentication only`,
      `设备 ${key} 属于证书认证产品；模拟器的 MQTT 服务只支持密钥（PSK）认证`,
      { device },
    );
  try {
    const verified = verifyDeviceCredentials(
      { username, password, devicePsk: device.DevicePsk, now: request.nowSeconds, productId: device.ProductId, deviceName: device.DeviceName, clientId },
      crypto ? { crypto } : {},
    );
    if (verified.ok) return { ok: true, device };
    const first = verified.findings[0]!;
    return refuse(CONNACK_BAD_USERNAME_OR_PASSWORD, first.message.en, first.message.zh, { problems: verified.findings.map((f) => f.problem), device });
  } catch (error) {
    if (!(error instanceof SigningInputError)) throw error;
    return refuse(CONNACK_BAD_USERNAME_OR_PASSWORD, error.message, error.message, { device });
  }
}
