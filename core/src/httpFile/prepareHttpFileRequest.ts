// One request of a `.http` file made ready to send: placeholders filled, and a TC3 form (readTc3AuthForm) replaced
// by a TC3-HMAC-SHA256 signature from the core's signer over exactly the URL, headers and body that are sent.
// Service, version and region come from what the file says, else from the URL's host and the catalog, and each
// value taken from elsewhere is reported as a note, so nothing is guessed silently.
import { findActionEntry, suggestActions } from '../catalog/catalog.js';
import type { HashProvider } from '../crypto/HashProvider.js';
import type { Credentials } from '../request/ApiRequest.js';
import { parseRequestUrl } from '../signing/requestUrl.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import type { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import { serviceFromHost } from '../signing/tc3/serviceFromHost.js';
import { signTc3, type Tc3Signature } from '../signing/tc3/signTc3.js';
import type { HttpFileProblem, HttpFileRequest, SourcePosition } from './HttpFile.js';
import { readTc3AuthForm } from './readTc3AuthForm.js';
import type { TemplateResolver } from './resolveTemplate.js';

/** A request as it goes on the wire. Any method the file names (REST Client sends PATCH, HEAD … too). */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface PreparedRequest {
  readonly outgoing: OutgoingRequest;
  /** Present when the request was signed from a TC3 form. */
  readonly signing?: Tc3Signature;
  /** What the toolkit filled in that the file did not say (version from the catalog, a Content-Type …). */
  readonly notes: readonly string[];
}

export type Preparation = { readonly ok: true; readonly prepared: PreparedRequest } | { readonly ok: false; readonly problem: HttpFileProblem };

/** Where a profile's credentials come from: the host's (the CLI reads the environment); a string says why none. */
export type CredentialsResolver = (profile: string | undefined) => Credentials | string;

export interface PrepareOptions {
  readonly resolveCredentials: CredentialsResolver;
  /** Unix seconds for X-TC-Timestamp. */
  readonly timestamp: number;
  readonly crypto?: HashProvider;
  readonly keyCache?: SigningKeyCache;
}

const problemAt = ({ line, column }: SourcePosition, message: string): Preparation => ({ ok: false, problem: { line, column, message } });

/** Headers by name without case, each name as first written: one lookup per header, however many there are. */
class HeaderSet {
  readonly values: Record<string, string> = {};
  private readonly names = new Map<string, string>();
  nameOf(name: string): string | undefined {
    return this.names.get(name.toLowerCase());
  }
  get(name: string): string | undefined {
    const written = this.nameOf(name);
    return written === undefined ? undefined : this.values[written];
  }
  /** A header given twice is one header with both values (RFC 9110 §5.3). */
  add(name: string, value: string): void {
    const written = this.nameOf(name);
    if (written !== undefined) this.values[written] = `${this.values[written]}, ${value}`;
    else {
      this.names.set(name.toLowerCase(), name);
      this.values[name] = value;
    }
  }
  delete(name: string): void {
    const written = this.nameOf(name);
    if (written === undefined) return;
    this.names.delete(name.toLowerCase());
    delete this.values[written];
  }
}

