import { percentEncode } from '../../encoding/percentEncode.js';
import { buildV1StringToSign } from '../../signing/v1/buildV1StringToSign.js';
import type { V1Algorithm } from '../../signing/v1/computeV1Signature.js';
import { keyVariants } from '../keyVariants.js';
import type { V1WireParam } from './readV1Params.js';
import type { V1Candidate, V1Context, V1Variant } from './V1Candidate.js';

type Param = Pick<V1WireParam, 'name' | 'value'>;
const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const join = <T extends Param>(params: readonly T[], value: (p: T) => string = (p) => p.value) => params.map((p) => `${p.name}=${value(p)}`).join('&');
const sorted = <T extends Param>(params: readonly T[], compare: (a: string, b: string) => number): T[] => [...params].sort((a, b) => compare(a.name, b.name));
const other = (algorithm: V1Algorithm): V1Algorithm => (algorithm === 'HmacSHA1' ? 'HmacSHA256' : 'HmacSHA1');

/** A variant that changes only the request string. */
function withRequestString(context: V1Context, requestString: string, detail: V1Variant['detail']): V1Variant | undefined {
  if (requestString === context.requestString) return undefined;
  return {
    stringToSign: buildV1StringToSign(context.method, context.host, context.path, requestString),
    algorithm: context.algorithm,
    secretKey: context.secretKey,
    detail,
  };
}

function* defined(variants: Iterable<V1Variant | undefined>): Generator<V1Variant> {
  for (const v of variants) if (v) yield v;
}

/** Natural order: digit runs compared as numbers, so Ids.2 before Ids.12. */
function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (/^\d/.test(p) && /^\d/.test(q) && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (p !== q) return ascii(p, q);
  }
  return x.length - y.length;
}

export const v1ParamsSortedNumerically: V1Candidate = {
  id: 'v1-params-sorted-numerically',
  *variants(context) {
    const order = sorted(context.params, naturalCompare);
    yield* defined([
      withRequestString(context, join(order), {
        en: `The parameters were sorted numerically (${order
          .map((p) => p.name)
          .filter((n) => /\d/.test(n))
          .slice(0, 4)
          .join(', ')}…), not by ASCII.`,
        zh: `参数按数值排序（${order
          .map((p) => p.name)
          .filter((n) => /\d/.test(n))
          .slice(0, 4)
          .join('、')}…），而不是按 ASCII 码。`,
      }),
    ]);
  },
};

export const v1ParamsSortedCaseInsensitively: V1Candidate = {
  id: 'v1-params-sorted-case-insensitively',
  *variants(context) {
    const lower = sorted(context.params, (a, b) => ascii(a.toLowerCase(), b.toLowerCase()) || ascii(a, b));
    const locale = sorted(context.params, (a, b) => a.localeCompare(b));
    yield* defined([
      withRequestString(context, join(lower), {
        en: 'The parameters were sorted ignoring case, so a lower-case name came before an upper-case one.',
        zh: '参数排序时忽略了大小写，小写开头的参数名排到了大写开头的前面。',
      }),
      withRequestString(context, join(locale), {
        en: 'The parameters were sorted with a locale comparison (localeCompare, Collator), which ignores ASCII case order.',
        zh: '参数用区域设置比较（localeCompare、Collator）排序，不符合 ASCII 码顺序。',
      }),
    ]);
  },
};

export const v1ParamsNotSorted: V1Candidate = {
  id: 'v1-params-not-sorted',
  *variants(context) {
    yield* defined([
      withRequestString(context, join(context.params), {
        en: 'The parameters were joined in the order they were sent, not sorted.',
        zh: '参数按发送顺序拼接，没有排序。',
      }),
    ]);
  },
};

