// What both UIs show, built once: the secret policy, signing steps, action forms, responses, history rows. Part of
// @iot-devkit/core's public surface (core/src/index.ts).
export { buildRuleTestView, type RuleTestInput, type RuleTestView } from './ruleTestView.js';
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
} from './secretPolicy.js';
export { buildStepViews, DERIVED_KEY_STEP_IDS, isSecretStep, pickLanguage, stepValueForDisplay, type StepLanguage, type StepView } from './stepViews.js';
export { buildKeylessStepViews, NEEDS_SECRET_KEY } from './stepViews.js';
// Presentation layer shared by both UIs (issue 18): action forms, the catalog check, response explanations.
export { actionSummary, describeActionForm, type ActionFormView, type ActionSummaryView, type ParamFieldView } from './actionForm.js';
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
} from './actionHeading.js';
export { checkActionParams, type CheckedParams, type ParamProblemView } from './checkActionParams.js';
export { DIAGNOSABLE_ERROR_CODES, explainResponse, localizeApiError, type ApiErrorView, type ResponseExplanation } from './explainResponse.js';
export {
  buildDiagnosisView,
  localizeDiagnosisView,
  type DiagnosisCandidateView,
  type DiagnosisDifferenceView,
  type DiagnosisFindingView,
  type DiagnosisLabels,
  type DiagnosisView,
} from './diagnosisView.js';
export { capturedFromSent, type SentRequest } from './capturedFromSent.js';
export { DESTRUCTIVE_VERBS, isDestructiveAction } from './isDestructiveAction.js';
// ARIA tablist keys and history rows, the same in both UIs
export { tabIndexAfterKey } from './tablistKeys.js';
export {
  historyKeyParams,
  historyOutcome,
  IDENTIFYING_PARAMS,
  type HistoryKeyParam,
  type HistoryOutcomeKind,
  type HistoryOutcomeView,
} from './historyEntryView.js';
// First run (both UIs): "Use the local emulator" when it answers on its default port, else what to do
export {
  buildFirstRunView,
  EMULATOR_DEFAULT_ENDPOINT,
  EMULATOR_INFO_URL,
  EMULATOR_PROFILE_NAME,
  FIRST_RUN_HINT,
  type EmulatorProfileOffer,
  type FirstRunView,
} from './firstRunView.js';
// A response for display (both UIs): status, size, masked headers, the body as a tree with JSON-in-string fields parsed
export {
  buildJsonTree,
  buildResponseView,
  embeddedJsonPaths,
  formatByteSize,
  formatJsonWithEmbedded,
  jsonTreeToValue,
  parseEmbeddedJson,
  type JsonTreeNode,
  type ResponseOutcome,
  type ResponsePanelView,
  type ResponseToShow,
} from './responseView.js';
