import { maskSecret } from '../signing/maskSecret.js';
import type { LocalizedText, SigningStep } from '../signing/SigningStep.js';
import { buildVerdict, type UnreproducedFacts } from './buildVerdict.js';
import { CAUSE_RULES } from './causeRules.js';
import { DIAGNOSIS_CAUSES, type Diagnosis, type DiagnosisCauseId, type DiagnosisFinding, type DiagnosisScheme, type StepDifference } from './DiagnosisCause.js';

export interface DiagnosisParts {
  readonly scheme: DiagnosisScheme;
  readonly match: boolean;
  readonly findings: readonly DiagnosisFinding[];
  /** Every cause checked or tried, found or not. */
  readonly examined: Iterable<DiagnosisCauseId>;
  readonly firstDifferingStep: StepDifference | null;
  readonly expectedSignature: string;
  readonly receivedSignature: string;
  readonly steps: readonly SigningStep[];
  readonly variantsTried: number;
  readonly errorCode?: string;
  readonly secretId?: string;
  readonly secretKey: string;
  /** What the request says about the candidates that remain when nothing reproduces the signature. */
  readonly facts?: UnreproducedFacts;
}

function verdictWithoutCause(parts: DiagnosisParts, ruledOut: readonly DiagnosisCauseId[]): LocalizedText {
  const id = parts.secretId ?? 'the SecretId';
  if (parts.match) {
    const still =
      parts.errorCode && parts.errorCode !== 'AuthFailure.SignatureExpire'
        ? {
            en: ` Yet the server answered ${parts.errorCode}: the SecretKey given here (${maskSecret(parts.secretKey)}) is probably not the one the server holds for ${id} (another key pair, or a key that was rotated), or the request was changed in transit after this capture (a proxy, a gateway).`,
            zh: ` 但服务端返回了 ${parts.errorCode}：此处提供的 SecretKey（${maskSecret(parts.secretKey)}）很可能不是服务端为 ${id} 保存的那一个（另一对密钥，或已轮换的密钥），或请求在本次抓取之后被代理、网关改动。`,
          }
        : { en: '', zh: '' };
    return {
      en: `The signature matches: this request is signed correctly with this SecretKey.${still.en}`,
      zh: `签名一致：该请求使用此 SecretKey 的签名是正确的。${still.zh}`,
    };
  }
  const titles = ruledOut.map((c) => CAUSE_RULES[c].title);
  return {
    en: `Nothing reproduces the signature: ${parts.variantsTried} re-signings under ${ruledOut.length} known mistakes were tried and ruled out (${titles.map((t) => t.en).join('; ')}). What remains: the SecretKey given here (${maskSecret(parts.secretKey)}) is not the one the client used for ${id}; or more than one mistake at once; or a change this tool does not know. Paste the client's own canonical request or string to sign to see the first character that differs.`,
    zh: `没有任何已知错误能复现该签名：已尝试 ${parts.variantsTried} 种重签，排除了 ${ruledOut.length} 种已知错误（${titles.map((t) => t.zh).join('；')}）。剩下的可能：此处提供的 SecretKey（${maskSecret(parts.secretKey)}）不是客户端为 ${id} 实际使用的密钥；同时存在多个错误；或本工具尚不认识的改动。请提供客户端自己打印的规范请求串或待签名字符串，以定位第一个不同的字符。`,
  };
}

/**
 * Replaces the SecretKey wherever it ended up in text (a SecretId parameter that carries it is signed, so it is
 * in the steps): a diagnosis is meant to be shown and shared.
 */
function scrub<T>(value: T, secret: string): T {
  if (typeof value === 'string') return (value.includes(secret) ? value.split(secret).join(maskSecret(secret)) : value) as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secret)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secret)])) as T;
  return value;
}

/** The answer: the first finding is the cause; everything examined and not found is ruled out, in the stable id order. */
export function assembleDiagnosis(parts: DiagnosisParts): Diagnosis {
  const found = new Set(parts.findings.map((f) => f.cause));
  const examined = new Set(parts.examined);
  const ruledOut = DIAGNOSIS_CAUSES.filter((c) => examined.has(c) && !found.has(c));
  const first = parts.findings[0];
  const secret = parts.secretKey.trim();
  const signatureExplained = parts.match || parts.findings.some((f) => f.evidence === 'signature-reproduced');
  const diagnosis: Diagnosis = {
    scheme: parts.scheme,
    verdict: buildVerdict({ ...parts, ruledOut, signatureExplained }),
    match: parts.match,
    cause: first?.cause ?? null,
    explanation: first?.explanation ?? verdictWithoutCause(parts, ruledOut),
    fix: first?.fix ?? null,
    firstDifferingStep: parts.firstDifferingStep,
    ruledOut,
    findings: parts.findings,
    expectedSignature: parts.expectedSignature,
    receivedSignature: parts.receivedSignature,
    steps: parts.steps,
    signatureExplained,
    variantsTried: parts.variantsTried,
  };
  // Short made-up keys (tests, demos) would turn every matching letter into ****; real keys are 32+ characters.
  return secret.length >= 8 ? scrub(diagnosis, secret) : diagnosis;
}
