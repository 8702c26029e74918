import type { ApiRequest } from '@iot-devkit/core';
import type { SendResult } from '../../protocol.js';
import type { TencentApiClient } from '../api/TencentApiClient.js';
import type { RequestHistory } from '../history/RequestHistory.js';
import { redactSecrets } from '../history/redactSecrets.js';
import { explainError } from './explainError.js';
import { errorMessage } from './RequestHandlers.js';

/** Sends an API call for the sidebar: signed fresh, recorded in history (no secrets), the response explained. */
export type ApiSender = (request: Omit<ApiRequest, 'endpoint'>) => Promise<SendResult>;

export function createApiSender(api: TencentApiClient, history: RequestHistory, zh: boolean, onHistoryChanged: () => void): ApiSender {
  return async (request) => {
    let call;
    try {
      call = await api.send(request);
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
    const error = explainError(call.body, zh);
    const kept = redactSecrets(request);
    const entry = await history.add({
      at: new Date().toISOString(),
      profile: call.profile,
      action: request.action,
      region: call.request.region ?? '',
      status: call.status,
      ...(error ? { errorCode: error.code } : {}),
      request: kept.request,
      ...(kept.redacted.length ? { redacted: kept.redacted } : {}),
    });
    onHistoryChanged();
    let body = call.body;
    try {
      body = JSON.stringify(JSON.parse(call.body), null, 2);
    } catch {
      // Not JSON: shown as received.
    }
    return { ok: true, status: call.status, body, ...(call.reading.kind !== 'invalid' && call.reading.requestId ? { requestId: call.reading.requestId } : {}), ...(error ? { error } : {}), historyId: entry.id };
  };
}
