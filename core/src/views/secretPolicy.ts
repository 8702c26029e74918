// The one place that knows what is secret: request parameters, response fields and headers, from the catalog
// where the documents mark them and from a short list where they do not. Every surface asks this module: a UI
// masks with maskForDisplay, history, drafts, exports, logs and webview state drop with redactForStorage.
// The always-loaded index (issue 15): masking must not wait for, or force, a service's full catalog to load.
import { catalogIndex, findIndexedAction, listVendors } from '../catalog/catalog.js';
import { parseJsonBounded, DEFAULT_JSON_MAX_DEPTH, valueDepthExceeds } from '../encoding/parseJsonBounded.js';
import { maskSecret } from '../signing/maskSecret.js';

/** What a dropped secret is replaced by, everywhere it is dropped (one constant, so a test can look for it). */
export const REDACTED = '[redacted]';

// Names are compared without case, "-" or "_": the documents write DevicePsk, the credential forms devicePsk,
// MXCHIP client_secret and headers api-key / X-TC-Token; one spelling must not slip past another.
const normalize = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/**
 * Response fields that are secret although a field table does not say so, each with where it comes from. The
 * catalog marks action outputs (CreateDevice's DevicePsk), but the structures repeat them unmarked (DeviceInfo in
 * DescribeDevices), and the vendors' and SDKs' own names are not in a field table at all.
 */
export const FALLBACK_SECRET_FIELDS: Readonly<Record<string, string>> = {
  DevicePsk: 'iotcloud DeviceInfo (seed 001 data structures, "设备密钥"), returned by DescribeDevice(s) and CreateDevice',
  DefinedPsk: 'iotcloud CreateDevice input (seed 001): the PSK the caller chose, echoed by some tools',
  Psk: 'iotcloud UpdateDevicePSK input (seed 001)',
  DevicePrivateKey: "iotcloud CreateDevice output: the certificate device's private key (the private part of its certificate)",
  ClientKey: 'iotcloud DescribeDeviceClientKey output, "设备的私钥"',
  PrivateKey: 'the private part of a certificate, as PEM tools and the official SDK models name it',
  ProductSecret: 'iotcloud ProductProperties and UpdateProductDynamicRegister (seed 001, "动态注册产品密钥")',
  ProductKey: 'iotcloud ProductProperties (seed 001, "产品密钥")',
  LoraAppKey: 'iotcloud CreateDevice LoRa AppKey (seed 001)',
  LoraNwkKey: 'iotcloud CreateDevice LoRa NwkKey (seed 001)',
  SecretKey: "the Tencent Cloud SDKs' Credential {secretId, secretKey, token} (tencentcloud-sdk-nodejs common/credential)",
  Token: "Tencent Cloud temporary credentials (v1 common parameter Token, SDK Credential.token); OneNET's token (seed 002)",
  client_secret: 'MXCHIP GetToken input (seed 003), OAuth2 client_credentials (RFC 6749 §4.4.2)',
  access_token: 'MXCHIP GetToken output (seed 003), OAuth2 (RFC 6749 §5.1)',
  refresh_token: 'OAuth2 (RFC 6749 §5.1): as reusable as an access token, longer',
  Password: 'MXCHIP CreateMqttClient output (seed 003); a device MQTT password works until it expires',
  apiKey: 'OneNET api-key (seed 002) as the credential forms and JSON bodies name it',
  passphrase: "the browser extension's vault passphrase (browser-ext keyVault.ts)",
};

/**
 * Headers that carry a credential, with where each comes from. The vendors' auth headers from the catalog are
 * added below, so a vendor documented later is covered by its catalog entry.
 */
export const SECRET_HEADERS: Readonly<Record<string, string>> = {
  Authorization: 'TC3-HMAC-SHA256 signature (seed 001 签名方法 v3; it can be replayed for 5 minutes) and MXCHIP Bearer <access_token> (seed 003)',
  'api-key': 'OneNET APIKey, sent as is (seed 002)',
  'X-TC-Token': 'Tencent Cloud temporary credential token (seed 001 common parameters)',
  Cookie: 'a browser session',
  'Set-Cookie': 'a browser session, as the server sets it',
  'Proxy-Authorization': 'credentials for a proxy (RFC 9110 §11.7.2)',
};

