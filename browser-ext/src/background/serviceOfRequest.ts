import { capturedHeader, findIndexedAction, serviceFromHost, type CapturedRequest } from '@iot-devkit/core';

/**
 * The service to verify a request against. A Tencent Cloud host names it; for an emulator or a proxy the catalog knows
 * the action's service. The credential scope is not used: a wrong service there is one of the mistakes to find.
 */
export function serviceOfRequest(request: Pick<CapturedRequest, 'url' | 'headers'>): string | undefined {
  const host = /^https?:\/\/([^/?#]+)/i.exec(request.url)?.[1] ?? '';
  const action = capturedHeader(request, 'x-tc-action')?.trim();
  return serviceFromHost(host) ?? (action ? findIndexedAction(undefined, action)?.service.service : undefined);
}
