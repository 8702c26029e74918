// An action of the catalog as both UIs show it: the picker's summary and the form generated from its parameters
// (the VS Code sidebar's Build & send, the browser popup's Action form). Built here once, so the two agree on which
// fields are secret (password boxes, kept in page memory only) and which are edited as JSON.
import { findActionEntry } from '../catalog/catalog.js';
import type { ActionIndexEntry, ServiceIndex } from '../catalog/catalogIndex.js';
import { groupKeyOf } from '../catalog/actionGroups.js';
import type { EnglishSource } from '../catalog/types.js';
import { isDestructiveAction } from './isDestructiveAction.js';

/** An action as the searchable picker lists it. */
export interface ActionSummaryView {
  readonly service: string;
  readonly version: string;
  readonly name: string;
  /** The document's zh-CN title (创建设备). */
  readonly title: string;
  /** Asked about before it is sent (isDestructiveAction). */
  readonly destructive: boolean;
  /** The catalog's English (ActionSpec.en): the intl SDK's description, or a title written by us or derived from the name. */
  readonly englishTitle?: string;
  readonly englishSource?: EnglishSource;
  /** The language of `description` and of the parameters' descriptions (every catalog source is a zh-CN document or SDK). */
  readonly descriptionLang: 'zh-CN' | 'en';
  /** The group to browse by, in both languages. */
  readonly category?: { readonly zh: string; readonly en: string };
  /** What a group filter selects by (the core's groupKeyOf: the category's English, else the seed's heading). */
  readonly groupKey: string;
}

/** One parameter of an action, for the generated form. */
export interface ParamFieldView {
  readonly name: string;
  /** As documented: String, Integer, Boolean, Array of DeviceTag, Attribute … */
  readonly type: string;
  readonly baseType: string;
  readonly array: boolean;
  /** An array, a structure or any non-scalar type: typed as JSON in the form. */
  readonly structured: boolean;
  readonly required: boolean;
  /** In the action's descriptionLang; `englishDescription` is the intl SDK's, when it has this parameter. */
  readonly description: string;
  readonly englishDescription?: string;
  readonly descriptionLang: 'zh-CN' | 'en';
  readonly example?: string;
  readonly enum?: readonly (string | number)[];
  readonly rule?: string;
  /** Marked secret by the catalog (DefinedPsk): typed in a password box, kept in the page's memory only. */
  readonly secret: boolean;
}

export interface ActionFormView extends ActionSummaryView {
  readonly description: string;
  readonly params: readonly ParamFieldView[];
}

// The documents' scalar types: anything else is a structure name, edited as JSON.
const SCALARS = new Set(['String', 'Integer', 'Int64', 'UInt64', 'Float', 'Boolean', 'Timestamp']);

// A catalog without descriptionLang predates the field: its descriptions were all read from the zh-CN seed documents.
const languageOf = (lang: string | undefined): 'zh-CN' | 'en' => (lang === 'en' ? 'en' : 'zh-CN');

/** What a summary reads of an action: its index entry (search, browse) or its full entry (a form), which has the same fields. */
export interface SummarySource {
  readonly service: Pick<ServiceIndex, 'service' | 'version' | 'descriptionLang'>;
  readonly action: ActionIndexEntry;
}

export function actionSummary({ service, action }: SummarySource): ActionSummaryView {
  return {
    service: service.service,
    version: service.version,
    name: action.name,
    title: action.title ?? '',
    destructive: isDestructiveAction(action.name),
    ...(action.en ? { englishTitle: action.en, ...(action.enSource ? { englishSource: action.enSource } : {}) } : {}),
    descriptionLang: languageOf(action.descriptionLang ?? service.descriptionLang),
    ...(action.category ? { category: { zh: action.category.zh, en: action.category.en } } : {}),
    groupKey: groupKeyOf(action),
  };
}

/** The form of an action (case-insensitive; `service` empty searches every service), undefined when the catalog has none. */
export function describeActionForm(service: string | undefined, action: string): ActionFormView | undefined {
  const entry = findActionEntry(service || undefined, action);
  if (!entry) return undefined;
  const summary = actionSummary(entry);
  return {
    ...summary,
    description: entry.action.description,
    params: entry.action.params.map((p) => ({
      name: p.name,
      type: p.type,
      baseType: p.baseType,
      array: p.array,
      structured: p.array || p.structure !== undefined || !SCALARS.has(p.baseType),
      required: p.required,
      description: p.description,
      ...(p.en ? { englishDescription: p.en } : {}),
      descriptionLang: summary.descriptionLang,
      ...(p.example !== undefined ? { example: p.example } : {}),
      ...(p.enum !== undefined ? { enum: p.enum } : {}),
      ...(p.rule !== undefined ? { rule: p.rule } : {}),
      secret: p.secret === true,
    })),
  };
}