/**
 * Query and form parameters that are secret besides the field names: a v1 request's Signature (like TC3's
 * Authorization it is a working credential for its request) and its temporary-credential Token.
 */
const SECRET_QUERY_PARAMS = ['Signature', 'Token'];

// A PEM private key is secret whatever its field is called (certificate products' key material).
const PRIVATE_KEY_PEM = 'PRIVATE KEY-----';

function catalogSecrets(): {
  fields: Set<string>;
  headers: Set<string>;
  vendorBodyParams: Set<string>;
  paths: { segments: string[]; secret: Set<number>; names: string[] }[];
} {
  const fields = new Set<string>();
  const headers = new Set<string>();
  const vendorBodyParams = new Set<string>();
  const paths: { segments: string[]; secret: Set<number>; names: string[] }[] = [];
  for (const service of catalogIndex().services) for (const name of service.secretFields) fields.add(name);
  for (const vendor of listVendors()) {
    headers.add(vendor.auth.header);
    for (const endpoint of vendor.endpoints) {
      for (const output of endpoint.outputs) if (output.secret) fields.add(output.name);
      for (const structure of endpoint.structures ?? []) for (const field of structure.fields) if (field.secret) fields.add(field.name);
      for (const param of endpoint.params) if (param.secret && param.in !== 'path') vendorBodyParams.add(param.name);
      const secretPathParams = endpoint.params.filter((p) => p.secret && p.in === 'path').map((p) => p.name);
      if (secretPathParams.length > 0) {
        const segments = endpoint.path.split('/').filter(Boolean);
        const secret = new Set(segments.flatMap((s, i) => (secretPathParams.includes(s.replace(/^\{|\}$/g, '')) ? [i] : [])));
        paths.push({ segments, secret, names: secretPathParams });
      }
    }
  }
  return { fields, headers, vendorBodyParams, paths };
}

const FROM_CATALOG = catalogSecrets();
const SECRET_FIELD_NAMES = new Set([...FROM_CATALOG.fields, ...FROM_CATALOG.vendorBodyParams, ...Object.keys(FALLBACK_SECRET_FIELDS)].map(normalize));
const SECRET_HEADER_NAMES = new Set([...Object.keys(SECRET_HEADERS), ...FROM_CATALOG.headers].map(normalize));
const SECRET_QUERY_NAMES = new Set([...SECRET_FIELD_NAMES, ...SECRET_QUERY_PARAMS.map(normalize)]);
// Every action's secret parameters (TRRO's Key among them): only drafts use the union, being unable to tell the action.
const CATALOG_PARAM_NAMES = new Set(catalogIndex().services.flatMap((s) => s.actions.flatMap((a) => (a.secretParams ?? []).map(normalize))));

/** Request parameters of an action the catalog marks `secret: true` (CreateDevice: DefinedPsk, LoraAppKey). */
export function secretParamNames(service: string | undefined, action: string): string[] {
  return [...(findIndexedAction(service || undefined, action)?.action.secretParams ?? [])];
}

/** A response (or body) field that holds a secret, by name, in any spelling (DevicePsk, devicePsk, device_psk). */
export const isSecretField = (name: string): boolean => typeof name === 'string' && SECRET_FIELD_NAMES.has(normalize(name));

/** A header that carries a credential: Authorization (TC3 signature, Bearer), api-key, X-TC-Token, Cookie. */
export const isSecretHeader = (name: string): boolean => typeof name === 'string' && SECRET_HEADER_NAMES.has(normalize(name));

/** The one display rule for a secret: its first 4 characters, then ****. */
export const maskForDisplay = (value: string): string => maskSecret(String(value));

/**
 * The secret names a text mentions (a draft: pasted curl, a JSON body being typed): tokens of letters, digits, "-"
 * and "_", read in one pass. Conservative on purpose: a draft that names a secret is kept in memory only.
 */
