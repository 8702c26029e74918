import { SigningInputError } from '../../signing/SigningInputError.js';

/** Tencent assigns 10 upper-case letters or digits, e.g. ABCDE12345 and RL0BAZKZ6V in shared/seeds/001. */
export const PRODUCT_ID_PATTERN = /^[A-Z0-9]{10}$/;
/**
 * CreateDevice's rule in shared/seeds/001: OCR printed it as "[a-zA-Z0-9:~]{1,48}"; the docs' other name rules
 * ("[a-zA-Z0-9:_-]{1,32}" for ProductName) show the intended class is [a-zA-Z0-9:_-].
 */
export const DEVICE_NAME_PATTERN = /^[A-Za-z0-9:_-]{1,48}$/;

export function checkProductId(value: unknown, field = 'productId'): string {
  if (typeof value !== 'string' || value === '')
    throw new SigningInputError(field, 'a product id: 10 upper-case letters or digits such as ABCDE12345 (it was empty)');
  if (!PRODUCT_ID_PATTERN.test(value))
    throw new SigningInputError(field, `a product id: 10 upper-case letters or digits such as ABCDE12345, got ${JSON.stringify(value)}`);
  return value;
}

export function checkDeviceName(value: unknown, field = 'deviceName'): string {
  if (typeof value !== 'string' || value === '') throw new SigningInputError(field, 'a device name: 1 to 48 of a-z A-Z 0-9 : _ - (it was empty)');
  if (!DEVICE_NAME_PATTERN.test(value)) throw new SigningInputError(field, `a device name: 1 to 48 of a-z A-Z 0-9 : _ -, got ${JSON.stringify(value)}`);
  return value;
}

export const DEVICE_PSK_DOC_NOTE = 'the docs\' InvalidParameterValue.DefinedPskNotBase64: "DefinedPsk需为Base64格式的字符串"';
