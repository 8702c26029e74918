// Read access to the API catalog. The data is JSON extracted from the vendor documents
// (core/scripts/extract-catalog.mjs); this module only indexes it. Lookups are case-insensitive because people
// type action names from memory ("describedeviceshadow").
import iotcloudData from './data/iotcloud-2021-04-08.json';
import trroData from './data/trro-2022-03-25.json';
import iotexplorerData from './data/iotexplorer-2019-04-23.json';
import oneNetData from './data/onenet.json';
import mxchipData from './data/mxchip-v3.json';
import { suggestNearest } from './suggestNearest.js';
import type { ActionError, ActionSpec, Catalog, ServiceCatalog, ServiceErrorCode, StructureSpec, VendorCatalog, VendorEndpoint } from './types.js';

const CATALOG: Catalog = {
  services: [iotcloudData as ServiceCatalog, trroData as ServiceCatalog, iotexplorerData as ServiceCatalog],
  vendors: [oneNetData as VendorCatalog, mxchipData as VendorCatalog],
};

export function getCatalog(): Catalog {
  return CATALOG;
}

const same = (a: string, b: unknown) => typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** A service by name (`iotcloud`), optionally at a version; the newest one when the version is not given. */
export function findService(service: string, version?: string): ServiceCatalog | undefined {
  const matches = CATALOG.services.filter((s) => same(s.service, service) && (version === undefined || s.version === version));
  return matches.sort((a, b) => b.version.localeCompare(a.version))[0];
}

export interface ActionEntry {
  readonly service: ServiceCatalog;
  readonly action: ActionSpec;
}

/** Every action, optionally of one service, in document order. */
export function listActions(service?: string): ActionEntry[] {
  return CATALOG.services.filter((s) => service === undefined || same(s.service, service)).flatMap((s) => s.actions.map((action) => ({ service: s, action })));
}

// Lower-cased action name → its entries in service order: built once (the catalog is immutable data), so a lookup
// per keystroke does not walk #15's 330 actions.
let byName: Map<string, ActionEntry[]> | undefined;
function actionIndex(): Map<string, ActionEntry[]> {
  if (!byName) {
    byName = new Map();
    for (const entry of listActions()) {
      const key = entry.action.name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), entry]);
    }
  }
  return byName;
}

/** An action by name, case-insensitive; `service` narrows the search (undefined: every service, the first that has it). */
export function findActionEntry(service: string | undefined, name: string): ActionEntry | undefined {
  if (typeof name !== 'string') return undefined;
  const entries = actionIndex().get(name.trim().toLowerCase()) ?? [];
  return service === undefined ? entries[0] : entries.find((entry) => same(entry.service.service, service));
}

export function findAction(service: string | undefined, name: string): ActionSpec | undefined {
  return findActionEntry(service, name)?.action;
}

export interface ActionErrors {
  /** The action's own (business) codes, as its page lists them; empty for actions only the SDK declares. */
  readonly own: readonly ActionError[];
  /** The API 3.0 common codes of the service: they apply to every action, and are all there is for one without its own. */
  readonly common: readonly ServiceErrorCode[];
}

/** The error codes an action may answer with: its own, and the service's common ones. */
export function actionErrors(entry: ActionEntry): ActionErrors {
  return { own: entry.action.errors, common: entry.service.errorCodes.filter((e) => e.kind === 'common') };
}

/** A data structure (DeviceTag, TopicRulePayload, …) of a service, case-insensitive. */
export function findStructure(service: string, name: string): StructureSpec | undefined {
  return findService(service)?.structures.find((s) => same(s.name, name));
}

export interface VendorEndpointEntry {
  readonly vendor: VendorCatalog;
  readonly endpoint: VendorEndpoint;
}

export function findVendor(vendor: string): VendorCatalog | undefined {
  return CATALOG.vendors.find((v) => same(v.vendor, vendor));
}

/** A OneNET or MXCHIP endpoint by our name for it (UpdateApiKey, GetToken, …), case-insensitive. */
export function findVendorEndpoint(name: string, vendor?: string): VendorEndpointEntry | undefined {
  if (typeof name !== 'string') return undefined;
  for (const v of CATALOG.vendors) {
    if (vendor !== undefined && !same(v.vendor, vendor)) continue;
    const endpoint = v.endpoints.find((e) => same(e.name, name.trim()));
    if (endpoint) return { vendor: v, endpoint };
  }
  return undefined;
}

/** "Did you mean": the action and vendor endpoint names nearest to an unknown one. */
let allNames: ReadonlySet<string> | undefined;
export function suggestActions(name: string, limit = 3): string[] {
  if (typeof name !== 'string') return [];
  allNames ??= new Set([...CATALOG.services.flatMap((s) => s.actions.map((a) => a.name)), ...CATALOG.vendors.flatMap((v) => v.endpoints.map((e) => e.name))]);
  return suggestNearest(name, allNames, limit);
}
