import type { HashProvider } from '../../crypto/HashProvider.js';
import { nobleHashProvider } from '../../crypto/nobleHashProvider.js';
import { utf8Encode } from '../../encoding/bytes.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import { finding, type CredentialFinding, type CredentialVerification } from '../CredentialVerification.js';
import { decodeBase64Key } from '../decodeBase64Key.js';
import { checkUnixSeconds, isoOfUnix } from '../unixTime.js';
import { buildBrokerHost, buildMqttClientId, TENCENT_MQTT_PORT } from './buildMqttUsername.js';
import { buildMqttPassword, computeMqttSignature, MQTT_PASSWORD_SUFFIX, type MqttHmac } from './computeMqttPassword.js';
import { DEVICE_CREDENTIAL_RULES, DEVICE_CREDENTIAL_STEP_IDS, type DeviceCredentialStepId } from './deviceCredentialRules.js';
import { DEVICE_PSK_DOC_NOTE } from './deviceIdentity.js';
import { parseMqttUsername, type ParsedMqttUsername } from './parseMqttUsername.js';
import { describeMqttCredentialShape } from './mqttCredentialShapes.js';
import { requireWellFormedText } from '../../signing/requireWellFormedText.js';

export interface CapturedDeviceCredentials {
  /** The MQTT username and password as the device sent them (from a packet capture or device log). */
  readonly username: string;
  readonly password: string;
  readonly devicePsk: string;
  readonly now: number;
  /** The device the credentials should be for, when known: checked against the username's client id. */
  readonly productId?: string;
  readonly deviceName?: string;
  /** The CONNECT packet's client identifier, when captured: must equal the username's first part. */
  readonly clientId?: string;
}

export interface DeviceCredentialVerification extends CredentialVerification<DeviceCredentialStepId> {
  readonly parsed: Omit<ParsedMqttUsername, 'findings'> & { readonly hmac?: MqttHmac };
  /** The password this PSK gives for this username, with the HMAC the suffix names (sha256 when it names none). */
  readonly expectedPassword: string;
}

const HEX_LENGTH: Record<MqttHmac, number> = { sha256: 64, sha1: 40 };
const other = (hmac: MqttHmac): MqttHmac => (hmac === 'sha256' ? 'sha1' : 'sha256');
const SUFFIX_TO_HMAC = new Map<string, MqttHmac>(Object.entries(MQTT_PASSWORD_SUFFIX).map(([hmac, suffix]) => [suffix, hmac as MqttHmac]));

function readPassword(password: string): { signature: string; hmac?: MqttHmac; findings: CredentialFinding[] } {
  const findings: CredentialFinding[] = [];
  const semicolon = password.lastIndexOf(';');
  const signature = semicolon === -1 ? password : password.slice(0, semicolon);
  const suffix = semicolon === -1 ? undefined : password.slice(semicolon + 1);
  const hmac = suffix === undefined ? undefined : SUFFIX_TO_HMAC.get(suffix);
  if (suffix === undefined) {
    findings.push(
      finding(
        'malformed-password',
        'password.suffix',
        'The password has no ";hmacsha256" or ";hmacsha1" suffix naming the HMAC.',
        '密码缺少表示算法的后缀 ";hmacsha256" 或 ";hmacsha1"。',
      ),
    );
  } else if (hmac === undefined) {
    findings.push(
      finding(
        'malformed-password',
        'password.suffix',
        `The suffix must be "hmacsha256" or "hmacsha1" (lower case), found ${JSON.stringify(suffix)}.`,
        `后缀必须为 "hmacsha256" 或 "hmacsha1"（小写），实际为 ${JSON.stringify(suffix)}。`,
      ),
    );
  }
  if (!/^[0-9a-fA-F]+$/.test(signature)) {
    findings.push(finding('malformed-password', 'password.signature', 'The part before ";" is not hexadecimal.', '密码中 ";" 之前的部分不是十六进制字符串。'));
  } else if (/[A-F]/.test(signature)) {
    findings.push(
      finding(
        'malformed-password',
        'password.signature',
        'The signature is upper-case hex; the rule is lower-case hex, as the device SDKs send it.',
        '签名为大写十六进制；规则要求小写十六进制（与设备 SDK 一致）。',
      ),
    );
  }
  return { signature: signature.toLowerCase(), ...(hmac ? { hmac } : {}), findings };
}

/** Which HMAC the signature's length points to, when the suffix names none. */
const hmacOfLength = (signature: string): MqttHmac | undefined => (signature.length === 40 ? 'sha1' : signature.length === 64 ? 'sha256' : undefined);

