// The public surface of @iot-devkit/core. Hosts import from here only.
export type { HashAlgorithm, HashProvider } from './crypto/HashProvider.js';
export { nobleHashProvider } from './crypto/nobleHashProvider.js';
export { fromBase64, toBase64, toHex, utf8DecodeStrict, utf8Encode } from './encoding/bytes.js';
export { percentEncode } from './encoding/percentEncode.js';
export {
  DEFAULT_JSON_MAX_DEPTH,
  measureJsonDepth,
  parseJsonBounded,
  valueDepthExceeds,
  type BoundedJson,
  type JsonLimits,
} from './encoding/parseJsonBounded.js';
export { maskSecret } from './signing/maskSecret.js';
export { parseRequestUrl, type RequestUrl } from './signing/requestUrl.js';
export { SigningInputError } from './signing/SigningInputError.js';
export type { LocalizedText, SigningStep } from './signing/SigningStep.js';
export { buildAuthorization } from './signing/tc3/buildAuthorization.js';
export { buildCanonicalHeaders, DEFAULT_SIGNED_HEADERS, findHeader } from './signing/tc3/buildCanonicalHeaders.js';
export { buildCanonicalRequest } from './signing/tc3/buildCanonicalRequest.js';
export { buildCredentialScope, utcDateOf } from './signing/tc3/buildCredentialScope.js';
export { buildStringToSign, hashCanonicalRequest, TC3_ALGORITHM } from './signing/tc3/buildStringToSign.js';
export { computeSignature } from './signing/tc3/computeSignature.js';
export { deriveSigningKey, SigningKeyCache, type CachedSigningKeys, type DerivedKeys } from './signing/tc3/deriveSigningKey.js';
export { encodeMultipartBody } from './signing/tc3/encodeMultipartBody.js';
export { hashRequestPayload } from './signing/tc3/hashRequestPayload.js';
export { serviceFromHost } from './signing/tc3/serviceFromHost.js';
export { signTc3, type Tc3Options, type Tc3Request, type Tc3Signature } from './signing/tc3/signTc3.js';
export { signTc3WithoutKey, TC3_KEYED_STEP_IDS, type Tc3KeylessRequest, type Tc3KeylessSignature } from './signing/tc3/signTc3.js';
export { TC3_RULES, TC3_STEP_IDS, type Tc3StepId } from './signing/tc3/tc3Rules.js';
export { buildV1StringToSign } from './signing/v1/buildV1StringToSign.js';
export { computeV1Signature, V1_ALGORITHMS, type V1Algorithm } from './signing/v1/computeV1Signature.js';
export { encodeV1Query } from './signing/v1/encodeV1Query.js';
export { signV1, type V1Request, type V1Signature } from './signing/v1/signV1.js';
export { buildRequestString, sortParamNames, type V1ParamValue } from './signing/v1/sortParams.js';
export { V1_RULES, V1_STEP_IDS, type V1StepId } from './signing/v1/v1Rules.js';
export type { ApiRequest, Credentials, HttpRequest, SignatureScheme } from './request/ApiRequest.js';
export { buildHttpRequest, type BuildOptions, type SignedHttpRequest } from './request/buildHttpRequest.js';
export { buildKeylessTc3Request, type KeylessHttpRequest } from './request/buildHttpRequest.js';
export { EXPORT_FORMATS, exportRequest, toCurl, toFetch, toHttpie, toRawHttp, toSdkCall, toTccli, type ExportFormat } from './request/exportRequest.js';
export { importRequest, type ImportResult } from './request/importRequest.js';
export { flattenParams, unflattenParams } from './request/flattenParams.js';
export { resolveEndpoint } from './request/resolveEndpoint.js';
export { shellQuote } from './request/shellQuote.js';
export { CREDENTIAL_PROBLEMS, type CredentialFinding, type CredentialProblem, type CredentialVerification } from './credentials/CredentialVerification.js';
export { checkNotPast, checkUnixSeconds, isoOfUnix } from './credentials/unixTime.js';
export { buildBrokerHost, buildMqttClientId, buildMqttUsername, TENCENT_MQTT_PORT, TENCENT_MQTT_SDK_APP_ID } from './credentials/tencent/buildMqttUsername.js';
export { buildMqttPassword, computeMqttSignature, MQTT_HMACS, MQTT_PASSWORD_SUFFIX, type MqttHmac } from './credentials/tencent/computeMqttPassword.js';
export { DEVICE_CREDENTIAL_RULES, DEVICE_CREDENTIAL_STEP_IDS, type DeviceCredentialStepId } from './credentials/tencent/deviceCredentialRules.js';
export { generateConnId } from './credentials/tencent/generateConnId.js';
export { parseMqttUsername, type ParsedMqttUsername } from './credentials/tencent/parseMqttUsername.js';
export {
  DEFAULT_DEVICE_CREDENTIAL_LIFETIME,
  signDeviceCredentials,
  type DeviceCredentialRequest,
  type DeviceCredentials,
} from './credentials/tencent/signDeviceCredentials.js';
export { verifyDeviceCredentials, type CapturedDeviceCredentials, type DeviceCredentialVerification } from './credentials/tencent/verifyDeviceCredentials.js';
export {
  buildOneNetStringToSign,
  computeOneNetSign,
  isOneNetMethod,
  ONENET_METHODS,
  ONENET_TOKEN_VERSION,
  type OneNetMethod,
} from './credentials/onenet/computeOneNetSign.js';
export { encodeOneNetToken, type OneNetTokenParts } from './credentials/onenet/encodeOneNetToken.js';
export {
  buildOneNetApiKeyRequest,
  ONENET_API_HOST,
  type OneNetApiKeyRequest,
  type OneNetApiKeyRequestInput,
  type OneNetApiKeyStepId,
} from './credentials/onenet/oneNetApiKeyRequest.js';
export { checkOneNetResource } from './credentials/onenet/oneNetResource.js';
export { ONENET_TOKEN_RULES, ONENET_TOKEN_STEP_IDS, type OneNetTokenStepId } from './credentials/onenet/oneNetTokenRules.js';
export { readOneNetToken, type ReadOneNetToken } from './credentials/onenet/readOneNetToken.js';
export { checkOneNetMethod, signOneNetToken, type OneNetToken, type OneNetTokenRequest } from './credentials/onenet/signOneNetToken.js';
export { verifyOneNetToken, type CapturedOneNetToken, type OneNetTokenVerification } from './credentials/onenet/verifyOneNetToken.js';
export {
  buildBearerAuthorization,
  readMxchipTokenResponse,
  verifyMxchipAuthorization,
  type BearerAuthorization,
  type CapturedMxchipAuthorization,
} from './credentials/mxchip/bearerAuthorization.js';
export {
  buildMxchipTokenRequest,
  MXCHIP_TOKEN_PATH,
  MXCHIP_TOKEN_STEP_IDS,
  type MxchipTokenRequest,
  type MxchipTokenRequestInput,
  type MxchipTokenStepId,
} from './credentials/mxchip/buildMxchipTokenRequest.js';
export { explainMxchipResponse, MXCHIP_META_CODES, type MxchipMetaCode, type MxchipResponseExplanation } from './credentials/mxchip/mxchipMetaCodes.js';
export { defaultRefreshMargin, mxchipTokenState, type MxchipCachedToken, type MxchipTokenState } from './credentials/mxchip/mxchipTokenState.js';
export type { HttpResponse, Transport } from './request/Transport.js';
export { validateParams, type ParamProblem, type ParamRules, type StructureRules } from './request/validateParams.js';
export { checkRequestSize, REQUEST_SIZE_LIMITS } from './request/checkRequestSize.js';
export {
  isJsonObject,
  jsonEqual,
  type JsonObject,
  type JsonValue,
  type ShadowDocument,
  type ShadowEnvelope,
  type ShadowError,
  type ShadowResult,
  type ShadowState,
} from './shadow/ShadowDocument.js';
export { SHADOW_ERROR_CODES, SHADOW_STATE_MAX_BYTES } from './shadow/shadowRules.js';
export { mergeDesired, mergeMetadata } from './shadow/mergeDesired.js';
export { computeShadowDelta } from './shadow/computeShadowDelta.js';
export { createMergePatch } from './shadow/createMergePatch.js';
export { readShadowState } from './shadow/readShadowState.js';
export { ABSENT_SHADOW_VERSION, applyShadowUpdate, mergeShadowSection } from './shadow/applyShadowUpdate.js';
export { formatShadowData } from './shadow/formatShadowData.js';
export { parseShadowData, readShadowDocument, type ParsedShadow } from './shadow/parseShadowData.js';
export { prepareShadowUpdate, type PreparedShadowUpdate, type ShadowEdit } from './shadow/prepareShadowUpdate.js';
export { RULE_ERROR_CODES, type RuleResult, type RuleSqlError } from './ruleSql/RuleSqlError.js';
export { decodeRuleSql, encodeRuleSql } from './ruleSql/ruleSqlBase64.js';
export { checkRuleSql, type RuleSqlParts } from './ruleSql/checkRuleSql.js';
export { checkRuleActions, RULE_ACTION_FIELDS, type CheckedRuleActions } from './ruleSql/checkRuleActions.js';
export {
  buildTopicRulePayload,
  readTopicRulePayload,
  type ReadTopicRule,
  type TopicRuleInput,
  type TopicRulePayload,
} from './ruleSql/buildTopicRulePayload.js';
export { isValidTopicFilter, topicMatchesFilter } from './mqtt/topicMatchesFilter.js';
export type {
  RuleAccessStep,
  RuleArithmeticOperator,
  RuleComparisonOperator,
  RuleExpression,
  RuleSelectItem,
  RuleSqlSpan,
  RuleSqlTree,
} from './ruleSql/RuleSqlTree.js';
export { findRuleFunction, RULE_FUNCTIONS, type RuleFunctionName } from './ruleSql/ruleFunctions.js';
export type { RuleContext } from './ruleEngine/RuleContext.js';
export { evaluateRuleExpression, MAX_RULE_EVALUATION_DEPTH } from './ruleEngine/evaluateRuleExpression.js';
export { evaluateRuleSql, type RuleSqlResult } from './ruleEngine/evaluateRuleSql.js';
export { MAX_RULE_STRING_LENGTH } from './ruleEngine/callRuleFunction.js';
export { buildRuleTestView, type RuleTestInput, type RuleTestView } from './views/ruleTestView.js';
export { evaluateTopicRules, MAX_RULE_PAYLOAD_LENGTH, type RuleActionOutcome, type RuleEvaluation, type RuleMessage } from './ruleEngine/evaluateTopicRules.js';
export { coerceParams } from './request/coerceParams.js';
export type {
  AccessDomain,
  ActionCategory,
  ActionError,
  ActionExample,
  ActionSpec,
  Catalog,
  CommonParam,
  Constraints,
  Disagreement,
  DocIssue,
  EnglishSource,
  ErrorKind,
  ExampleRequest,
  FieldSpec,
  LocalizedName,
  OcrCorrection,
  ParamSpec,
  RequestLimits,
  ServiceCatalog,
  ServiceErrorCode,
  StructureSpec,
  VendorAuth,
  VendorCatalog,
  VendorEndpoint,
  VendorErrorCode,
  VendorField,
  VendorParam,
} from './catalog/types.js';
export {
  actionErrors,
  findAction,
  findActionEntry,
  findService,
  findStructure,
  findVendor,
  findVendorEndpoint,
  getCatalog,
  listActions,
  suggestActions,
  type ActionEntry,
  type ActionErrors,
  type VendorEndpointEntry,
} from './catalog/catalog.js';
export { searchActions } from './catalog/searchActions.js';
// Issue 15: the always-loaded index, and each service's full catalog loaded on first use through the host's loader.
export {
  CatalogNotLoadedError,
  catalogIndex,
  findIndexedAction,
  findServiceIndex,
  isServiceLoaded,
  listIndexedActions,
  listVendors,
  loadAllCatalogs,
  loadCatalogOf,
  loadServiceCatalog,
  loadedCatalogFiles,
  type IndexedAction,
} from './catalog/catalog.js';
export { serviceIndexOf, type ActionIndexEntry, type CatalogIndex, type ServiceIndex } from './catalog/catalogIndex.js';
export type { CatalogLoader } from './catalog/catalogLoader.js';
export { groupKeyOf, listActionGroups, type ActionGroup } from './catalog/actionGroups.js';
export { editDistance, suggestNearest } from './catalog/suggestNearest.js';
export { listErrorCodes, lookupErrorCode, type ErrorCodeInfo, type ErrorHint, type ErrorLookup, type ErrorVendor } from './errors/errorCodeIndex.js';
export { HINT_SURFACES, hintOnSurface, type HintSurface } from './errors/hintOnSurface.js';
export {
  interpretResponse,
  type ResponseError,
  type ResponseInterpretation,
  type ResponseMalformed,
  type ResponseSuccess,
} from './errors/interpretResponse.js';
export { capturedHeader, capturedHeaderRecord, type CapturedHeader, type CapturedRequest, type CaptureResult } from './capture/CapturedRequest.js';
export { parseCurl } from './capture/parseCurl.js';
export { parseRawHttp } from './capture/parseRawHttp.js';
export { parseHarEntry, type HarOptions } from './capture/parseHarEntry.js';
export { CAPTURE_FORMATS, detectCaptureFormat, parseCapturedRequest, type CaptureFormat } from './capture/parseCapturedRequest.js';
export {
  DIAGNOSIS_CAUSES,
  type Diagnosis,
  type DiagnosisCauseId,
  type DiagnosisEvidence,
  type DiagnosisFinding,
  type DiagnosisScheme,
  type StepDifference,
} from './diagnosis/DiagnosisCause.js';
export type { DiagnosisInput, DiagnosisOptions } from './diagnosis/DiagnosisInput.js';
export {
  UNREPRODUCED_CANDIDATES,
  type DiagnosisVerdict,
  type UnreproducedCandidateId,
  type VerdictCandidate,
  type VerdictKind,
} from './diagnosis/DiagnosisVerdict.js';
export { CAUSE_RULES, type CauseRule } from './diagnosis/causeRules.js';
export { diagnose, signatureSchemeOf } from './diagnosis/diagnose.js';
export { diagnoseTc3 } from './diagnosis/diagnoseTc3.js';
export { diagnoseV1 } from './diagnosis/diagnoseV1.js';
export { diffText, makeVisible, type TextDifference } from './diagnosis/diffText.js';
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator/createEmulator.js';
export {
  createEmptyState,
  deviceKey,
  MAX_RECORDED_MESSAGES,
  type EmulatedDevice,
  type EmulatedProduct,
  type EmulatedRule,
  type EmulatorState,
  type PublishedMessage,
  type TrroProject,
} from './emulator/EmulatorState.js';
export { restoreState, serializeState, STATE_FORMAT, type RestoreResult } from './emulator/stateSnapshot.js';
export { createDemoState, DEMO_DEVICES, DEMO_PRODUCT_ID, DEMO_RULE_NAME } from './emulator/demoState.js';
export { DEMO_CREDENTIAL, type EmulatorCredential } from './emulator/EmulatorCredential.js';
export type { ApiError, EmulatorResponse, ReceivedRequest } from './emulator/EmulatorHttp.js';
export { MAX_CLOCK_SKEW_SECONDS, type SignatureDiagnoser } from './emulator/authenticateCall.js';
export { ADMIN_PREFIX, ADMIN_ROUTES } from './emulator/adminRoutes.js';
export { ACTION_HANDLERS } from './emulator/actions/actionHandlers.js';
export { isLoopbackHost, signedHostCandidates } from './emulator/loopbackHost.js';
export {
  CREDENTIAL_SCHEME_IDS,
  CREDENTIAL_SCHEMES,
  credentialFieldsOf,
  findCredentialScheme,
  type CredentialField,
  type CredentialMode,
  type CredentialScheme,
  type CredentialSchemeId,
} from './credentials/credentialSchemes.js';
export { runCredentialScheme, type CredentialOutput, type CredentialSchemeResult, type CredentialSchemeRun } from './credentials/runCredentialScheme.js';
// Presentation layer: the secret policy (what is secret, mask for display, drop for storage) and step views
export {
  FALLBACK_SECRET_FIELDS,
  isSecretField,
  isSecretHeader,
  maskForDisplay,
  REDACTED,
  redactForStorage,
  SECRET_HEADERS,
  secretNamesMentioned,
  secretParamNames,
  type DroppedSecret,
  type ExchangeToRedact,
  type RedactedExchange,
  type RedactionOptions,
} from './views/secretPolicy.js';
export { buildStepViews, DERIVED_KEY_STEP_IDS, isSecretStep, pickLanguage, stepValueForDisplay, type StepLanguage, type StepView } from './views/stepViews.js';
export { buildKeylessStepViews, NEEDS_SECRET_KEY } from './views/stepViews.js';

