// The one function that turns a call into what goes on the wire: the Signature steps button and Send both come
// through here, so the steps a developer reads are those of the request sent (issue 12: the preview signed the
// call as typed, Send signed it coerced by the catalog and, on edit-and-replay, with the history entry's profile).
import { buildKeylessStepViews, buildKeylessTc3Request, checkActionParams, loadCatalogOf } from '@iot-devkit/core';
import type { ActionRequestSpec, ParamProblemView, PreviewOutcome, ProfileView, RequestSpec, SignaturePreview } from '../protocol.js';
import type { UsableProfile } from './profileStore.js';
import { nowInSeconds, signRequest } from './signRequest.js';

export type CheckedSignature =
  | { readonly ok: true; readonly request: RequestSpec; readonly preview: SignaturePreview; readonly secretNames: readonly string[] }
  | { readonly ok: false; readonly problems: readonly ParamProblemView[] };

/**
 * The async boundary of the catalog (issue 15): the service worker fetches an action's service catalog the first
 * time one of its actions is checked (./catalogLoader.ts), so every handler that calls checkAndSign awaits this first.
 */
export async function loadCatalogFor(request: RequestSpec): Promise<void> {
  if (request.kind === 'action') await loadCatalogOf(request.service, request.action);
}

/** Checks the call against the catalog (values given their documented types), then signs it now with `profile`. */
export function checkAndSign(profile: UsableProfile, request: RequestSpec, timestamp = nowInSeconds()): CheckedSignature {
  if (request.kind !== 'action') return { ok: true, request, preview: signRequest(request, profile, timestamp), secretNames: [] };
  const checked = checkActionParams(request.service, request.action, request.params);
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems };
  const typed: RequestSpec = { ...request, params: checked.params };
  return { ok: true, request: typed, preview: signRequest(typed, profile, timestamp), secretNames: checked.secretNames };
}

/**
 * The Signature steps with no usable key: the call checked as checkAndSign checks it, then signed as far as no key
 * is needed, with the region and endpoint of `profile` when there is one (its key missing or locked).
 */
export function signWithoutKey(
  request: ActionRequestSpec,
  profile: Pick<ProfileView, 'region' | 'endpoint'> | undefined,
  keyMissing: string,
  timestamp = nowInSeconds(),
): PreviewOutcome {
  const checked = checkActionParams(request.service, request.action, request.params);
  if (checked.problems.length > 0) return { status: 'invalid', problems: checked.problems };
  if (request.action.trim() === '') throw new Error('action: the API action to call, e.g. DescribeDevice');
  const endpoint = request.endpoint || profile?.endpoint;
  const unsigned = buildKeylessTc3Request(
    {
      service: request.service,
      version: request.version,
      action: request.action.trim(),
      region: request.region.trim() || profile?.region || 'ap-guangzhou',
      params: checked.params,
      method: request.method,
      ...(endpoint ? { endpoint } : {}),
    },
    timestamp,
  );
  return { status: 'keyless', timestamp, steps: buildKeylessStepViews(unsigned.signing.steps), keyMissing };
}
