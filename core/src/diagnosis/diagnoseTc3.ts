import { capturedHeader, capturedHeaderRecord, type CapturedHeader } from '../capture/CapturedRequest.js';
import { nobleHashProvider } from '../crypto/nobleHashProvider.js';
import { maskSecret } from '../signing/maskSecret.js';
import { parseRequestUrl } from '../signing/requestUrl.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import { buildCanonicalHeaders, DEFAULT_SIGNED_HEADERS } from '../signing/tc3/buildCanonicalHeaders.js';
import { MAX_TC3_TIMESTAMP, utcDateOf } from '../signing/tc3/buildCredentialScope.js';
import { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import { serviceFromHost } from '../signing/tc3/serviceFromHost.js';
import { signTc3 } from '../signing/tc3/signTc3.js';
import { TC3_RULES } from '../signing/tc3/tc3Rules.js';
import type { LocalizedText } from '../signing/SigningStep.js';
import { assembleDiagnosis } from './assembleDiagnosis.js';
import type { Diagnosis, DiagnosisCauseId, DiagnosisFinding, StepDifference } from './DiagnosisCause.js';
import type { DiagnosisInput, DiagnosisOptions } from './DiagnosisInput.js';
import { evidenceFindings } from './evidenceChecks.js';
import { findingOf } from './findingOf.js';
import { readTc3Authorization } from './readTc3Authorization.js';
import { canonicalRequestPart, stepDifference, stringToSignPart } from './stepDifference.js';
import { localDateDetail } from './tc3/dateMistakes.js';
import { findSignedTimestamp } from './tc3/timestampMistakes.js';
import { pollutionFinding } from './prototypePollution.js';
import { fromHex } from '../encoding/bytes.js';
import { hashCanonicalRequest, TC3_ALGORITHM } from '../signing/tc3/buildStringToSign.js';
import { computeSignature } from '../signing/tc3/computeSignature.js';
import { Tc3PartsSigner, type Tc3Parts, type Tc3PartsValues } from './tc3/signTc3Parts.js';
import type { Tc3Context } from './tc3/Tc3Candidate.js';
import { TC3_CANDIDATES } from './tc3/tc3Candidates.js';
import { readSecretKey } from './readSecretKey.js';
import { unreproducedFacts } from './unreproducedFacts.js';

const partsKey = (p: Tc3Parts) =>
  [p.method, p.canonicalUri, p.canonicalQuery, p.canonicalHeaders, p.signedHeaders, p.payload, p.timestamp, p.date, p.service, p.secretKey].join('\u0000');

/** The first step where a reproduced (mistaken) signing departs from the expected one; the body itself when that is what changed. */
function reproducedDifference(expected: Tc3Parts, expectedValues: Tc3PartsValues, got: Tc3Parts, gotValues: Tc3PartsValues): StepDifference {
  if (got.payload !== expected.payload) {
    return {
      ...stepDifference('hashedRequestPayload', TC3_RULES.hashedRequestPayload.title, 'reproduced', expected.payload, got.payload),
      part: 'RequestPayload (the body sent vs the body signed)',
    };
  }
  const steps = [
    ['canonicalRequest', (line: number) => canonicalRequestPart(expectedValues.canonicalRequest, line)],
    ['credentialScope', undefined],
    ['stringToSign', stringToSignPart],
    ['secretSigning', undefined],
  ] as const;
  for (const [step, partOf] of steps) {
    if (expectedValues[step] !== gotValues[step])
      return stepDifference(step, TC3_RULES[step].title, 'reproduced', expectedValues[step], gotValues[step], partOf);
  }
  return stepDifference('signature', TC3_RULES.signature.title, 'reproduced', expectedValues.signature, gotValues.signature);
}

const confirmed = (detail: LocalizedText, reproduces: boolean): LocalizedText =>
  reproduces
    ? {
        en: `${detail.en} Re-signing with it reproduces the signature exactly: nothing else is wrong.`,
        zh: `${detail.zh} 按此重新签名可精确复现该签名：除此之外没有其他错误。`,
      }
    : {
        en: `${detail.en} (Re-signing with it alone does not reproduce the signature: something else differs too.)`,
        zh: `${detail.zh}（仅按此重新签名不能复现该签名：还有其他不同之处。）`,
      };

/** The whole seconds of an X-TC-Timestamp written in milliseconds (13 digits) or with a fraction ("1796150316.482"). */
function headerInOtherUnit(text: string): number | undefined {
  if (/^\d{13}$/.test(text)) return Math.floor(Number(text) / 1000);
  if (/^\d{9,11}\.\d{1,9}$/.test(text)) return Math.floor(Number(text));
  return undefined;
}

/** The client's logged canonical request (or else string to sign) against the one computed from the request sent. */
function suppliedComparison(input: DiagnosisInput, signed: { canonicalRequest: string; stringToSign: string }, first: StepDifference | null) {
  const part = first?.source === 'supplied' && first.part ? { part: first.part } : {};
  if (input.canonicalRequest !== undefined) return { step: 'canonicalRequest' as const, equal: input.canonicalRequest === signed.canonicalRequest, ...part };
  if (input.stringToSign !== undefined) return { step: 'stringToSign' as const, equal: input.stringToSign === signed.stringToSign, ...part };
  return undefined;
}

/**
 * Diagnoses a TC3-HMAC-SHA256 request: recomputes the signature by the doc's rules from what was sent, then
 * re-signs under each known mistake until one reproduces the request's signature exactly.
 */
export function diagnoseTc3(input: DiagnosisInput, options: DiagnosisOptions = {}): Diagnosis {
  const crypto = options.crypto ?? nobleHashProvider;
  const stopAtFirst = options.stopAtFirst ?? true;
  const { request } = input;
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST')
    throw new SigningInputError('request.method', `GET or POST (API 3.0 signs only these), got ${JSON.stringify(request.method)}`);
  const url = parseRequestUrl(request.url, 'request.url');
  const { secretKey, suppliedSecretKey } = readSecretKey(input.secretKey);
  // Without a captured Host header, the client sent the URL's authority, port included (curl and fetch do).
  const headers: readonly CapturedHeader[] =
    capturedHeader(request, 'host') === undefined ? [...request.headers, { name: 'Host', value: url.host }] : request.headers;
  const host = capturedHeader({ headers }, 'host')!.trim();
  const findings: DiagnosisFinding[] = [];
  const examined = new Set<DiagnosisCauseId>(['authorization-malformed', 'timestamp-header-missing', 'signed-header-missing', 'required-header-not-signed']);
  const add = (finding: DiagnosisFinding) => {
    if (!findings.some((f) => f.cause === finding.cause)) findings.push(finding);
  };

  const reading = readTc3Authorization(capturedHeader(request, 'authorization') ?? '');
  if (!reading.ok)
    add(
      findingOf('authorization-malformed', 'request', {
        en: `The Authorization header is not in the TC3 form: ${reading.problem}.`,
        zh: `Authorization 头部不符合 TC3 格式：${reading.problem}。`,
      }),
    );
  const auth = reading.ok ? reading.value : undefined;

  const timestampText = capturedHeader(request, 'x-tc-timestamp');
  // Past year 9999 no credential date can be written for it (and past 8.64e12 s not even a Date): not a timestamp the server reads.
  const timestamp =
    timestampText !== undefined && /^\s*\d{1,15}\s*$/.test(timestampText) && Number(timestampText.trim()) <= MAX_TC3_TIMESTAMP
      ? Number(timestampText.trim())
      : undefined;
  if (timestamp === undefined) {
    add(
      findingOf(
        'timestamp-header-missing',
        'request',
        timestampText === undefined
          ? {
              en: 'The request has no X-TC-Timestamp header; the server cannot rebuild the string to sign.',
              zh: '请求没有 X-TC-Timestamp 头部，服务端无法重建待签名字符串。',
            }
          : {
              en: `X-TC-Timestamp is ${JSON.stringify(timestampText)}, not an integer number of seconds up to ${MAX_TC3_TIMESTAMP} (9999-12-31).`,
              zh: `X-TC-Timestamp 为 ${JSON.stringify(timestampText)}，不是不超过 ${MAX_TC3_TIMESTAMP}（9999-12-31）的整数秒。`,
            },
      ),
    );
  }

  const evidence = evidenceFindings({
    timestamp,
    sentAt: input.sentAt,
    errorCode: input.errorCode,
    tokenName: 'X-TC-Token',
    hasToken: capturedHeader(request, 'x-tc-token') !== undefined,
    secretId: auth?.secretId,
    secretKey,
  });
  evidence.findings.forEach(add);
  evidence.checked.forEach((c) => examined.add(c));

  const listed = auth ? auth.signedHeaders.split(';') : [...DEFAULT_SIGNED_HEADERS];
  const names = [...new Set(listed.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''))].sort();
  const sentNames = new Set(headers.map((h) => h.name.trim().toLowerCase()));
  const missing = names.filter((n) => !sentNames.has(n));
  if (missing.length > 0)
    add(
      findingOf('signed-header-missing', 'request', {
        en: `SignedHeaders lists ${missing.join(', ')}, but the request does not carry ${missing.length > 1 ? 'them' : 'it'}.`,
        zh: `SignedHeaders 列出了 ${missing.join('、')}，但请求中没有该头部。`,
      }),
    );
  const unsigned = DEFAULT_SIGNED_HEADERS.filter((n) => !names.includes(n));
  if (auth && unsigned.length > 0)
    add(
      findingOf('required-header-not-signed', 'authorization-header', {
        en: `SignedHeaders is ${auth.signedHeaders}: it lacks ${unsigned.join(' and ')}.`,
        zh: `SignedHeaders 为 ${auth.signedHeaders}，缺少 ${unsigned.join(' 和 ')}。`,
      }),
    );
  const present = names.filter((n) => sentNames.has(n));

  const service = input.service ?? serviceFromHost(host) ?? serviceFromHost(url.hostname) ?? auth?.service;
  if (service === undefined)
    throw new SigningInputError(
      'service',
      `the service name (e.g. "iotcloud"): the host ${url.host} is not *.tencentcloudapi.com and the Authorization header does not say`,
    );
  // When the Credential carries the SecretKey itself (swapped), it is shown masked like any secret.
  const secretId = auth && auth.secretId.trim() === secretKey ? maskSecret(auth.secretId) : auth?.secretId;
  const common = {
    scheme: 'TC3-HMAC-SHA256' as const,
    errorCode: input.errorCode,
    secretId,
    secretKey: suppliedSecretKey,
    receivedSignature: auth?.signature ?? '',
  };
  if (timestamp === undefined || present.length === 0) {
    const unit =
      auth && present.length > 0 && timestampText !== undefined && !names.includes('x-tc-timestamp') ? headerInOtherUnit(timestampText.trim()) : undefined;
    let variantsTried = 0;
    // A header in milliseconds or with a fraction: the server cannot read it, but the second the client signed can still be found.
    if (unit !== undefined && auth) {
      examined.add('timestamp-mismatch');
      const parts: Tc3Parts = {
        method,
        canonicalUri: url.path,
        canonicalQuery: method === 'GET' ? url.query : '',
        ...buildCanonicalHeaders(capturedHeaderRecord({ headers }), present),
        payload: method === 'GET' ? '' : request.body,
        timestamp: String(unit),
        date: auth.date,
        service: auth.service,
        secretKey,
      };
      const search = findSignedTimestamp(
        parts,
        new Tc3PartsSigner(crypto).sign(parts),
        timestampText!.trim(),
        unit,
        auth.signature,
        crypto,
        options.timestampSearchRadius,
      );
      variantsTried = search.tried;
      if (search.variant) add(findingOf('timestamp-mismatch', 'signature-reproduced', search.variant.detail));
    }
    return assembleDiagnosis({ ...common, match: false, findings, examined, firstDifferingStep: null, expectedSignature: '', steps: [], variantsTried });
  }

  const record = capturedHeaderRecord({ headers });
  const signed = signTc3(
    { method, url: request.url, headers: record, body: request.body, timestamp, secretId: secretId || '(none)', secretKey, signedHeaders: present, service },
    { crypto, keyCache: new SigningKeyCache(4) },
  );
  const expected: Tc3Parts = {
    method,
    canonicalUri: url.path,
    canonicalQuery: method === 'GET' ? url.query : '',
    ...buildCanonicalHeaders(record, present),
    payload: method === 'GET' ? '' : request.body,
    timestamp: String(timestamp),
    date: utcDateOf(timestamp),
    service,
    secretKey,
  };
  const received = auth?.signature ?? '';
  const match = auth !== undefined && received === signed.signature;
  const base: Tc3Parts = auth ? { ...expected, date: auth.date, service: auth.service } : expected;
  const signer = new Tc3PartsSigner(crypto);
  const expectedValues = signer.sign(expected);
  const baseValues = base === expected || (base.date === expected.date && base.service === expected.service) ? undefined : signer.sign(base);
  const baseReproduces = baseValues !== undefined && baseValues.signature === received;

  // Mistakes visible in the Authorization header itself.
  if (auth && auth.date !== expected.date) {
    examined.add('local-date-not-utc');
    const local = localDateDetail(timestamp, auth.date);
    if (local) add(findingOf('local-date-not-utc', baseReproduces ? 'signature-reproduced' : 'authorization-header', confirmed(local, baseReproduces)));
    else {
      add(
        findingOf(
          'timestamp-mismatch',
          baseReproduces ? 'signature-reproduced' : 'authorization-header',
          confirmed(
            {
              en: `The credential date ${auth.date} is neither the UTC date of X-TC-Timestamp ${timestamp} (${expected.date}) nor its local date in any time zone: the date was computed from another time than the timestamp sent.`,
              zh: `凭证日期 ${auth.date} 既不是 X-TC-Timestamp ${timestamp} 的 UTC 日期（${expected.date}），也不是任何时区的本地日期：日期取自与所发送时间戳不同的时间。`,
            },
            baseReproduces,
          ),
        ),
      );
    }
  }
  if (auth && auth.service !== service) {
    add(
      findingOf(
        'wrong-service',
        baseReproduces ? 'signature-reproduced' : 'authorization-header',
        confirmed(
          {
            en: `The credential scope says service "${auth.service}", but the host ${host} is product "${service}".${auth.service === 'cvm' ? ' "cvm" is the doc\'s example, copied as is.' : ''}`,
            zh: `凭证范围中的 service 为 "${auth.service}"，但域名 ${host} 对应的产品是 "${service}"。${auth.service === 'cvm' ? '"cvm" 是文档示例中的取值，被原样照抄了。' : ''}`,
          },
          baseReproduces,
        ),
      ),
    );
  }

  let reproduced: { parts: Tc3Parts; values: Tc3PartsValues } | undefined = baseReproduces ? { parts: base, values: baseValues! } : undefined;
  let intermediate: { id: DiagnosisCauseId; detail: LocalizedText } | undefined;
  let timestampTries = 0;
  if (auth && !match && !baseReproduces) {
    const context: Tc3Context = {
      request,
      method,
      url,
      headers,
      authorization: auth,
      signedHeaderNames: names,
      timestamp,
      secretKey,
      suppliedSecretKey,
      expected,
      base,
    };
    const seen = new Set([partsKey(expected), partsKey(base)]);
    search: for (const candidate of TC3_CANDIDATES) {
      examined.add(candidate.id);
      for (const variant of candidate.variants(context)) {
        const key = partsKey(variant.parts);
        if (seen.has(key)) continue;
        seen.add(key);
        const values = signer.sign(variant.parts);
        if (values.signature === received && !reproduced) {
          reproduced = { parts: variant.parts, values };
          add(findingOf(candidate.id, 'signature-reproduced', variant.detail));
          if (stopAtFirst) break search;
        }
        // Only a pasted string that departs from the expected one can point at a mistake: one equal to it says the
        // request was signed as sent, and every key or scope variant shares it.
        if (
          !intermediate &&
          ((values.canonicalRequest === input.canonicalRequest && input.canonicalRequest !== expectedValues.canonicalRequest) ||
            (values.stringToSign === input.stringToSign && input.stringToSign !== expectedValues.stringToSign))
        )
          intermediate = { id: candidate.id, detail: variant.detail };
      }
    }
    // Last, the exact search for the signed timestamp: a day and more of seconds, one HMAC each.
    if (!reproduced && !names.includes('x-tc-timestamp')) {
      examined.add('timestamp-mismatch');
      const search = findSignedTimestamp(base, baseValues ?? expectedValues, timestampText!.trim(), timestamp, received, crypto, options.timestampSearchRadius);
      timestampTries = search.tried;
      if (search.variant) {
        reproduced = { parts: search.variant.parts, values: signer.sign(search.variant.parts) };
        add(findingOf('timestamp-mismatch', 'signature-reproduced', search.variant.detail));
      }
    }
    // The client's own canonical request, signed as it is: when a polluted Array.prototype shows in it.
    if (!reproduced && input.canonicalRequest !== undefined && input.canonicalRequest !== expectedValues.canonicalRequest) {
      examined.add('array-prototype-polluted');
      const values = baseValues ?? expectedValues;
      const finding = pollutionFinding(
        'canonical request',
        input.canonicalRequest,
        expectedValues.canonicalRequest,
        (text) =>
          computeSignature(
            fromHex(values.secretSigning)!,
            `${TC3_ALGORITHM}\n${base.timestamp}\n${values.credentialScope}\n${hashCanonicalRequest(text, crypto)}`,
            crypto,
          ) === received,
      );
      if (finding) {
        add(finding);
        if (finding.evidence === 'signature-reproduced') intermediate = undefined;
      }
    }
    if (!reproduced && intermediate) {
      add(
        findingOf(intermediate.id, 'supplied-intermediate', {
          en: `${intermediate.detail.en} (Shown by the intermediate string you pasted; the signature itself was not reproduced, so the key or a later step differs as well.)`,
          zh: `${intermediate.detail.zh}（依据您粘贴的中间字符串判断；签名本身未能复现，说明密钥或之后的步骤也有不同。）`,
        }),
      );
    }
  }

  let first: StepDifference | null = null;
  if (input.canonicalRequest !== undefined && input.canonicalRequest !== signed.canonicalRequest) {
    first = stepDifference('canonicalRequest', TC3_RULES.canonicalRequest.title, 'supplied', signed.canonicalRequest, input.canonicalRequest, (line) =>
      canonicalRequestPart(signed.canonicalRequest, line),
    );
  } else if (input.stringToSign !== undefined && input.stringToSign !== signed.stringToSign) {
    first = stepDifference('stringToSign', TC3_RULES.stringToSign.title, 'supplied', signed.stringToSign, input.stringToSign, stringToSignPart);
  } else if (auth && !match) {
    if (reproduced) first = reproducedDifference(expected, expectedValues, reproduced.parts, reproduced.values);
    else if (auth.date !== expected.date || auth.service !== service)
      first = stepDifference(
        'credentialScope',
        TC3_RULES.credentialScope.title,
        'authorization-header',
        expectedValues.credentialScope,
        `${auth.date}/${auth.service}/tc3_request`,
      );
    else if (auth.signedHeaders !== expected.signedHeaders)
      first = {
        ...stepDifference('canonicalRequest', TC3_RULES.canonicalRequest.title, 'authorization-header', expected.signedHeaders, auth.signedHeaders),
        part: 'SignedHeaders',
      };
    else first = stepDifference('signature', TC3_RULES.signature.title, 'signature', signed.signature, received);
  }

  return assembleDiagnosis({
    ...common,
    match,
    findings,
    examined,
    firstDifferingStep: first,
    expectedSignature: signed.signature,
    steps: signed.steps,
    variantsTried: signer.signed + timestampTries,
    facts: unreproducedFacts(headers, method === 'GET' ? '' : request.body, suppliedComparison(input, signed, first)),
  });
}
