import { capturedHeader } from '../../capture/CapturedRequest.js';
import { DEFAULT_SIGNED_HEADERS } from '../../signing/tc3/buildCanonicalHeaders.js';
import { canonicalHeadersOf, type CanonicalHeaderStyle } from './canonicalHeadersOf.js';
import type { Tc3Candidate, Tc3Context, Tc3Variant } from './Tc3Candidate.js';

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'multipart/form-data',
  'text/plain;charset=utf-8',
  'text/plain',
];

const isSpace = (c: string | undefined) => c !== undefined && c.trim() === '' && c !== '';

/**
 * The content type without its first charset parameter (and the spaces and ";" before it), or undefined when it
 * has none. By hand: the regex it replaces restarted its leading \s* at every space of a long run (quadratic).
 */
function withoutCharset(type: string): string | undefined {
  for (let semicolon = type.indexOf(';'); semicolon !== -1; semicolon = type.indexOf(';', semicolon + 1)) {
    let name = semicolon + 1;
    while (isSpace(type[name])) name++;
    if (!type.startsWith('charset=', name)) continue;
    let start = semicolon;
    while (start > 0 && isSpace(type[start - 1])) start--;
    const end = type.indexOf(';', name);
    return type.slice(0, start) + (end === -1 ? '' : type.slice(end));
  }
  return undefined;
}

function withHeaders(
  context: Tc3Context,
  names: readonly string[],
  overrides: Record<string, string>,
  style: CanonicalHeaderStyle,
  detail: Tc3Variant['detail'],
): Tc3Variant | undefined {
  const built = canonicalHeadersOf(context.headers, names, overrides, style);
  if (!built) return undefined;
  if (built.canonicalHeaders === context.base.canonicalHeaders && built.signedHeaders === context.base.signedHeaders) return undefined;
  return { parts: { ...context.base, ...built }, detail };
}

function* defined(variants: Iterable<Tc3Variant | undefined>): Generator<Tc3Variant> {
  for (const v of variants) if (v) yield v;
}

/** The Content-Type signed is not the one sent: a charset added or dropped by the HTTP library, or another type. */
export const contentTypeMismatch: Tc3Candidate = {
  id: 'content-type-mismatch',
  *variants(context) {
    if (!context.signedHeaderNames.includes('content-type')) return;
    const sent = capturedHeader(context, 'content-type');
    const sentLower = sent?.trim().toLowerCase();
    const dropped = sentLower === undefined ? undefined : withoutCharset(sentLower);
    const toggled = sentLower === undefined ? [] : dropped !== undefined ? [dropped] : [`${sentLower}; charset=utf-8`, `${sentLower};charset=utf-8`];
    for (const signed of new Set([...toggled, ...CONTENT_TYPES])) {
      if (signed === sentLower) continue;
      yield* defined([
        withHeaders(
          context,
          context.signedHeaderNames,
          { 'content-type': signed },
          {},
          {
            en:
              sent === undefined
                ? `The signature is reproduced with content-type:${signed}, but no Content-Type header was sent.`
                : `The signature is reproduced with content-type:${signed}, but the request was sent with Content-Type: ${sent}.`,
            zh:
              sent === undefined
                ? `使用 content-type:${signed} 可以复现该签名，但请求并未发送 Content-Type 头部。`
                : `使用 content-type:${signed} 可以复现该签名，但实际发送的是 Content-Type: ${sent}。`,
          },
        ),
      ]);
    }
  },
};

/** Values copied into the canonical headers as sent (DescribeInstances), not lowercased (describeinstances) or not trimmed. */
export const headerValueNotLowercased: Tc3Candidate = {
  id: 'header-value-not-lowercased',
  *variants(context) {
    const names = context.signedHeaderNames;
    const upper = names.filter((n) => /[A-Z]/.test(capturedHeader(context, n) ?? ''));
    const which = upper.length > 0 ? upper.map((n) => `${n}: ${capturedHeader(context, n)}`).join(', ') : names.join(', ');
    yield* defined([
      withHeaders(
        context,
        names,
        {},
        { lowercaseValues: false },
        {
          en: `The canonical headers kept the values' case (${which}); they must be lowercased.`,
          zh: `CanonicalHeaders 中保留了头部取值的大小写（${which}），应转为小写。`,
        },
      ),
      withHeaders(
        context,
        names,
        {},
        { lowercaseValues: false, trimValues: false },
        {
          en: `The canonical headers kept the values as sent, neither lowercased nor trimmed (${which}).`,
          zh: `CanonicalHeaders 中的头部取值既未转小写也未去首尾空格（${which}）。`,
        },
      ),
    ]);
  },
};

