// Captured requests: curl, raw HTTP and HAR read into one shape. Part of @iot-devkit/core's public surface
// (core/src/index.ts).
export { capturedHeader, capturedHeaderRecord, type CapturedHeader, type CapturedRequest, type CaptureResult } from './CapturedRequest.js';
export { parseCurl } from './parseCurl.js';
export { parseRawHttp } from './parseRawHttp.js';
export { parseHarEntry, type HarOptions } from './parseHarEntry.js';
export { CAPTURE_FORMATS, detectCaptureFormat, parseCapturedRequest, type CaptureFormat } from './parseCapturedRequest.js';
