// Every error code the documents define, joined from the catalog (zh-CN text, kind, which actions list it)
// with the English texts and fix hints kept as data beside this file.
// The always-loaded index: error lookup reads every service's codes without loading any service's full catalog.
import { catalogIndex, listVendors } from '../catalog/catalog.js';
import { suggestNearest } from '../catalog/suggestNearest.js';
import type { ErrorKind } from '../catalog/types.js';
import type { LocalizedText } from '../signing/SigningStep.js';
import textsEn from './data/errorTextsEn.json';
import hints from './data/errorHints.json';
import { hintOnSurface, type HintSurface } from './hintOnSurface.js';

export type ErrorVendor = 'tencent' | 'mxchip' | 'onenet';

export interface ErrorHint extends LocalizedText {
  /** 'code': written for this code; 'category': the advice for its prefix (ResourceNotFound.*, …). */
  readonly scope: 'code' | 'category';
}

export interface ErrorCodeInfo {
  readonly code: string;
  /** The document's zh-CN text. */
  readonly message: string;
  readonly messageEn: string;
  readonly kind: ErrorKind;
  readonly vendor: ErrorVendor;
  readonly services: readonly string[];
  /** Actions (or vendor endpoints) whose own error table lists the code. */
  readonly actions: readonly string[];
  /** The fix, worded for the surface it was looked up for (hintOnSurface): the CLI's by default. */
  readonly hint?: ErrorHint;
  /** OCR spellings in the document that were corrected to `code`. */
  readonly docSpellings: readonly string[];
  /** Extra wording from the signing pages' "签名失败" tables. */
  readonly signingNotes: readonly string[];
  /** Listed only by action tables, not by the service's own error-code tables. */
  readonly onlyInActions: boolean;
}

interface Draft {
  code: string;
  message: string;
  kind: ErrorKind;
  vendor: ErrorVendor;
  services: Set<string>;
  actions: Set<string>;
  docSpellings: Set<string>;
  signingNotes: string[];
  onlyInActions: boolean;
}

const CODE_HINTS: Readonly<Record<string, LocalizedText>> = hints.codes;
const CATEGORY_HINTS: Readonly<Record<string, LocalizedText>> = hints.categories;
const TEXTS_EN: Readonly<Record<string, string>> = textsEn;

function hintFor(code: string): ErrorHint | undefined {
  const own = CODE_HINTS[code];
  if (own) return { ...own, scope: 'code' };
  const category = CATEGORY_HINTS[code.split('.')[0]!];
  return category ? { ...category, scope: 'category' } : undefined;
}

function build(): ErrorCodeInfo[] {
  const drafts = new Map<string, Draft>();
  const upsert = (code: string, message: string, kind: ErrorKind, vendor: ErrorVendor, service: string, onlyInActions: boolean): Draft => {
    let draft = drafts.get(code);
    if (!draft) {
      draft = { code, message, kind, vendor, services: new Set(), actions: new Set(), docSpellings: new Set(), signingNotes: [], onlyInActions };
      drafts.set(code, draft);
    }
    // A code is common if any document's common table lists it; the first (service-table) text is kept.
    if (kind === 'common') draft.kind = 'common';
    draft.onlyInActions &&= onlyInActions;
    draft.services.add(service);
    return draft;
  };
  for (const service of catalogIndex().services) {
    for (const e of service.errorCodes) {
      const draft = upsert(e.code, e.message, e.kind, 'tencent', service.service, e.onlyInActions === true);
      if (e.docSpelling) draft.docSpellings.add(e.docSpelling);
      for (const note of e.signingNotes ?? []) draft.signingNotes.push(`签名方法 ${note.scheme}: ${note.text}`);
    }
    for (const action of service.actions) {
      for (const e of action.errors ?? []) {
        // The service table lists every action-only code with its text (onlyInActions), so the index keeps codes only.
        const draft = upsert(e.code, service.errorCodes.find((c) => c.code === e.code)?.message ?? '', 'business', 'tencent', service.service, true);
        draft.actions.add(action.name);
        if (e.docSpelling) draft.docSpellings.add(e.docSpelling);
      }
    }
  }
  for (const vendor of listVendors()) {
    for (const e of vendor.errorCodes) if (!e.success) upsert(e.code, e.message, e.kind, vendor.vendor, vendor.vendor, false);
    for (const endpoint of vendor.endpoints) for (const e of endpoint.errors) drafts.get(e.code)?.actions.add(endpoint.name);
  }
  return [...drafts.values()].map((d) => {
    const hint = hintFor(d.code);
    return {
      code: d.code,
      message: d.message,
      messageEn: TEXTS_EN[d.code] ?? '',
      kind: d.kind,
      vendor: d.vendor,
      services: [...d.services],
      actions: [...d.actions].sort(),
      ...(hint ? { hint } : {}),
      docSpellings: [...d.docSpellings],
      signingNotes: d.signingNotes,
      onlyInActions: d.onlyInActions,
    };
  });
}

interface ErrorIndex {
  list: ErrorCodeInfo[];
  byKey: Map<string, ErrorCodeInfo>;
  byDocSpelling: Map<string, ErrorCodeInfo>;
}

let built: ErrorCodeInfo[] | undefined;
const indexes = new Map<HintSurface, ErrorIndex>();

/** The index with every hint worded for one surface, built once per surface from the one list. */
function getIndex(surface: HintSurface): ErrorIndex {
  let index = indexes.get(surface);
  if (!index) {
    built ??= build();
    const list = built.map((info) => (info.hint ? { ...info, hint: hintOnSurface(info.hint, surface) } : info));
    index = {
      list,
      byKey: new Map(list.map((info) => [info.code.toLowerCase(), info])),
      byDocSpelling: new Map(list.flatMap((info) => info.docSpellings.map((s) => [s.toLowerCase(), info] as const))),
    };
    indexes.set(surface, index);
  }
  return index;
}

/** Every documented error code (Tencent common and business, MXCHIP meta.code), in document order. */
export function listErrorCodes(surface: HintSurface = 'cli'): readonly ErrorCodeInfo[] {
  return getIndex(surface).list;
}

export type ErrorLookup =
  | { readonly found: true; readonly info: ErrorCodeInfo; /** Set when the query was the doc's OCR spelling. */ readonly viaDocSpelling?: string }
  | { readonly found: false; readonly query: string; readonly suggestions: readonly string[] };

/** Looks a code up case-insensitively; for an unknown code, the nearest known codes ("did you mean"). Hints are worded for `surface`. */
export function lookupErrorCode(code: string, surface: HintSurface = 'cli'): ErrorLookup {
  const query = typeof code === 'string' ? code.trim() : '';
  const { list, byKey, byDocSpelling } = getIndex(surface);
  const key = query.toLowerCase();
  const info = byKey.get(key);
  if (info) return { found: true, info };
  const viaDoc = byDocSpelling.get(key);
  if (viaDoc) return { found: true, info: viaDoc, viaDocSpelling: query };
  return {
    found: false,
    query,
    suggestions: suggestNearest(
      query,
      list.map((i) => i.code),
      5,
    ),
  };
}
