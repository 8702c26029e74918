import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCaller } from './checkCaller.js';
import { isServedHost, normalizeHost, servedHosts } from './servedHosts.js';

const served = servedHosts({ bindHost: '127.0.0.1', port: 9180 });
const policy: { servedHosts: readonly string[]; allowedOrigins: readonly string[] } = { servedHosts: served, allowedOrigins: [] };
const reasonOf = (headers: Record<string, string>, extra: Partial<typeof policy> = {}) => checkCaller(headers, { ...policy, ...extra })?.reason ?? 'allowed';

test('a loopback bind serves the loopback names with its port, and nothing else', () => {
  assert.deepEqual(served, ['127.0.0.1:9180', 'localhost:9180', '[::1]:9180']);
  assert.deepEqual(servedHosts({ bindHost: '::1', port: 80 }), ['127.0.0.1:80', 'localhost:80', '[::1]:80']);
  assert.deepEqual(servedHosts({ bindHost: '192.168.1.5', port: 9180 }), ['192.168.1.5:9180']);
  assert.deepEqual(servedHosts({ bindHost: '0.0.0.0', port: 9180, interfaceAddresses: ['127.0.0.1', '192.168.1.5', 'fe80::1'] }), [
    '127.0.0.1:9180',
    'localhost:9180',
    '[::1]:9180',
    '192.168.1.5:9180',
    '[fe80::1]:9180',
  ]);
  assert.deepEqual(servedHosts({ bindHost: '127.0.0.1', port: 9180, allowHosts: ['Localhost:9999', 'mybox.lan', 'fe80::2'] }).slice(3), [
    'localhost:9999',
    'mybox.lan:9180',
    '[fe80::2]:9180',
  ]);
  assert.equal(normalizeHost('LOCALHOST'), 'localhost:80');
  assert.equal(normalizeHost('[::1]'), '[::1]:80');
  assert.ok(isServedHost('127.0.0.1', servedHosts({ bindHost: '127.0.0.1', port: 80 })), 'port 80 may be left out of Host');
  assert.ok(isServedHost('LocalHost:9180', served), 'names compare without case');
  assert.ok(!isServedHost('127.0.0.1:9181', served), 'another port is another server (unless --allow-host names it)');
  assert.ok(isServedHost('127.0.0.7:1', undefined) && !isServedHost('evil.test:9180', undefined), 'without a list: any loopback name');
});

test('DNS rebinding: a Host the emulator does not serve is refused, naming what was received and what is served', () => {
  const refusal = checkCaller({ host: 'evil.test:9180' }, policy);
  assert.equal(refusal?.reason, 'host');
  assert.match(
    refusal!.message,
    /^Host "evil\.test:9180" is not an address this emulator serves \(it serves 127\.0\.0\.1:9180, localhost:9180, \[::1\]:9180\)/,
  );
  assert.match(refusal!.message, /--allow-host evil\.test:9180/);
  assert.equal(reasonOf({}), 'host', 'no Host at all');
  assert.equal(reasonOf({ host: '127.0.0.1.evil.test:9180' }), 'host');
  assert.equal(
    reasonOf({ host: 'evil.test:9180' }, { servedHosts: servedHosts({ bindHost: '127.0.0.1', port: 9180, allowHosts: ['evil.test'] }) }),
    'allowed',
    '--allow-host',
  );
  assert.ok(checkCaller({ host: 'x'.repeat(10_000) }, policy)!.message.length < 1000, 'a long Host is cut short in the message');
});

// The header sets measured in Chromium 156 (test/emulator/browserCallers.test.ts sends them for real).
test('what browsers send: cross-site pages are refused, the toolkit’s own pages and command-line clients are not', () => {
  const host = '127.0.0.1:9180';
  // <img src> or a link from a web page: cross-site, no Origin.
  assert.equal(reasonOf({ host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }), 'sec-fetch-site');
  assert.equal(reasonOf({ host, 'sec-fetch-site': 'same-site' }), 'sec-fetch-site', 'an <img> on a loopback page of another port');
  // A no-cors fetch or a form POST from a web page: its Origin, cross-site.
  assert.equal(reasonOf({ host, origin: 'http://evil.test:41771', 'sec-fetch-site': 'cross-site' }), 'origin');
  assert.equal(reasonOf({ host, origin: 'null', 'sec-fetch-site': 'cross-site' }), 'origin', 'a sandboxed frame or file:// page');
  // Extension page or service worker with host permission: Sec-Fetch-Site none; POST with Origin, GET without.
  assert.equal(reasonOf({ host, origin: 'chrome-extension://kniiamhdgccmflelcjaknkddhgieaaol', 'sec-fetch-site': 'none' }), 'allowed');
  assert.equal(reasonOf({ host, 'sec-fetch-site': 'none', 'sec-fetch-mode': 'cors' }), 'allowed');
  // An extension page that does send cross-site (another browser, no host permission) is still known by its Origin.
  assert.equal(reasonOf({ host, origin: 'moz-extension://4b0c0e7e-1d5c-4b5e-9a0e-6f6b6a0f0c1a', 'sec-fetch-site': 'cross-site' }), 'allowed');
  assert.equal(reasonOf({ host, origin: 'vscode-webview://1234abcd', 'sec-fetch-site': 'cross-site' }), 'allowed');
  // The developer's own web app on loopback: same-site from 127.0.0.1:OTHER, cross-site from localhost:OTHER.
  assert.equal(reasonOf({ host, origin: 'http://127.0.0.1:41771', 'sec-fetch-site': 'same-site' }), 'allowed');
  assert.equal(reasonOf({ host, origin: 'http://localhost:41771', 'sec-fetch-site': 'cross-site' }), 'allowed');
  // A typed address, curl, the SDK, Node's fetch (it adds only sec-fetch-mode).
  assert.equal(reasonOf({ host, 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }), 'allowed');
  assert.equal(reasonOf({ host, 'user-agent': 'curl/8.5.0' }), 'allowed');
  assert.equal(reasonOf({ host, 'sec-fetch-mode': 'cors', 'user-agent': 'node' }), 'allowed');
  // --allow-origin lets a web app call, with its Origin; "*" does not let an Origin-less <img> through.
  assert.equal(reasonOf({ host, origin: 'https://app.example', 'sec-fetch-site': 'cross-site' }, { allowedOrigins: ['https://app.example'] }), 'allowed');
  assert.equal(reasonOf({ host, 'sec-fetch-site': 'cross-site' }, { allowedOrigins: ['*'] }), 'sec-fetch-site');
});

test('the refusals say which header was received and what would be accepted', () => {
  const origin = checkCaller({ host: '127.0.0.1:9180', origin: 'https://evil.example' }, { ...policy, allowedOrigins: ['https://app.example'] })!;
  assert.match(
    origin.message,
    /^Origin "https:\/\/evil\.example" may not call this emulator: it answers browser extension pages, VS Code webviews and pages served from this machine \(loopback\), and "https:\/\/app\.example" \(--allow-origin\)/,
  );
  assert.match(origin.message, /--allow-origin https:\/\/evil\.example\.$/);
  const site = checkCaller({ host: '127.0.0.1:9180', 'sec-fetch-site': 'Cross-Site' }, policy)!;
  assert.match(site.message, /^Sec-Fetch-Site "cross-site" with no Origin: your browser says a page on another site sent this/);
});
