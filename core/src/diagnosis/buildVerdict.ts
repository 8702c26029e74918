import { maskSecret } from '../signing/maskSecret.js';
import type { LocalizedText } from '../signing/SigningStep.js';
import { CAUSE_RULES } from './causeRules.js';
import type { DiagnosisCauseId, DiagnosisFinding, StepDifference } from './DiagnosisCause.js';
import type { DiagnosisVerdict, UnreproducedCandidateId, VerdictCandidate } from './DiagnosisVerdict.js';

/** What the request and the caller's extra evidence say when no known mistake reproduces the signature. */
export interface UnreproducedFacts {
  /** Headers a proxy or gateway adds (Via, X-Forwarded-For…), as sent. */
  readonly proxyHeaders: readonly string[];
  /** The body's length in characters (0 for GET or an empty body). */
  readonly bodyLength: number;
  /** The client's logged canonical request or string to sign compared with the one computed from the request sent. */
  readonly supplied?: { readonly step: 'canonicalRequest' | 'stringToSign'; readonly equal: boolean; readonly part?: string };
}

export interface VerdictParts {
  readonly match: boolean;
  readonly findings: readonly DiagnosisFinding[];
  readonly ruledOut: readonly DiagnosisCauseId[];
  readonly signatureExplained: boolean;
  readonly firstDifferingStep: StepDifference | null;
  readonly variantsTried: number;
  readonly errorCode?: string;
  readonly secretId?: string;
  readonly secretKey: string;
  readonly facts?: UnreproducedFacts;
}

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** Tencent Cloud API keys: a SecretId of 36 characters (AKID…), a SecretKey of 32 letters and digits (CAM console). */
const KEY_SHAPE = /^[A-Za-z0-9]{32}$/;

const DECIDE_BY_INTERMEDIATE = t(
  'Log the canonical request and the string to sign your client builds, and give them to the diagnosis: the first character that differs from the ones computed from the request sent shows what changed. If they are identical, the request is what the client signed and only the key can differ.',
  '打印客户端构造的规范请求串（CanonicalRequest）和待签名字符串（StringToSign），提供给诊断：与根据实际发送的请求计算出的值第一个不同的字符即是被改动之处；若两者完全相同，说明请求就是客户端签名的那一个，只可能是密钥不同。',
);
const DECIDE_BY_SECOND_REQUEST = t(
  'Sign a second, unmodified request (e.g. DescribeProducts with an empty body) with the same SecretKey and send it directly: if it is accepted the key is right and the failing request was changed after signing; if it fails too, the key is wrong.',
  '用同一个 SecretKey 对另一个未经改动的请求（例如请求体为空的 DescribeProducts）签名并直接发送：若成功，说明密钥正确，失败的请求在签名后被改动过；若同样失败，说明密钥不对。',
);

