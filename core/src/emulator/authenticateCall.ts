import type { HashProvider } from '../crypto/HashProvider.js';
import type { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import type { EmulatorCredential } from './EmulatorCredential.js';
import { apiError, type ApiError, type ReceivedRequest } from './EmulatorHttp.js';
import { isLoopbackHost, sdkServiceForEndpoint } from './loopbackHost.js';
import type { ApiCall } from './readApiCall.js';
import type { SeenSignatures } from './seenSignatures.js';
import { verifyTc3Signature } from './verifyTc3Signature.js';
import { verifyV1Signature } from './verifyV1Signature.js';

/** "Timestamp 和服务器时间相差不得超过五分钟". */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * What the diagnosis module says about a request whose signature did not verify: one line naming the likely
 * cause, or undefined when it finds none. Injected, so the emulator works (less helpfully) without it.
 */
export type SignatureDiagnoser = (input: {
  readonly request: ReceivedRequest;
  readonly credential: EmulatorCredential;
  readonly nowSeconds: number;
  /** The service the call belongs to (iotcloud, trro). */ readonly service: string;
}) => string | undefined;

export interface AuthContext {
  readonly credentials: readonly EmulatorCredential[];
  readonly nowSeconds: number;
  readonly crypto: HashProvider;
  readonly keyCache: SigningKeyCache;
  /** The service the call's Version belongs to, when the version is known. */
  readonly service: string | undefined;
  readonly knownServices: readonly string[];
  readonly diagnose?: SignatureDiagnoser;
  /** v1 requests already answered: a resend of one inside the window is refused (see SeenSignatures). */
  readonly seenV1Requests?: SeenSignatures;
}

// The cloud's own wording for a failed signature (错误返回结果 example).
const SIGNATURE_FAILURE = 'The provided credentials could not be validated. Please check your signature is correct.';

/** Appends the diagnosis, marked as the emulator's: the cloud never says why a signature failed. */
function withDiagnosis(message: string, request: ReceivedRequest, credential: EmulatorCredential, context: AuthContext): string {
  const cause = context.diagnose?.({ request, credential, nowSeconds: context.nowSeconds, service: context.service ?? context.knownServices[0] ?? 'iotcloud' });
  return cause ? `${message} [IoT Devkit emulator diagnosis — the real cloud does not return this: ${cause}]` : message;
}

/**
 * Authenticates as the cloud does, in the order it meets problems: unknown SecretId (SecretIdNotFound), a token
 * that does not go with the key (TokenFailure), more than five minutes of clock skew (SignatureExpire), then
 * the signature itself (SignatureFailure). Malformed Authorization headers were already refused when reading.
 */
export function authenticateCall(
  call: ApiCall,
  request: ReceivedRequest,
  context: AuthContext,
): { readonly ok: true; readonly credential: EmulatorCredential } | { readonly ok: false; readonly error: ApiError } {
  const refuse = (code: string, message: string) => ({ ok: false as const, error: apiError(code, message) });
  const credential = context.credentials.find((c) => c.secretId === call.secretId);
  if (!credential)
    return refuse(
      'AuthFailure.SecretIdNotFound',
      `The SecretId ${JSON.stringify(call.secretId.slice(0, 48))} is not found. (This emulator accepts its demo SecretId, printed at start and at GET /_emulator.)`,
    );
  if (credential.token !== undefined && call.token !== credential.token)
    return refuse(
      'AuthFailure.TokenFailure',
      call.token ? 'The token does not belong to this temporary SecretId.' : 'This SecretId is a temporary key: send its Token (X-TC-Token, or Token with v1).',
    );
  if (credential.token === undefined && call.token)
    return refuse('AuthFailure.TokenFailure', 'A Token was sent with a long-term key ("使用长期密钥时不能设置此 Token 字段").');
  const skew = call.timestamp - context.nowSeconds;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    return refuse(
      'AuthFailure.SignatureExpire',
      `The signature expired: Timestamp ${call.timestamp} is ${Math.abs(skew)} s ${skew < 0 ? 'behind' : 'ahead of'} the server time ${context.nowSeconds}; at most ${MAX_CLOCK_SKEW_SECONDS} s is allowed.`,
    );
  }
  const host = request.headers['host'] ?? '';
  if (call.auth.scheme === 'TC3-HMAC-SHA256') {
    const fields = call.auth.fields;
    const expected = context.service !== undefined ? [context.service] : context.knownServices;
    // For a loopback endpoint the official SDK names the service after the endpoint's first label ("127"); the
    // cloud never sees that case, so it is accepted here rather than failing every SDK call to the emulator.
    const acceptable = isLoopbackHost(host) ? [...expected, sdkServiceForEndpoint(host)] : expected;
    if (!acceptable.includes(fields.service)) {
      return refuse(
        'AuthFailure.SignatureFailure',
        withDiagnosis(
          `${SIGNATURE_FAILURE} The credential scope names the service ${JSON.stringify(fields.service)}; this action belongs to ${expected.join(' or ')}.`,
          request,
          credential,
          context,
        ),
      );
    }
    for (const name of ['content-type', 'host']) {
      if (!fields.signedHeaders.some((h) => h.trim().toLowerCase() === name))
        return refuse(
          'AuthFailure.SignatureFailure',
          withDiagnosis(`${SIGNATURE_FAILURE} SignedHeaders must include content-type and host; ${name} is missing.`, request, credential, context),
        );
    }
    const verified = verifyTc3Signature({
      request,
      fields,
      timestamp: call.timestamp,
      secretKey: credential.secretKey,
      crypto: context.crypto,
      keyCache: context.keyCache,
    });
    if (!verified.ok)
      return refuse(
        'AuthFailure.SignatureFailure',
        withDiagnosis(verified.detail ? `${SIGNATURE_FAILURE} ${verified.detail}.` : SIGNATURE_FAILURE, request, credential, context),
      );
    return { ok: true, credential };
  }
  const verified = verifyV1Signature({
    method: call.method,
    host,
    path: call.path,
    params: call.auth.signedParams,
    signature: call.auth.signature,
    secretKey: credential.secretKey,
    crypto: context.crypto,
  });
  if (!verified) return refuse('AuthFailure.SignatureFailure', withDiagnosis(SIGNATURE_FAILURE, request, credential, context));
  const nonce = call.auth.signedParams['Nonce'] ?? '';
  // Recorded only once the signature verified: an unsigned request cannot use up someone else's Nonce.
  if (
    context.seenV1Requests &&
    !context.seenV1Requests.firstUse(`${call.secretId}\n${call.timestamp}\n${nonce}\n${call.auth.signature}`, call.timestamp, context.nowSeconds)
  ) {
    return refuse(
      'InvalidParameter',
      `Nonce: this request (Nonce ${nonce}, Timestamp ${call.timestamp}, the same Signature) was already received; "Nonce 随机正整数，与 Timestamp 联合起来，用于防止重放攻击", so each request needs a new random Nonce. [IoT Devkit emulator's choice — the real cloud documents no error code for a replay]`,
    );
  }
  return { ok: true, credential };
}