/**
 * Says whether a captured MQTT username/password is right for this PSK and, if not, which part is wrong:
 * it recomputes the password and, when it differs, retries the usual mistakes (other HMAC, PSK text used as the key)
 * to name the one that reproduces the captured value.
 */
export function verifyDeviceCredentials(captured: CapturedDeviceCredentials, options: { crypto?: HashProvider } = {}): DeviceCredentialVerification {
  const crypto = options.crypto ?? nobleHashProvider;
  if (typeof captured.username !== 'string' || captured.username === '') throw new SigningInputError('username', 'the captured MQTT username (it was empty)');
  if (typeof captured.password !== 'string' || captured.password === '') throw new SigningInputError('password', 'the captured MQTT password (it was empty)');
  // The username is HMACed as UTF-8; a lone surrogate would be signed as U+FFFD.
  requireWellFormedText(captured.username, 'username');
  requireWellFormedText(captured.password, 'password');
  const pskBytes = decodeBase64Key(captured.devicePsk, 'devicePsk', DEVICE_PSK_DOC_NOTE);
  const now = checkUnixSeconds(captured.now, 'now');
  const { username } = captured;
  const { findings: usernameFindings, ...parsed } = parseMqttUsername(username);
  const findings: CredentialFinding[] = [...usernameFindings];

  if (parsed.expiry !== undefined && parsed.expiry <= now) {
    findings.push(
      finding(
        'expired',
        'username.expiry',
        `expiry ${parsed.expiry} = ${isoOfUnix(parsed.expiry)} is not after now (${isoOfUnix(now)}): the broker refuses it. Generate a new password with a later expiry.`,
        `expiry ${parsed.expiry} = ${isoOfUnix(parsed.expiry)} 早于当前时间（${isoOfUnix(now)}），服务端会拒绝连接；请用更晚的 expiry 重新生成密码。`,
      ),
    );
  }
  findings.push(...checkDeviceNamed(parsed, captured.productId, captured.deviceName));
  if (captured.clientId !== undefined && parsed.clientId !== undefined && captured.clientId !== parsed.clientId) {
    findings.push(
      finding(
        'client-id-mismatch',
        'clientId',
        `The CONNECT client id ${JSON.stringify(captured.clientId)} differs from the username's ${JSON.stringify(parsed.clientId)}; both must be ProductId + DeviceName.`,
        `CONNECT 报文的 ClientId ${JSON.stringify(captured.clientId)} 与用户名中的 ${JSON.stringify(parsed.clientId)} 不一致，二者都应为 ProductId + DeviceName。`,
      ),
    );
  }

  const password = readPassword(captured.password);
  findings.push(...password.findings);
  const claimed = password.hmac ?? hmacOfLength(password.signature) ?? 'sha256';
  const expectedSignature = computeMqttSignature(claimed, pskBytes, username, crypto);
  if (password.signature !== expectedSignature)
    findings.push(...explainSignature(password.signature, password.hmac, claimed, captured.devicePsk, pskBytes, username, crypto));

  const expectedPassword = buildMqttPassword(expectedSignature, claimed);
  const values: Record<DeviceCredentialStepId, string> = {
    clientId: parsed.clientId ?? '(could not be read from the username)',
    username,
    devicePskBytes: `${pskBytes.length} bytes`,
    signature: expectedSignature,
    password: expectedPassword,
    broker: parsed.productId ? `${buildBrokerHost(parsed.productId)}:${TENCENT_MQTT_PORT}` : '(no ProductId in the username)',
    shape:
      parsed.sdkAppId && parsed.expiryPart
        ? describeMqttCredentialShape(parsed.sdkAppId, parsed.expiryPart, password.hmac ?? claimed)
        : "(the username follows no device SDK's shape: see the findings)",
  };
  const steps = DEVICE_CREDENTIAL_STEP_IDS.map((id) => ({ id, ...DEVICE_CREDENTIAL_RULES[id], value: values[id] }));
  return { ok: findings.length === 0, findings, parsed: { ...parsed, ...(password.hmac ? { hmac: password.hmac } : {}) }, expectedPassword, steps };
}

/**
 * The device given against the one the username names. ProductId and DeviceName are compared apart (the client id
 * is their plain concatenation, so only the 10-character ProductId tells where one ends), and the message says which.
 */