function unreproducedCandidates(parts: VerdictParts): VerdictCandidate[] {
  const facts = parts.facts ?? { proxyHeaders: [], bodyLength: 0 };
  const id = parts.secretId ?? 'the SecretId';
  const key = maskSecret(parts.secretKey);
  const supplied = facts.supplied;
  const candidate = (
    cid: UnreproducedCandidateId,
    title: LocalizedText,
    evidence: LocalizedText,
    howToTell: LocalizedText,
    weight: number,
  ): VerdictCandidate => ({
    id: cid,
    title,
    evidence,
    howToTell,
    weight,
  });

  // The key: SignatureFailure (not SecretIdNotFound) says the server knows the SecretId, so the pair exists; whether
  // the key given here is its other half cannot be seen from one request.
  const keyFacts: string[] = [];
  const keyFactsZh: string[] = [];
  let keyWeight = 2;
  if (parts.errorCode === 'AuthFailure.SignatureFailure') {
    keyFacts.push(`the server answered AuthFailure.SignatureFailure, not SecretIdNotFound: it knows ${id}, so only its key can be the wrong half`);
    keyFactsZh.push(`服务端返回 AuthFailure.SignatureFailure 而不是 SecretIdNotFound：它认识 ${id}，因此只可能是与之配对的密钥不对`);
  }
  if (!KEY_SHAPE.test(parts.secretKey.trim())) {
    keyFacts.push(`the SecretKey given here (${key}) is not 32 letters and digits, the shape of a key from the CAM console`);
    keyFactsZh.push(`此处提供的 SecretKey（${key}）不是 CAM 控制台生成密钥的形状（32 位字母和数字）`);
    keyWeight += 1;
  }
  const requestFacts: string[] = [];
  const requestFactsZh: string[] = [];
  let requestWeight = 2;
  if (facts.proxyHeaders.length > 0) {
    requestFacts.push(`the request went through a proxy or gateway (it carries ${facts.proxyHeaders.join(', ')})`);
    requestFactsZh.push(`请求经过了代理或网关（携带 ${facts.proxyHeaders.join('、')}）`);
    requestWeight += 2;
  }
  if (facts.bodyLength > 0) {
    requestFacts.push(
      `its ${facts.bodyLength}-character body is signed through HashedRequestPayload, so any edit to it after signing (a field renamed, a DeviceName changed) breaks the signature the same way a wrong key does`,
    );
    requestFactsZh.push(
      `其 ${facts.bodyLength} 个字符的请求体经 HashedRequestPayload 参与签名，签名后对它的任何改动（字段改名、DeviceName 被改）都会像密钥错误一样使签名失效`,
    );
  }
  if (supplied) {
    const name = supplied.step === 'canonicalRequest' ? 'canonical request' : 'string to sign';
    const nameZh = supplied.step === 'canonicalRequest' ? '规范请求串' : '待签名字符串';
    if (supplied.equal) {
      keyFacts.push(`your client's ${name} is exactly the one computed from the request sent: the request was not changed, so the key is what differs`);
      keyFactsZh.push(`客户端的${nameZh}与根据实际发送的请求计算出的完全一致：请求未被改动，不同的只能是密钥`);
      keyWeight += 5;
      requestWeight = 0;
    } else {
      requestFacts.push(
        `your client's ${name} differs from the one computed from the request sent${supplied.part ? ` (first in ${supplied.part})` : ''}: what was signed is not what was sent`,
      );
      requestFactsZh.push(
        `客户端的${nameZh}与根据实际发送的请求计算出的不同${supplied.part ? `（首先不同于 ${supplied.part}）` : ''}：签名的内容不是发送的内容`,
      );
      requestWeight += 5;
    }
  }
  const joined = (list: string[], fallback: string, sep: string, end: string) => (list.length > 0 ? list.join(sep) + end : fallback);
  const list: VerdictCandidate[] = [];
  if (requestWeight > 0)
    list.push(
      candidate(
        'request-changed-after-signing',
        t('The request changed after signing (a proxy, code that edits the request after signing)', '请求在签名之后被改动（代理、或签名后修改请求的代码）'),
        t(
          joined(
            requestFacts,
            'Nothing in the Authorization header is malformed and no known mistake reproduces the signature: the request may have been signed as intended, then changed',
            '; ',
            '.',
          ),
          joined(requestFactsZh, 'Authorization 头部格式无误，且没有已知错误能复现签名：请求可能按预期签名，之后被改动', '；', '。'),
        ),
        t(
          'Compare what the client signed with what was sent: its logged canonical request, or the request as it leaves the client before any proxy.',
          '比较客户端签名的内容与实际发送的内容：客户端日志中的规范请求串，或在经过任何代理之前离开客户端时的请求。',
        ),
        requestWeight,
      ),
    );
  list.push(
    candidate(
      'wrong-secret-key',
      t(`A different SecretKey than the one the client used for ${id}`, `客户端为 ${id} 使用的 SecretKey 与此处不同`),
      t(
        joined(keyFacts, `One request cannot show which key signed it; the key given here is ${key}`, '; ', '.'),
        joined(keyFactsZh, `单个请求无法说明它是用哪个密钥签名的；此处提供的密钥为 ${key}`, '；', '。'),
      ),
      DECIDE_BY_SECOND_REQUEST,
      keyWeight,
    ),
  );
  list.push(
    candidate(
      'several-mistakes',
      t('More than one mistake at once', '同时存在多个错误'),
      t(
        `${parts.variantsTried} re-signings each tried one known mistake at a time; two together (e.g. a re-serialized body and a local date) are not tried.`,
        `已尝试的 ${parts.variantsTried} 种重签每次只假设一种已知错误；两种错误同时出现（例如请求体被重新序列化且日期取本地时间）不在尝试之列。`,
      ),
      t(
        'The first differing character of your logged canonical request shows the first mistake; fix it and diagnose again.',
        '客户端日志中的规范请求串第一个不同的字符指出第一个错误；修正后再次诊断。',
      ),
      1,
    ),
  );
  list.push(
    candidate(
      'unknown-change',
      t('A mistake this tool does not know', '本工具尚不认识的错误'),
      t(`None of the ${parts.ruledOut.length} known mistakes reproduces this signature.`, `已知的 ${parts.ruledOut.length} 种错误均不能复现该签名。`),
      DECIDE_BY_INTERMEDIATE,
      0,
    ),
  );
  return list.sort((a, b) => b.weight - a.weight);
}

