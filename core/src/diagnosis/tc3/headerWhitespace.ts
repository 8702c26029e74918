import { canonicalHeadersOf } from './canonicalHeadersOf.js';
import type { Tc3Candidate } from './Tc3Candidate.js';

/**
 * A header value signed with its surrounding spaces. HTTP drops them on the wire (RFC 9110 §5.5: leading and
 * trailing whitespace is not part of a field value) and the rule trims them, so a signer that skips the trim signs
 * a value nobody sent — typically a value read from a config file or form field (" DescribeDevice", "2021-04-08 ").
 */
export const headerValueUntrimmed: Tc3Candidate = {
  id: 'header-value-untrimmed',
  *variants(context) {
    const names = context.signedHeaderNames;
    const untrimmed = canonicalHeadersOf(context.headers, names, {}, { trimValues: false });
    if (untrimmed && untrimmed.canonicalHeaders !== context.base.canonicalHeaders)
      yield {
        parts: { ...context.base, ...untrimmed },
        detail: {
          en: 'The header values were signed untrimmed, with the spaces around them as captured; the rule trims them.',
          zh: '头部取值签名时未去掉首尾空格（保留了抓取到的空格）；规则要求去掉。',
        },
      };
    for (const name of names) {
      const sent = context.headers.find((h) => h.name.trim().toLowerCase() === name)?.value.trim();
      if (sent === undefined) continue;
      for (const [signed, where, whereZh] of [
        [` ${sent}`, 'a leading space', '开头多了一个空格'],
        [`${sent} `, 'a trailing space', '末尾多了一个空格'],
      ] as const) {
        const built = canonicalHeadersOf(context.headers, names, { [name]: signed }, { trimValues: false });
        if (!built) continue;
        yield {
          parts: { ...context.base, ...built },
          detail: {
            en: `The ${name} value was signed with ${where} (${JSON.stringify(signed)}); it went over the wire as ${JSON.stringify(sent)}, and the rule trims it.`,
            zh: `${name} 的取值签名时${whereZh}（${JSON.stringify(signed)}）；线上发送的是 ${JSON.stringify(sent)}，规则要求去掉首尾空格。`,
          },
        };
      }
    }
  },
};