function checkDeviceNamed(parsed: Omit<ParsedMqttUsername, 'findings'>, productId: string | undefined, deviceName: string | undefined): CredentialFinding[] {
  if (parsed.clientId === undefined || (productId === undefined && deviceName === undefined)) return [];
  const named = { productId: parsed.clientId.slice(0, 10), deviceName: parsed.clientId.slice(10) };
  const wrong = [
    ...(productId !== undefined && productId !== named.productId ? [`ProductId ${JSON.stringify(named.productId)}, not ${JSON.stringify(productId)}`] : []),
    ...(deviceName !== undefined && deviceName !== named.deviceName
      ? [`DeviceName ${JSON.stringify(named.deviceName)}, not ${JSON.stringify(deviceName)}`]
      : []),
  ];
  const wrongZh = [
    ...(productId !== undefined && productId !== named.productId ? [`产品 ID 为 ${JSON.stringify(named.productId)}，而不是 ${JSON.stringify(productId)}`] : []),
    ...(deviceName !== undefined && deviceName !== named.deviceName
      ? [`设备名称为 ${JSON.stringify(named.deviceName)}，而不是 ${JSON.stringify(deviceName)}`]
      : []),
  ];
  if (wrong.length === 0) return [];
  return [
    finding(
      'client-id-mismatch',
      'username.clientId',
      `The username names another device: ${wrong.join(' and ')} (client id ${JSON.stringify(parsed.clientId)}, expected ${JSON.stringify(buildMqttClientId(productId ?? named.productId, deviceName ?? named.deviceName))}). The broker refuses a device connecting under another's name; use this device's credentials.`,
      `用户名指向另一台设备：${wrongZh.join('，')}（ClientId 为 ${JSON.stringify(parsed.clientId)}，应为 ${JSON.stringify(buildMqttClientId(productId ?? named.productId, deviceName ?? named.deviceName))}）。服务端拒绝以其他设备的名义连接；请使用本设备的凭证。`,
    ),
  ];
}

/** The signature differs: find the mistake that reproduces it, fewest mistakes first. */
function explainSignature(
  signature: string,
  suffixHmac: MqttHmac | undefined,
  claimed: MqttHmac,
  pskText: string,
  pskBytes: Uint8Array,
  username: string,
  crypto: HashProvider,
): CredentialFinding[] {
  const candidates = [
    { hmac: other(claimed), decoded: true },
    { hmac: claimed, decoded: false },
    { hmac: other(claimed), decoded: false },
  ];
  const match = candidates.find((c) => computeMqttSignature(c.hmac, c.decoded ? pskBytes : utf8Encode(pskText), username, crypto) === signature);
  const found: CredentialFinding[] = [];
  const usedHmac = match?.hmac ?? hmacOfLength(signature);
  if (usedHmac !== undefined && usedHmac !== claimed && suffixHmac !== undefined) {
    found.push(
      finding(
        'wrong-method',
        'password.suffix',
        `The signature is HMAC-${usedHmac.toUpperCase()}${match ? '' : ` by its length (${signature.length} hex digits)`}, but the suffix says ;${MQTT_PASSWORD_SUFFIX[claimed]}: the broker recomputes with the suffix's HMAC. Send ;${MQTT_PASSWORD_SUFFIX[usedHmac]} or sign with HMAC-${claimed.toUpperCase()}.`,
        `签名${match ? '' : `按长度（${signature.length} 位十六进制）判断`}是 HMAC-${usedHmac.toUpperCase()}，但后缀为 ;${MQTT_PASSWORD_SUFFIX[claimed]}，服务端按后缀指定的算法验证；请改用 ;${MQTT_PASSWORD_SUFFIX[usedHmac]} 后缀，或用 HMAC-${claimed.toUpperCase()} 计算签名。`,
      ),
    );
  }
  if (match && !match.decoded) {
    found.push(
      finding(
        'key-not-base64-decoded',
        'password.signature',
        'The HMAC was keyed by the PSK text itself; key it by the bytes the base64 PSK decodes to.',
        'HMAC 的密钥用了 PSK 字符串本身；应先对 base64 编码的 PSK 解码，再用解码后的字节作为密钥。',
      ),
    );
  }
  if (!match) {
    found.push(
      finding(
        'signature-mismatch',
        'password.signature',
        `The password was not computed from this PSK over this username${HEX_LENGTH[claimed] === signature.length ? '' : ` (and it has ${signature.length} hex digits where HMAC-${claimed.toUpperCase()} gives ${HEX_LENGTH[claimed]})`}: the device holds another PSK (regenerated by UpdateDevicePSK? another device's?), or the username was changed after signing.`,
        `该密码不是用此 PSK 对此用户名计算得到的${HEX_LENGTH[claimed] === signature.length ? '' : `（其长度为 ${signature.length} 位十六进制，而 HMAC-${claimed.toUpperCase()} 应为 ${HEX_LENGTH[claimed]} 位）`}：设备使用的 PSK 不同（已被 UpdateDevicePSK 更新？其他设备的 PSK？），或签名后用户名被改动。`,
      ),
    );
  }
  return found;
}
