// What the catalog says is wrong with one API request of a `.http` file, as written: an unknown action (with the
// nearest names), unknown parameter names in the JSON body (did you mean), missing required parameters, and literal
// values of the wrong JSON type or against the documented rule (the request builder's validateParams). A value that
// holds a {{placeholder}} is not judged, nor is an object with a placeholder standing for a whole member list: the
// body is JSON only once resolved. Each problem has a range for an editor's squiggle.
//
// Reads the action's full catalog (findActionEntry): a host whose loader cannot read synchronously (the browser)
// awaits loadCatalogOf(target.service, target.name) first, else CatalogNotLoadedError is thrown, never a false alarm.
import { findActionEntry, findServiceIndex, listIndexedActions, suggestActions, type ActionEntry } from '../catalog/catalog.js';
import { suggestNearest } from '../catalog/suggestNearest.js';
import type { FieldSpec } from '../catalog/types.js';
import { validateParams } from '../request/validateParams.js';
import { jsonKindOf, structureFieldsOf, type JsonKind } from './bodyFields.js';
import type { HttpFileRequest, SourcePosition } from './HttpFile.js';
import { httpFileRequestTarget, type HttpFileRequestTarget } from './httpFileRequestTarget.js';
import { scanJsonBody, type JsonNode } from './scanJsonBody.js';
import { lineTemplateRange, templatePositions, type TemplatePositions } from './templatePositions.js';

export type HttpFileCheckCode = 'unknownAction' | 'unknownVersion' | 'bodySyntax' | 'unknownParameter' | 'missingParameter' | 'wrongType' | 'invalidValue';

export interface HttpFileCheckProblem {
  readonly code: HttpFileCheckCode;
  /** `warning` where the request may still be right (a version the catalog lacks: its parameters are not checked). */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly start: SourcePosition;
  readonly end: SourcePosition;
  /** Names to offer instead (did you mean). */
  readonly suggestions?: readonly string[];
}

export interface HttpFileCheck {
  /** Undefined for a request with no X-TC-Action header: not an API 3.0 call, nothing to check. */
  readonly target?: HttpFileRequestTarget;
  readonly problems: readonly HttpFileCheckProblem[];
}

const JSON_KIND_LABEL: Readonly<Record<JsonKind, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  any: 'a value',
};

/** Checks one request; `problems` is empty for a request the catalog finds nothing wrong with. */
export function checkHttpFileRequest(request: HttpFileRequest): HttpFileCheck {
  const target = httpFileRequestTarget(request);
  if (!target) return { problems: [] };
  const problems: HttpFileCheckProblem[] = [];
  const header = target.actionHeader.value;
  const headerRange = lineTemplateRange(header);
  if (target.name === undefined) return { target, problems };
  if (!target.indexed) {
    problems.push(unknownAction(target, headerRange));
    return { target, problems };
  }
  const { service } = target.indexed;
  if (target.version !== undefined && !findServiceIndex(service.service, target.version)) {
    const versionHeader = request.headers.find((h) => h.name.toLowerCase() === 'x-tc-version')!.value;
    problems.push({
      code: 'unknownVersion',
      severity: 'warning',
      message: `X-TC-Version ${target.version}: the catalog has ${service.service} ${service.version}; the parameters are not checked against another version`,
      ...lineTemplateRange(versionHeader),
    });
    return { target, problems };
  }
  const entry = findActionEntry(service.service, target.indexed.action.name);
  if (!entry || request.method !== 'POST' || !request.body) return { target, problems };

  const positions = templatePositions(request.body);
  const range = (start: number, end: number) => ({ start: positions.positionAt(start), end: positions.positionAt(end) });
  const scan = scanJsonBody(request.body.raw);
  if (scan.error) {
    problems.push({ code: 'bodySyntax', severity: 'error', message: `body: ${scan.error.message}`, ...range(scan.error.offset, scan.error.offset + 1) });
    return { target, problems };
  }
  if (scan.root?.kind === 'object') checkObject(entry, scan.root, entry.action.params, '', new BodyRanges(request.body.raw, positions), problems);
  else if (scan.root && scan.root.kind !== 'placeholder')
    problems.push({
      code: 'wrongType',
      severity: 'error',
      message: `body: a JSON object of ${entry.action.name}'s parameters`,
      ...range(scan.root.start, scan.root.end),
    });
  return { target, problems };
}

