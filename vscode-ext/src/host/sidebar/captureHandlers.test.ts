import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHttpRequest, parseCapturedRequest, signTc3, toCurl } from '@iot-devkit/core';
import { captureHandlers, captureToSignForm } from './captureHandlers.js';
import { SentRequests } from './SentRequests.js';
import { readSignForm } from './readSignForm.js';

const credentials = { secretId: 'AKIDcaptureTest01', secretKey: 'madeUpCaptureKey0123' };

describe('a pasted request fills the Sign form', () => {
  it('re-signing the form reproduces the pasted signature (curl exported by the core)', () => {
    const signed = buildHttpRequest(
      {
        service: 'iotcloud',
        version: '2021-04-08',
        action: 'UpdateDeviceShadow',
        region: 'ap-guangzhou',
        params: { ProductId: 'ABCDE12345', DeviceName: 'abc', State: '{"desired":{"on":true}}', ShadowVersion: 3 },
      },
      { credentials, timestamp: 1_700_000_123 },
    );
    const captured = parseCapturedRequest(toCurl(signed));
    assert.ok(captured.ok, captured.ok ? '' : captured.error);
    const form = captureToSignForm(captured.request);
    assert.equal(form.timestamp, '1700000123');
    assert.equal(form.service, 'iotcloud');
    assert.ok(!/authorization|x-tc-timestamp/i.test(form.headers), 'the old signature and timestamp are not headers of the form');
    const reading = readSignForm(form);
    assert.ok(reading.ok);
    assert.equal(signTc3({ ...reading.request, ...credentials }).authorization, signed.headers['Authorization']);
  });

  it('reads raw HTTP too', () => {
    const captured = parseCapturedRequest(
      'POST / HTTP/1.1\r\nHost: iotcloud.tencentcloudapi.com\r\nContent-Type: application/json\r\nX-TC-Timestamp: 1551113065\r\n\r\n{}',
    );
    assert.ok(captured.ok);
    const form = captureToSignForm(captured.request);
    assert.equal(form.url, 'https://iotcloud.tencentcloudapi.com/');
    assert.equal(form.timestamp, '1551113065');
  });
});

describe('Diagnose', () => {
  const source = { credentials: async () => ({ profile: { name: 't', secretId: credentials.secretId, region: 'ap-guangzhou' }, credentials }) };
  const signedCurl = (body: string) => {
    const signed = buildHttpRequest(
      { service: 'iotcloud', version: '2021-04-08', action: 'DescribeProducts', params: { Offset: 0, Limit: 10 } },
      { credentials, timestamp: Math.floor(Date.now() / 1000) },
    );
    return toCurl({ ...signed, body });
  };

  it('says a correctly signed request matches', async () => {
    const result = await captureHandlers(source, false, new SentRequests()).diagnose({ text: signedCurl('{"Offset":0,"Limit":10}'), response: '' });
    assert.ok(result.ok);
    assert.equal(result.diagnosis.kind, 'signature-correct');
    assert.match(result.diagnosis.kindLabel, /^Signature correct/);
    assert.deepEqual(result.diagnosis.findings, []);
  });

  it('names the mistake of a body changed after signing, with the first differing step', async () => {
    const result = await captureHandlers(source, false, new SentRequests()).diagnose({
      text: signedCurl('{"Offset": 0, "Limit": 10}'),
      response: '{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"x"},"RequestId":"r"}}',
    });
    assert.ok(result.ok);
    assert.ok(result.diagnosis.findings.length > 0, JSON.stringify(result.diagnosis));
    assert.match(result.diagnosis.findings.map((f) => f.title).join(' '), /body/i);
    assert.equal(result.diagnosis.kind, 'cause-found');
    assert.ok(result.diagnosis.fix, 'a Fix');
    assert.match(result.diagnosis.difference?.expectedLabel ?? '', /^Expected — the body sent/);
    assert.ok(result.diagnosis.ruledOut.count > 0);
    assert.ok(!JSON.stringify(result).includes(credentials.secretKey), 'the key never comes back');
  });

  it('says what it cannot read', async () => {
    const result = await captureHandlers(source, false, new SentRequests()).diagnose({ text: 'hello', response: '' });
    assert.ok(!result.ok);
  });

  it('in the UI language', async () => {
    const result = await captureHandlers(source, true, new SentRequests()).diagnose({ text: signedCurl('{"Offset":0,"Limit":10}'), response: '' });
    assert.ok(result.ok);
    assert.match(result.diagnosis.kindLabel, /签名正确/);
    assert.equal(result.diagnosis.labels.fix, '处理');
  });
});

describe('Why? on a send the server refused', () => {
  const profile = (name: string) => ({ credentials: async () => ({ profile: { name, secretId: credentials.secretId, region: 'ap-guangzhou' }, credentials }) });
  const signed = buildHttpRequest(
    { service: 'iotcloud', version: '2021-04-08', action: 'DescribeProducts', params: { Offset: 0, Limit: 10 } },
    { credentials, timestamp: Math.floor(Date.now() / 1000) },
  );
  const kept = () => {
    const sent = new SentRequests();
    const { method, url, headers, body } = signed;
    sent.keep('h1', {
      sent: { method, url, headers, body },
      profile: 't',
      errorCode: 'AuthFailure.SignatureFailure',
      service: 'iotcloud',
      sentAt: Math.floor(Date.now() / 1000),
    });
    return sent;
  };

  it('diagnoses the very request sent with the key of the profile that signed it', async () => {
    const result = await captureHandlers(profile('t'), false, kept()).why({ historyId: 'h1' });
    assert.ok(result.ok, result.ok ? '' : result.message);
    // Signed by the host with this key, yet refused: the key the server holds for the SecretId is another one.
    assert.equal(result.diagnosis.kind, 'signature-correct');
    assert.match(result.diagnosis.headline, /AuthFailure\.SignatureFailure/);
    assert.ok(result.diagnosis.fix);
    assert.ok(!JSON.stringify(result).includes(credentials.secretKey));
  });

  it("refuses to diagnose with another profile's key, and says when the request is gone", async () => {
    const other = await captureHandlers(profile('other'), false, kept()).why({ historyId: 'h1' });
    assert.ok(!other.ok && /signed with profile "t"/.test(other.message));
    const gone = await captureHandlers(profile('t'), true, kept()).why({ historyId: 'nope' });
    assert.ok(!gone.ok && /为什么/.test(gone.message));
  });

  it('keeps only the last few sends', () => {
    const sent = new SentRequests();
    for (let i = 0; i < 12; i++)
      sent.keep(`h${i}`, { sent: { method: 'POST', url: 'https://x/', headers: {}, body: '' }, profile: 't', errorCode: 'c', service: 's', sentAt: i });
    assert.equal(sent.get('h0'), undefined);
    assert.equal(sent.get('h11')?.sentAt, 11);
  });
});
