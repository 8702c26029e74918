import type { HashProvider } from '../../crypto/HashProvider.js';
import { nobleHashProvider } from '../../crypto/nobleHashProvider.js';
import { utf8Encode } from '../../encoding/bytes.js';
import { percentEncode } from '../../encoding/percentEncode.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import { finding, type CredentialFinding, type CredentialVerification } from '../CredentialVerification.js';
import { decodeBase64Key } from '../decodeBase64Key.js';
import { checkUnixSeconds, isoOfUnix } from '../unixTime.js';
import {
  buildOneNetStringToSign,
  computeOneNetSign,
  isOneNetMethod,
  ONENET_METHODS,
  ONENET_SIGN_LENGTH,
  ONENET_TOKEN_VERSION,
  type OneNetMethod,
} from './computeOneNetSign.js';
import { encodeOneNetToken } from './encodeOneNetToken.js';
import { ONENET_RES_PATTERN } from './oneNetResource.js';
import { ONENET_TOKEN_RULES, ONENET_TOKEN_STEP_IDS, type OneNetTokenStepId } from './oneNetTokenRules.js';
import { readOneNetToken, type OneNetTokenParam } from './readOneNetToken.js';
import { ONENET_KEY_DOC_NOTE } from './signOneNetToken.js';
import { requireWellFormedText } from '../../signing/requireWellFormedText.js';

export interface CapturedOneNetToken {
  readonly token: string;
  /** The access key, base64 text. */
  readonly key: string;
  readonly now: number;
  /** The res the token should grant, when known. */
  readonly expectedRes?: string;
}

export interface OneNetTokenVerification extends CredentialVerification<OneNetTokenStepId> {
  /** The token's values after URL decoding. */
  readonly parsed: Partial<Record<OneNetTokenParam, string>>;
  /** A right token for the same res, et and method, when those could be read. */
  readonly expectedToken?: string;
}

/** One way the sign could have been computed; `mistakes` counts how far it is from the rule. */
interface Attempt {
  readonly decodedKey: boolean;
  readonly hmac: OneNetMethod;
  readonly methodInString: string;
  readonly res: string;
  readonly resMistake?: 'encoded' | 'other';
  readonly mistakes: number;
}

/**
 * Says whether a captured OneNET token is right for this key and, if not, which part is wrong. Structure and
 * URL encoding are read first; then the sign is recomputed and, when it differs, the usual mistakes are retried
 * (other HMAC, key text not decoded, another res) to name the one that reproduces it.
 */
