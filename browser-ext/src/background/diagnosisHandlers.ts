// Every diagnosis the pages show, made in the service worker where the keys are: an observed request (DevTools), a
// pasted one before it is re-signed (popup), and the request just sent when the server refused its signature (Why?).
// Each is the core's diagnosis in the core's one view (buildDiagnosisView), so the pages only render it.
import {
  buildDiagnosisView,
  capturedFromSent,
  diagnose,
  explainResponse,
  parseCapturedRequest,
  signatureSchemeOf,
  SigningInputError,
  type CapturedRequest,
  type DiagnosisInput,
} from '@iot-devkit/core';
import type { DiagnosisView, Handlers, SignatureDiagnosisView } from '../protocol.js';
import { withoutPseudoHeaders } from './capturedToSpec.js';
import { sentForWhy } from './sentForWhy.js';
import { serviceOfRequest } from './serviceOfRequest.js';
import { observedStore, profileStore } from './stores.js';

const { observedRequest } = observedStore;
const { usableProfile } = profileStore;

type Known = Omit<DiagnosisInput, 'request' | 'secretKey'>;

/** The diagnosis of `request` with the key, as the pages show it; the service read from the request when not known. */
function diagnosisView(request: CapturedRequest, secretKey: string, known: Known): DiagnosisView {
  const service = known.service ?? serviceOfRequest(request);
  return buildDiagnosisView(diagnose({ request, secretKey, ...known, ...(service ? { service } : {}) }));
}

export const diagnoseObserved: Handlers['diagnoseObserved'] = async ({ profileId, tabId, id }): Promise<SignatureDiagnosisView> => {
  const observed = await observedRequest(tabId, id);
  const profile = await usableProfile(profileId);
  const serverError = explainResponse(observed.responseBody, 'browser').error;
  const request = withoutPseudoHeaders({ method: observed.method, url: observed.url, headers: observed.headers, body: observed.body });
  return {
    diagnosis: diagnosisView(request, profile.secretKey, {
      ...(serverError ? { errorCode: serverError.code } : {}),
      ...(observed.startedAt > 0 ? { sentAt: observed.startedAt } : {}),
    }),
    ...(serverError ? { serverError } : {}),
  };
};

export const verifyPasted: Handlers['verifyPasted'] = async ({ profileId, text }) => {
  const parsed = parseCapturedRequest(typeof text === 'string' ? text : '');
  if (!parsed.ok) return { status: 'notVerified', message: parsed.error };
  const request = withoutPseudoHeaders(parsed.request);
  if (signatureSchemeOf(request) === undefined) return { status: 'unsigned' };
  const profile = await usableProfile(profileId);
  try {
    return { status: 'diagnosed', diagnosis: diagnosisView(request, profile.secretKey, parsed.sentAt !== undefined ? { sentAt: parsed.sentAt } : {}) };
  } catch (error) {
    if (error instanceof SigningInputError) return { status: 'notVerified', message: error.message };
    throw error;
  }
};

export const whySent: Handlers['whySent'] = async ({ historyId }) => {
  const kept = sentForWhy(typeof historyId === 'string' ? historyId : '');
  if (!kept) throw new Error('Why?: that request is no longer held (the last few sends are, while the extension runs); send it again, then ask Why?');
  const profile = await usableProfile(kept.profileId);
  return diagnosisView(capturedFromSent(kept.sent), profile.secretKey, {
    errorCode: kept.errorCode,
    sentAt: kept.sentAt,
    ...(kept.service ? { service: kept.service } : {}),
  });
};
