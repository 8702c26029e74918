import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyShadowUpdate, findHeader, formatShadowData, signTc3, type ShadowDocument } from '@iot-devkit/core';

export interface ReceivedCall {
  readonly action: string;
  readonly timestamp: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Whether the TC3 signature verified with the server's copy of the key. */
  readonly verified: boolean;
}

export interface TestApiServer {
  readonly endpoint: string;
  readonly calls: ReceivedCall[];
  /** The device shadow the server holds, changed behind the editor's back to provoke UpdateVersionNotMatch. */
  shadow: ShadowDocument | undefined;
  close(): Promise<void>;
}

/**
 * The browser tests' API server on 127.0.0.1: it verifies each TC3 signature with the core's signTc3 (the signing
 * oracle tests prove signTc3 against the official SDK) and answers API 3.0 shapes, with one device shadow kept
 * by the core's applyShadowUpdate. Stands in until the local emulator is available to the browser tests.
 */
export async function startTestApiServer(secretId: string, secretKey: string): Promise<TestApiServer> {
  const calls: ReceivedCall[] = [];
  const state: TestApiServer = {
    endpoint: '',
    calls,
    shadow: undefined,
    close: async () => undefined,
  };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const action = findHeader(headers, 'x-tc-action') ?? '';
    const timestamp = Number(findHeader(headers, 'x-tc-timestamp'));
    const verified = verifyTc3(req.method ?? '', req.url ?? '/', headers, body, secretId, secretKey);
    calls.push({ action, timestamp, headers, body, verified });
    const requestId = `test-${calls.length}`;
    const answer = (response: Record<string, unknown>) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ Response: { ...response, RequestId: requestId } }));
    };
    const fail = (code: string, message: string) => answer({ Error: { Code: code, Message: message } });
    if (!verified) return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    if (Math.abs(Date.now() / 1000 - timestamp) > 300) return fail('AuthFailure.SignatureExpire', 'Signature expired.');
    const params = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
    if (action === 'DescribeDeviceShadow') {
      if (!state.shadow) return fail('ResourceNotFound.DeviceShadowNotExist', 'shadow does not exist');
      return answer({ Data: formatShadowData(state.shadow, 'get', Date.now()) });
    }
    if (action === 'UpdateDeviceShadow') {
      const updated = applyShadowUpdate(state.shadow, { state: String(params['State']), shadowVersion: Number(params['ShadowVersion']) }, Date.now());
      if (!updated.ok) return fail(updated.error.code, updated.error.message);
      state.shadow = updated.shadow;
      return answer({ Data: formatShadowData(updated.shadow, 'update', Date.now()) });
    }
    return answer({});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

function verifyTc3(method: string, url: string, headers: Record<string, string>, body: string, secretId: string, secretKey: string): boolean {
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(findHeader(headers, 'authorization') ?? '');
  if (!match || match[1] !== secretId) return false;
  const [, , service, signedHeaders, signature] = match;
  const host = findHeader(headers, 'host') ?? '';
  // A client may sign the host with or without the port (the official SDK leaves it out); both are correct.
  return [host, host.replace(/:\d+$/, '')].some(
    (signedHost) =>
      signTc3({ method, url: `http://${signedHost}${url}`, headers: { ...headers, host: signedHost }, body, timestamp: Number(findHeader(headers, 'x-tc-timestamp')), secretId, secretKey, service: service!, signedHeaders: signedHeaders!.split(';') }).signature === signature,
  );
}
