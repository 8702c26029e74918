import type { HashProvider } from '../crypto/HashProvider.js';
import { signV1 } from '../signing/v1/signV1.js';
import { signedHostCandidates } from './loopbackHost.js';
import { sameSignature } from './verifyTc3Signature.js';

export interface V1Verification {
  readonly method: 'GET' | 'POST';
  readonly host: string;
  readonly path: string;
  /** Every parameter received except Signature, values decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly signature: string;
  readonly secretKey: string;
  readonly crypto: HashProvider;
}

/**
 * Signature v1: "只有指定此参数为 HmacSHA256 时，才使用 HmacSHA256 算法验证签名，其他情况均使用 HmacSHA1".
 * The string to sign is method + host + path + "?" + the sorted raw parameters; the host as sent, and for a
 * loopback endpoint also without its port (see signedHostCandidates).
 */
export function verifyV1Signature(check: V1Verification): boolean {
  const algorithm = check.params['SignatureMethod'] === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1';
  return signedHostCandidates(check.host).some((host) => {
    const ours = signV1({ algorithm, method: check.method, host, path: check.path, params: check.params, secretKey: check.secretKey }, check.crypto);
    return sameSignature(ours.signature, check.signature);
  });
}
