import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWebviewToHostMessage, REQUEST_METHODS, type RequestMethod } from './protocol.js';

describe('webview → host envelope check', () => {
  it('accepts a request of a known method and refuses anything else', () => {
    assert.ok(isWebviewToHostMessage({ type: 'request', id: 1, method: 'sign', params: {} }));
    for (const bad of [
      null,
      'sign',
      { type: 'request', id: '1', method: 'sign', params: {} },
      { type: 'request', id: 1, method: 'eval', params: {} },
      { type: 'request', id: 1, method: 'sign' },
      { type: 'response', id: 1, method: 'sign', params: {} },
      { type: 'request', id: 1.5, method: 'sign', params: {} },
    ]) {
      assert.equal(isWebviewToHostMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('lists every method of the request map exactly once', () => {
    // Every method, checked by the compiler against ToHostRequests: a new method missing here fails the typecheck,
    // and a method missing from REQUEST_METHODS fails the assertion (the host would drop its messages).
    const every = {
      ready: true,
      sign: true,
      runCredential: true,
      readCapture: true,
      diagnose: true,
      searchActions: true,
      describeAction: true,
      validateParams: true,
      send: true,
      replay: true,
      clearHistory: true,
      exportRequest: true,
      copy: true,
      copyOneTimeSecret: true,
      draftSecrets: true,
      searchErrors: true,
      ruleSql: true,
      sendRule: true,
      runCommand: true,
    } satisfies Record<RequestMethod, true>;
    assert.deepEqual([...REQUEST_METHODS].sort(), Object.keys(every).sort());
    assert.equal(new Set(REQUEST_METHODS).size, REQUEST_METHODS.length);
  });
});