function unknownAction(target: HttpFileRequestTarget, where: Pick<HttpFileCheckProblem, 'start' | 'end'>): HttpFileCheckProblem {
  const name = target.name!;
  const elsewhere = target.service ? listIndexedActions().find((a) => a.action.name.toLowerCase() === name.toLowerCase()) : undefined;
  if (elsewhere)
    return {
      code: 'unknownAction',
      severity: 'error',
      message: `${name}: not an action of ${target.service} (read from the ${target.serviceFrom}); the catalog has it in ${elsewhere.service.service}`,
      ...where,
    };
  const names = target.service ? listIndexedActions(target.service).map((a) => a.action.name) : undefined;
  const suggestions = names ? suggestNearest(name, names) : suggestActions(name);
  return {
    code: 'unknownAction',
    severity: 'error',
    message: `${name}: not an action of ${target.service ?? 'any service in the catalog'}${suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : ''}`,
    ...where,
    ...(suggestions.length ? { suggestions } : {}),
  };
}

/** Ranges in the body: a node's whole span, and an object's opening line (where a missing member is reported). */
class BodyRanges {
  constructor(
    private readonly text: string,
    private readonly positions: TemplatePositions,
  ) {}
  of(node: { start: number; end: number }): Pick<HttpFileCheckProblem, 'start' | 'end'> {
    return { start: this.positions.positionAt(node.start), end: this.positions.positionAt(node.end) };
  }
  openingLine(node: JsonNode): Pick<HttpFileCheckProblem, 'start' | 'end'> {
    const newline = this.text.indexOf('\n', node.start);
    return this.of({ start: node.start, end: newline === -1 || newline > node.end ? node.end : newline });
  }
}

function checkObject(
  entry: ActionEntry,
  node: Extract<JsonNode, { kind: 'object' }>,
  fields: readonly FieldSpec[],
  prefix: string,
  ranges: BodyRanges,
  problems: HttpFileCheckProblem[],
): void {
  const known = new Map(fields.map((f) => [f.name, f]));
  // A required name offered as "did you mean" for a misspelt one is not reported missing as well: one mistake, one problem.
  const offered = new Set<string>();
  const owner = prefix ? `the structure at ${prefix.slice(0, -1)}` : entry.action.name;
  for (const member of node.members) {
    const field = known.get(member.key);
    if (!field) {
      const suggestions = suggestNearest(member.key, known.keys(), 2);
      for (const name of suggestions) offered.add(name);
      problems.push({
        code: 'unknownParameter',
        severity: 'error',
        message: `${prefix}${member.key}: not a parameter of ${owner}${suggestions.length ? ` (did you mean ${suggestions.join(' or ')}?)` : ''}`,
        ...ranges.of(member.keySpan),
        ...(suggestions.length ? { suggestions } : {}),
      });
      continue;
    }
    checkValue(entry, field, member.value, `${prefix}${member.key}`, false, ranges, problems);
  }
  const given = new Set(node.members.map((m) => m.key));
  for (const field of fields) {
    if (field.required !== true || given.has(field.name) || offered.has(field.name)) continue;
    problems.push({
      code: 'missingParameter',
      severity: 'error',
      message: `${prefix}${field.name}: required by ${owner} (${field.type})`,
      ...ranges.openingLine(node),
    });
  }
}

function checkValue(
  entry: ActionEntry,
  field: FieldSpec,
  node: JsonNode,
  path: string,
  element: boolean,
  ranges: BodyRanges,
  problems: HttpFileCheckProblem[],
): void {
  const kind = node.kind;
  if (kind === 'placeholder' || kind === 'null') return;
  const expected = jsonKindOf(entry.service.service, field, element);
  if (node.kind === 'string' && node.placeholder) {
    // "{{x}}" is a string once resolved: only a string's own rules would need its value.
    if (expected === 'string' || expected === 'any') return;
  }
  if (expected !== 'any' && kind !== expected) {
    problems.push({
      code: 'wrongType',
      severity: 'error',
      message: `${path}: ${JSON_KIND_LABEL[expected]} (${element ? field.baseType : field.type}), got ${JSON_KIND_LABEL[kind]}`,
      ...ranges.of(node),
    });
    return;
  }
  if (node.kind === 'array') {
    node.items.forEach((item, i) => checkValue(entry, field, item, `${path}.${i}`, true, ranges, problems));
    return;
  }
  if (node.kind === 'object') {
    const structure = structureFieldsOf(entry.service.service, field);
    if (structure) checkObject(entry, node, structure, `${path}.`, ranges, problems);
    return;
  }
  if (node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean') {
    // The documented rule of a literal scalar (pattern, enum, range, a JSON string): the request builder's check.
    // An array's element follows the item pattern.
    const { pattern: _pattern, itemPattern: _itemPattern, ...rest } = field;
    const pattern = element ? field.itemPattern : field.pattern;
    const rules = { ...rest, required: false, array: false, ...(pattern !== undefined ? { pattern } : {}) };
    for (const problem of validateParams({ [field.name]: node.value }, [rules])) {
      problems.push({
        code: 'invalidValue',
        severity: 'error',
        message: `${path}${problem.message.slice(field.name.length)}`,
        ...ranges.of(node),
      });
    }
  }
}
