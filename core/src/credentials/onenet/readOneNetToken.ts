import { percentEncode } from '../../encoding/percentEncode.js';
import { finding, type CredentialFinding } from '../CredentialVerification.js';
import { describeLoneSurrogate, findLoneSurrogate } from '../../encoding/findLoneSurrogate.js';

export const ONENET_TOKEN_PARAMS = ['version', 'res', 'et', 'method', 'sign'] as const;
export type OneNetTokenParam = (typeof ONENET_TOKEN_PARAMS)[number];

export interface ReadOneNetToken {
  /** Each parameter's value after URL decoding (twice when it was encoded twice). */
  readonly values: Partial<Record<OneNetTokenParam, string>>;
  /** Malformed structure and wrong URL encoding, found without the key. */
  readonly findings: readonly CredentialFinding[];
}

const MAX_NAMED_PARTS = 5;

const percentDecode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};
// Upper- and lower-case hex decode the same; only the bytes encoded matter.
const sameEncoding = (a: string, b: string) => a.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase()) === b;

const WHY_ENCODE: Partial<Record<OneNetTokenParam, { en: string; zh: string }>> = {
  sign: {
    en: 'a raw "+" in sign is read as a space by the server, and "/" "=" break the query',
    zh: 'sign 中未编码的 "+" 会被服务端当作空格，"/"、"=" 也会破坏参数解析',
  },
  res: { en: 'the "/" in res must be sent as %2F', zh: 'res 中的 "/" 应编码为 %2F' },
};

/** Splits a captured token into its parameters and checks its shape and URL encoding, before any key is involved. */
export function readOneNetToken(token: string): ReadOneNetToken {
  const findings: CredentialFinding[] = [];
  if (typeof token !== 'string')
    return {
      values: {},
      findings: [
        finding(
          'malformed-token',
          'token',
          'The token must be text: version=…&res=…&et=…&method=…&sign=….',
          'token 应为文本：version=…&res=…&et=…&method=…&sign=…。',
        ),
      ],
    };
  const values: Partial<Record<OneNetTokenParam, string>> = {};
  let unexpected = 0;
  for (const piece of token.split('&')) {
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    if (eq === -1 || !(ONENET_TOKEN_PARAMS as readonly string[]).includes(name)) {
      // The first few are named; a token of thousands of stray "&" parts gets one count, not thousands of findings.
      if (++unexpected > MAX_NAMED_PARTS) continue;
      findings.push(
        finding(
          'malformed-token',
          'token',
          `Unexpected part ${JSON.stringify(piece.slice(0, 40))}: a token is version=…&res=…&et=…&method=…&sign=….`,
          `多余或无法识别的部分 ${JSON.stringify(piece.slice(0, 40))}：token 格式为 version=…&res=…&et=…&method=…&sign=…。`,
        ),
      );
      continue;
    }
    const param = name as OneNetTokenParam;
    if (values[param] !== undefined) {
      findings.push(finding('malformed-token', param, `${param} appears more than once.`, `${param} 出现了多次。`));
      continue;
    }
    values[param] = readValue(param, piece.slice(eq + 1), findings);
  }
  if (unexpected > MAX_NAMED_PARTS)
    findings.push(
      finding(
        'malformed-token',
        'token',
        `…and ${unexpected - MAX_NAMED_PARTS} more unexpected parts.`,
        `……另有 ${unexpected - MAX_NAMED_PARTS} 个无法识别的部分。`,
      ),
    );
  for (const param of ONENET_TOKEN_PARAMS) {
    if (values[param] === undefined) findings.push(finding('malformed-token', param, `The token has no ${param}=.`, `token 缺少参数 ${param}。`));
  }
  return { values, findings };
}

function readValue(param: OneNetTokenParam, raw: string, findings: CredentialFinding[]): string {
  const lone = findLoneSurrogate(raw);
  if (lone !== -1) {
    // No UTF-8 form, so neither the server nor this check can percent-encode it.
    findings.push(
      finding('malformed-token', param, `${param} has ${describeLoneSurrogate(raw, lone)}.`, `${param} 含有无法编码为 UTF-8 的孤立代理项（位置 ${lone}）。`),
    );
    return raw;
  }
  const once = percentDecode(raw);
  if (once === undefined) {
    findings.push(finding('malformed-token', param, `${param} has a broken %-escape.`, `${param} 中有无效的 % 转义。`));
    return raw;
  }
  if (/%[0-9a-f]{2}/i.test(once)) {
    const twice = percentDecode(once) ?? once;
    findings.push(
      finding(
        'wrong-url-encoding',
        param,
        `${param} is URL-encoded twice (${JSON.stringify(raw)}): encode each value once.`,
        `${param} 被 URL 编码了两次（${JSON.stringify(raw)}），每个值只应编码一次。`,
      ),
    );
    return twice;
  }
  let value = once;
  if (param === 'sign' && value.includes(' ')) {
    // A capture or a form decoder already turned the unencoded "+" into spaces: restore them to check the HMAC.
    value = value.replace(/ /g, '+');
    findings.push(
      finding(
        'wrong-url-encoding',
        param,
        'sign contains spaces: its "+" were sent unencoded and read as spaces. Send "+" as %2B.',
        'sign 中含有空格：未编码的 "+" 被当作了空格，应编码为 %2B。',
      ),
    );
    return value;
  }
  if (!sameEncoding(raw, percentEncode(value))) {
    const why = WHY_ENCODE[param];
    findings.push(
      finding(
        'wrong-url-encoding',
        param,
        `${param} is not URL-encoded (expected ${percentEncode(value)}, found ${raw})${why ? `: ${why.en}` : ''}.`,
        `${param} 未做 URL 编码（应为 ${percentEncode(value)}，实际为 ${raw}）${why ? `：${why.zh}` : ''}。`,
      ),
    );
  }
  return value;
}
