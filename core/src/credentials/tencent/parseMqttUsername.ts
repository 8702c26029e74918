import { finding, type CredentialFinding } from '../CredentialVerification.js';
import { CONNID_PATTERN, TENCENT_MQTT_SDK_APP_ID } from './buildMqttUsername.js';
import { DEVICE_NAME_PATTERN, PRODUCT_ID_PATTERN } from './deviceIdentity.js';
import { isMqttSdkAppId, MQTT_SDK_APP_IDS, readMqttExpiry, type MqttExpiry, type MqttSdkAppId } from './mqttCredentialShapes.js';

export interface ParsedMqttUsername {
  readonly clientId?: string;
  readonly productId?: string;
  readonly deviceName?: string;
  readonly sdkAppId?: MqttSdkAppId;
  readonly connid?: string;
  /** When the broker starts refusing it, Unix seconds; absent for the SDKs' "never" values and when unreadable. */
  readonly expiry?: number;
  /** The expiry as written and which of the SDKs' shapes it is. */
  readonly expiryPart?: MqttExpiry;
  /** Everything that follows no device SDK's `${clientId};${sdkappid};${connid};${expiry}`, as malformed-username findings. */
  readonly findings: readonly CredentialFinding[];
}

/** Reads a captured MQTT username part by part, saying which part breaks every device SDK's shape. */
export function parseMqttUsername(username: string): ParsedMqttUsername {
  if (typeof username !== 'string')
    return {
      findings: [
        finding(
          'malformed-username',
          'username',
          'The username must be text: clientId;12010126;connid;expiry.',
          '用户名应为文本：clientId;12010126;connid;expiry。',
        ),
      ],
    };
  const parts = username.split(';');
  if (parts.length !== 4) {
    return {
      findings: [
        finding(
          'malformed-username',
          'username',
          `Expected 4 parts joined by ";" (clientId;${TENCENT_MQTT_SDK_APP_ID};connid;expiry), found ${parts.length}.`,
          `用户名应为以 ";" 分隔的 4 段（clientId;${TENCENT_MQTT_SDK_APP_ID};connid;expiry），实际为 ${parts.length} 段。`,
        ),
      ],
    };
  }
  const [clientId = '', sdkAppId, connid = '', expiryText = ''] = parts;
  const findings: CredentialFinding[] = [];
  const productId = clientId.slice(0, 10);
  const deviceName = clientId.slice(10);
  if (!PRODUCT_ID_PATTERN.test(productId) || !DEVICE_NAME_PATTERN.test(deviceName)) {
    findings.push(
      finding(
        'malformed-username',
        'username.clientId',
        `The first part ${JSON.stringify(clientId)} is not ProductId (10 upper-case letters or digits) followed by a DeviceName (1-48 of a-z A-Z 0-9 : _ -).`,
        `第一段 ${JSON.stringify(clientId)} 不是“产品 ID（10 位大写字母或数字）+ 设备名称（1-48 位 a-z A-Z 0-9 : _ -）”。`,
      ),
    );
  }
  const knownAppId = sdkAppId !== undefined && isMqttSdkAppId(sdkAppId) ? sdkAppId : undefined;
  if (!knownAppId) {
    const known = MQTT_SDK_APP_IDS.join(' or ');
    findings.push(
      finding(
        'malformed-username',
        'username.sdkappid',
        `The second part must be an sdkappid the device SDKs send, ${known} (12010126: the docs and the Java/Android SDKs; 21010406: the C and Python SDKs), found ${JSON.stringify(sdkAppId)}.`,
        `第二段应为设备 SDK 使用的 sdkappid：${known}（12010126：文档与 Java/Android SDK；21010406：C 与 Python SDK），实际为 ${JSON.stringify(sdkAppId)}。`,
      ),
    );
  }
  if (!CONNID_PATTERN.test(connid)) {
    findings.push(
      finding(
        'malformed-username',
        'username.connid',
        `connid must be 5 letters or digits, found ${JSON.stringify(connid)}.`,
        `connid 应为 5 位字母或数字，实际为 ${JSON.stringify(connid)}。`,
      ),
    );
  }
  const expiryPart = readMqttExpiry(expiryText);
  if (expiryPart === undefined && /^\d{11,}$/.test(expiryText)) {
    findings.push(
      finding(
        'malformed-username',
        'username.expiry',
        `expiry ${expiryText} has ${expiryText.length} digits: no device SDK sends that. Unix seconds have 10 (milliseconds 13, as the Python SDK sends; "never" is 2147483647 or the C SDKs' LONG_MAX).`,
        `expiry ${expiryText} 有 ${expiryText.length} 位数字，没有设备 SDK 这样写：Unix 秒为 10 位（Python SDK 发送 13 位毫秒；“永不过期”为 2147483647 或 C SDK 的 LONG_MAX）。`,
      ),
    );
  } else if (expiryPart === undefined) {
    findings.push(
      finding(
        'malformed-username',
        'username.expiry',
        `expiry must be a Unix time in seconds, found ${JSON.stringify(expiryText)}.`,
        `expiry 应为 Unix 时间（秒），实际为 ${JSON.stringify(expiryText)}。`,
      ),
    );
  }
  return {
    clientId,
    ...(PRODUCT_ID_PATTERN.test(productId) ? { productId, deviceName } : {}),
    ...(knownAppId ? { sdkAppId: knownAppId } : {}),
    connid,
    ...(expiryPart?.expiresAt !== undefined ? { expiry: expiryPart.expiresAt } : {}),
    ...(expiryPart ? { expiryPart } : {}),
    findings,
  };
}