export function verifyOneNetToken(captured: CapturedOneNetToken, options: { crypto?: HashProvider } = {}): OneNetTokenVerification {
  const crypto = options.crypto ?? nobleHashProvider;
  if (typeof captured.token !== 'string' || captured.token.trim() === '')
    throw new SigningInputError('token', 'the captured token, version=…&res=…&et=…&method=…&sign=… (it was empty)');
  requireWellFormedText(captured.token, 'token');
  if (captured.expectedRes !== undefined) requireWellFormedText(String(captured.expectedRes), 'expectedRes');
  const keyBytes = decodeBase64Key(captured.key, 'key', ONENET_KEY_DOC_NOTE);
  const now = checkUnixSeconds(captured.now, 'now');
  const { values, findings: readFindings } = readOneNetToken(captured.token.trim());
  const findings: CredentialFinding[] = [...readFindings];
  const { version, res, et, method, sign } = values;

  if (version !== undefined && version !== ONENET_TOKEN_VERSION) {
    findings.push(
      finding(
        'malformed-token',
        'version',
        `version must be ${ONENET_TOKEN_VERSION}, found ${JSON.stringify(version)}.`,
        `version 应为 ${ONENET_TOKEN_VERSION}，实际为 ${JSON.stringify(version)}。`,
      ),
    );
  }
  if (method !== undefined && !isOneNetMethod(method)) {
    findings.push(
      finding(
        'malformed-token',
        'method',
        `method must be md5, sha1 or sha256 (lower case), found ${JSON.stringify(method)}.`,
        `method 应为 md5、sha1 或 sha256（小写），实际为 ${JSON.stringify(method)}。`,
      ),
    );
  }
  if (et !== undefined) {
    if (!/^\d{1,10}$/.test(et)) {
      findings.push(
        finding(
          'malformed-token',
          'et',
          `et must be a Unix time in seconds, found ${JSON.stringify(et)}${/^\d{11,}$/.test(et) ? ' (milliseconds?)' : ''}.`,
          `et 应为 Unix 时间（秒），实际为 ${JSON.stringify(et)}。`,
        ),
      );
    } else if (Number(et) <= now) {
      findings.push(
        finding(
          'expired',
          'et',
          `et ${et} = ${isoOfUnix(Number(et))} is not after now (${isoOfUnix(now)}): the token has expired. Make a new one with a later et.`,
          `et ${et} = ${isoOfUnix(Number(et))} 早于当前时间（${isoOfUnix(now)}），token 已过期，请用更晚的 et 重新生成。`,
        ),
      );
    }
  }
  if (res !== undefined) {
    if (!ONENET_RES_PATTERN.test(res)) {
      findings.push(
        finding(
          'wrong-resource',
          'res',
          `res ${JSON.stringify(res)} is not products/{pid} or products/{pid}/devices/{device name}.`,
          `res ${JSON.stringify(res)} 不是 products/{pid} 或 products/{pid}/devices/{device_name} 的形式。`,
        ),
      );
    } else if (captured.expectedRes !== undefined && res !== captured.expectedRes) {
      findings.push(
        finding(
          'wrong-resource',
          'res',
          `The token grants ${JSON.stringify(res)}, not the expected ${JSON.stringify(captured.expectedRes)}.`,
          `token 授权的资源为 ${JSON.stringify(res)}，而不是预期的 ${JSON.stringify(captured.expectedRes)}。`,
        ),
      );
    }
  }

  let expectedToken: string | undefined;
  const stepValues: Partial<Record<OneNetTokenStepId, string>> = { keyBytes: `${keyBytes.length} bytes`, ...(res !== undefined ? { res } : {}) };
  if (res !== undefined && et !== undefined && method !== undefined && version !== undefined) {
    const claimed: OneNetMethod = isOneNetMethod(method) ? method : 'sha256';
    const stringToSign = buildOneNetStringToSign(et, method, res, version);
    const expectedSign = computeOneNetSign(claimed, keyBytes, stringToSign, crypto);
    expectedToken = encodeOneNetToken({ version, res, et, method, sign: expectedSign });
    Object.assign(stepValues, { stringToSign, sign: expectedSign, token: expectedToken });
    if (sign !== undefined && sign !== expectedSign) {
      findings.push(...explainSign(sign, { res, et, method, version, claimed, expectedRes: captured.expectedRes }, captured.key, keyBytes, crypto));
    }
  }
  const steps = ONENET_TOKEN_STEP_IDS.map((id) => ({ id, ...ONENET_TOKEN_RULES[id], value: stepValues[id] ?? '(the token lacks the values needed)' }));
  return { ok: findings.length === 0, findings, parsed: values, ...(expectedToken ? { expectedToken } : {}), steps };
}

interface TokenValues {
  readonly res: string;
  readonly et: string;
  readonly method: string;
  readonly version: string;
  readonly claimed: OneNetMethod;
  readonly expectedRes: string | undefined;
}

function attempts(v: TokenValues): Attempt[] {
  const resVariants: { res: string; resMistake?: 'encoded' | 'other' }[] = [{ res: v.res }];
  const add = (res: string, resMistake: 'encoded' | 'other') => {
    if (!resVariants.some((r) => r.res === res)) resVariants.push({ res, resMistake });
  };
  add(percentEncode(v.res), 'encoded');
  if (v.expectedRes !== undefined) add(v.expectedRes, 'other');
  const productLevel = /^products\/[^/]+/.exec(v.res)?.[0];
  if (productLevel) add(productLevel, 'other');
  const list: Attempt[] = [];
  for (const decodedKey of [true, false]) {
    for (const hmac of ONENET_METHODS) {
      for (const methodInString of new Set([v.method, hmac])) {
        for (const r of resVariants) {
          const mistakes = Number(!decodedKey) + Number(hmac !== v.claimed || methodInString !== v.method) + Number(r.resMistake !== undefined);
          list.push({ decodedKey, hmac, methodInString, ...r, mistakes });
        }
      }
    }
  }
  return list.filter((a) => a.mistakes > 0).sort((a, b) => a.mistakes - b.mistakes);
}

