import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findHeader, signTc3, signV1 } from '@iot-devkit/core';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Whether the signature verified with the test key. */
  verified: boolean;
}

/**
 * A small test server on 127.0.0.1 that verifies TC3 and v1 signatures with the core and records what it got.
 * (The local emulator does this for real; this one keeps request-builder tests independent of it.)
 */
export async function startVerifyingServer(secretKey: string): Promise<{ endpoint: string; received: ReceivedRequest[]; close(): Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const entry = { method: req.method ?? '', url: req.url ?? '', headers, body, verified: verify(req.method ?? '', req.url ?? '', headers, body, secretKey) };
    received.push(entry);
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        Response: entry.verified
          ? { RequestId: `req-${received.length}` }
          : { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'test server: signature mismatch' }, RequestId: `req-${received.length}` },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    endpoint,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function verify(method: string, url: string, headers: Record<string, string>, body: string, secretKey: string): boolean {
  const authorization = findHeader(headers, 'authorization');
  if (authorization) {
    const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
    if (!match) return false;
    const [, secretId, , service, signedHeaders, signature] = match;
    const host = findHeader(headers, 'host') ?? '';
    // The official SDK signs the host without the port; a correct client may sign it with. Accept either.
    return [host, host.replace(/:\d+$/, '')].some((signedHost) => {
      const ours = signTc3({
        method,
        url: `http://${signedHost}${url}`,
        headers: { ...headers, host: signedHost },
        body,
        timestamp: Number(findHeader(headers, 'x-tc-timestamp')),
        secretId: secretId!,
        secretKey,
        service: service!,
        signedHeaders: signedHeaders!.split(';'),
      });
      return ours.signature === signature;
    });
  }
  const params = Object.fromEntries(new URLSearchParams(method === 'GET' ? url.slice(url.indexOf('?') + 1) : body));
  const { Signature, ...signed } = params;
  if (!Signature || !signed['SignatureMethod']) return false;
  const algorithm = signed['SignatureMethod'] === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1';
  return (
    signV1({ algorithm, method: method as 'GET' | 'POST', host: findHeader(headers, 'host') ?? '', path: url.split('?')[0] ?? '/', params: signed, secretKey })
      .signature === Signature
  );
}