/** The conclusion shown first, built from the same findings as the rest of the diagnosis. */
export function buildVerdict(parts: VerdictParts): DiagnosisVerdict {
  const ruledOut = parts.ruledOut.map((cause) => ({ cause, title: CAUSE_RULES[cause].title }));
  const first = parts.findings[0];
  const id = parts.secretId ?? 'the SecretId';
  const key = maskSecret(parts.secretKey);
  if (first) {
    const title = CAUSE_RULES[first.cause].title;
    const partial = !parts.match && !parts.signatureExplained;
    return {
      kind: 'cause-found',
      headline: {
        en: `${title.en}: ${first.detail.en}${partial ? ' No known mistake reproduces the signature itself, so something else differs as well.' : ''}`,
        zh: `${title.zh}：${first.detail.zh}${partial ? '没有已知错误能复现签名本身，因此还有其他不同之处。' : ''}`,
      },
      fix: first.fix,
      candidates: [],
      decideWith: partial ? [DECIDE_BY_INTERMEDIATE] : [],
      ruledOut,
    };
  }
  if (parts.match) {
    const rejected = parts.errorCode !== undefined && parts.errorCode !== 'AuthFailure.SignatureExpire';
    return {
      kind: 'signature-correct',
      headline: rejected
        ? t(
            `The signature is correct for the SecretKey given here (${key}), yet the server answered ${parts.errorCode}: the server holds another key for ${id}, or the request changed after this capture.`,
            `该签名对此处提供的 SecretKey（${key}）是正确的，但服务端返回了 ${parts.errorCode}：服务端为 ${id} 保存的是另一个密钥，或请求在本次抓取之后被改动。`,
          )
        : t(
            `The signature is correct: this request is signed correctly with this SecretKey (${key}).`,
            `签名正确：该请求使用此 SecretKey（${key}）的签名是正确的。`,
          ),
      fix: rejected
        ? t(
            `Check in the CAM console (API keys) that ${id} is enabled and that its SecretKey is the one given here; a rotated key keeps its SecretId.`,
            `在 CAM 控制台（API 密钥管理）确认 ${id} 已启用，且其 SecretKey 就是此处提供的这个；轮换后的密钥 SecretId 不变。`,
          )
        : null,
      candidates: [],
      decideWith: rejected ? [DECIDE_BY_SECOND_REQUEST] : [],
      ruledOut,
    };
  }
  const candidates = unreproducedCandidates(parts);
  const [top, next] = candidates;
  const tied = top !== undefined && next !== undefined && top.weight === next.weight;
  return {
    kind: 'not-reproduced',
    headline: {
      en: `No known mistake reproduces this signature (${parts.variantsTried} re-signings, ${parts.ruledOut.length} mistakes ruled out). ${tied ? `From this request alone, "${top.title.en}" and "${next.title.en}" are equally likely.` : `Most likely: ${top!.title.en}.`}`,
      zh: `没有已知错误能复现该签名（已尝试 ${parts.variantsTried} 种重签，排除 ${parts.ruledOut.length} 种错误）。${tied ? `仅凭此请求，“${top.title.zh}”与“${next.title.zh}”可能性相当。` : `最可能：${top!.title.zh}。`}`,
    },
    fix: parts.facts?.supplied?.equal ? DECIDE_BY_SECOND_REQUEST : DECIDE_BY_INTERMEDIATE,
    candidates,
    decideWith: parts.facts?.supplied ? [DECIDE_BY_SECOND_REQUEST] : [DECIDE_BY_INTERMEDIATE, DECIDE_BY_SECOND_REQUEST],
    ruledOut,
  };
}
