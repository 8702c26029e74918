// The DevTools panel's requests: the page made them, DevTools observed them; the service worker diagnoses their
// signature with the stored key (the core's diagnosis), replays them re-signed and writes them as curl.
import { buildStepViews, diagnose, explainResponse, findActionEntry, serviceFromHost, stepValueForDisplay, toCurl, type HttpRequest } from '@iot-devkit/core';
import { capturedToSpec } from './capturedToSpec.js';
import type { Handlers, ObservedRequest, SignatureDiagnosisView } from '../protocol.js';
import { sendAndRecord } from './sendAndRecord.js';
import { signRequest } from './signRequest.js';
import { historyStore, observedStore, profileStore } from './stores.js';

const { observedRequest } = observedStore;
const { usableProfile } = profileStore;

const header = (request: ObservedRequest, name: string) => request.headers.find((h) => h.name.toLowerCase() === name)?.value;
// HTTP/2 pseudo-headers (:authority, :method…) appear in Chrome's HAR; they were never signed or sent as headers.
const realHeaders = (request: ObservedRequest) => request.headers.filter((h) => !h.name.startsWith(':'));

/**
 * The service to verify against. A Tencent Cloud host names it; for an emulator or a proxy the catalog knows the
 * action's service. The credential scope is not used: a wrong service there is one of the mistakes to find.
 */
function serviceOf(request: ObservedRequest): string | undefined {
  const host = /^https?:\/\/([^/?#]+)/i.exec(request.url)?.[1] ?? '';
  const action = header(request, 'x-tc-action');
  return serviceFromHost(host) ?? (action ? findActionEntry(undefined, action)?.service.service : undefined);
}

export const diagnoseObserved: Handlers['diagnoseObserved'] = async ({ profileId, tabId, id }): Promise<SignatureDiagnosisView> => {
  const request = await observedRequest(tabId, id);
  const profile = await usableProfile(profileId);
  const serverError = explainResponse(request.responseBody, 'browser').error;
  const service = serviceOf(request);
  const result = diagnose({
    request: { method: request.method, url: request.url, headers: realHeaders(request), body: request.body },
    secretKey: profile.secretKey,
    ...(serverError ? { errorCode: serverError.code } : {}),
    ...(request.startedAt > 0 ? { sentAt: request.startedAt } : {}),
    ...(service ? { service } : {}),
  });
  const difference = result.firstDifferingStep;
  // Derived keys stay in the service worker: the core's step rule masks them in the difference as in the steps.
  const masked = (step: string, value: string) => stepValueForDisplay({ id: step }, value);
  return {
    scheme: result.scheme,
    match: result.match,
    cause: result.cause,
    explanation: result.explanation,
    fix: result.fix,
    firstDifference: difference
      ? {
          step: difference.step,
          title: difference.title,
          ...(difference.part ? { part: difference.part } : {}),
          source: difference.source,
          expected: masked(difference.step, difference.expected),
          got: masked(difference.step, difference.got),
        }
      : null,
    steps: buildStepViews(result.steps),
    ...(serverError ? { serverError } : {}),
  };
};

export const replayObserved: Handlers['replayObserved'] = async ({ profileId, tabId, id, confirmed }) =>
  sendAndRecord(historyStore, await usableProfile(profileId), capturedToSpec(await observedRequest(tabId, id)), confirmed);

export const curlForObserved: Handlers['curlForObserved'] = async ({ profileId, tabId, id }) => {
  const spec = capturedToSpec(await observedRequest(tabId, id));
  return spec.kind === 'raw' ? toCurl(spec as unknown as HttpRequest) : signRequest(spec, await usableProfile(profileId)).curl;
};