export const v1ValuesUrlEncoded: V1Candidate = {
  id: 'v1-values-url-encoded',
  *variants(context) {
    const order = sorted(context.params, ascii);
    const form = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
    yield* defined([
      withRequestString(
        context,
        join(order, (p) => percentEncode(p.value)),
        {
          en: 'The values were URL-encoded (RFC 3986) in the sign string; it takes raw values.',
          zh: '签名原文中的参数值做了 URL 编码（RFC 3986）；应使用原始值。',
        },
      ),
      withRequestString(
        context,
        join(order, (p) => encodeURIComponent(p.value)),
        {
          en: 'The values were URL-encoded (encodeURIComponent) in the sign string; it takes raw values.',
          zh: '签名原文中的参数值做了 URL 编码（encodeURIComponent）；应使用原始值。',
        },
      ),
      withRequestString(
        context,
        join(order, (p) => form(p.value)),
        {
          en: 'The values were form-encoded (spaces as +) in the sign string; it takes raw values.',
          zh: '签名原文中的参数值做了表单编码（空格为 +）；应使用原始值。',
        },
      ),
      withRequestString(
        context,
        join(order, (p) => p.raw),
        { en: 'The sign string was built from the encoded query as sent; it takes raw values.', zh: '签名原文直接使用了编码后发送的查询串；应使用原始值。' },
      ),
    ]);
  },
};

export const v1WrongMethodHostPath: V1Candidate = {
  id: 'v1-wrong-method-host-path',
  *variants(context) {
    const { method, host, path, requestString, algorithm, secretKey } = context;
    const variant = (m: string, h: string, p: string, en: string, zh: string): V1Variant => ({
      stringToSign: `${m}${h}${p}?${requestString}`,
      algorithm,
      secretKey,
      detail: { en, zh },
    });
    const otherMethod = method === 'GET' ? 'POST' : 'GET';
    yield variant(
      otherMethod,
      host,
      path,
      `The sign string starts with ${otherMethod}, but the request was sent as ${method}.`,
      `签名原文以 ${otherMethod} 开头，但请求以 ${method} 发送。`,
    );
    yield variant(
      method.toLowerCase(),
      host,
      path,
      `The method in the sign string is lower case (${method.toLowerCase()}); it must be upper case.`,
      `签名原文中的方法为小写（${method.toLowerCase()}），应为全大写。`,
    );
    const hosts = [`https://${host}`, `http://${host}`, `${host}:443`, context.hostSent, host.toUpperCase(), 'cvm.tencentcloudapi.com'];
    for (const h of new Set(hosts)) {
      if (h !== host)
        yield variant(
          method,
          h,
          path,
          `The sign string names the host as ${h}, but it must be the host called, ${host}.`,
          `签名原文中的主机为 ${h}，应为实际调用的主机 ${host}。`,
        );
    }
    for (const p of new Set(['', path === '/' ? '' : '/', `${path}/`])) {
      if (p !== path)
        yield variant(
          method,
          host,
          p,
          `The sign string has path ${JSON.stringify(p)} where the request's path is ${path}.`,
          `签名原文中的路径为 ${JSON.stringify(p)}，而请求路径为 ${path}。`,
        );
    }
  },
};

export const v1HmacSha256WithoutSignatureMethod: V1Candidate = {
  id: 'v1-hmacsha256-without-signature-method',
  *variants(context) {
    if (context.signatureMethodSent) return;
    const { method, host, path, secretKey } = context;
    const detail = {
      en: 'The signature is HMAC-SHA256, but no SignatureMethod=HmacSHA256 was sent, so the server verifies with HMAC-SHA1.',
      zh: '签名使用了 HMAC-SHA256，但未发送 SignatureMethod=HmacSHA256，服务端因此按 HMAC-SHA1 验证。',
    };
    yield { stringToSign: buildV1StringToSign(method, host, path, context.requestString), algorithm: 'HmacSHA256', secretKey, detail };
    const withMethod = sorted<Param>([...context.params, { name: 'SignatureMethod', value: 'HmacSHA256' }], ascii);
    yield {
      stringToSign: buildV1StringToSign(method, host, path, join(withMethod)),
      algorithm: 'HmacSHA256',
      secretKey,
      detail: {
        en: `${detail.en} (SignatureMethod=HmacSHA256 was signed, then not sent.)`,
        zh: `${detail.zh}（SignatureMethod=HmacSHA256 参与了签名，却没有发送。）`,
      },
    };
  },
};

