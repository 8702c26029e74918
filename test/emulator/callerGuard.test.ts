import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildHttpRequest, DEMO_CREDENTIAL, DEMO_PRODUCT_ID, serializeState } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { sendRaw, startTestEmulator, type RawResponse } from './harness.js';

// Who may call the emulator, over real HTTP: the header sets are those Chromium 156 sends (measured in
// browserCallers.test.ts), replayed here with node:http so each can be sent with any Host.
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
before(async () => {
  emulator = await startTestEmulator();
});
after(() => emulator.close());

const now = () => Math.floor(Date.now() / 1000);
let nonce = 1000;

/** A signed call as a browser page would send it: the URL's path and query, the headers (without Host) and body. */
function signed(
  action: string,
  params: Record<string, unknown>,
  options: { scheme?: 'TC3-HMAC-SHA256' | 'HmacSHA256'; method?: 'GET' | 'POST'; signedFor?: string } = {},
) {
  const built = buildHttpRequest(
    {
      service: 'iotcloud',
      version: '2021-04-08',
      action,
      region: 'ap-guangzhou',
      params,
      method: options.method ?? 'GET',
      endpoint: `http://${options.signedFor ?? emulator.hostPort}/`,
    },
    { credentials: DEMO_CREDENTIAL, timestamp: now(), scheme: options.scheme ?? 'HmacSHA256', nonce: ++nonce, crypto: nodeHashProvider },
  );
  const url = new URL(built.url);
  const headers = Object.fromEntries(Object.entries(built.headers).filter(([name]) => name.toLowerCase() !== 'host'));
  return { path: url.pathname + url.search, method: built.method, headers, body: built.method === 'POST' ? built.body : '' };
}

function send(call: ReturnType<typeof signed>, headers: Record<string, string>): Promise<RawResponse> {
  return sendRaw(emulator.hostPort, { method: call.method, path: call.path, headers: { ...call.headers, ...headers }, body: call.body });
}

const apiError = (response: RawResponse) =>
  (JSON.parse(response.text) as { Response: { Error?: { Code: string; Message: string }; RequestId: string } }).Response;
const snapshot = () => serializeState(emulator.emulator.state);

test('DNS rebinding: a page served as evil.test:PORT (resolving to 127.0.0.1) gets 403 for every route, and nothing changes', async () => {
  const evilHost = `evil.test:${emulator.port}`;
  const before = snapshot();
  // Same-origin for the page, so the browser sends no Origin and no Sec-Fetch-Site; signed for the name it uses.
  const read = await send(signed('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' }, { signedFor: evilHost }), { Host: evilHost });
  assert.equal(read.status, 403);
  const error = apiError(read);
  assert.equal(error.Error?.Code, 'UnauthorizedOperation');
  assert.equal(
    error.Error?.Message,
    `Host "${evilHost}" is not an address this emulator serves (it serves ${emulator.servedHosts.join(', ')}). Refused so that a web page whose own name was made to resolve to this machine (DNS rebinding) cannot use it. Call it by one of those names, or, if "${evilHost}" is a name of yours (a port forward, a hosts-file alias), start it with --allow-host ${evilHost}.`,
  );
  assert.match(error.RequestId, /^[0-9a-f-]{36}$/);
  assert.doesNotMatch(read.text, /DevicePsk/);
  const deleted = await send(signed('DeleteDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-2' }, { signedFor: evilHost }), { Host: evilHost });
  assert.equal(deleted.status, 403);
  const shadow = await sendRaw(emulator.hostPort, {
    method: 'GET',
    path: `/_emulator/devices/${DEMO_PRODUCT_ID}/thermostat-1/shadow`,
    headers: { Host: evilHost },
  });
  assert.equal(shadow.status, 403);
  assert.match((JSON.parse(shadow.text) as { error: string }).error, /^Host "evil\.test:\d+" is not an address this emulator serves/);
  const reported = await sendRaw(emulator.hostPort, {
    path: `/_emulator/devices/${DEMO_PRODUCT_ID}/thermostat-1/reported`,
    headers: { Host: evilHost, 'Content-Type': 'application/json', Origin: `http://${evilHost}` },
    body: '{"hacked":true}',
  });
  assert.equal(reported.status, 403);
  const preflight = await sendRaw(emulator.hostPort, {
    method: 'OPTIONS',
    headers: { Host: evilHost, Origin: `http://${evilHost}`, 'Access-Control-Request-Method': 'POST' },
  });
  assert.equal(preflight.status, 403);
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  assert.equal(snapshot(), before, 'nothing changed');
  // The control: the same call by a name the emulator serves does read the device, so the 403 above was the Host's doing.
  const control = await send(signed('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' }), { Host: emulator.hostPort });
  assert.equal(control.status, 200);
  assert.match(control.text, /"DevicePsk"/);
});

