// Error codes: their meaning in zh-CN and English, and a fix hint. Part of @iot-devkit/core's public surface
// (core/src/index.ts).
export { listErrorCodes, lookupErrorCode, type ErrorCodeInfo, type ErrorHint, type ErrorLookup, type ErrorVendor } from './errorCodeIndex.js';
export { HINT_SURFACES, hintOnSurface, type HintSurface } from './hintOnSurface.js';
export { interpretResponse, type ResponseError, type ResponseInterpretation, type ResponseMalformed, type ResponseSuccess } from './interpretResponse.js';