/** Names written as sent (Content-Type, X-TC-Action) in the canonical headers and/or SignedHeaders. */
export const headerNamesNotLowercased: Tc3Candidate = {
  id: 'header-names-not-lowercased',
  *variants(context) {
    const names = context.signedHeaderNames;
    const asSent = canonicalHeadersOf(context.headers, names, {}, { lowercaseNames: false });
    if (!asSent || asSent.signedHeaders === names.join(';')) return;
    const detail = {
      en: `The header names were used as sent (${asSent.signedHeaders}), not lowercased.`,
      zh: `头部名称按发送时的写法使用（${asSent.signedHeaders}），未转成小写。`,
    };
    yield* defined([
      withHeaders(context, names, {}, { lowercaseNames: false }, detail),
      withHeaders(
        context,
        names,
        {},
        { lowercaseNames: false, signedHeaders: names.join(';') },
        {
          en: `${detail.en} (In the canonical headers only; SignedHeaders was lowercase.)`,
          zh: `${detail.zh}（仅 CanonicalHeaders 中如此，SignedHeaders 为小写。）`,
        },
      ),
      withHeaders(
        context,
        names,
        {},
        { lowercaseNames: false, order: names },
        { en: `${detail.en} (Sorted by the lowercase name.)`, zh: `${detail.zh}（按小写名称排序。）` },
      ),
    ]);
  },
};

/** Headers joined in the order they were sent, or listed in SignedHeaders, instead of ASCII order. */
export const headerNamesNotSorted: Tc3Candidate = {
  id: 'header-names-not-sorted',
  *variants(context) {
    const names = context.signedHeaderNames;
    const written = [
      ...new Set(
        context.authorization.signedHeaders
          .split(';')
          .map((n) => n.trim().toLowerCase())
          .filter((n) => names.includes(n)),
      ),
    ];
    const sent = [...new Set(context.headers.map((h) => h.name.trim().toLowerCase()).filter((n) => names.includes(n)))];
    const orders = [written, sent].filter(
      (order, i, all) => order.length === names.length && order.join(';') !== names.join(';') && all.findIndex((o) => o.join() === order.join()) === i,
    );
    for (const order of orders) {
      const how = order === written ? 'in the order SignedHeaders lists them' : 'in the order they were sent';
      const howZh = order === written ? '按 SignedHeaders 中列出的顺序' : '按发送时的顺序';
      yield* defined([
        withHeaders(
          context,
          names,
          {},
          { order },
          {
            en: `The headers were joined ${how} (${order.join(';')}), not in ASCII order (${names.join(';')}).`,
            zh: `头部${howZh}拼接（${order.join(';')}），而不是按 ASCII 升序（${names.join(';')}）。`,
          },
        ),
        withHeaders(
          context,
          names,
          {},
          { order, signedHeaders: names.join(';') },
          {
            en: `The canonical headers were joined ${how} (${order.join(';')}) while SignedHeaders was sorted.`,
            zh: `CanonicalHeaders ${howZh}拼接（${order.join(';')}），而 SignedHeaders 已排序。`,
          },
        ),
      ]);
    }
  },
};

/** CanonicalHeaders and SignedHeaders built from different lists of names. */
export const signedHeadersMismatch: Tc3Candidate = {
  id: 'signed-headers-mismatch',
  *variants(context) {
    const listed = context.signedHeaderNames;
    const line = listed.join(';');
    const sentNames = [...new Set(context.headers.map((h) => h.name.trim().toLowerCase()))].filter((n) => n !== 'authorization');
    const lists: { names: string[]; en: string; zh: string }[] = [];
    const defaults = [...DEFAULT_SIGNED_HEADERS];
    if (defaults.join(';') !== line)
      lists.push({
        names: defaults,
        en: `The canonical headers hold only content-type and host, but SignedHeaders says ${line}.`,
        zh: `CanonicalHeaders 只包含 content-type 和 host，但 SignedHeaders 为 ${line}。`,
      });
    for (const extra of sentNames.filter((n) => !listed.includes(n))) {
      lists.push({
        names: [...listed, extra].sort(),
        en: `The canonical headers also hold ${extra}, which SignedHeaders (${line}) does not list.`,
        zh: `CanonicalHeaders 还包含了 SignedHeaders（${line}）未列出的 ${extra}。`,
      });
    }
    for (const dropped of listed.filter((n) => listed.length > 1 && !defaults.includes(n))) {
      lists.push({
        names: listed.filter((n) => n !== dropped),
        en: `SignedHeaders lists ${dropped}, but the canonical headers did not include it.`,
        zh: `SignedHeaders 列出了 ${dropped}，但 CanonicalHeaders 中没有它。`,
      });
    }
    const all = [...sentNames].sort();
    if (all.join(';') !== line)
      lists.push({
        names: all,
        en: `The canonical headers hold every header sent (${all.join(';')}), but SignedHeaders says ${line}.`,
        zh: `CanonicalHeaders 包含了所有发送的头部（${all.join(';')}），但 SignedHeaders 为 ${line}。`,
      });
    for (const list of lists) yield* defined([withHeaders(context, list.names, {}, { signedHeaders: line }, { en: list.en, zh: list.zh })]);
    // The other way: the canonical headers are right, SignedHeaders was written from another list.
    if (defaults.join(';') !== line) {
      yield* defined([
        withHeaders(
          context,
          listed,
          {},
          { signedHeaders: defaults.join(';') },
          {
            en: `SignedHeaders was signed as content-type;host while the canonical headers hold ${line}.`,
            zh: `签名时 SignedHeaders 为 content-type;host，而 CanonicalHeaders 包含 ${line}。`,
          },
        ),
      ]);
    }
  },
};

export const headerCandidates: readonly Tc3Candidate[] = [
  contentTypeMismatch,
  headerValueNotLowercased,
  headerNamesNotLowercased,
  headerNamesNotSorted,
  signedHeadersMismatch,
];
