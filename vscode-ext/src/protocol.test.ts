import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isWebviewToHostMessage, type RequestMethod } from './protocol.js';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
/** The member names of one interface of protocol.ts, read from its source. */
function membersOf(name: string): string[] {
  const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(read('src/protocol.ts'))?.[1] ?? '';
  return [...body.matchAll(/^ {2}([A-Za-z]+):/gm)].map((m) => m[1]!);
}
const names = (files: readonly string[], call: string) =>
  new Set(files.flatMap((f) => [...read(f).matchAll(new RegExp(`\\b${call}\\(\\s*'([A-Za-z0-9]+)'`, 'g'))].map((m) => m[1]!)));

describe('webview → host envelope check', () => {
  // A handler map of two methods: the guard accepts exactly the map's own keys.
  const handlers = { sign: () => undefined, ready: () => undefined } as unknown as Record<RequestMethod, unknown>;

  it('accepts a request of a method the handler map has and refuses anything else', () => {
    assert.ok(isWebviewToHostMessage({ type: 'request', id: 1, method: 'sign', params: {} }, handlers));
    for (const bad of [
      null,
      'sign',
      { type: 'request', id: '1', method: 'sign', params: {} },
      { type: 'request', id: 1, method: 'eval', params: {} },
      { type: 'request', id: 1, method: 'send', params: {} },
      { type: 'request', id: 1, method: 'toString', params: {} },
      { type: 'request', id: 1, method: 'sign' },
      { type: 'response', id: 1, method: 'sign', params: {} },
      { type: 'request', id: 1.5, method: 'sign', params: {} },
    ]) {
      assert.equal(isWebviewToHostMessage(bad, handlers), false, JSON.stringify(bad));
    }
  });
});

describe('every message of the protocol is handled and used', () => {
  // Handled: RequestHandlers maps every RequestMethod, so the typecheck fails on a request without a handler.
  // Used: what follows, on the sources, so a message no side sends any more is removed rather than kept.
  const webview = sources('src/webview');
  const host = sources('src/host');

  it('the webview sends every request of ToHostRequests, and no other', () => {
    const requests = membersOf('ToHostRequests');
    assert.ok(requests.length >= 15, `read the request map (${requests.length})`);
    assert.deepEqual([...names(webview, 'request')].sort(), [...requests].sort());
  });

  it('the host sends every notification of ToWebviewNotifications and the webview listens to each', () => {
    const notifications = membersOf('ToWebviewNotifications');
    assert.ok(notifications.length >= 2, `read the notification map (${notifications.length})`);
    assert.deepEqual([...names(host, 'notify')].sort(), [...notifications].sort());
    assert.deepEqual([...names(webview, 'onNotification')].sort(), [...notifications].sort());
  });

  it('every text key the host fills is shown by the webview', () => {
    const body = /return \{([\s\S]*?)\n {2}\};/.exec(read('src/host/sidebar/webviewStrings.ts'))?.[1] ?? '';
    const keys = [...body.matchAll(/^ {4}([A-Za-z0-9]+):/gm)].map((m) => m[1]!);
    assert.ok(keys.length >= 40, `read the text keys (${keys.length})`);
    assert.deepEqual(
      keys.filter((key) => !names(webview, 't').has(key)),
      [],
      'unused text keys',
    );
  });
});
