import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isServiceLoaded } from '../catalog/catalog.js';
import { checkHttpFileRequest } from './checkHttpFileRequest.js';
import { loadCatalogOfRequest } from './httpFileRequestTarget.js';
import { parseHttpFile } from './parseHttpFile.js';

// Its own file, so its own process: no other test has loaded IoT Explorer's catalog before it.
test("a request's service catalog is loaded before it is checked; an action unknown to the index loads nothing", async () => {
  const [request, unknown] = parseHttpFile(
    [
      'POST {{endpoint}}/',
      'X-TC-Action: ControlDeviceData',
      '',
      '{"ProductId": "P", "DeviceName": "d", "Data": "{}"}',
      '###',
      'POST {{endpoint}}/',
      'X-TC-Action: NoSuchActionAnywhere',
    ].join('\n'),
  ).requests;
  assert.equal(isServiceLoaded('iotexplorer'), false);
  await loadCatalogOfRequest(unknown!);
  assert.equal(isServiceLoaded('iotexplorer'), false);
  await loadCatalogOfRequest(request!);
  assert.equal(isServiceLoaded('iotexplorer'), true);
  assert.deepEqual(checkHttpFileRequest(request!).problems, []);
});
