import type { ShadowError, ShadowResult } from './ShadowDocument.js';

/** "State JSON对象超过大小限制，最大为 8k": the State string's UTF-8 size, in bytes. */
export const SHADOW_STATE_MAX_BYTES = 8 * 1024;

/** The codes of UpdateDeviceShadow's error table this module can produce, and what each means here. */
export const SHADOW_ERROR_CODES = {
  invalidJson: 'InvalidParameterValue.InvalidJSON',
  invalidNode: 'InvalidParameterValue.JSONHasInvalidNode',
  tooLarge: 'InvalidParameterValue.JSONSizeExceedLimit',
  notMergeable: 'InvalidParameterValue.NotMergeAble',
  versionMismatch: 'FailedOperation.UpdateVersionNotMatch',
  invalidValue: 'InvalidParameterValue',
} as const;

/**
 * The deepest nesting of objects and arrays a shadow document may have: the toolkit's limit, not the cloud's (its
 * docs name none). Merge, delta and pretty-printing recurse per level; 3,000 nested arrays fit in 8 KB and
 * overflowed the stack. Real device state is a few levels deep.
 */
export const SHADOW_MAX_DEPTH = 32;

export const shadowError = (code: string, message: string): { ok: false; error: ShadowError } => ({ ok: false, error: { code, message } });

const encoder = new TextEncoder();
export const utf8Length = (text: string): number => encoder.encode(text).length;

export type ShadowJsonReading = ShadowResult<{ readonly value: unknown }>;
