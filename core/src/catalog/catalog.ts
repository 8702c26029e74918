// Read access to the API catalog. The data is JSON extracted from the vendor documents and the official SDK
// (core/scripts/extract-catalog.mjs); this module only indexes it. Lookups are case-insensitive because people
// type action names from memory ("describedeviceshadow").
//
// Two levels (issue 15): the index (data/index.json: every action's name, titles, group, secret fields and error
// codes) is always here, and is all that search, browse and "did you mean" read. A service's full catalog
// (parameters, outputs, structures, examples) is asked of the host's loader (./catalogLoader.ts) the first time one
// of its actions is opened, validated or signed. Where the loader can read synchronously (CLI, VS Code) the full
// lookups below load on demand; where it can only fetch (the browser), the caller awaits `loadCatalogOf` or
// `loadServiceCatalog` first, and a full lookup of a service not yet loaded throws CatalogNotLoadedError saying so.
import indexData from './data/index.json';
import oneNetData from './data/onenet.json';
import mxchipData from './data/mxchip-v3.json';
import { catalogLoader } from './catalogLoader.js';
import type { ActionIndexEntry, CatalogIndex, ServiceIndex } from './catalogIndex.js';
import { suggestNearest } from './suggestNearest.js';
import type { ActionError, ActionSpec, Catalog, ServiceCatalog, ServiceErrorCode, StructureSpec, VendorCatalog, VendorEndpoint } from './types.js';

const INDEX = indexData as CatalogIndex;
const VENDORS: readonly VendorCatalog[] = [oneNetData as VendorCatalog, mxchipData as VendorCatalog];

const same = (a: string, b: unknown) => typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** A full lookup of a service whose catalog the host has not loaded yet (browser: await `loadCatalogOf` first). */
export class CatalogNotLoadedError extends Error {
  constructor(readonly service: string) {
    super(`The ${service} catalog is not loaded yet: await loadServiceCatalog('${service}') (or loadCatalogOf) before reading its actions' parameters.`);
    this.name = 'CatalogNotLoadedError';
  }
}

// Full catalogs by file name, as loaded; the pending fetches, so two first uses at once load a file once.
const loaded = new Map<string, ServiceCatalog>();
const loading = new Map<string, Promise<ServiceCatalog>>();

function accept(entry: ServiceIndex, data: unknown): ServiceCatalog {
  const catalog = data as Partial<ServiceCatalog> | null;
  if (!catalog || typeof catalog !== 'object' || catalog.service !== entry.service || catalog.version !== entry.version || !Array.isArray(catalog.actions))
    throw new Error(`catalog file ${entry.file}: expected the ${entry.service} ${entry.version} catalog (an object with service, version and actions)`);
  loaded.set(entry.file, catalog as ServiceCatalog);
  return catalog as ServiceCatalog;
}

function fullCatalogOf(entry: ServiceIndex): ServiceCatalog {
  const found = loaded.get(entry.file);
  if (found) return found;
  if (!catalogLoader.loadSync) throw new CatalogNotLoadedError(entry.service);
  return accept(entry, catalogLoader.loadSync(entry.file));
}

async function loadEntry(entry: ServiceIndex): Promise<ServiceCatalog> {
  const found = loaded.get(entry.file);
  if (found) return found;
  let pending = loading.get(entry.file);
  if (!pending) {
    pending = Promise.resolve()
      .then(() => catalogLoader.load(entry.file))
      .then((data) => accept(entry, data))
      .finally(() => loading.delete(entry.file));
    loading.set(entry.file, pending);
  }
  return pending;
}

// ---- The index: always loaded ----

/** The always-loaded index of every service (names, titles, groups, secret fields, error codes). */
export function catalogIndex(): CatalogIndex {
  return INDEX;
}

/** A service's index by name, optionally at a version; the newest one when the version is not given. */
export function findServiceIndex(service: string, version?: string): ServiceIndex | undefined {
  const matches = INDEX.services.filter((s) => same(s.service, service) && (version === undefined || s.version === version));
  return matches.sort((a, b) => b.version.localeCompare(a.version))[0];
}

/** An action as the index has it: enough to list, search, group and name its service. */
export interface IndexedAction {
  readonly service: ServiceIndex;
  readonly action: ActionIndexEntry;
}

/** Every indexed action, optionally of one service, in catalog order (no service file is read). */
export function listIndexedActions(service?: string): IndexedAction[] {
  return INDEX.services.filter((s) => service === undefined || same(s.service, service)).flatMap((s) => s.actions.map((action) => ({ service: s, action })));
}

// Lower-cased action name → its entries in service order: built once (the index is immutable data), so a lookup
// per keystroke does not walk #15's 330 actions.
let byName: Map<string, IndexedAction[]> | undefined;
function actionIndex(): Map<string, IndexedAction[]> {
  if (!byName) {
    byName = new Map();
    for (const entry of listIndexedActions()) {
      const key = entry.action.name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), entry]);
    }
  }
  return byName;
}

