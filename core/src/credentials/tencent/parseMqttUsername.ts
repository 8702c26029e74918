import { finding, type CredentialFinding } from '../CredentialVerification.js';
import { CONNID_PATTERN, TENCENT_MQTT_SDK_APP_ID } from './buildMqttUsername.js';
import { DEVICE_NAME_PATTERN, PRODUCT_ID_PATTERN } from './deviceIdentity.js';

export interface ParsedMqttUsername {
  readonly clientId?: string;
  readonly productId?: string;
  readonly deviceName?: string;
  readonly connid?: string;
  readonly expiry?: number;
  /** Everything that does not follow `${clientId};12010126;${connid};${expiry}`, as malformed-username findings. */
  readonly findings: readonly CredentialFinding[];
}

/** Reads a captured MQTT username part by part, saying which part breaks the documented shape. */
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
  if (sdkAppId !== TENCENT_MQTT_SDK_APP_ID) {
    findings.push(
      finding(
        'malformed-username',
        'username.sdkappid',
        `The second part must be the fixed ${TENCENT_MQTT_SDK_APP_ID}, found ${JSON.stringify(sdkAppId)}.`,
        `第二段必须为固定值 ${TENCENT_MQTT_SDK_APP_ID}，实际为 ${JSON.stringify(sdkAppId)}。`,
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
  let expiry: number | undefined;
  if (/^\d{1,10}$/.test(expiryText)) expiry = Number(expiryText);
  else if (/^\d{11,}$/.test(expiryText)) {
    findings.push(
      finding(
        'malformed-username',
        'username.expiry',
        `expiry ${expiryText} looks like milliseconds; it must be Unix seconds.`,
        `expiry ${expiryText} 看起来是毫秒，应为 Unix 时间（秒）。`,
      ),
    );
  } else {
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
    connid,
    ...(expiry !== undefined ? { expiry } : {}),
    findings,
  };
}