test('CSRF by <img>: Sec-Fetch-Site cross-site with no Origin gets 403 and creates nothing; the same URL from curl works', async () => {
  const call = signed('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'from-img' });
  const before = snapshot();
  const img = await send(call, { Host: emulator.hostPort, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' });
  assert.equal(img.status, 403);
  assert.equal(
    apiError(img).Error?.Message,
    'Sec-Fetch-Site "cross-site" with no Origin: your browser says a page on another site sent this (an <img>, a link, a script or a GET form; they send no Origin), so it is refused. Extension pages, VS Code webviews and loopback pages call the emulator with fetch, which sends their Origin; curl, the SDKs and the CLI send neither header.',
  );
  const sameSite = await send(call, { Host: emulator.hostPort, 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Dest': 'image' });
  assert.equal(sameSite.status, 403, 'an <img> on a loopback page of another port');
  assert.equal(snapshot(), before, 'no device created');
  const curl = await send(call, { Host: emulator.hostPort, 'User-Agent': 'curl/8.5.0', Accept: '*/*' });
  assert.equal(curl.status, 200);
  assert.equal(apiError(curl).Error, undefined, curl.text);
  assert.ok(emulator.emulator.state.devices.has(`${DEMO_PRODUCT_ID}/from-img`), 'the control created it');
});

test('CSRF by a no-cors fetch or a form: a web Origin gets 403 and no message is recorded', async () => {
  const before = emulator.emulator.state.messages.length;
  const publish = signed(
    'PublishMessage',
    { Topic: `${DEMO_PRODUCT_ID}/thermostat-1/control`, Payload: 'csrf', ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' },
    { method: 'POST' },
  );
  const response = await send(publish, {
    Host: emulator.hostPort,
    Origin: 'http://evil.test:41771',
    'Sec-Fetch-Site': 'cross-site',
    'Sec-Fetch-Mode': 'no-cors',
  });
  assert.equal(response.status, 403);
  assert.match(
    apiError(response).Error!.Message,
    /^Origin "http:\/\/evil\.test:41771" may not call this emulator: it answers browser extension pages, VS Code webviews and pages served from this machine \(loopback\), so that another web site cannot drive it from your browser\. If that page is yours, restart the emulator with --allow-origin http:\/\/evil\.test:41771\.$/,
  );
  const admin = await sendRaw(emulator.hostPort, {
    method: 'DELETE',
    path: '/_emulator/messages',
    headers: { Host: emulator.hostPort, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
  });
  assert.equal(admin.status, 403);
  assert.equal(emulator.emulator.state.messages.length, before);
});

test('extension pages, a loopback web app, a typed address and command-line clients keep working', async () => {
  const describe = () =>
    signed('DescribeDeviceShadow', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' }, { scheme: 'TC3-HMAC-SHA256', method: 'POST' });
  const callers: [string, Record<string, string>][] = [
    [
      'Chromium extension page or service worker (measured)',
      { Origin: 'chrome-extension://kniiamhdgccmflelcjaknkddhgieaaol', 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'cors' },
    ],
    [
      'an extension page marked cross-site',
      { Origin: 'moz-extension://4b0c0e7e-1d5c-4b5e-9a0e-6f6b6a0f0c1a', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' },
    ],
    ['a VS Code webview', { Origin: 'vscode-webview://1234abcd', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' }],
    ['a web app on 127.0.0.1:5173 (same-site)', { Origin: 'http://127.0.0.1:5173', 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'cors' }],
    ['a web app on localhost:5173 (cross-site)', { Origin: 'http://localhost:5173', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' }],
    ["Node's fetch (the VS Code extension host, the SDK)", { 'Sec-Fetch-Mode': 'cors', 'User-Agent': 'node' }],
    ['curl', { 'User-Agent': 'curl/8.5.0' }],
  ];
  for (const [who, headers] of callers) {
    const response = await send(describe(), { Host: emulator.hostPort, ...headers });
    assert.equal(response.status, 200, `${who}: ${response.text}`);
    assert.equal(apiError(response).Error, undefined, `${who}: ${response.text}`);
    if (headers['Origin']) assert.equal(response.headers['access-control-allow-origin'], headers['Origin'], `${who}: CORS answered`);
  }
  const typed = await sendRaw(emulator.hostPort, {
    method: 'GET',
    path: '/_emulator',
    headers: { Host: `localhost:${emulator.port}`, 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' },
  });
  assert.equal(typed.status, 200, 'the admin page opened from the address bar, by the name localhost');
});

test('--allow-origin still lets a named web app call (with its Origin), and the CORS answer names it', async () => {
  const allowing = await startTestEmulator({ allowedOrigins: ['https://app.example'] });
  try {
    const call = signed(
      'DescribeDeviceShadow',
      { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' },
      { scheme: 'TC3-HMAC-SHA256', method: 'POST', signedFor: allowing.hostPort },
    );
    const response = await sendRaw(allowing.hostPort, {
      method: call.method,
      path: call.path,
      headers: { ...call.headers, Host: allowing.hostPort, Origin: 'https://app.example', 'Sec-Fetch-Site': 'cross-site' },
      body: call.body,
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers['access-control-allow-origin'], 'https://app.example');
  } finally {
    await allowing.close();
  }
});

test('replays: a v1 request received twice is refused the second time (Nonce + Timestamp); an identical TC3 call is not', async () => {
  const before = emulator.emulator.state.messages.length;
  const publish = signed('PublishMessage', {
    Topic: `${DEMO_PRODUCT_ID}/thermostat-1/control`,
    Payload: 'once',
    ProductId: DEMO_PRODUCT_ID,
    DeviceName: 'thermostat-1',
  });
  assert.equal(apiError(await send(publish, { Host: emulator.hostPort })).Error, undefined);
  const replay = apiError(await send(publish, { Host: emulator.hostPort }));
  assert.equal(replay.Error?.Code, 'InvalidParameter');
  assert.match(
    replay.Error!.Message,
    /^Nonce: this request \(Nonce \d+, Timestamp \d+, the same Signature\) was already received; .*\[IoT Devkit emulator's choice — the real cloud documents no error code for a replay\]$/,
  );
  assert.equal(emulator.emulator.state.messages.length, before + 1, 'recorded once');
  // TC3 has no Nonce: the same call twice in one second (a double-clicked Send) is two legitimate calls.
  const tc3 = signed('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' }, { scheme: 'TC3-HMAC-SHA256', method: 'POST' });
  for (let i = 0; i < 2; i++) assert.equal(apiError(await send(tc3, { Host: emulator.hostPort })).Error, undefined);
});
