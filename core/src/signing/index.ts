// API request signing: TC3-HMAC-SHA256 and signature v1, one function per step of the documentation, and the rules
// each step shows. Part of @iot-devkit/core's public surface (core/src/index.ts).
export { maskSecret } from './maskSecret.js';
export { parseRequestUrl, type RequestUrl } from './requestUrl.js';
export { SigningInputError } from './SigningInputError.js';
export type { LocalizedText, SigningStep } from './SigningStep.js';
export { buildAuthorization } from './tc3/buildAuthorization.js';
export { buildCanonicalHeaders, DEFAULT_SIGNED_HEADERS, findHeader } from './tc3/buildCanonicalHeaders.js';
export { buildCanonicalRequest } from './tc3/buildCanonicalRequest.js';
export { buildCredentialScope, utcDateOf } from './tc3/buildCredentialScope.js';
export { buildStringToSign, hashCanonicalRequest, TC3_ALGORITHM } from './tc3/buildStringToSign.js';
export { computeSignature } from './tc3/computeSignature.js';
export { deriveSigningKey, SigningKeyCache, type CachedSigningKeys, type DerivedKeys } from './tc3/deriveSigningKey.js';
export { encodeMultipartBody } from './tc3/encodeMultipartBody.js';
export { hashRequestPayload } from './tc3/hashRequestPayload.js';
export { serviceFromHost } from './tc3/serviceFromHost.js';
export { signTc3, type Tc3Options, type Tc3Request, type Tc3Signature } from './tc3/signTc3.js';
export { signTc3WithoutKey, TC3_KEYED_STEP_IDS, type Tc3KeylessRequest, type Tc3KeylessSignature } from './tc3/signTc3.js';
export { TC3_RULES, TC3_STEP_IDS, type Tc3StepId } from './tc3/tc3Rules.js';
export { buildV1StringToSign } from './v1/buildV1StringToSign.js';
export { computeV1Signature, V1_ALGORITHMS, type V1Algorithm } from './v1/computeV1Signature.js';
export { encodeV1Query } from './v1/encodeV1Query.js';
export { signV1, type V1Request, type V1Signature } from './v1/signV1.js';
export { buildRequestString, sortParamNames, type V1ParamValue } from './v1/sortParams.js';
export { V1_RULES, V1_STEP_IDS, type V1StepId } from './v1/v1Rules.js';
export { requireWellFormedText } from './requireWellFormedText.js';
export { checkTc3Timestamp, MAX_TC3_TIMESTAMP } from './tc3/buildCredentialScope.js';