// parsers: own-property records, lone-surrogate checks, bounded readers and their limits
export { getOwnProperty, setOwnProperty } from './encoding/setOwnProperty.js';
export { describeLoneSurrogate, findLoneSurrogate } from './encoding/findLoneSurrogate.js';
export { requireWellFormedText } from './signing/requireWellFormedText.js';
export { checkTc3Timestamp, MAX_TC3_TIMESTAMP } from './signing/tc3/buildCredentialScope.js';
export { tokenizeRuleSql, type RuleSqlToken } from './ruleSql/tokenizeRuleSql.js';
export { MAX_RULE_EXPRESSION_DEPTH } from './ruleSql/readRuleExpression.js';
export { SHADOW_MAX_DEPTH } from './shadow/shadowRules.js';

// Emulator guard: who may call the emulator (Host, Origin, Sec-Fetch-Site) and v1 replays
export { servedHosts, isServedHost, LOOPBACK_NAMES, type ServedHostsInput } from './emulator/servedHosts.js';
export { checkCaller, type CallerPolicy, type CallerRefusal } from './emulator/checkCaller.js';
export { SeenSignatures } from './emulator/seenSignatures.js';
// Presentation layer shared by both UIs (issue 18): action forms, the catalog check, response explanations.
export { actionSummary, describeActionForm, type ActionFormView, type ActionSummaryView, type ParamFieldView } from './views/actionForm.js';
export {
  actionHeading,
  CHINESE_ONLY,
  localizeActionForm,
  localizeActionSummary,
  paramDescription,
  TITLE_DERIVED,
  type ActionHeadingView,
  type LocalizedActionForm,
  type LocalizedActionSummary,
  type LocalizedParamField,
  type ShownText,
} from './views/actionHeading.js';
export { checkActionParams, type CheckedParams, type ParamProblemView } from './views/checkActionParams.js';
export { DIAGNOSABLE_ERROR_CODES, explainResponse, localizeApiError, type ApiErrorView, type ResponseExplanation } from './views/explainResponse.js';
export {
  buildDiagnosisView,
  localizeDiagnosisView,
  type DiagnosisCandidateView,
  type DiagnosisDifferenceView,
  type DiagnosisFindingView,
  type DiagnosisLabels,
  type DiagnosisView,
} from './views/diagnosisView.js';
export { capturedFromSent, type SentRequest } from './views/capturedFromSent.js';
export { DESTRUCTIVE_VERBS, isDestructiveAction } from './views/isDestructiveAction.js';
// ARIA tablist keys and history rows, the same in both UIs
export { tabIndexAfterKey } from './views/tablistKeys.js';
export {
  historyKeyParams,
  historyOutcome,
  IDENTIFYING_PARAMS,
  type HistoryKeyParam,
  type HistoryOutcomeKind,
  type HistoryOutcomeView,
} from './views/historyEntryView.js';
// First run (both UIs): "Use the local emulator" when it answers on its default port, else what to do
export {
  buildFirstRunView,
  EMULATOR_DEFAULT_ENDPOINT,
  EMULATOR_INFO_URL,
  EMULATOR_PROFILE_NAME,
  FIRST_RUN_HINT,
  type EmulatorProfileOffer,
  type FirstRunView,
} from './views/firstRunView.js';
// A response for display (both UIs): status, size, masked headers, the body as a tree with JSON-in-string fields parsed
export {
  buildJsonTree,
  buildResponseView,
  embeddedJsonPaths,
  formatByteSize,
  formatJsonWithEmbedded,
  parseEmbeddedJson,
  type JsonTreeNode,
  type ResponseOutcome,
  type ResponsePanelView,
  type ResponseToShow,
} from './views/responseView.js';
export { nodeCryptoHashProvider, type NodeCryptoLike } from './crypto/nodeCryptoHashProvider.js';
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
} from './credentials/tencent/mqttCredentialShapes.js';
// Rule SQL squiggles: the range both editors underline (cred-dym)
export { ruleSqlMarkRange } from './ruleSql/ruleSqlMarkRange.js';
// Requests as files (issue 16): REST Client's `.http` syntax with TC3 as an auth form, environments, chaining
export type {
  HttpFile,
  HttpFileHeader,
  HttpFileProblem,
  HttpFileRequest,
  HttpFileVariable,
  Placeholder,
  PlaceholderKind,
  ResponsePlaceholder,
  SourcePosition,
  Template,
  TemplatePart,
} from './httpFile/HttpFile.js';
export { HTTP_METHODS, parseHttpFile } from './httpFile/parseHttpFile.js';
export { parseTemplate, REQUEST_NAME, SYSTEM_VARIABLES, VARIABLE_NAME } from './httpFile/parseTemplate.js';
export { MAX_JSON_PATH_STEPS, parseJsonPath, readJsonPath, type JsonPath, type JsonPathRead } from './httpFile/readJsonPath.js';
export { isSecretEnvName, MAX_RESOLVED_LENGTH, MAX_VARIABLE_DEPTH, TemplateResolver, type Resolution, type TemplateScope } from './httpFile/resolveTemplate.js';
export { parseEnvironments, SHARED_ENVIRONMENT, type EnvironmentsRead, type HttpEnvironments } from './httpFile/parseEnvironments.js';
export { readTc3AuthForm, type Tc3AuthForm } from './httpFile/readTc3AuthForm.js';
export {
  prepareHttpFileRequest,
  type CredentialsResolver,
  type OutgoingRequest,
  type Preparation,
  type PrepareOptions,
  type PreparedRequest,
} from './httpFile/prepareHttpFileRequest.js';
export { requestTemplates, selectHttpFileRequests, type RequestChoice, type RequestSelection } from './httpFile/selectHttpFileRequests.js';
// Editing .http files (issue 16): the catalog's checks and completions, and a call written as a request of a file
export { checkHttpFileRequest, type HttpFileCheck, type HttpFileCheckCode, type HttpFileCheckProblem } from './httpFile/checkHttpFileRequest.js';
export { httpFileRequestTarget, loadCatalogOfRequest, type HttpFileRequestTarget } from './httpFile/httpFileRequestTarget.js';
export { httpFileCompletionAt, type ActionCompletion, type HttpFileCompletion, type ParameterCompletion } from './httpFile/httpFileCompletionAt.js';
export type { JsonKind } from './httpFile/bodyFields.js';
export { MAX_BODY_DEPTH } from './httpFile/scanJsonBody.js';
export { lineTemplateRange, requestAt } from './httpFile/templatePositions.js';
export { formatHttpFileRequest, secretVariableName, type FormattedHttpFileRequest, type HttpFileRequestSource } from './httpFile/formatHttpFileRequest.js';
export {
  runHttpFile,
  type HttpFileRun,
  type HttpFileRunEvent,
  type HttpFileRunOptions,
  type HttpFileTransport,
  type RequestOutcome,
} from './httpFile/runHttpFile.js';

