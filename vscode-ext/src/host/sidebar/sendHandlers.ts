import { coerceParams, EXPORT_FORMATS, exportRequest, findActionEntry, listActions, validateParams, type ApiRequest } from '@iot-devkit/core';
import type { ActionSummary, ExportFormatId, SendForm } from '../../protocol.js';
import type { TencentApiClient } from '../api/TencentApiClient.js';
import type { RequestHistory } from '../history/RequestHistory.js';
import type { ApiSender } from './createApiSender.js';
import { errorMessage, text, type RequestHandlers } from './RequestHandlers.js';

const MAX_ACTIONS = 60;
const SCALARS = new Set(['String', 'Integer', 'Int64', 'UInt64', 'Float', 'Boolean', 'Timestamp']);

type FormReading = { ok: true; request: Omit<ApiRequest, 'endpoint'> } | { ok: false; field: string; message: string };

/** The Build & send form as an API call: params parsed, typed by the catalog and validated when the action is known. */
export function readSendForm(form: SendForm): FormReading {
  const action = text(form.action).trim();
  if (!/^[A-Z][A-Za-z0-9]*$/.test(action)) return { ok: false, field: 'action', message: 'action: an action name such as DescribeDeviceShadow' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text(form.params).trim() || '{}');
  } catch (error) {
    return { ok: false, field: 'params', message: `params: a JSON object (${errorMessage(error)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, field: 'params', message: 'params: a JSON object of parameter name to value' };
  const entry = findActionEntry(text(form.service).trim() || undefined, action);
  const service = entry?.service.service ?? text(form.service).trim();
  const version = entry?.service.version ?? text(form.version).trim();
  if (!/^[a-z][a-z0-9-]*$/.test(service)) return { ok: false, field: 'service', message: 'service: a service name such as iotcloud' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) return { ok: false, field: 'version', message: 'version: the API version, e.g. 2021-04-08' };
  const params = entry ? coerceParams(parsed as Record<string, unknown>, entry.action.params, entry.service.structures) : (parsed as Record<string, unknown>);
  const region = text(form.region).trim();
  return { ok: true, request: { service, version, action: entry?.action.name ?? action, params, ...(region ? { region } : {}) } };
}

/** Catalog-driven search, form, validation; sending, history with re-signed replay, and exports. */
export function sendHandlers(api: TencentApiClient, history: RequestHistory, send: ApiSender): Pick<RequestHandlers, 'searchActions' | 'describeAction' | 'validateParams' | 'send' | 'replay' | 'clearHistory' | 'exportRequest'> {
  return {
    searchActions({ query }) {
      const words = text(query).toLowerCase().split(/\s+/).filter(Boolean);
      const matches: ActionSummary[] = [];
      for (const { service, action } of listActions()) {
        const haystack = `${action.name} ${action.title ?? ''} ${action.group ?? ''} ${service.service}`.toLowerCase();
        if (words.every((w) => haystack.includes(w))) matches.push({ service: service.service, version: service.version, action: action.name, title: action.title ?? '' });
        if (matches.length >= MAX_ACTIONS) break;
      }
      return matches;
    },
    describeAction({ service, action }) {
      const entry = findActionEntry(text(service) || undefined, text(action));
      if (!entry) return undefined;
      return {
        action: { service: entry.service.service, version: entry.service.version, action: entry.action.name, title: entry.action.title ?? '' },
        fields: entry.action.params.map((p) => ({ name: p.name, type: p.type, required: p.required, structured: p.array || p.structure !== undefined || !SCALARS.has(p.baseType), description: p.description, ...(p.example !== undefined ? { example: p.example } : {}) })),
      };
    },
    validateParams(form) {
      const reading = readSendForm(form);
      if (!reading.ok) return [{ field: reading.field, message: reading.message }];
      const entry = findActionEntry(reading.request.service, reading.request.action);
      if (!entry) return [];
      return validateParams(reading.request.params, entry.action.params, entry.service.structures).map((p) => ({ field: p.field, message: `${p.message} [${p.code}]` }));
    },
    async send(form) {
      const reading = readSendForm(form);
      if (!reading.ok) return reading;
      const entry = findActionEntry(reading.request.service, reading.request.action);
      const problems = entry ? validateParams(reading.request.params, entry.action.params, entry.service.structures) : [];
      if (problems.length > 0) return { ok: false, field: problems[0]!.field, message: `${reading.request.action} refused before sending: ${problems.map((p) => p.message).join('; ')}` };
      return send(reading.request);
    },
    async replay({ historyId }) {
      const entry = history.get(text(historyId));
      if (!entry) return { ok: false, message: 'replay: that history entry is gone' };
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
        const { endpoint: _endpoint, ...rest } = entry.request;
        request = rest;
      } else {
        const reading = readSendForm(source.form);
        if (!reading.ok) return reading;
        request = reading.request;
      }
      try {
        const { request: full, signed } = await api.sign(request);
        return { ok: true, text: exportRequest(format as ExportFormatId, full, signed) };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
  };
}
