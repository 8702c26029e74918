import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyShadowUpdate, findHeader, formatShadowData, mergeShadowSection, signTc3, type JsonObject, type ShadowDocument } from '@iot-devkit/core';

/**
 * A small Tencent API 3.0 server on 127.0.0.1 for the VS Code tests until the local emulator lands: it verifies
 * every TC3 signature with the core (a wrong one is AuthFailure.SignatureFailure) and keeps one product, its
 * devices and their shadows with versions, applying updates with the core's shadow rules.
 */
export interface IotTestServer {
  readonly endpoint: string;
  readonly shadows: Map<string, ShadowDocument>;
  /** Every call as received: action and whether its signature verified. */
  readonly calls: { action: string; verified: boolean }[];
  /** A change made by "someone else" (another app): desired merged, version + 1. */
  changeDesired(productId: string, deviceName: string, patch: JsonObject): void;
  close(): Promise<void>;
}

export async function startIotTestServer(options: { secretId: string; secretKey: string; productId: string; deviceNames: string[] }): Promise<IotTestServer> {
  const shadows = new Map<string, ShadowDocument>();
  const calls: { action: string; verified: boolean }[] = [];
  const key = (productId: string, deviceName: string) => `${productId}/${deviceName}`;

  const handle = (action: string, params: Record<string, unknown>): Record<string, unknown> => {
    const device = () => {
      if (params['ProductId'] !== options.productId || !options.deviceNames.includes(String(params['DeviceName']))) throw ['ResourceNotFound.ProductOrDeviceNotExist', 'no such product or device'];
      return key(String(params['ProductId']), String(params['DeviceName']));
    };
    switch (action) {
      case 'DescribeProducts':
        return { Products: [{ ProductId: options.productId, ProductName: 'e2e product' }], TotalCount: 1 };
      case 'DescribeDevices':
        if (params['ProductId'] !== options.productId) throw ['ResourceNotFound.ProductNotExist', 'no such product'];
        return { Devices: options.deviceNames.map((DeviceName) => ({ DeviceName, Online: 1 })), TotalCount: options.deviceNames.length };
      case 'DescribeDeviceShadow': {
        const shadow = shadows.get(device());
        if (!shadow) throw ['ResourceNotFound.DeviceShadowNotExist', 'no shadow'];
        return { Data: formatShadowData(shadow, 'get', Date.now()) };
      }
      case 'UpdateDeviceShadow': {
        const id = device();
        const result = applyShadowUpdate(shadows.get(id), { state: String(params['State']), shadowVersion: Number(params['ShadowVersion']) }, Date.now());
        if (!result.ok) throw [result.error.code, result.error.message];
        shadows.set(id, result.shadow);
        return { Data: formatShadowData(result.shadow, 'update', Date.now()) };
      }
      default:
        throw ['InvalidAction', `${action} is not served by the test server`];
    }
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const action = findHeader(headers, 'x-tc-action') ?? '';
    const verified = verify(req.method ?? '', req.url ?? '/', headers, body, options);
    calls.push({ action, verified });
    let response: Record<string, unknown>;
    try {
      if (!verified) throw ['AuthFailure.SignatureFailure', 'test server: the signature does not verify'];
      response = handle(action, JSON.parse(body || '{}') as Record<string, unknown>);
    } catch (error) {
      const [code, message] = Array.isArray(error) ? error : ['InternalError', String(error)];
      response = { Error: { Code: code, Message: message } };
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ Response: { ...response, RequestId: `e2e-${calls.length}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    shadows,
    calls,
    changeDesired(productId, deviceName, patch) {
      shadows.set(key(productId, deviceName), mergeShadowSection(shadows.get(key(productId, deviceName)), 'desired', patch, Date.now()));
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function verify(method: string, url: string, headers: Record<string, string>, body: string, credentials: { secretId: string; secretKey: string }): boolean {
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(findHeader(headers, 'authorization') ?? '');
  if (!match || match[1] !== credentials.secretId) return false;
  const [, secretId, service, signedHeaders, signature] = match;
  const host = findHeader(headers, 'host') ?? '';
  // A client may sign the host with or without the port; both are accepted, as the real service does.
  return [host, host.replace(/:\d+$/, '')].some(
    (signedHost) =>
      signTc3({ method, url: `http://${signedHost}${url}`, headers: { ...headers, host: signedHost }, body, timestamp: Number(findHeader(headers, 'x-tc-timestamp')), secretId: secretId!, secretKey: credentials.secretKey, service: service!, signedHeaders: signedHeaders!.split(';') }).signature === signature,
  );
}
