// Bytes, base64/hex, percent-encoding and the bounded JSON reader every untrusted input goes through. Part of @iot-
// devkit/core's public surface (core/src/index.ts).
export { fromBase64, toBase64, toHex, utf8DecodeStrict, utf8Encode } from './bytes.js';
export { percentEncode } from './percentEncode.js';
export { DEFAULT_JSON_MAX_DEPTH, measureJsonDepth, parseJsonBounded, valueDepthExceeds, type BoundedJson, type JsonLimits } from './parseJsonBounded.js';
// parsers: own-property records, lone-surrogate checks, bounded readers and their limits
export { getOwnProperty, setOwnProperty } from './setOwnProperty.js';
export { describeLoneSurrogate, findLoneSurrogate } from './findLoneSurrogate.js';