// The emulator's MQTT broker: who may connect, publish and subscribe, and what a message does (the Node host runs aedes)
export {
  deviceTopics,
  shadowOperationTopic,
  shadowResultTopic,
  rrpcRequestTopic,
  type DeviceTopic,
  type TopicAccess,
  type ProductTopicPolicy,
} from './mqtt/deviceTopics.js';
export {
  checkDevicePublish,
  checkDeviceSubscribe,
  checkPayloadSize,
  MAX_DEVICE_PAYLOAD_BYTES,
  mayDeviceReceive,
  type TopicDecision,
} from './mqtt/devicePermissions.js';
export {
  authenticateDeviceConnect,
  CONNACK_BAD_USERNAME_OR_PASSWORD,
  CONNACK_NOT_AUTHORIZED,
  type DeviceConnectDecision,
  type DeviceConnectRequest,
} from './mqtt/authenticateDeviceConnect.js';
export {
  connectionOf,
  createBrokerRecord,
  MAX_BROKER_RECORDS,
  pushBounded,
  type BrokerRecord,
  type DeviceConnection,
  type RefusedConnection,
  type RuleEvaluationRecord,
  type TopicRefusal,
} from './mqtt/BrokerRecord.js';
export type { BrokerEffect } from './mqtt/BrokerEffect.js';
export { MAX_REPUBLISH_HOPS, routeDeviceMessage, runTopicRules, type BrokerMessage, type RouteOutcome } from './mqtt/routeMessage.js';
export { applyShadowOperation, SHADOW_MESSAGE_MAX_BYTES, type ShadowOperationOutcome } from './mqtt/shadowOperation.js';
export { formatShadowDelta, formatShadowRejection, formatShadowResult, SHADOW_RESULT, type ShadowOperationType } from './mqtt/shadowMessages.js';
export { CONNACK_RETURN_CODE_NAMES, formatConnected, formatDisconnected, formatRefusedConnect, formatTopicRefusal } from './mqtt/formatBrokerEvent.js';
export { isForwardAllowed } from './mqtt/isForwardAllowed.js';
export { DEFAULT_RRPC_TIMEOUT_MS } from './emulator/createEmulator.js';
export { readShadowMessage, shadowGetRequest, shadowReportRequest, type ShadowMessageRead } from './mqtt/deviceShadowMessages.js';
export { followShadowDelta, type ShadowFollowDecision } from './mqtt/followShadowDelta.js';
export { checkBrokerUrl, deviceBrokerUrl, EMULATOR_MQTT_PORT, type BrokerUrl, type BrokerUrlInput } from './mqtt/deviceBrokerUrl.js';
export { DEVICE_NAME_PATTERN } from './credentials/tencent/deviceIdentity.js';
export { chooseProfile, DEFAULT_PROFILE, profileNameProblem, type ProfileChoice } from './apiCredentials/chooseProfile.js';
export { readTccliConfigure, readTccliCredential, type TccliConfigureFile, type TccliCredentialFile } from './apiCredentials/readTccliProfile.js';
export {
  resolveApiCredentials,
  type CredentialResolution,
  type CredentialSourceKind,
  type CredentialSources,
  type KeychainLookup,
  type KeychainProfile,
  type ReadText,
} from './apiCredentials/resolveApiCredentials.js';
export { actionSkeleton, type ActionSkeleton, type SkeletonField } from './request/actionSkeleton.js';
