import { formatJsonWithEmbedded, redactForStorage, type ApiRequest } from '@iot-devkit/core';
import type { SendResult } from '../../protocol.js';
import type { TencentApiClient } from '../api/TencentApiClient.js';
import type { RequestHistory } from '../history/RequestHistory.js';
import { explainError } from './explainError.js';
import type { OneTimeSecrets } from './OneTimeSecrets.js';
import type { SentRequests } from './SentRequests.js';
import { errorMessage } from './RequestHandlers.js';

/** Sends an API call for the sidebar: signed fresh, recorded in history (no secrets), the response explained. */
export type ApiSender = (request: Omit<ApiRequest, 'endpoint'>) => Promise<SendResult>;

/**
 * The response as the webview shows it: its secrets already dropped by the core's policy, pretty-printed when JSON,
 * with the API 3.0 string fields that hold JSON (DescribeDeviceShadow's Data) shown parsed — the core's one rule, as
 * the .http response tab and the browser show them (issue 16: an escaped Data string was unreadable here).
 */
const pretty = (body: string): string => formatJsonWithEmbedded(body) ?? body;

export function createApiSender(
  api: TencentApiClient,
  history: RequestHistory,
  zh: boolean,
  onHistoryChanged: () => void,
  oneTime: OneTimeSecrets,
  sentRequests: SentRequests,
): ApiSender {
  return async (request) => {
    let call;
    try {
      call = await api.send(request);
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
    const error = explainError(call.body, zh);
    // The core's one policy: the catalog's secret parameters (DefinedPsk) dropped from what history keeps, and the
    // response's secret fields (DevicePsk) from what the webview shows. History keeps no response body at all.
    const kept = redactForStorage({ service: request.service, action: request.action, params: request.params });
    const shown = redactForStorage({ responseBody: call.body }, { collectDropped: true });
    const entry = await history.add({
      at: new Date().toISOString(),
      profile: call.profile,
      action: request.action,
      region: call.request.region ?? '',
      status: call.status,
      ...(error ? { errorCode: error.code } : {}),
      request: { ...request, params: kept.params ?? {} },
      ...(kept.redacted.length ? { redacted: kept.redacted } : {}),
    });
    onHistoryChanged();
    // Why? diagnoses this very request: kept in memory while it is the answer on screen (SentRequests).
    if (error?.diagnosable) {
      const { method, url, headers, body } = call.signed;
      sentRequests.keep(entry.id, {
        sent: { method, url, headers, body },
        profile: call.profile,
        errorCode: error.code,
        service: request.service,
        sentAt: Math.floor(Date.parse(entry.at) / 1000),
      });
    }
    const secrets = oneTime.offer(entry.id, shown.dropped ?? []);
    return {
      ok: true,
      status: call.status,
      body: pretty(shown.responseBody ?? ''),
      ...(call.reading.kind !== 'invalid' && call.reading.requestId ? { requestId: call.reading.requestId } : {}),
      ...(error ? { error } : {}),
      historyId: entry.id,
      ...(secrets.length ? { oneTimeSecrets: secrets } : {}),
    };
  };
}
