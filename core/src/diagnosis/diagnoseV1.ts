import { capturedHeader } from '../capture/CapturedRequest.js';
import { nobleHashProvider } from '../crypto/nobleHashProvider.js';
import { utf8Encode } from '../encoding/bytes.js';
import { percentEncode } from '../encoding/percentEncode.js';
import { maskSecret } from '../signing/maskSecret.js';
import { parseRequestUrl } from '../signing/requestUrl.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import { computeV1Signature, type V1Algorithm } from '../signing/v1/computeV1Signature.js';
import { signV1 } from '../signing/v1/signV1.js';
import { V1_RULES } from '../signing/v1/v1Rules.js';
import { assembleDiagnosis } from './assembleDiagnosis.js';
import type { Diagnosis, DiagnosisCauseId, DiagnosisFinding, StepDifference } from './DiagnosisCause.js';
import type { DiagnosisInput, DiagnosisOptions } from './DiagnosisInput.js';
import { evidenceFindings } from './evidenceChecks.js';
import { findingOf } from './findingOf.js';
import { readSecretKey } from './readSecretKey.js';
import { stepDifference } from './stepDifference.js';
import { unreproducedFacts } from './unreproducedFacts.js';
import { formDecode, v1ParamsOf } from './v1/readV1Params.js';
import type { V1Context, V1Variant } from './v1/V1Candidate.js';
import { V1_CANDIDATES } from './v1/v1Mistakes.js';
import { findV1SignedTimestamp } from './v1/v1TimestampSearch.js';
import { pollutionFinding } from './prototypePollution.js';

const V1_MAX_POST_BYTES = 1024 * 1024;

/** Which part of a v1 sign string a character falls in: the method/host/path prefix or the request string. */
const signStringPart = (prefixLength: number) => (index: number) =>
  index < prefixLength ? 'method + host + path' : 'request string (sorted name=value pairs)';

/**
 * Diagnoses a signature v1 (HmacSHA1/HmacSHA256) request: recomputes the signature from the parameters sent, then
 * re-signs under each known mistake until one reproduces the Signature parameter exactly.
 */