export function secretNamesMentioned(text: string): string[] {
  if (typeof text !== 'string') return [];
  const found = new Set<string>();
  const all = [SECRET_FIELD_NAMES, SECRET_HEADER_NAMES, SECRET_QUERY_NAMES, CATALOG_PARAM_NAMES];
  for (const token of text.match(/[A-Za-z0-9_-]+/g) ?? []) {
    const name = normalize(token);
    if (all.some((set) => set.has(name))) found.add(token);
  }
  if (text.includes(PRIVATE_KEY_PEM)) found.add('PRIVATE KEY');
  return [...found];
}

/** A request and its response as a host records it; only the parts given are redacted and returned. */
export interface ExchangeToRedact {
  /** With `action`, names the catalog's secret parameters (DefinedPsk of CreateDevice, Key of TRRO's ModifyProjectSecMode). */
  readonly service?: string;
  readonly action?: string;
  /** The API call's parameters, as composed (before signing). */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly url?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The request body as sent: JSON (API 3.0), form-encoded (v1, MXCHIP's token request) or anything else. */
  readonly body?: string;
  readonly responseBody?: string;
}

/** A secret value redactForStorage dropped, returned only when asked for, so a UI can offer it once. */
export interface DroppedSecret {
  readonly name: string;
  /** Where it was in the response (Response.Devices.0.DevicePsk). */
  readonly path: string;
  readonly value: string;
}

export interface RedactedExchange {
  readonly params?: Record<string, unknown>;
  readonly url?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly responseBody?: string;
  /** Every secret dropped, by name, once each (request first, then response). */
  readonly redacted: readonly string[];
  /** The names dropped from the request: what a replay of it needs typed again, if it is not re-signed. */
  readonly redactedFromRequest: readonly string[];
  /** The names dropped from the response (DevicePsk of CreateDevice). */
  readonly redactedFromResponse: readonly string[];
  /** The response's dropped string values, with `collectDropped` only: never store this. */
  readonly dropped?: readonly DroppedSecret[];
}

export interface RedactionOptions {
  /** Return the response's dropped values in `dropped` (a one-time "copy the new device's PSK"). */
  readonly collectDropped?: boolean;
  readonly maxDepth?: number;
}

class Redactor {
  readonly names: string[] = [];
  readonly dropped: DroppedSecret[] = [];
  constructor(
    private readonly topLevel: ReadonlySet<string>,
    private readonly collect: boolean,
    readonly maxDepth: number,
  ) {}

  note(name: string): void {
    if (!this.names.includes(name)) this.names.push(name);
  }

  private isSecret(name: string, value: unknown, depth: number): boolean {
    return isSecretField(name) || (depth === 0 && this.topLevel.has(normalize(name))) || (typeof value === 'string' && value.includes(PRIVATE_KEY_PEM));
  }