/** An action's index entry by name, case-insensitive; `service` narrows it (undefined: the first service that has it). */
export function findIndexedAction(service: string | undefined, name: string): IndexedAction | undefined {
  if (typeof name !== 'string') return undefined;
  const entries = actionIndex().get(name.trim().toLowerCase()) ?? [];
  return service === undefined ? entries[0] : entries.find((entry) => same(entry.service.service, service));
}

/** "Did you mean": the action and vendor endpoint names nearest to an unknown one. */
let allNames: ReadonlySet<string> | undefined;
export function suggestActions(name: string, limit = 3): string[] {
  if (typeof name !== 'string') return [];
  allNames ??= new Set([...INDEX.services.flatMap((s) => s.actions.map((a) => a.name)), ...VENDORS.flatMap((v) => v.endpoints.map((e) => e.name))]);
  return suggestNearest(name, allNames, limit);
}

// ---- Loading ----

/** Whether a service's full catalog is in memory (the browser's handlers and the hosts' tests ask). */
export function isServiceLoaded(service: string, version?: string): boolean {
  const entry = findServiceIndex(service, version);
  return entry !== undefined && loaded.has(entry.file);
}

/** The files loaded so far, in load order: what a host test reads to prove a catalog was not read at activation. */
export function loadedCatalogFiles(): string[] {
  return [...loaded.keys()];
}

/** Loads a service's full catalog through the host's loader (once); undefined for a service the index does not know. */
export async function loadServiceCatalog(service: string, version?: string): Promise<ServiceCatalog | undefined> {
  const entry = typeof service === 'string' ? findServiceIndex(service, version) : undefined;
  return entry && loadEntry(entry);
}

/** Loads the catalog of the service that has `action` (`service` as findActionEntry takes it); a no-op for an unknown action. */
export async function loadCatalogOf(service: string | undefined, action: string): Promise<void> {
  const entry = findIndexedAction(service || undefined, action);
  if (entry) await loadEntry(entry.service);
}

/** Every service's full catalog (the CLI's `catalog --json`, the emulator). */
export async function loadAllCatalogs(): Promise<Catalog> {
  return { services: await Promise.all(INDEX.services.map(loadEntry)), vendors: VENDORS };
}

// ---- Full lookups: load on demand where the host reads synchronously ----

/** The whole catalog, every service loaded (synchronous loaders only; the browser awaits loadAllCatalogs). */
export function getCatalog(): Catalog {
  return { services: INDEX.services.map(fullCatalogOf), vendors: VENDORS };
}

/** A service by name (`iotcloud`), optionally at a version; the newest one when the version is not given. */
export function findService(service: string, version?: string): ServiceCatalog | undefined {
  const entry = findServiceIndex(service, version);
  return entry && fullCatalogOf(entry);
}

export interface ActionEntry {
  readonly service: ServiceCatalog;
  readonly action: ActionSpec;
}

/** Every action with its full spec, optionally of one service, in document order. */
export function listActions(service?: string): ActionEntry[] {
  return INDEX.services
    .filter((s) => service === undefined || same(s.service, service))
    .map(fullCatalogOf)
    .flatMap((s) => s.actions.map((action) => ({ service: s, action })));
}

/** An action by name, case-insensitive; `service` narrows the search (undefined: every service, the first that has it). */
export function findActionEntry(service: string | undefined, name: string): ActionEntry | undefined {
  const indexed = findIndexedAction(service, name);
  if (!indexed) return undefined;
  const catalog = fullCatalogOf(indexed.service);
  const action = catalog.actions.find((a) => a.name === indexed.action.name);
  return action && { service: catalog, action };
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

// ---- Vendors (OneNET, MXCHIP): small, always loaded ----

export interface VendorEndpointEntry {
  readonly vendor: VendorCatalog;
  readonly endpoint: VendorEndpoint;
}

export function listVendors(): readonly VendorCatalog[] {
  return VENDORS;
}

export function findVendor(vendor: string): VendorCatalog | undefined {
  return VENDORS.find((v) => same(v.vendor, vendor));
}

/** A OneNET or MXCHIP endpoint by our name for it (UpdateApiKey, GetToken, …), case-insensitive. */
export function findVendorEndpoint(name: string, vendor?: string): VendorEndpointEntry | undefined {
  if (typeof name !== 'string') return undefined;
  for (const v of VENDORS) {
    if (vendor !== undefined && !same(v.vendor, vendor)) continue;
    const endpoint = v.endpoints.find((e) => same(e.name, name.trim()));
    if (endpoint) return { vendor: v, endpoint };
  }
  return undefined;
}