export function diagnoseV1(input: DiagnosisInput, options: DiagnosisOptions = {}): Diagnosis {
  const crypto = options.crypto ?? nobleHashProvider;
  const stopAtFirst = options.stopAtFirst ?? true;
  const { request } = input;
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST')
    throw new SigningInputError('request.method', `GET or POST (signature v1 signs only these), got ${JSON.stringify(request.method)}`);
  const url = parseRequestUrl(request.url, 'request.url');
  const { secretKey, suppliedSecretKey } = readSecretKey(input.secretKey);
  const wire = v1ParamsOf(method, url.query, request.body);
  const signatureParam = wire.find((p) => p.name === 'Signature');
  if (!signatureParam) throw new SigningInputError('request', 'a Signature parameter in the query (GET) or form body (POST) for signature v1');
  const params = wire.filter((p) => p.name !== 'Signature');
  const byName = new Map(params.map((p) => [p.name, p.value]));
  const signatureMethod = byName.get('SignatureMethod');
  const algorithm: V1Algorithm = signatureMethod === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1';
  const hostSent = capturedHeader(request, 'host')?.trim() ?? url.host;
  // The signed host is the request's authority, port included when there is one: the official SDK signs a custom
  // endpoint such as 127.0.0.1:9180 that way (and the cloud's own hosts have no port).
  const host = url.host;
  const sentSecretId = byName.get('SecretId');
  // When the SecretId parameter carries the SecretKey itself (swapped), it is shown masked like any secret.
  const secretId = sentSecretId !== undefined && sentSecretId.trim() === secretKey ? maskSecret(sentSecretId) : sentSecretId;
  const timestampText = byName.get('Timestamp');
  const timestamp = timestampText !== undefined && /^\d{1,15}$/.test(timestampText) ? Number(timestampText) : undefined;

  const findings: DiagnosisFinding[] = [];
  const examined = new Set<DiagnosisCauseId>(['v1-signature-double-encoded']);
  const add = (finding: DiagnosisFinding) => {
    if (!findings.some((f) => f.cause === finding.cause)) findings.push(finding);
  };
  // Seed 001 (请求结构, 请求方式): "POST 请求使用签名方法 v1 (HmacSHA1、HmacSHA256) 时不得超过1MB"; the cloud then answers
  // SignatureFailure "exceeding request size limit, please use new signature method TC3-HMAC-SHA256" whatever the signature.
  const bodyBytes = method === 'POST' ? utf8Encode(request.body).length : 0;
  examined.add('v1-body-over-limit');
  if (bodyBytes > V1_MAX_POST_BYTES)
    add(
      findingOf('v1-body-over-limit', 'request', {
        en: `The POST body is ${bodyBytes} bytes, over signature v1's limit of 1 MB (${V1_MAX_POST_BYTES} bytes); TC3-HMAC-SHA256 takes up to 10 MB.`,
        zh: `POST 请求体为 ${bodyBytes} 字节，超过签名方法 v1 的 1MB（${V1_MAX_POST_BYTES} 字节）上限；TC3-HMAC-SHA256 支持 10MB。`,
      }),
    );
  const evidence = evidenceFindings({
    timestamp,
    sentAt: input.sentAt,
    errorCode: input.errorCode,
    tokenName: 'Token',
    hasToken: byName.has('Token'),
    secretId: sentSecretId,
    secretKey,
  });
  evidence.findings.forEach(add);
  evidence.checked.forEach((c) => examined.add(c));

  const expected = signV1({ algorithm, method, host, path: url.path, params: Object.fromEntries(byName), secretKey }, crypto);
  // The server decodes the parameter once; still-encoded text (%3D) means the client encoded it twice.
  let received = signatureParam.value;
  const match = received === expected.signature;
  if (!match && /%[0-9A-Fa-f]{2}/.test(received)) {
    const twice = formDecode(received);
    const reproduces = twice === expected.signature;
    add(
      findingOf('v1-signature-double-encoded', reproduces ? 'signature-reproduced' : 'request', {
        en: `The Signature parameter is ${signatureParam.raw} on the wire, which decodes to ${received}: still URL-encoded. ${reproduces ? 'Decoded once more it is exactly the right signature.' : 'Even decoded once more it is not the right signature: see the other findings.'}`,
        zh: `Signature 参数在请求中为 ${signatureParam.raw}，解码一次后为 ${received}，仍是 URL 编码形式。${reproduces ? '再解码一次正是正确的签名。' : '再解码一次也不是正确的签名：见其他发现。'}`,
      }),
    );
    received = twice;
  }

  const context: V1Context = {
    method,
    url,
    hostSent,
    host,
    path: url.path,
    params,
    algorithm,
    signatureMethodSent: signatureMethod !== undefined,
    secretKey,
    suppliedSecretKey,
    secretId: sentSecretId,
    requestString: expected.requestString,
  };
  let reproduced: V1Variant | undefined;
  let intermediate: { id: DiagnosisCauseId; variant: V1Variant } | undefined;
  let variantsTried = 0;
  if (received !== expected.signature) {
    const seen = new Set([`${algorithm}\n${secretKey}\n${expected.stringToSign}`]);
    search: for (const candidate of V1_CANDIDATES) {
      examined.add(candidate.id);
      for (const variant of candidate.variants(context)) {
        const key = `${variant.algorithm}\n${variant.secretKey}\n${variant.stringToSign}`;
        if (seen.has(key)) continue;
        seen.add(key);
        variantsTried++;
        if (!reproduced && computeV1Signature(variant.algorithm, variant.secretKey, variant.stringToSign, crypto) === received) {
          reproduced = variant;
          add(findingOf(candidate.id, 'signature-reproduced', variant.detail));
          if (stopAtFirst) break search;
        }
        // A pasted sign string equal to the expected one names no mistake (every key variant shares it).
        if (!intermediate && variant.stringToSign === input.stringToSign && input.stringToSign !== expected.stringToSign)
          intermediate = { id: candidate.id, variant };
      }
    }
    // Last, the exact search for the signed Timestamp: three days of seconds, one HMAC each.
    if (!reproduced && timestamp !== undefined) {
      examined.add('v1-timestamp-mismatch');
      const search = findV1SignedTimestamp(
        expected.stringToSign,
        timestampText!,
        timestamp,
        algorithm,
        secretKey,
        received,
        crypto,
        options.timestampSearchRadius,
      );
      variantsTried += search.tried;
      if (search.variant) {
        reproduced = search.variant;
        add(findingOf('v1-timestamp-mismatch', 'signature-reproduced', search.variant.detail));
      }
    }
    if (!reproduced && input.stringToSign !== undefined && input.stringToSign !== expected.stringToSign) {
      examined.add('array-prototype-polluted');
      const finding = pollutionFinding(
        'string to sign',
        input.stringToSign,
        expected.stringToSign,
        (text) => computeV1Signature(algorithm, secretKey, text, crypto) === received,
      );
      if (finding) {
        add(finding);
        if (finding.evidence === 'signature-reproduced') intermediate = undefined;
      }
    }
    if (!reproduced && intermediate) {
      add(
        findingOf(intermediate.id, 'supplied-intermediate', {
          en: `${intermediate.variant.detail.en} (Shown by the string to sign you pasted; the signature itself was not reproduced, so the key or algorithm differs as well.)`,
          zh: `${intermediate.variant.detail.zh}（依据您粘贴的签名原文判断；签名本身未能复现，说明密钥或算法也有不同。）`,
        }),
      );
    }
  }

  const prefixLength = `${method}${host}${url.path}?`.length;
  let first: StepDifference | null = null;
  if (input.stringToSign !== undefined && input.stringToSign !== expected.stringToSign) {
    first = stepDifference('stringToSign', V1_RULES.stringToSign.title, 'supplied', expected.stringToSign, input.stringToSign);
    if (first.diff) first = { ...first, part: signStringPart(prefixLength)(first.diff.index) };
  } else if (!match) {
    if (reproduced && reproduced.stringToSign !== expected.stringToSign) {
      first = stepDifference('stringToSign', V1_RULES.stringToSign.title, 'reproduced', expected.stringToSign, reproduced.stringToSign);
      if (first.diff) first = { ...first, part: signStringPart(prefixLength)(first.diff.index) };
    } else if (received === expected.signature) {
      first = stepDifference('query', V1_RULES.query.title, 'reproduced', `Signature=${percentEncode(expected.signature)}`, `Signature=${signatureParam.raw}`);
    } else {
      first = stepDifference('signature', V1_RULES.signature.title, reproduced ? 'reproduced' : 'signature', expected.signature, received);
    }
  }

  return assembleDiagnosis({
    scheme: algorithm,
    match,
    findings,
    examined,
    firstDifferingStep: first,
    expectedSignature: expected.signature,
    receivedSignature: signatureParam.value,
    steps: expected.steps,
    variantsTried,
    errorCode: input.errorCode,
    secretId,
    secretKey: suppliedSecretKey,
    facts: unreproducedFacts(
      request.headers,
      method === 'GET' ? '' : request.body,
      input.stringToSign === undefined
        ? undefined
        : { step: 'stringToSign', equal: input.stringToSign === expected.stringToSign, ...(first?.part ? { part: first.part } : {}) },
    ),
  });
}