  /** Copies a parsed JSON value with secrets dropped. Callers check the depth first, so the recursion is bounded. */
  value(value: unknown, path: string, depth: number): unknown {
    if (Array.isArray(value)) return value.map((item, i) => this.value(item, `${path}.${i}`, depth + 1));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([name, child]) => {
        const here = path === '' ? name : `${path}.${name}`;
        if (!this.isSecret(name, child, depth)) return [name, this.value(child, here, depth + 1)];
        // An empty or null secret field (CreateDevice's DevicePrivateKey of a PSK device) holds nothing to drop.
        if (child === '' || child === null) return [name, child];
        this.note(name);
        if (this.collect && typeof child === 'string') this.dropped.push({ name, path: here, value: child });
        return [name, REDACTED];
      }),
    );
  }

  /** JSON text walked within the depth limit; form-encoded text by its names; anything else left as it is. */
  text(text: string, field: string, form: boolean): string {
    const parsed = parseJsonBounded(text, field, { maxDepth: this.maxDepth });
    if (parsed.ok) return parsed.value !== null && typeof parsed.value === 'object' ? JSON.stringify(this.value(parsed.value, '', 0)) : text;
    // JSON too deep to walk safely is not kept: it cannot be shown to hold no secret.
    if (parsed.problem === 'tooDeep') {
      this.note(field);
      return REDACTED;
    }
    return form || looksFormEncoded(text) ? this.formEncoded(text) : text;
  }

  formEncoded(text: string): string {
    return text
      .split('&')
      .map((pair) => {
        const at = pair.indexOf('=');
        if (at < 0) return pair;
        const name = safeDecode(pair.slice(0, at));
        if (!SECRET_QUERY_NAMES.has(normalize(name)) && !this.topLevel.has(normalize(name))) return pair;
        if (at === pair.length - 1) return pair;
        this.note(name);
        return `${pair.slice(0, at)}=${encodeURIComponent(REDACTED)}`;
      })
      .join('&');
  }

  url(url: string): string {
    const hashAt = url.indexOf('#');
    const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
    const queryAt = beforeHash.indexOf('?');
    const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
    const query = queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1);
    return this.path(base) + (query === undefined ? '' : `?${this.formEncoded(query)}`) + (hashAt < 0 ? '' : url.slice(hashAt));
  }

  /** A vendor path whose segment is a secret (OneNET's PUT /keys/{key}): that segment is dropped. */
  private path(base: string): string {
    const schemeEnd = base.indexOf('://');
    const pathAt = base.indexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
    if (pathAt < 0) return base;
    const segments = base.slice(pathAt).split('/');
    const present = segments.filter(Boolean);
    for (const template of FROM_CATALOG.paths) {
      if (present.length !== template.segments.length) continue;
      const matches = template.segments.every((s, i) => template.secret.has(i) || s.startsWith('{') || s === present[i]);
      if (!matches) continue;
      let index = 0;
      const redacted = segments.map((segment) => {
        if (segment === '') return segment;
        return template.secret.has(index++) ? encodeURIComponent(REDACTED) : segment;
      });
      template.names.forEach((name) => this.note(name));
      return base.slice(0, pathAt) + redacted.join('/');
    }
    return base;
  }
}

const looksFormEncoded = (text: string) => text !== '' && !/\s/.test(text) && text.split('&').every((pair) => pair.indexOf('=') > 0);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const headerValue = (headers: Readonly<Record<string, string>>, name: string) => Object.entries(headers).find(([n]) => n.toLowerCase() === name)?.[1];

/**
 * The exchange as storage may keep it (history, drafts, exports, logs, webview state): copies with every secret
 * replaced by REDACTED, and the names dropped. Request params named secret by the catalog for this action or by
 * name anywhere; secret headers; JSON bodies walked within a depth limit (too deep: dropped whole), form bodies
 * and the URL query by parameter name, a vendor path's secret segment; other text is left as it is.
 */
export function redactForStorage(exchange: ExchangeToRedact, options: RedactionOptions = {}): RedactedExchange {
  const maxDepth = options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  const topLevel = new Set(exchange.action ? secretParamNames(exchange.service, exchange.action).map(normalize) : []);
  const request = new Redactor(topLevel, false, maxDepth);
  const out: { -readonly [K in keyof RedactedExchange]?: RedactedExchange[K] } = {};
  if (exchange.params !== undefined) {
    const params = exchange.params;
    if (params === null || typeof params !== 'object' || valueDepthExceeds(params, maxDepth)) {
      request.note('params');
      out.params = {};
    } else out.params = request.value(params, '', 0) as Record<string, unknown>;
  }
  if (exchange.url !== undefined) out.url = request.url(String(exchange.url));
  if (exchange.headers !== undefined) {
    out.headers = Object.fromEntries(
      Object.entries(exchange.headers).map(([name, value]) => {
        if (!isSecretHeader(name) || value === '') return [name, value];
        request.note(name);
        return [name, REDACTED];
      }),
    );
  }
  if (exchange.body !== undefined) {
    const contentType = exchange.headers ? (headerValue(exchange.headers, 'content-type') ?? '') : '';
    out.body = request.text(String(exchange.body), 'body', contentType.toLowerCase().includes('x-www-form-urlencoded'));
  }
  const response = new Redactor(new Set(), options.collectDropped === true, maxDepth);
  if (exchange.responseBody !== undefined) out.responseBody = response.text(String(exchange.responseBody), 'response', false);
  const redacted = [...request.names, ...response.names.filter((n) => !request.names.includes(n))];
  return {
    ...out,
    redacted,
    redactedFromRequest: request.names,
    redactedFromResponse: response.names,
    ...(options.collectDropped ? { dropped: response.dropped } : {}),
  };
}
