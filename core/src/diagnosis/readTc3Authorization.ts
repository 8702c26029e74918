import { TC3_ALGORITHM } from '../signing/tc3/buildStringToSign.js';

/** The parts of a TC3 Authorization header, as written by the developer's code. */
export interface Tc3Authorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  /** SignedHeaders exactly as written (case and order kept). */
  readonly signedHeaders: string;
  readonly signature: string;
}

export type Tc3AuthorizationReading = { readonly ok: true; readonly value: Tc3Authorization } | { readonly ok: false; readonly problem: string };

const fail = (problem: string): Tc3AuthorizationReading => ({ ok: false, problem });

/** Reads "TC3-HMAC-SHA256 Credential=ID/Date/service/tc3_request, SignedHeaders=a;b, Signature=hex"; says what is off when it is not that. */
export function readTc3Authorization(header: string): Tc3AuthorizationReading {
  const text = header.trim();
  const space = text.indexOf(' ');
  const algorithm = space === -1 ? text : text.slice(0, space);
  if (algorithm !== TC3_ALGORITHM) return fail(`expected the header to start with "${TC3_ALGORITHM} ", found ${JSON.stringify(algorithm.slice(0, 40))}`);
  const fields = new Map<string, string>();
  for (const piece of text.slice(space + 1).split(',')) {
    const eq = piece.indexOf('=');
    if (eq === -1) return fail(`expected comma-separated Name=value fields, found ${JSON.stringify(piece.trim().slice(0, 40))}`);
    fields.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields.has(name)) return fail(`expected a ${name}= field (fields are Credential, SignedHeaders, Signature, separated by ", ")`);
  }
  const credential = fields.get('Credential')!.split('/');
  if (credential.length !== 4 || credential[3] !== 'tc3_request') return fail('expected Credential=SecretId/Date/service/tc3_request');
  const [secretId = '', date = '', service = ''] = credential;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(`expected the credential date as YYYY-MM-DD, found ${JSON.stringify(date)}`);
  const signature = fields.get('Signature')!;
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return fail(
      /^[0-9a-fA-F]{64}$/.test(signature)
        ? 'expected the signature in lowercase hex (HexEncode gives lowercase)'
        : `expected Signature= 64 lowercase hex digits, found ${signature.length} characters`,
    );
  }
  return { ok: true, value: { secretId, date, service, signedHeaders: fields.get('SignedHeaders')!, signature } };
}
