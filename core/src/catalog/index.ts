// The API catalog: every action, parameter, structure and error code, loaded per service. Part of @iot-devkit/core's
// public surface (core/src/index.ts).
export type {
  AccessDomain,
  ActionCategory,
  ActionError,
  ActionExample,
  ActionSpec,
  Catalog,
  CommonParam,
  Constraints,
  Disagreement,
  DocIssue,
  EnglishSource,
  ErrorKind,
  ExampleRequest,
  FieldSpec,
  LocalizedName,
  OcrCorrection,
  ParamSpec,
  RequestLimits,
  ServiceCatalog,
  ServiceErrorCode,
  StructureSpec,
  VendorAuth,
  VendorCatalog,
  VendorEndpoint,
  VendorErrorCode,
  VendorField,
  VendorParam,
} from './types.js';
export {
  actionErrors,
  findAction,
  findActionEntry,
  findService,
  findStructure,
  findVendor,
  findVendorEndpoint,
  getCatalog,
  listActions,
  suggestActions,
  type ActionEntry,
  type ActionErrors,
  type VendorEndpointEntry,
} from './catalog.js';
export { searchActions } from './searchActions.js';
// Issue 15: the always-loaded index, and each service's full catalog loaded on first use through the host's loader.
export {
  CatalogNotLoadedError,
  catalogIndex,
  findIndexedAction,
  findServiceIndex,
  isServiceLoaded,
  listIndexedActions,
  listVendors,
  loadAllCatalogs,
  loadCatalogOf,
  loadServiceCatalog,
  loadedCatalogFiles,
  type IndexedAction,
} from './catalog.js';
export { serviceIndexOf, type ActionIndexEntry, type CatalogIndex, type ServiceIndex } from './catalogIndex.js';
export type { CatalogLoader } from './catalogLoader.js';
export { groupKeyOf, listActionGroups, type ActionGroup } from './actionGroups.js';
export { editDistance, suggestNearest } from './suggestNearest.js';