function explainSign(sign: string, v: TokenValues, keyText: string, keyBytes: Uint8Array, crypto: HashProvider): CredentialFinding[] {
  const rawKey = utf8Encode(keyText);
  const match = attempts(v).find(
    (a) => computeOneNetSign(a.hmac, a.decodedKey ? keyBytes : rawKey, buildOneNetStringToSign(v.et, a.methodInString, a.res, v.version), crypto) === sign,
  );
  const found: CredentialFinding[] = [];
  if (!match) {
    const byLength = ONENET_METHODS.find((m) => ONENET_SIGN_LENGTH[m] === sign.length);
    if (byLength && byLength !== v.claimed) {
      found.push(
        finding(
          'wrong-method',
          'method',
          `The sign has the length of an HMAC-${byLength.toUpperCase()} (${sign.length} base64 characters), but the token says method=${v.method}.`,
          `sign 的长度（${sign.length} 个 base64 字符）对应 HMAC-${byLength.toUpperCase()}，但 token 中 method=${v.method}。`,
        ),
      );
    }
    found.push(
      finding(
        'signature-mismatch',
        'sign',
        'The sign was not computed with this key over these et, method, res and version: another key (the product key where the device key is needed, or the reverse?), or a value changed after signing.',
        'sign 不是用此 key 对这些 et、method、res、version 计算得到的：使用了别的 key（产品级与设备级 key 混用？），或签名后参数被改动。',
      ),
    );
    return found;
  }
  if (match.hmac !== v.claimed || match.methodInString !== v.method) {
    const en =
      match.methodInString === v.method
        ? `The sign is HMAC-${match.hmac.toUpperCase()}, but the token says method=${v.method}: the server uses the method it reads.`
        : `The sign was computed for method=${match.methodInString} (HMAC and string to sign), but the token says method=${v.method}.`;
    const zh =
      match.methodInString === v.method
        ? `sign 是用 HMAC-${match.hmac.toUpperCase()} 计算的，但 token 中 method=${v.method}，服务端按 token 中的 method 验证。`
        : `sign 是按 method=${match.methodInString} 计算的（HMAC 与签名原文），但 token 中 method=${v.method}。`;
    found.push(finding('wrong-method', 'method', en, zh));
  }
  if (!match.decodedKey) {
    found.push(
      finding(
        'key-not-base64-decoded',
        'sign',
        'The HMAC was keyed by the key text itself; key it by the bytes the base64 key decodes to.',
        'HMAC 的密钥用了 key 字符串本身；应先对 base64 编码的 key 解码，再用解码后的字节作为密钥。',
      ),
    );
  }
  if (match.resMistake === 'encoded') {
    found.push(
      finding(
        'wrong-url-encoding',
        'stringToSign.res',
        `The string to sign used the URL-encoded res (${match.res}); sign the raw res (${v.res}) and encode only in the token.`,
        `签名原文中使用了 URL 编码后的 res（${match.res}）；签名时应使用原始 res（${v.res}），只在 token 中编码。`,
      ),
    );
  } else if (match.resMistake === 'other') {
    found.push(
      finding(
        'wrong-resource',
        'res',
        `The sign was computed for res ${JSON.stringify(match.res)}, but the token says res ${JSON.stringify(v.res)}.`,
        `sign 是对 res ${JSON.stringify(match.res)} 计算的，但 token 中 res 为 ${JSON.stringify(v.res)}。`,
      ),
    );
  }
  return found;
}
