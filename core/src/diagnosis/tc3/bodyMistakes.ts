import { diffText } from '../diffText.js';
import { shown } from '../findingOf.js';
import { JSON_STYLES, serializeJson } from './jsonSerializations.js';
import type { Tc3Candidate, Tc3Context } from './Tc3Candidate.js';

// Re-serializing a huge body 32 ways costs more than a diagnosis should; such bodies are rarely hand-built JSON.
const MAX_RESERIALIZED = 1 << 20;

/** The body without its final newlines (\n or \r\n); a loop from the end, where /(\r?\n)+$/ rescans a run of newlines from each of its positions. */
function withoutTrailingNewlines(body: string): string {
  let end = body.length;
  while (end > 0 && body[end - 1] === '\n') end -= body[end - 2] === '\r' ? 2 : 1;
  return body.slice(0, end);
}

const bodySent = (context: Tc3Context) => (context.method === 'GET' ? undefined : context.request.body);

function differenceText(sent: string, signed: string): { en: string; zh: string } {
  const d = diffText(sent, signed);
  if (!d) return { en: '', zh: '' };
  return {
    en: ` First difference at character ${d.index + 1}: sent ${d.expected} / signed ${d.got}.`,
    zh: ` 首个差异位于第 ${d.index + 1} 个字符：发送 ${d.expected} / 签名 ${d.got}。`,
  };
}

/** The body was signed as one JSON text and sent as another: the same data, serialized differently. */
export const bodyJsonReserialized: Tc3Candidate = {
  id: 'body-json-reserialized',
  *variants(context) {
    const sent = bodySent(context);
    if (sent === undefined || sent.length > MAX_RESERIALIZED || !/^\s*[[{]/.test(sent)) return;
    let value: unknown;
    try {
      value = JSON.parse(sent);
    } catch {
      return;
    }
    const seen = new Set([sent]);
    for (const style of JSON_STYLES) {
      const signed = serializeJson(value, style);
      if (seen.has(signed)) continue;
      seen.add(signed);
      const where = differenceText(sent, signed);
      yield {
        parts: { ...context.base, payload: signed },
        detail: {
          en: `The body sent (${sent.length} characters) is not the text that was signed: the signature is reproduced with the same JSON serialized ${style.name}.${where.en}`,
          zh: `实际发送的请求体（${sent.length} 个字符）不是签名时的文本：将同一 JSON 按「${style.name}」方式序列化后可以复现该签名。${where.zh}`,
        },
      };
    }
  },
};

/** A newline was added to or dropped from the end of the body between signing and sending. */
export const bodyTrailingNewline: Tc3Candidate = {
  id: 'body-trailing-newline',
  *variants(context) {
    const sent = bodySent(context);
    if (sent === undefined) return;
    const trimmed = withoutTrailingNewlines(sent);
    const options =
      trimmed !== sent
        ? [[trimmed, 'without the trailing newline the body was sent with']]
        : [
            [sent + '\n', 'with a trailing \\n the body was sent without'],
            [sent + '\r\n', 'with a trailing \\r\\n the body was sent without'],
          ];
    for (const [signed, what] of options) {
      yield {
        parts: { ...context.base, payload: signed! },
        detail: {
          en: `The signature is reproduced with the body ${what}.`,
          zh: `使用${trimmed !== sent ? '去掉末尾换行' : '末尾加上换行'}的请求体可以复现该签名。`,
        },
      };
    }
  },
};

/** A UTF-8 byte order mark was hashed but not sent, or sent but not hashed. */
export const bodyBom: Tc3Candidate = {
  id: 'body-bom',
  *variants(context) {
    const sent = bodySent(context);
    if (sent === undefined) return;
    const hasBom = sent.startsWith('\uFEFF');
    yield {
      parts: { ...context.base, payload: hasBom ? sent.slice(1) : '\uFEFF' + sent },
      detail: hasBom
        ? {
            en: 'The body was sent with a UTF-8 BOM (EF BB BF) in front, but signed without it.',
            zh: '请求体发送时开头带有 UTF-8 BOM（EF BB BF），签名时却没有。',
          }
        : {
            en: 'The body was signed with a UTF-8 BOM (EF BB BF) in front, which was not sent: the file it came from was saved "UTF-8 with BOM".',
            zh: '签名时请求体开头带有 UTF-8 BOM（EF BB BF），发送时却没有：请求体来源文件保存为“带 BOM 的 UTF-8”。',
          },
    };
  },
};

/** A POST body hashed as the empty string, as if the request were a GET. */
export const bodySignedEmpty: Tc3Candidate = {
  id: 'body-signed-empty',
  *variants(context) {
    const sent = bodySent(context);
    if (sent === undefined || sent === '') return;
    yield {
      parts: { ...context.base, payload: '' },
      detail: {
        en: `The payload hash is that of the empty string, but this POST carries a body (${shown(sent, 40)}).`,
        zh: `HashedRequestPayload 是空字符串的哈希，但该 POST 请求带有请求体（${shown(sent, 40)}）。`,
      },
    };
  },
};
