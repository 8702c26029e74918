import assert from 'node:assert/strict';
import { DIAGNOSIS_CAUSES, diagnose, type Diagnosis, type DiagnosisCauseId, type DiagnosisInput } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { capturedTc3, referenceTc3, utcDate, type RawTc3 } from './referenceSigners.js';
import { sdkSignedTc3 } from './sdkSignedRequest.js';

// The TC3 mistake scenarios both test files use: a request signed right (the doc's timestamp, a made-up key pair),
// what a scenario changes in what was signed or sent, and the check that a diagnosis names a cause. The wrong
// signature is built by an independent signer over the altered input (as the buggy client would), the request
// carries what was really sent, and the diagnosis must name the mistake.
export const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
export const KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
export const HOST = 'iotcloud.tencentcloudapi.com';
// The doc's timestamp: 2019-02-25 16:44:25 UTC, already 2019-02-26 00:44 in UTC+8.
export const TS = 1551113065;
export const BODY = '{"ProductId":"ABCDEFGHIJ","DeviceName":"温度计-1","Limit":1}';
export const SENT: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['Host', HOST],
  ['X-TC-Action', 'DescribeDevice'],
  ['X-TC-Timestamp', String(TS)],
  ['X-TC-Version', '2021-04-08'],
  ['X-TC-Region', 'ap-guangzhou'],
];
export const SIGNED = 'content-type;host;x-tc-action';
export const CANONICAL = `content-type:application/json\nhost:${HOST}\nx-tc-action:describedevice\n`;
export const RIGHT: RawTc3 = {
  canonicalHeaders: CANONICAL,
  signedHeaders: SIGNED,
  payload: BODY,
  timestamp: TS,
  date: utcDate(TS),
  service: 'iotcloud',
  secretKey: KEY,
};

export const TC3_CAUSES = DIAGNOSIS_CAUSES.filter((c) => !c.startsWith('v1-'));
/** The causes tc3RealWorldCauses.test.ts proves; tc3Mistakes.test.ts proves every other TC3 cause (each in after()). */
export const REAL_WORLD_CAUSES: readonly DiagnosisCauseId[] = ['body-json-sent-as-form', 'header-value-untrimmed', 'array-prototype-polluted'];
export const DOCUMENTED_MISTAKE_CAUSES: readonly DiagnosisCauseId[] = TC3_CAUSES.filter((c) => !REAL_WORLD_CAUSES.includes(c));

const covered = new Set<DiagnosisCauseId>();
let runs = 0;
/** Half the runs with node:crypto injected, half with the pure-JS default: the verdict must not depend on it. */
const alternateCrypto = () => (runs++ % 2 === 0 ? { crypto: nodeHashProvider } : {});

export interface Scenario {
  raw?: Partial<RawTc3>;
  headers?: [string, string][];
  body?: string;
  auth?: { date?: string; service?: string; signedHeaders?: string; secretId?: string };
  input?: Partial<DiagnosisInput>;
}

export function run(scenario: Scenario): Diagnosis {
  const raw = { ...RIGHT, ...scenario.raw };
  const { signature } = referenceTc3(raw);
  const request = capturedTc3({
    headers: scenario.headers ?? SENT,
    body: scenario.body ?? BODY,
    secretId: scenario.auth?.secretId ?? SECRET_ID,
    date: scenario.auth?.date ?? raw.date,
    service: scenario.auth?.service ?? raw.service,
    signedHeaders: scenario.auth?.signedHeaders ?? raw.signedHeaders,
    signature,
  });
  return diagnose({ request, secretKey: KEY, ...scenario.input }, alternateCrypto());
}

/** A request the official SDK signed (its Content-Type verbatim, the URL's hostname without port), sent with `sent`. */
export function sdkSigned(options: { signedContentType: string; body?: string; sent: [string, string][]; sentBody?: string }): Diagnosis {
  const request = sdkSignedTc3({ secretId: SECRET_ID, secretKey: KEY, timestamp: TS, ...options, body: options.body ?? BODY });
  return diagnose({ request, secretKey: KEY }, alternateCrypto());
}

export function expectCause(diagnosis: Diagnosis, cause: DiagnosisCauseId, evidence = 'signature-reproduced'): void {
  assert.equal(diagnosis.cause, cause, `${diagnosis.cause}: ${diagnosis.explanation.en}`);
  assert.equal(diagnosis.findings[0]!.evidence, evidence);
  assert.ok(!diagnosis.ruledOut.includes(cause));
  assert.ok(diagnosis.explanation.en.includes('The doc: "') && diagnosis.explanation.zh.includes('文档原文：“'), 'the doc rule is quoted in both languages');
  assert.ok(diagnosis.fix && diagnosis.fix.en.length > 10 && diagnosis.fix.zh.length > 5);
  assert.ok(!JSON.stringify(diagnosis).includes(KEY), 'the SecretKey never appears in a diagnosis');
  covered.add(cause);
}

/** For a file's after(): every cause it is to prove was produced by one of its tests. */
export function assertCovered(causes: readonly DiagnosisCauseId[]): void {
  assert.deepEqual(
    causes.filter((c) => !covered.has(c)),
    [],
  );
}
