// The DevTools page: loaded whenever DevTools opens on a tab, panel shown or not. It adds the panel and records
// the inspected page's API requests with the service worker, so the panel lists everything since DevTools opened.
import { devtools, readResponseBody, type HarRequest } from '../browserApi.js';
import { callBackground } from '../messaging.js';
import type { ObservedRequest } from '../protocol.js';
import { isApiRequest } from '../shared/isApiRequest.js';

void devtools.createPanel('IoT Devkit', 'panel.html');

const tabId = devtools.inspectedTabId;
let sequence = 0;

async function observe(har: HarRequest): Promise<void> {
  const { request, response } = har;
  if (!isApiRequest(request.url, request.headers)) return;
  const started = Date.parse(har.startedDateTime ?? '');
  const observed: ObservedRequest = {
    id: `${Date.now().toString(36)}-${(sequence++).toString(36)}`,
    startedAt: Number.isFinite(started) ? Math.floor(started / 1000) : 0,
    method: request.method,
    url: request.url,
    headers: request.headers.map(({ name, value }) => ({ name, value })),
    body: request.postData?.text ?? '',
    status: response.status,
    responseBody: await readResponseBody(har),
  };
  await callBackground('recordObserved', { tabId, request: observed });
}

devtools.onRequestFinished((har) => void observe(har).catch(() => undefined));
