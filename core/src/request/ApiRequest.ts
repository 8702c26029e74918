/** A Tencent Cloud API 3.0 call as a developer thinks of it, before any signing. Plain data. */
export interface ApiRequest {
  readonly service: string;
  readonly version: string;
  readonly action: string;
  readonly region?: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** POST JSON (default, TC3 only) or GET with flattened query parameters. */
  readonly method?: 'POST' | 'GET';
  /** Override the endpoint, e.g. http://127.0.0.1:9180/ for the local emulator or a private endpoint. */
  readonly endpoint?: string;
  /** API 3.0 Language common parameter (zh-CN or en-US). */
  readonly language?: string;
}

export type SignatureScheme = 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';

export interface Credentials {
  readonly secretId: string;
  readonly secretKey: string;
  /** Temporary credentials' session token (X-TC-Token / Token). */
  readonly token?: string;
}

/** A request ready to put on the wire: what every exporter and sender works from. */
export interface HttpRequest {
  /** GET and POST for Tencent Cloud API 3.0; other vendors use more (OneNET's PUT /keys/{key}). */
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
