import type { LocalizedText } from '../signing/SigningStep.js';
import { makeVisible } from './diffText.js';

export interface KeyVariant {
  readonly cause: 'secret-key-whitespace' | 'secret-id-key-swapped';
  readonly key: string;
  readonly detail: LocalizedText;
}

const AROUND: readonly (readonly [string, string])[] = [
  ['', '\n'],
  ['', '\r\n'],
  ['', ' '],
  ['', '\t'],
  ['', '\r'],
  [' ', ''],
  ['\t', ''],
  ['\n', ''],
  [' ', ' '],
  ['\uFEFF', ''],
];

/**
 * Keys a client may have signed with instead of the SecretKey: the key with whitespace read along with it
 * (a file's final newline, a pasted space, a BOM), or the SecretId in its place.
 */
export function keyVariants(secretKey: string, suppliedKey: string, secretId: string | undefined): KeyVariant[] {
  const variants: KeyVariant[] = [];
  const seen = new Set([secretKey]);
  const add = (variant: KeyVariant) => {
    if (seen.has(variant.key)) return;
    seen.add(variant.key);
    variants.push(variant);
  };
  const whitespace = (before: string, after: string): LocalizedText => {
    const where = [before && `${makeVisible(before)} before it`, after && `${makeVisible(after)} after it`].filter(Boolean).join(' and ');
    const whereZh = [before && `前面多了 ${makeVisible(before)}`, after && `后面多了 ${makeVisible(after)}`].filter(Boolean).join('，');
    return { en: `The signature is reproduced with the SecretKey plus ${where}.`, zh: `使用在 SecretKey ${whereZh} 的密钥可以复现该签名。` };
  };
  if (suppliedKey !== secretKey) {
    const start = suppliedKey.indexOf(secretKey);
    add({
      cause: 'secret-key-whitespace',
      key: suppliedKey,
      detail: whitespace(suppliedKey.slice(0, Math.max(0, start)), suppliedKey.slice(start + secretKey.length)),
    });
  }
  for (const [before, after] of AROUND) add({ cause: 'secret-key-whitespace', key: before + secretKey + after, detail: whitespace(before, after) });
  if (secretId !== undefined && secretId !== '') {
    add({
      cause: 'secret-id-key-swapped',
      key: secretId,
      detail: {
        en: `The signature is reproduced with the SecretId (${secretId}) as the HMAC key: the two were swapped where the key is read.`,
        zh: `使用 SecretId（${secretId}）作为 HMAC 密钥可以复现该签名：读取密钥时把二者用反了。`,
      },
    });
  }
  return variants;
}
