import { catalogIndex, findService } from '../catalog/catalog.js';
import { suggestNearest } from '../catalog/suggestNearest.js';
import type { ParamRules, StructureRules } from '../request/validateParams.js';
import type { ActionHandler } from './actions/ActionHandler.js';
import { ACTION_HANDLERS } from './actions/actionHandlers.js';
import { apiError, type ApiError } from './EmulatorHttp.js';

/** An action the emulator serves: its catalog parameters (what validation runs on) and its handler. */
export interface EmulatedAction {
  readonly service: string;
  readonly version: string;
  readonly name: string;
  readonly params: readonly ParamRules[];
  readonly structures: readonly StructureRules[];
  /** The service's documented Region values; empty when the doc lists none (TRRO). */
  readonly regions: readonly string[];
  readonly handler: ActionHandler;
}

/**
 * Actions the emulator serves that the seed document has no page for. ListTopicRules appears there only in the
 * update history (第 5 次发布: 新增接口 ListTopicRules) and through its output structure TopicRuleInfo; its two
 * inputs are those of Tencent Cloud's public API reference for iotcloud 2021-04-08. PublishBroadcastMessage is in
 * the document's list of actions only; its inputs are the official SDKs' PublishBroadcastMessageRequest (ProductId,
 * Payload, Qos required; PayloadEncoding "base64" or empty, as PublishMessage's).
 */
const UNDOCUMENTED_PARAMS: Readonly<Record<string, Readonly<Record<string, readonly ParamRules[]>>>> = {
  iotcloud: {
    PublishBroadcastMessage: [
      { name: 'ProductId', required: true, baseType: 'String' },
      { name: 'Payload', required: true, baseType: 'String' },
      { name: 'Qos', required: true, baseType: 'Integer', enum: [0, 1] },
      { name: 'PayloadEncoding', required: false, baseType: 'String', enum: ['base64', ''] },
    ],
    ListTopicRules: [
      { name: 'PageNum', required: true, baseType: 'Integer', minimum: 1 },
      { name: 'PageSize', required: true, baseType: 'Integer', minimum: 1 },
    ],
  },
};

// The action handlers own the checks whose documented code is more precise than validation's generic
// InvalidParameterValue (UpdateDeviceShadow State: InvalidJSON, JSONSizeExceedLimit), so those two rules are left to them.
const withoutContentRules = (rules: ParamRules): ParamRules => {
  const { json: _json, maxBytes: _maxBytes, ...rest } = rules;
  return rest;
};

export type ActionLookup = { readonly ok: true; readonly action: EmulatedAction } | { readonly ok: false; readonly error: ApiError };

/** The service an API version belongs to (iotcloud 2021-04-08, trro 2022-03-25), from the catalog. */
export function serviceOfVersion(version: string): string | undefined {
  return catalogIndex().services.find((s) => s.version === version)?.service;
}

/**
 * Resolves Version + Action to an emulated action the way the cloud answers: an unknown version is NoSuchVersion,
 * an action the service does not have is InvalidAction (with the nearest names), and a documented action this
 * emulator does not implement is UnsupportedOperation, saying so.
 */
export function findEmulatedAction(version: string, action: string): ActionLookup {
  const indexed = catalogIndex().services.find((s) => s.version === version);
  const service = indexed && findService(indexed.service, indexed.version);
  if (!service) {
    const known = catalogIndex()
      .services.map((s) => `${s.service} ${s.version}`)
      .join(', ');
    return { ok: false, error: apiError('NoSuchVersion', `The API version \`${version}\` does not exist; this emulator serves ${known}.`) };
  }
  const handlers = ACTION_HANDLERS[service.service] ?? {};
  const extra = UNDOCUMENTED_PARAMS[service.service] ?? {};
  // Own properties only: the action name comes from the request, and "constructor" or "toString" would otherwise
  // find Object.prototype's functions in these object literals (and throw further on).
  const own = <T>(table: Readonly<Record<string, T>>): T | undefined => (Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined);
  const spec = service.actions.find((a) => a.name === action);
  // The hand-written rules first: since #15 the catalog has ListTopicRules from the SDK, whose `number` loses the
  // reference's Integer and minimum 1 (sdk-catalog's change, kept minimal here: the broker owns the emulator).
  const params = own(extra) ?? spec?.params;
  if (params === undefined) {
    const names = new Set([...service.actions.map((a) => a.name), ...Object.keys(extra)]);
    const near = suggestNearest(action, names, 3);
    return {
      ok: false,
      error: apiError(
        'InvalidAction',
        `The action \`${action}\` does not exist in ${service.service} ${service.version}.${near.length > 0 ? ` Did you mean ${near.join(', ')}?` : ''}`,
      ),
    };
  }
  const handler = own(handlers);
  if (!handler) {
    return {
      ok: false,
      error: apiError(
        'UnsupportedOperation',
        `${action} is a documented ${service.service} action, but the IoT Devkit emulator does not implement it. ${
          Object.keys(handlers).length ? `It implements: ${Object.keys(handlers).join(', ')}.` : `It implements no ${service.service} action.`
        }`,
      ),
    };
  }
  return {
    ok: true,
    action: {
      service: service.service,
      version: service.version,
      name: action,
      params: params.map(withoutContentRules),
      structures: service.structures,
      regions: service.regions.map((r) => r.region),
      handler,
    },
  };
}
