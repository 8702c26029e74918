// Device and vendor credentials: Tencent IoT Hub MQTT username/password, OneNET tokens, MXCHIP bearer tokens, each
// with a verifier. Part of @iot-devkit/core's public surface (core/src/index.ts).
export { CREDENTIAL_PROBLEMS, type CredentialFinding, type CredentialProblem, type CredentialVerification } from './CredentialVerification.js';
export { checkNotPast, checkUnixSeconds, isoOfUnix } from './unixTime.js';
export { buildBrokerHost, buildMqttClientId, buildMqttUsername, TENCENT_MQTT_PORT, TENCENT_MQTT_SDK_APP_ID } from './tencent/buildMqttUsername.js';
export { buildMqttPassword, computeMqttSignature, MQTT_HMACS, MQTT_PASSWORD_SUFFIX, type MqttHmac } from './tencent/computeMqttPassword.js';
export { DEVICE_CREDENTIAL_RULES, DEVICE_CREDENTIAL_STEP_IDS, type DeviceCredentialStepId } from './tencent/deviceCredentialRules.js';
export { generateConnId } from './tencent/generateConnId.js';
export { parseMqttUsername, type ParsedMqttUsername } from './tencent/parseMqttUsername.js';
export {
  DEFAULT_DEVICE_CREDENTIAL_LIFETIME,
  signDeviceCredentials,
  type DeviceCredentialRequest,
  type DeviceCredentials,
} from './tencent/signDeviceCredentials.js';
export { verifyDeviceCredentials, type CapturedDeviceCredentials, type DeviceCredentialVerification } from './tencent/verifyDeviceCredentials.js';
export {
  buildOneNetStringToSign,
  computeOneNetSign,
  isOneNetMethod,
  ONENET_METHODS,
  ONENET_TOKEN_VERSION,
  type OneNetMethod,
} from './onenet/computeOneNetSign.js';
export { encodeOneNetToken, type OneNetTokenParts } from './onenet/encodeOneNetToken.js';
export {
  buildOneNetApiKeyRequest,
  ONENET_API_HOST,
  type OneNetApiKeyRequest,
  type OneNetApiKeyRequestInput,
  type OneNetApiKeyStepId,
} from './onenet/oneNetApiKeyRequest.js';
export { checkOneNetResource } from './onenet/oneNetResource.js';
export { ONENET_TOKEN_RULES, ONENET_TOKEN_STEP_IDS, type OneNetTokenStepId } from './onenet/oneNetTokenRules.js';
export { readOneNetToken, type ReadOneNetToken } from './onenet/readOneNetToken.js';
export { checkOneNetMethod, signOneNetToken, type OneNetToken, type OneNetTokenRequest } from './onenet/signOneNetToken.js';
export { verifyOneNetToken, type CapturedOneNetToken, type OneNetTokenVerification } from './onenet/verifyOneNetToken.js';
export {
  buildBearerAuthorization,
  readMxchipTokenResponse,
  verifyMxchipAuthorization,
  type BearerAuthorization,
  type CapturedMxchipAuthorization,
} from './mxchip/bearerAuthorization.js';
export {
  buildMxchipTokenRequest,
  MXCHIP_TOKEN_PATH,
  MXCHIP_TOKEN_STEP_IDS,
  type MxchipTokenRequest,
  type MxchipTokenRequestInput,
  type MxchipTokenStepId,
} from './mxchip/buildMxchipTokenRequest.js';
export { explainMxchipResponse, MXCHIP_META_CODES, type MxchipMetaCode, type MxchipResponseExplanation } from './mxchip/mxchipMetaCodes.js';
export { defaultRefreshMargin, mxchipTokenState, type MxchipCachedToken, type MxchipTokenState } from './mxchip/mxchipTokenState.js';
export {
  CREDENTIAL_SCHEME_IDS,
  CREDENTIAL_SCHEMES,
  credentialFieldsOf,
  findCredentialScheme,
  type CredentialField,
  type CredentialMode,
  type CredentialScheme,
  type CredentialSchemeId,
} from './credentialSchemes.js';
export { runCredentialScheme, type CredentialOutput, type CredentialSchemeResult, type CredentialSchemeRun } from './runCredentialScheme.js';
// Device credentials as the official SDKs make them (cred-dym)
export {
  DEFAULT_MQTT_SDK_APP_ID,
  describeMqttCredentialShape,
  matchMqttCredentialShapes,
  MQTT_CREDENTIAL_SHAPES,
  MQTT_EXPIRY_LABELS,
  MQTT_SDK_APP_IDS,
  NEVER_EXPIRY_TEXTS,
  readMqttExpiry,
  type MqttCredentialShape,
  type MqttExpiry,
  type MqttExpiryShape,
  type MqttSdkAppId,
} from './tencent/mqttCredentialShapes.js';
export { DEVICE_NAME_PATTERN } from './tencent/deviceIdentity.js';
