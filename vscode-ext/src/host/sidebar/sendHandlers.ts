import { checkActionParams, EXPORT_FORMATS, exportRequest, type ApiRequest } from '@iot-devkit/core';
import type { TencentApiClient } from '../api/TencentApiClient.js';
import type { RequestHistory } from '../history/RequestHistory.js';
import type { ApiSender } from './createApiSender.js';
import { readSendForm } from './readSendForm.js';
import { errorMessage, text, type RequestHandlers } from './RequestHandlers.js';

/** Sending (refused before the network when the catalog says a parameter is wrong), history with re-signed replay, exports. */
export function sendHandlers(
  api: TencentApiClient,
  history: RequestHistory,
  send: ApiSender,
): Pick<RequestHandlers, 'send' | 'replay' | 'clearHistory' | 'exportRequest' | 'loadHistory'> {
  return {
    async send(form) {
      const reading = readSendForm(form);
      if (!reading.ok) return reading;
      const { problems } = checkActionParams(reading.request.service, reading.request.action, reading.request.params);
      if (problems.length > 0)
        return {
          ok: false,
          field: problems[0]!.field,
          message: `${reading.request.action} refused before sending: ${problems.map((p) => p.message).join('; ')}`,
        };
      return send(reading.request);
    },
    loadHistory({ historyId }) {
      const entry = history.get(text(historyId));
      if (!entry) return { ok: false, message: 'load: that history entry is gone' };
      const { service, version, action, region, params } = entry.request;
      // A secret parameter was kept as the redaction placeholder: it is left out, for the developer to type again.
      const kept = Object.fromEntries(Object.entries(params ?? {}).filter(([name]) => !entry.redacted?.includes(name)));
      return { ok: true, call: { service, version, action, region: region ?? '', params: kept } };
    },
    async replay({ historyId }) {
      const entry = history.get(text(historyId));
      if (!entry) return { ok: false, message: 'replay: that history entry is gone' };
      if (entry.redacted?.length)
        return {
          ok: false,
          field: entry.redacted[0]!,
          message: `replay: ${entry.redacted.join(', ')} ${entry.redacted.length > 1 ? 'are secrets and were' : 'is a secret and was'} not kept; send it again from the form`,
        };
      // Re-signed by send() with the active profile and a fresh timestamp; the old signature would be stale.
      const { endpoint: _endpoint, ...request } = entry.request;
      return send(request);
    },
    async clearHistory() {
      await history.clear();
      return history.views();
    },
    async exportRequest({ format, source }) {
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return { ok: false, message: `format: one of ${EXPORT_FORMATS.join(', ')}` };
      let request: Omit<ApiRequest, 'endpoint'>;
      if ('historyId' in source) {
        const entry = history.get(text(source.historyId));
        if (!entry) return { ok: false, message: 'export: that history entry is gone' };
        if (entry.redacted?.length) return { ok: false, message: `export: ${entry.redacted.join(', ')} was not kept (a secret); export it from the form` };
        const { endpoint: _endpoint, ...rest } = entry.request;
        request = rest;
      } else {
        const reading = readSendForm(source.form);
        if (!reading.ok) return reading;
        request = reading.request;
      }
      try {
        const { request: full, signed } = await api.sign(request);
        return { ok: true, text: exportRequest(format, full, signed) };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
  };
}
