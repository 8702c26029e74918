import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHttpFile } from '@iot-devkit/core';
import { findRequestByKey, httpLenses, requestKeyOf } from './requestLenses.js';

const FILE = `### read
# @name shadow
POST http://127.0.0.1:9180/
Authorization: TC3
X-TC-Action: DescribeDeviceShadow

{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}

###
POST http://127.0.0.1:9180/
X-TC-Action: DescribeDevices

{"ProductId": "DEMO000001"}
`;

describe('the lenses of a .http file', () => {
  it('Send, Signing Steps and Copy as curl above each request line; Diagnose only where the last response asked for it', () => {
    const file = parseHttpFile(FILE);
    const unnamed = requestKeyOf(file.requests[1]!);
    const lenses = httpLenses(file, (key) => key === unnamed);
    assert.deepEqual(
      lenses.map((l) => `${l.line}:${l.action}`),
      ['2:send', '2:signingSteps', '2:copyAsCurl', '9:send', '9:signingSteps', '9:copyAsCurl', '9:diagnose'],
    );
  });

  it('a request is found again by its name or its text after lines are added above it, not by its index', () => {
    const before = parseHttpFile(FILE);
    const named = requestKeyOf(before.requests[0]!);
    const unnamed = requestKeyOf(before.requests[1]!);
    assert.equal(named, 'name:shadow');
    const edited = parseHttpFile(`###\nGET http://example.com/new\n\n${FILE}`);
    assert.equal(findRequestByKey(edited, named)?.index, 1);
    assert.equal(findRequestByKey(edited, unnamed)?.index, 2);
    // Its diagnosable state follows it: Diagnose stands above the same request, now lower in the file.
    assert.deepEqual(
      httpLenses(edited, (key) => key === unnamed)
        .filter((l) => l.action === 'diagnose')
        .map((l) => l.line),
      [edited.requests[2]!.position.line - 1],
    );
  });

  it('an unnamed request edited is another request: its lens state does not carry over', () => {
    const before = parseHttpFile(FILE);
    const after = parseHttpFile(FILE.replace('{"ProductId": "DEMO000001"}\n', '{"ProductId": "DEMO000002"}\n'));
    assert.equal(findRequestByKey(after, requestKeyOf(before.requests[1]!)), undefined);
  });
});
