import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskForDisplay, parseHttpFile, REDACTED, type PreparedRequest } from '@iot-devkit/core';
import { maskSecrets, responseText, type ResponseEvent, type Translate } from './responseText.js';

/** vscode.l10n.t's formatting, without VS Code. */
const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

const request = parseHttpFile('# @name shadow\nPOST http://127.0.0.1:9180/\nX-TC-Action: DescribeDeviceShadow\n\n{}\n').requests[0]!;
const prepared: PreparedRequest = {
  outgoing: { method: 'POST', url: 'http://127.0.0.1:9180/', headers: { 'X-TC-Action': 'DescribeDeviceShadow' }, body: '{}' },
  notes: ['X-TC-Version 2021-04-08: from the catalog'],
};
const event = (status: number, body: string, headers: Record<string, string> = {}): ResponseEvent => ({
  kind: 'response',
  request,
  prepared,
  response: { status, headers, body },
  ms: 12.4,
  outcome: 'ok',
  explanation: {},
});

describe('the response tab', () => {
  it('comments first (request, status, time, size, notes, headers masked), then the body with JSON-in-string fields parsed', () => {
    const body = JSON.stringify({ Response: { Data: JSON.stringify({ payload: { version: 7 } }), RequestId: 'r-1' } });
    const text = responseText({
      event: event(200, body, { 'content-type': 'application/json', 'set-cookie': 'session=abcdef123456' }),
      secrets: [],
      language: 'en',
      environment: 'thermostat-1',
      t,
    });
    const [head, ...rest] = text.split('\n{');
    assert.deepEqual(head!.split('\n').slice(0, 2), [
      '// shadow · POST http://127.0.0.1:9180/ · DescribeDeviceShadow · environment thermostat-1',
      `// HTTP 200 · 12 ms · ${Buffer.byteLength(body)} B · RequestId r-1`,
    ]);
    assert.match(head!, /^\/\/ Note: X-TC-Version 2021-04-08: from the catalog$/m);
    assert.match(head!, /^\/\/ Shown parsed \(the API returns them as JSON text in a string\): Response\.Data$/m);
    assert.match(head!, /^\/\/ {3}set-cookie: sess\*\*\*\*$/m, 'a credential header masked by the one policy');
    assert.deepEqual(JSON.parse(`{${rest.join('\n{')}`), { Response: { Data: { payload: { version: 7 } }, RequestId: 'r-1' } });
  });

  it('an API error is explained with its fix; secret fields are dropped and the run’s secrets masked', () => {
    const body = JSON.stringify({
      Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'signature mismatch for key topSecretValue123' }, RequestId: 'r-2' },
    });
    const text = responseText({ event: event(200, body), secrets: ['topSecretValue123'], language: 'en', t });
    assert.match(text, /^\/\/ Error AuthFailure\.SignatureFailure: signature mismatch for key topS\*\*\*\*$/m);
    assert.match(text, /^\/\/ Fix: .*Click Diagnose above the request/m);
    assert.ok(!text.includes('topSecretValue123'));
    const psk = responseText({
      event: event(200, JSON.stringify({ Response: { DevicePsk: 'cHNrcHNrcHNr', RequestId: 'r-3' } })),
      secrets: [],
      language: 'en',
      t,
    });
    assert.ok(!psk.includes('cHNrcHNrcHNr'));
    assert.match(psk, new RegExp(`"DevicePsk": "${REDACTED.replace(/[[\]]/g, '\\$&')}"`));
  });

  it('a comment cannot be ended by a line break in a message; a body that is not JSON is shown as it is', () => {
    const text = responseText({ event: event(502, 'Bad gateway\n{not json'), secrets: [], language: 'en', t });
    const comments = text.split('\n').filter((line) => line.startsWith('//'));
    assert.ok(comments.some((line) => line.startsWith('// HTTP error 502')));
    assert.ok(text.endsWith('Bad gateway\n{not json\n'));
  });

  it('maskSecrets masks the longer secret first, and a mask is not masked again by a shorter secret it starts with', () => {
    const long = 'Gu5tLongSecretKey0000000000000000';
    const short = 'Gu5tShortKey00000';
    assert.equal(maskSecrets(`${long} ${short} Gu5t`, [short, 'Gu5t', long]), `${maskForDisplay(long)} ${maskForDisplay(short)} ${maskForDisplay('Gu5t')}`);
    assert.equal(maskForDisplay(long), 'Gu5t****');
  });
});
