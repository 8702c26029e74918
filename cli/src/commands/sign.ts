import { parseJsonBounded, SigningInputError, signTc3, signV1, SigningKeyCache, utcDateOf } from '@iot-devkit/core';
import { UsageError, type Command } from '../Command.js';
import { parseArgs, hasFlag } from '../args.js';
import { formatFields, formatSteps, maskedKey } from '../formatSteps.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { toSignInput } from '../signInput.js';

const TC3_FIELDS = [
  'canonicalRequest',
  'hashedRequestPayload',
  'credentialScope',
  'hashedCanonicalRequest',
  'stringToSign',
  'secretDate',
  'secretService',
  'secretSigning',
  'signature',
  'authorization',
  'headers',
] as const;
const keyCache = new SigningKeyCache();
// An array of requests, each with headers/params objects: a few levels; anything near this limit is not a request.
const SIGN_INPUT_MAX_DEPTH = 16;

/** Signs one input element; the JSON output has exactly the documented fields, in the documented order. */
function signOne(value: unknown): Record<string, unknown> {
  const input = toSignInput(value);
  if (input.scheme === 'v1') {
    const { stringToSign, signature, query } = signV1(input.request, nodeHashProvider);
    return { stringToSign, signature, query };
  }
  const signed = signTc3(input.request, { crypto: nodeHashProvider, keyCache });
  return Object.fromEntries(TC3_FIELDS.map((field) => [field, signed[field]]));
}

function describeForPerson(value: unknown): string {
  const input = toSignInput(value);
  if (input.scheme === 'v1') {
    const r = input.request;
    const signed = signV1(r, nodeHashProvider);
    const header = formatFields([
      ['Scheme', `signature v1 (${r.algorithm})`],
      ['Request', `${r.method} ${r.host}${r.path ?? '/'}`],
      ['SecretKey', maskedKey(r.secretKey)],
    ]);
    return `${header}\n\n${formatSteps(signed.steps)}`;
  }
  const r = input.request;
  const signed = signTc3(r, { crypto: nodeHashProvider, keyCache });
  const header = formatFields([
    ['Scheme', 'TC3-HMAC-SHA256 (signature v3)'],
    ['Request', `${String(r.method).toUpperCase()} ${r.url}`],
    ['SecretId', r.secretId],
    ['SecretKey', maskedKey(r.secretKey)],
    ['Timestamp', `${r.timestamp} = ${new Date(r.timestamp * 1000).toISOString().replace('.000', '')} (credential date ${utcDateOf(r.timestamp)}, UTC)`],
  ]);
  const sent = Object.entries(signed.headers)
    .map(([k, v]) => `    ${k}: ${v}`)
    .join('\n');
  return `${header}\n\n${formatSteps(signed.steps)}\n\nHeaders to send:\n${sent}`;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new SigningInputError('stdin', 'one JSON object or a JSON array of them (nothing was read)');
  // Bounded before anything recurses over it: 20,000 nested arrays used to end in exit 70 (a stack overflow).
  const parsed = parseJsonBounded(text, 'stdin', { maxDepth: SIGN_INPUT_MAX_DEPTH });
  if (parsed.ok) return parsed.value;
  throw new SigningInputError(
    'stdin',
    parsed.problem === 'invalid'
      ? `valid JSON (${parsed.message.replace(/^stdin: not valid JSON \(/, '').replace(/\)$/, '')})`
      : parsed.message.replace(/^stdin: /, ''),
  );
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const signCommand: Command = {
  name: 'sign',
  summary: 'Sign a request (TC3-HMAC-SHA256 or v1) read as JSON from stdin and show every step',
  usage: `Usage: iot-devkit sign [--json] < request.json

Reads one JSON object, or a JSON array of them, from stdin.
  TC3:  {"algorithm":"TC3-HMAC-SHA256","method":"POST","url":"https://iotcloud.tencentcloudapi.com/",
         "headers":{"Content-Type":"application/json","X-TC-Action":"DescribeDeviceShadow"},
         "body":"{...}","timestamp":1551113065,"secretId":"...","secretKey":"...",
         "signedHeaders":["content-type","host"] (optional), "service":"iotcloud" (optional), "token":"..." (optional)}
  v1:   {"algorithm":"HmacSHA1"|"HmacSHA256","method":"GET"|"POST","host":"iotcloud.tencentcloudapi.com","path":"/",
         "params":{...all parameters incl. SecretId, Nonce, Timestamp...},"secretKey":"..."}

  --json   print JSON: TC3 {canonicalRequest, hashedRequestPayload, credentialScope, hashedCanonicalRequest,
           stringToSign, secretDate, secretService, secretSigning, signature, authorization, headers};
           v1 {stringToSign, signature, query}. An array in gives an array out, in the same order; a bad
           element becomes {"error": "..."} and the rest are still signed (exit 0).
Without --json the steps are printed for a person, SecretKey masked.
Exit codes: 0 signed, 2 bad input (one line on stderr naming the field).`,
  async run(context) {
    const parsed = parseArgs(context.args, ['json'], []);
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"; the request is read from stdin`);
    const input = parseJson(await context.readStdin());
    const json = hasFlag(parsed, 'json');
    if (Array.isArray(input)) {
      if (json) {
        const results = input.map((element) => {
          try {
            return signOne(element);
          } catch (error) {
            return { error: errorMessage(error) };
          }
        });
        context.out(JSON.stringify(results, null, 2));
      } else {
        context.out(
          input
            .map(
              (element, i) =>
                `── request ${i + 1} of ${input.length} ──\n${(() => {
                  try {
                    return describeForPerson(element);
                  } catch (error) {
                    return `error: ${errorMessage(error)}`;
                  }
                })()}`,
            )
            .join('\n\n'),
        );
      }
      return 0;
    }
    context.out(json ? JSON.stringify(signOne(input), null, 2) : describeForPerson(input));
    return 0;
  },
};
