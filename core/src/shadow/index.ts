// Device shadows: the document, its updates, deltas and versions, as IoT Hub keeps them. Part of @iot-devkit/core's
// public surface (core/src/index.ts).
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
} from './ShadowDocument.js';
export { SHADOW_ERROR_CODES, SHADOW_STATE_MAX_BYTES } from './shadowRules.js';
export { mergeDesired, mergeMetadata } from './mergeDesired.js';
export { computeShadowDelta } from './computeShadowDelta.js';
export { createMergePatch } from './createMergePatch.js';
export { readShadowState } from './readShadowState.js';
export { ABSENT_SHADOW_VERSION, applyShadowUpdate, mergeShadowSection } from './applyShadowUpdate.js';
export { formatShadowData } from './formatShadowData.js';
export { parseShadowData, readShadowDocument, type ParsedShadow } from './parseShadowData.js';
export { prepareShadowUpdate, type PreparedShadowUpdate, type ShadowEdit } from './prepareShadowUpdate.js';
export { SHADOW_MAX_DEPTH } from './shadowRules.js';
