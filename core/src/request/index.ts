// Building, exporting and importing API 3.0 requests (curl, HTTPie, fetch, the SDK, tccli, raw HTTP). Part of @iot-
// devkit/core's public surface (core/src/index.ts).
export type { ApiRequest, Credentials, HttpRequest, SignatureScheme } from './ApiRequest.js';
export { buildHttpRequest, type BuildOptions, type SignedHttpRequest } from './buildHttpRequest.js';
export { buildKeylessTc3Request, type KeylessHttpRequest } from './buildHttpRequest.js';
export { EXPORT_FORMATS, exportRequest, toCurl, toFetch, toHttpie, toRawHttp, toSdkCall, toTccli, type ExportFormat } from './exportRequest.js';
export { importRequest, type ImportResult } from './importRequest.js';
export { flattenParams, unflattenParams } from './flattenParams.js';
export { resolveEndpoint } from './resolveEndpoint.js';
export { shellQuote } from './shellQuote.js';
export type { HttpResponse, Transport } from './Transport.js';
export { validateParams, type ParamProblem, type ParamRules, type StructureRules } from './validateParams.js';
export { checkRequestSize, REQUEST_SIZE_LIMITS } from './checkRequestSize.js';
export { coerceParams } from './coerceParams.js';
export { actionSkeleton, type ActionSkeleton, type SkeletonField } from './actionSkeleton.js';
