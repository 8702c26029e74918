import { checkActionParams, findActionEntry, type ApiRequest } from '@iot-devkit/core';
import type { SendForm } from '../../protocol.js';
import { errorMessage, text } from './RequestHandlers.js';

export type FormReading = { ok: true; request: Omit<ApiRequest, 'endpoint'> } | { ok: false; field: string; message: string };

/** The Build & send form as an API call: params parsed, typed by the catalog when the action is known (the core's checkActionParams, which send and validateParams read the problems of). */
export function readSendForm(form: SendForm): FormReading {
  const action = text(form.action).trim();
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(action)) return { ok: false, field: 'action', message: 'action: an action name such as DescribeDeviceShadow' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text(form.params).trim() || '{}');
  } catch (error) {
    return { ok: false, field: 'params', message: `params: a JSON object (${errorMessage(error)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, field: 'params', message: 'params: a JSON object of parameter name to value' };
  const entry = findActionEntry(text(form.service).trim() || undefined, action);
  const service = entry?.service.service ?? text(form.service).trim();
  const version = entry?.service.version ?? text(form.version).trim();
  if (!/^[a-z][a-z0-9-]*$/.test(service)) return { ok: false, field: 'service', message: 'service: a service name such as iotcloud' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) return { ok: false, field: 'version', message: 'version: the API version, e.g. 2021-04-08' };
  const { params } = checkActionParams(service, entry?.action.name ?? action, parsed as Record<string, unknown>);
  const region = text(form.region).trim();
  return { ok: true, request: { service, version, action: entry?.action.name ?? action, params, ...(region ? { region } : {}) } };
}
