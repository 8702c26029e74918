// What goes at a position of a `.http` file, for an editor's completion: an action name in X-TC-Action's value, or
// a parameter name in the JSON body (the action's at the top level, a structure's fields inside a nested object),
// each with what the catalog knows of it in the UI language. Data only; the host turns it into completion items.
import { findActionEntry, listIndexedActions } from '../catalog/catalog.js';
import type { FieldSpec } from '../catalog/types.js';
import { actionSummary } from '../views/actionForm.js';
import { actionHeading, paramDescription, type ShownText } from '../views/actionHeading.js';
import type { StepLanguage } from '../views/stepViews.js';
import { bodyFieldsAt, jsonKindOf, type JsonKind } from './bodyFields.js';
import type { HttpFile, SourcePosition } from './HttpFile.js';
import { httpFileRequestTarget } from './httpFileRequestTarget.js';
import { jsonKeyContextAt } from './jsonKeyContextAt.js';
import { lineTemplateRange, requestAt, templatePositions } from './templatePositions.js';

export interface ActionCompletion {
  readonly name: string;
  readonly service: string;
  readonly title: ShownText;
  readonly deprecated: boolean;
}

export interface ParameterCompletion {
  readonly name: string;
  /** As documented: String, Integer, Array of DeviceTag … */
  readonly type: string;
  readonly required: boolean;
  readonly description: ShownText;
  /** The JSON kind of the value, for the value a snippet inserts. */
  readonly valueKind: JsonKind;
  readonly example?: string;
  readonly enum?: readonly (string | number)[];
  readonly secret: boolean;
}

/** The text a completion replaces: from `start` to `end` on the position's line. */
interface Replace {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

export type HttpFileCompletion =
  | (Replace & { readonly kind: 'action'; readonly prefix: string; readonly actions: readonly ActionCompletion[] })
  | (Replace & {
      readonly kind: 'parameter';
      readonly prefix: string;
      readonly action: string;
      /** The nested object's field path ([] at the top level). */
      readonly path: readonly string[];
      /** The completed name is followed by a ":" already: insert the name only. */
      readonly hasColon: boolean;
      /** Parameters not yet given in that object. */
      readonly parameters: readonly ParameterCompletion[];
    });

/** Undefined where the catalog has nothing to offer (a URL, another header, a value in the body). */
export function httpFileCompletionAt(file: HttpFile, at: SourcePosition, language: StepLanguage): HttpFileCompletion | undefined {
  const { request, header } = requestAt(file, at);
  if (!request) return undefined;
  const target = httpFileRequestTarget(request);
  if (header?.name.toLowerCase() === 'x-tc-action') {
    const value = header.value;
    if (at.column < value.position.column) return undefined;
    const prefix = value.raw.slice(0, at.column - value.position.column);
    const actions = listIndexedActions(target?.service).map((indexed) => ({
      name: indexed.action.name,
      service: indexed.service.service,
      title: actionHeading(actionSummary(indexed), language).title,
      deprecated: indexed.action.deprecated === true,
    }));
    // Spaces typed after the value are not part of it (the reader trims them): the cursor then starts an empty value.
    const range = lineTemplateRange(value);
    const past = at.column > range.end.column;
    return { kind: 'action', prefix: past ? '' : prefix, ...(past ? { start: at, end: at } : range), actions };
  }
  if (!target?.indexed || !request.body) return undefined;
  const body = request.body;
  const positions = templatePositions(body);
  const offset = positions.offsetAt(at);
  if (offset === undefined) return undefined;
  const context = jsonKeyContextAt(body.raw, offset);
  if (!context) return undefined;
  const entry = findActionEntry(target.indexed.service.service, target.indexed.action.name);
  const fields = entry && bodyFieldsAt(entry, context.path);
  if (!entry || !fields) return undefined;
  const lang = entry.action.descriptionLang === 'zh-CN' || entry.service.descriptionLang === 'zh-CN' ? 'zh-CN' : 'en';
  const present = new Set(context.present);
  const parameters = fields
    .filter((f) => !present.has(f.name))
    .map((field: FieldSpec): ParameterCompletion => ({
      name: field.name,
      type: field.type,
      required: field.required === true,
      description: paramDescription({ description: field.description, descriptionLang: lang, ...(field.en ? { englishDescription: field.en } : {}) }, language),
      valueKind: jsonKindOf(entry.service.service, field),
      ...(field.example !== undefined ? { example: field.example } : {}),
      ...(field.enum !== undefined ? { enum: field.enum } : {}),
      secret: field.secret === true,
    }));
  return {
    kind: 'parameter',
    prefix: context.prefix,
    action: entry.action.name,
    path: context.path,
    hasColon: context.hasColon,
    start: positions.positionAt(context.replaceStart),
    end: positions.positionAt(context.replaceEnd),
    parameters,
  };
}
