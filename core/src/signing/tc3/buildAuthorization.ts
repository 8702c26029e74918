import { TC3_ALGORITHM } from './buildStringToSign.js';

/** TC3-HMAC-SHA256 Credential=SecretId/CredentialScope, SignedHeaders=…, Signature=… */
export function buildAuthorization(secretId: string, credentialScope: string, signedHeaders: string, signature: string): string {
  return `${TC3_ALGORITHM} Credential=${secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
