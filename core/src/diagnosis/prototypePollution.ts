import type { LocalizedText } from '../signing/SigningStep.js';
import type { DiagnosisFinding } from './DiagnosisCause.js';
import { findingOf, shown } from './findingOf.js';

// What a for…in over an array adds when a library put an enumerable method on Array.prototype: the method's source
// ("function () { … }", an arrow, "[native code]" for a bound one) where an element belongs, or "undefined" as
// the value looked up under its name. Tested per line, each line at most a few KB: linear.
const POLLUTION = /\bfunction\b|=>|\[native code\]|:undefined$|^undefined$|=undefined(?:&|$)/;

/**
 * The text a polluted Array.prototype added to the client's own intermediate string (its logged canonical request
 * or string to sign), by line: a line the expected string does not have and that reads like a method's source.
 */
export function pollutedText(supplied: string, expected: string): string | undefined {
  const expectedLines = new Set(expected.split('\n'));
  for (const line of supplied.split('\n')) {
    if (expectedLines.has(line)) continue;
    for (const part of line.split('&')) if (POLLUTION.test(part.trim())) return part.trim();
  }
  return undefined;
}

function pollutionDetail(what: string, text: string, reproduces: boolean): LocalizedText {
  return {
    en: `Your client's ${what} contains ${shown(text, 60)}, which no header or parameter sent has: the source of a method a library added to Array.prototype, picked up by a for…in loop over an array.${reproduces ? ` Signing your ${what} as it is reproduces the signature exactly.` : ''}`,
    zh: `客户端的${what === 'canonical request' ? '规范请求串' : '待签名字符串'}中含有 ${shown(text, 60)}，实际发送的头部和参数中都没有：这是某个库添加到 Array.prototype 上的方法源码，被遍历数组的 for…in 循环带了进来。${reproduces ? '按其原样签名可精确复现该签名。' : ''}`,
  };
}

/**
 * The finding when the client's pasted intermediate shows a polluted Array.prototype: reproduced when signing that
 * very string gives the request's signature, else shown by the pasted string only.
 */
export function pollutionFinding(
  what: 'canonical request' | 'string to sign',
  supplied: string,
  expected: string,
  signsAsReceived: (supplied: string) => boolean,
): DiagnosisFinding | undefined {
  const polluted = pollutedText(supplied, expected);
  if (polluted === undefined) return undefined;
  const reproduces = signsAsReceived(supplied);
  return findingOf('array-prototype-polluted', reproduces ? 'signature-reproduced' : 'supplied-intermediate', pollutionDetail(what, polluted, reproduces));
}
