import { request as httpRequest } from 'node:http';
import { buildHttpRequest, DEMO_CREDENTIAL, type Credentials, type SignatureScheme } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { startEmulator, type EmulatorServerOptions, type RunningEmulator } from '../../cli/src/emulator/startEmulator.js';
import { SdkCommonClient } from '../support/tencentSdk.js';

/** Starts an emulator on a free loopback port; every test file starts and stops its own. */
export async function startTestEmulator(options: Partial<EmulatorServerOptions> = {}): Promise<RunningEmulator & { hostPort: string }> {
  const running = await startEmulator({ port: 0, host: '127.0.0.1', demo: true, ...options });
  return Object.assign(running, { hostPort: running.endpoint.slice('http://'.length, -1) });
}

/** An API answer as a test reads it: the Response fields, or the error code and message. */
export type Answer =
  { readonly ok: true; readonly response: Record<string, unknown> } | { readonly ok: false; readonly code: string; readonly message: string };

/** Sends one action and returns its answer. */
export type Client = (action: string, params: Record<string, unknown>) => Promise<Answer>;

export interface SdkClientOptions {
  readonly signMethod: 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';
  readonly reqMethod: 'POST' | 'GET';
  readonly version?: string;
  readonly region?: string;
  readonly credential?: Credentials;
}

/** The official tencentcloud-sdk-nodejs-common CommonClient pointed at the emulator: the independent signer. */
export function sdkClient(hostPort: string, options: SdkClientOptions): Client {
  const credential = options.credential ?? DEMO_CREDENTIAL;
  const client = new SdkCommonClient(hostPort, options.version ?? '2021-04-08', {
    credential: { secretId: credential.secretId, secretKey: credential.secretKey, ...(credential.token ? { token: credential.token } : {}) },
    region: options.region ?? 'ap-guangzhou',
    profile: { signMethod: options.signMethod, httpProfile: { protocol: 'http://', endpoint: hostPort, reqMethod: options.reqMethod } },
  });
  return async (action, params) => {
    try {
      return { ok: true, response: (await client.request(action, params)) as Record<string, unknown> };
    } catch (error) {
      const e = error as { code?: string; message: string };
      if (!e.code) throw error;
      return { ok: false, code: e.code, message: e.message };
    }
  };
}

export interface CoreClientOptions {
  readonly scheme: SignatureScheme;
  readonly method: 'POST' | 'GET';
  readonly service?: string;
  readonly version?: string;
  readonly region?: string;
  readonly credentials?: Credentials;
  /** Unix seconds; default now. */
  readonly timestamp?: () => number;
}

/** The toolkit's own request builder (buildHttpRequest) signing for the emulator's endpoint, sent with fetch. */
export function coreClient(endpoint: string, options: CoreClientOptions): Client {
  return async (action, params) => {
    const signed = buildHttpRequest(
      {
        service: options.service ?? 'iotcloud',
        version: options.version ?? '2021-04-08',
        action,
        region: options.region ?? 'ap-guangzhou',
        params,
        method: options.method,
        endpoint,
      },
      {
        credentials: options.credentials ?? DEMO_CREDENTIAL,
        timestamp: options.timestamp?.() ?? Math.floor(Date.now() / 1000),
        scheme: options.scheme,
        nonce: 1 + Math.floor(Math.random() * 65535),
        crypto: nodeHashProvider,
      },
    );
    return readAnswer(await fetch(signed.url, { method: signed.method, headers: signed.headers, ...(signed.method === 'POST' ? { body: signed.body } : {}) }));
  };
}

export async function readAnswer(response: Response): Promise<Answer> {
  const json = (await response.json()) as { Response: Record<string, unknown> & { Error?: { Code: string; Message: string } } };
  const { Error: error, ...fields } = json.Response;
  if (typeof fields['RequestId'] !== 'string' || fields['RequestId'] === '') throw new Error(`no RequestId in ${JSON.stringify(json)}`);
  return error ? { ok: false, code: error.Code, message: error.Message } : { ok: true, response: fields };
}

/** The answer's fields; fails the test with the error when there is one. */
export function expectOk(answer: Answer, what: string): Record<string, unknown> {
  if (!answer.ok) throw new Error(`${what}: expected success, got ${answer.code}: ${answer.message}`);
  return answer.response;
}

export function expectError(answer: Answer, code: string, what: string): string {
  if (answer.ok) throw new Error(`${what}: expected ${code}, got success ${JSON.stringify(answer.response)}`);
  if (answer.code !== code) throw new Error(`${what}: expected ${code}, got ${answer.code}: ${answer.message}`);
  return answer.message;
}

/** An admin route (no signature). */
export async function admin(endpoint: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${endpoint}_emulator${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** One request with full control of every header, Host included (fetch does not let a test set Host). */
export function sendRaw(hostPort: string, options: { method?: string; path?: string; headers: Record<string, string>; body?: string }): Promise<RawResponse> {
  const colon = hostPort.lastIndexOf(':');
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostPort.slice(0, colon),
        port: Number(hostPort.slice(colon + 1)),
        method: options.method ?? 'POST',
        path: options.path ?? '/',
        headers: options.headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}
