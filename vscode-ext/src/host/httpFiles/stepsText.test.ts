import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDiagnosisView, buildStepViews, capturedFromSent, diagnose, signTc3 } from '@iot-devkit/core';
import type { Translate } from './responseText.js';
import { diagnosisText, signingStepsText } from './stepsText.js';

const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const KEY = 'stepsTextMadeUpSecretKey00000000';
const signed = signTc3({
  method: 'POST',
  url: 'http://127.0.0.1:9180/',
  headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadow' },
  body: '{"ProductId":"DEMO000001","DeviceName":"thermostat-1"}',
  timestamp: 1_700_000_000,
  secretId: 'AKIDstepsText000000000000000000000000',
  secretKey: KEY,
  service: 'iotcloud',
});

describe('Signing Steps and Diagnose as Markdown', () => {
  it("every TC3 step with its rule and value; the derived keys masked by the core's rule, never the key", () => {
    const text = signingStepsText('Signing steps of shadow', buildStepViews(signed.steps, 'en'), t);
    assert.match(text, /^# Signing steps of shadow$/m);
    assert.ok(text.includes(`\`\`\`text\n${signed.canonicalRequest}\n\`\`\``), 'the canonical request, fenced');
    assert.ok(text.includes(signed.signature));
    assert.ok(!text.includes(signed.secretSigning) && !text.includes(signed.secretDate), 'derived keys masked');
    assert.ok(!text.includes(KEY));
    assert.equal([...text.matchAll(/_Derived from the SecretKey: masked/g)].length, 3);
  });

  it('a value holding backticks cannot close its fence', () => {
    const [step] = buildStepViews(signed.steps, 'en');
    const text = signingStepsText('x', [{ ...step!, value: 'a ``` b' }], t);
    assert.match(text, /````text\na ``` b\n````/);
  });

  it('a diagnosis: the conclusion and Fix first, the expected steps, the ruled-out list last', () => {
    const diagnosis = diagnose({
      request: capturedFromSent({ ...signed, method: 'POST', url: 'http://127.0.0.1:9180/', body: '{"ProductId":"DEMO000001","DeviceName":"thermostat-1"}' }),
      secretKey: KEY,
      errorCode: 'AuthFailure.SignatureFailure',
      service: 'iotcloud',
      sentAt: 1_700_000_000,
    });
    const text = diagnosisText('Diagnosis of shadow', buildDiagnosisView(diagnosis, 'en'), t);
    const order = ['# Diagnosis of shadow', '**Signature correct**', '**Fix:**', '## Expected signing steps', 'known mistake'].map((part) =>
      text.indexOf(part),
    );
    assert.ok(
      order.every((at) => at >= 0),
      order.join(' '),
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.ok(!text.includes(KEY));
  });
});
