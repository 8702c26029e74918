// The catalog's always-loaded part (issue 15: load each service's catalog on first use). A search box, a browse
// list, "did you mean", the secret policy and error lookup need every action's name, titles and group, which fields
// are secret and which error codes exist — not its parameters, outputs, structures or examples, which are 95% of the
// data (IoT Explorer alone is ~1 MB). data/index.json holds that part for every service; the full service file is
// read through the host's loader the first time one of its actions is opened, validated or signed (./catalog.ts).
// The index is derived from the full data by `serviceIndexOf`; core/scripts/write-catalog-index.ts writes it and
// catalogIndex.test.ts fails when the committed file differs from what the data gives.
import type { ActionCategory, EnglishSource, LocalizedName, ServiceCatalog, ServiceErrorCode } from './types.js';

/** What a list, a search and a group heading show of an action, and what policies need without its parameters. */
export interface ActionIndexEntry {
  readonly name: string;
  readonly title?: string;
  readonly group?: string;
  readonly en?: string;
  readonly enSource?: EnglishSource;
  readonly category?: ActionCategory;
  readonly descriptionLang?: 'zh-CN';
  readonly deprecated?: boolean;
  /** The request parameters marked `secret` (CreateDevice: DefinedPsk, LoraAppKey), for masking before the form loads. */
  readonly secretParams?: readonly string[];
  /** The action's own error codes (their texts are in the service's `errorCodes`, which lists action-only codes too). */
  readonly errors?: readonly { readonly code: string; readonly docSpelling?: string }[];
}

/** One service at one version, without its actions' parameters, outputs, structures and examples. */
export interface ServiceIndex {
  readonly service: string;
  readonly version: string;
  readonly name: LocalizedName;
  readonly host: string;
  readonly descriptionLang?: 'zh-CN';
  /** The full catalog's file name in data/ (and in each host's build): what the host's loader is asked for. */
  readonly file: string;
  /** The service's error table (common, business, and codes only action tables list). */
  readonly errorCodes: readonly ServiceErrorCode[];
  /** Output and structure fields marked `secret` (DevicePsk, ProductSecret): masked in every response shown. */
  readonly secretFields: readonly string[];
  readonly actions: readonly ActionIndexEntry[];
}

export interface CatalogIndex {
  readonly services: readonly ServiceIndex[];
}

const withoutEmpty = <T>(list: readonly T[]): { readonly list?: readonly T[] } => (list.length > 0 ? { list } : {});

/** The index of one full service catalog stored as `file`: pure, so the committed index can be checked against the data. */
export function serviceIndexOf(catalog: ServiceCatalog, file: string): ServiceIndex {
  const secretFields = new Set<string>();
  for (const action of catalog.actions) for (const output of action.outputs) if (output.secret) secretFields.add(output.name);
  for (const structure of catalog.structures) for (const field of structure.fields) if (field.secret) secretFields.add(field.name);
  return {
    service: catalog.service,
    version: catalog.version,
    name: catalog.name,
    host: catalog.host,
    ...(catalog.descriptionLang ? { descriptionLang: catalog.descriptionLang } : {}),
    file,
    errorCodes: catalog.errorCodes,
    secretFields: [...secretFields].sort(),
    actions: catalog.actions.map((a) => {
      const secretParams = withoutEmpty(a.params.filter((p) => p.secret === true).map((p) => p.name)).list;
      const errors = withoutEmpty(a.errors.map((e) => ({ code: e.code, ...(e.docSpelling ? { docSpelling: e.docSpelling } : {}) }))).list;
      return {
        name: a.name,
        ...(a.title !== undefined ? { title: a.title } : {}),
        ...(a.group !== undefined ? { group: a.group } : {}),
        ...(a.en !== undefined ? { en: a.en } : {}),
        ...(a.enSource !== undefined ? { enSource: a.enSource } : {}),
        ...(a.category !== undefined ? { category: a.category } : {}),
        ...(a.descriptionLang !== undefined ? { descriptionLang: a.descriptionLang } : {}),
        ...(a.deprecated ? { deprecated: true } : {}),
        ...(secretParams ? { secretParams } : {}),
        ...(errors ? { errors } : {}),
      };
    }),
  };
}