export function prepareHttpFileRequest(request: HttpFileRequest, resolver: TemplateResolver, options: PrepareOptions): Preparation {
  const url = resolver.resolve(request.url);
  if (!url.ok) return { ok: false, problem: url.problem };
  const headerSet = new HeaderSet();
  const headers = headerSet.values;
  let authorization: { value: string; position: SourcePosition } | undefined;
  for (const header of request.headers) {
    const value = resolver.resolve(header.value);
    if (!value.ok) return { ok: false, problem: value.problem };
    if (header.name.toLowerCase() === 'authorization') authorization = { value: value.text, position: header.position };
    headerSet.add(header.name, value.text);
  }
  const body = request.body ? resolver.resolve(request.body) : ({ ok: true, text: '' } as const);
  if (!body.ok) return { ok: false, problem: body.problem };

  const form = authorization ? readTc3AuthForm(authorization.value) : undefined;
  if (form === undefined) return { ok: true, prepared: { outgoing: { method: request.method, url: url.text, headers, body: body.text }, notes: [] } };
  const at = authorization!.position;
  if ('problem' in form) return problemAt(at, form.problem);
  headerSet.delete('authorization');

  const notes: string[] = [];
  if (request.method !== 'GET' && request.method !== 'POST') return problemAt(request.position, `${request.method}: TC3-HMAC-SHA256 signs GET and POST only`);
  if (request.method === 'GET' && body.text !== '')
    return problemAt(request.body!.position, 'a TC3 GET request has no body: its parameters go in the URL query (or send it as POST with a JSON body)');
  let host: string;
  try {
    host = parseRequestUrl(url.text).host;
  } catch (error) {
    return problemAt(request.url.position, error instanceof SigningInputError ? error.message : 'url: an absolute http(s) URL');
  }
  const action = headerSet.get('x-tc-action');
  if (!action) return problemAt(at, 'TC3: the request names its action in an "X-TC-Action: <Action>" header (e.g. X-TC-Action: DescribeDeviceShadow)');

  let service = form.service ?? serviceFromHost(host);
  if (service === undefined) {
    const entry = findActionEntry(undefined, action);
    if (entry === undefined)
      return problemAt(at, `TC3: which service signs ${action}? The host ${host} does not say and the catalog does not know the action: add service:<name>`);
    service = entry.service.service;
    notes.push(`service ${service}: from the catalog (${action}), the host ${host} does not name one`);
  }
  const entry = findActionEntry(service, action);
  if (entry === undefined) {
    const near = suggestActions(action).filter((a) => a !== action);
    notes.push(`${action} is not in the catalog of ${service}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; sent as written`);
  }
  if (headerSet.get('x-tc-version') === undefined) {
    if (entry === undefined) return problemAt(at, `TC3: add an "X-TC-Version: <version>" header: ${action} is not in the catalog, so its version is not known`);
    headerSet.add('X-TC-Version', entry.service.version);
    notes.push(`X-TC-Version ${entry.service.version}: from the catalog (${service} ${entry.action.name})`);
  }
  if (form.region !== undefined) {
    const region = headerSet.get('x-tc-region');
    if (region !== undefined && region !== form.region)
      return problemAt(at, `TC3: region:${form.region} and the X-TC-Region header (${region}) disagree; keep one`);
    if (region === undefined) headerSet.add('X-TC-Region', form.region);
  }
  if (request.method === 'POST' && headerSet.get('content-type') === undefined) {
    headerSet.add('Content-Type', 'application/json');
    notes.push('Content-Type application/json: added (TC3 signs it; API 3.0 POST bodies are JSON)');
  }

  const credentials = form.credentials.kind === 'inline' ? form.credentials : options.resolveCredentials(form.credentials.profile);
  if (typeof credentials === 'string') return problemAt(at, `TC3: ${credentials}`);
  resolver.secrets.add(credentials.secretKey);
  if (credentials.token) resolver.secrets.add(credentials.token);
  try {
    const signing = signTc3(
      {
        method: request.method,
        url: url.text,
        headers,
        body: body.text,
        timestamp: options.timestamp,
        secretId: credentials.secretId,
        secretKey: credentials.secretKey,
        ...(credentials.token ? { token: credentials.token } : {}),
        service,
      },
      { ...(options.crypto ? { crypto: options.crypto } : {}), ...(options.keyCache ? { keyCache: options.keyCache } : {}) },
    );
    return { ok: true, prepared: { outgoing: { method: request.method, url: url.text, headers: signing.headers, body: body.text }, signing, notes } };
  } catch (error) {
    if (error instanceof SigningInputError) return problemAt(at, `TC3: ${error.message}`);
    throw error;
  }
}