export const v1SignatureMethodMismatch: V1Candidate = {
  id: 'v1-signature-method-mismatch',
  *variants(context) {
    if (!context.signatureMethodSent) return;
    const { method, host, path, secretKey, algorithm } = context;
    const used = other(algorithm);
    const detail = { en: `The signature is ${used}, but SignatureMethod says ${algorithm}.`, zh: `签名使用的是 ${used}，但 SignatureMethod 为 ${algorithm}。` };
    yield { stringToSign: buildV1StringToSign(method, host, path, context.requestString), algorithm: used, secretKey, detail };
    const without = join(
      sorted(
        context.params.filter((p) => p.name !== 'SignatureMethod'),
        ascii,
      ),
    );
    yield {
      stringToSign: buildV1StringToSign(method, host, path, without),
      algorithm: used,
      secretKey,
      detail: { en: `${detail.en} (SignatureMethod was added after signing.)`, zh: `${detail.zh}（SignatureMethod 是签名后才加入的。）` },
    };
  },
};

export const v1ParamAddedAfterSigning: V1Candidate = {
  id: 'v1-param-added-after-signing',
  *variants(context) {
    const order = sorted(context.params, ascii);
    for (const dropped of order) {
      yield* defined([
        withRequestString(context, join(order.filter((p) => p !== dropped)), {
          en: `The signature is reproduced without ${dropped.name}: it was added to the request after signing.`,
          zh: `去掉 ${dropped.name} 后可以复现该签名：该参数是签名之后才加入请求的。`,
        }),
      ]);
    }
  },
};

/**
 * A value signed with surrounding spaces the request does not carry, or sent with spaces the signer trimmed: a
 * SecretId or parameter pasted from a console or config file with its whitespace (tencentcloud-sdk-ruby#9: "make
 * sure there is no space (or other blank characters) before/behind it").
 */
export const v1ValueWhitespace: V1Candidate = {
  id: 'v1-value-whitespace',
  *variants(context) {
    const order = sorted(context.params, ascii);
    for (const param of order) {
      const trimmed = param.value.trim();
      const forms: [string, string, string][] =
        trimmed !== param.value
          ? [
              [
                trimmed,
                `sent with surrounding spaces (${JSON.stringify(param.value)}) but signed trimmed`,
                `发送时带有首尾空格（${JSON.stringify(param.value)}），签名时却去掉了`,
              ],
            ]
          : [
              [` ${param.value}`, `signed with a leading space, sent without`, '签名时开头多了一个空格，发送时没有'],
              [`${param.value} `, `signed with a trailing space, sent without`, '签名时末尾多了一个空格，发送时没有'],
            ];
      for (const [value, en, zh] of forms)
        yield* defined([
          withRequestString(
            context,
            join(order, (p) => (p === param ? value : p.value)),
            {
              en: `${param.name} was ${en}.`,
              zh: `${param.name} ${zh}。`,
            },
          ),
        ]);
    }
  },
};

function keyCandidate(id: 'secret-key-whitespace' | 'secret-id-key-swapped'): V1Candidate {
  return {
    id,
    *variants(context) {
      const stringToSign = buildV1StringToSign(context.method, context.host, context.path, context.requestString);
      for (const v of keyVariants(context.secretKey, context.suppliedSecretKey, context.secretId))
        if (v.cause === id) yield { stringToSign, algorithm: context.algorithm, secretKey: v.key, detail: v.detail };
    },
  };
}

/** Every known v1 mistake, in the order tried. */
export const V1_CANDIDATES: readonly V1Candidate[] = [
  v1ParamsSortedNumerically,
  v1ParamsSortedCaseInsensitively,
  v1ParamsNotSorted,
  v1ValuesUrlEncoded,
  v1HmacSha256WithoutSignatureMethod,
  v1SignatureMethodMismatch,
  v1WrongMethodHostPath,
  v1ParamAddedAfterSigning,
  v1ValueWhitespace,
  keyCandidate('secret-key-whitespace'),
  keyCandidate('secret-id-key-swapped'),
];
