// The catalog's fields for a place in a request body: the action's parameters at the top level, a structure's
// fields inside a nested object (Attribute → its Tags → DeviceTag's Tag and Value). Shared by the checks and the
// completion of `.http` bodies, so both read a nested object the same way.
import { findStructure } from '../catalog/catalog.js';
import type { ActionEntry } from '../catalog/catalog.js';
import type { FieldSpec } from '../catalog/types.js';

/** The structure a field's values are objects of, if any (fields typed by a documented structure). */
export function structureFieldsOf(service: string, field: FieldSpec): readonly FieldSpec[] | undefined {
  const name = field.structure ?? field.baseType;
  return findStructure(service, name)?.fields;
}

/** The fields expected in the object at `path` (names from the top level down), or undefined when the path leaves the catalog. */
export function bodyFieldsAt(entry: ActionEntry, path: readonly string[]): readonly FieldSpec[] | undefined {
  let fields: readonly FieldSpec[] = entry.action.params;
  for (const name of path) {
    const field = fields.find((f) => f.name === name);
    const next = field && structureFieldsOf(entry.service.service, field);
    if (!next) return undefined;
    fields = next;
  }
  return fields;
}

/** The JSON type a field's value has on the wire: what a literal in a body is judged against. */
export type JsonKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

const NUMBERS = new Set(['Integer', 'Int64', 'UInt64', 'Float']);

/** The JSON kind of one value of the field (an array's elements: `element`). */
export function jsonKindOf(service: string, field: FieldSpec, element = false): JsonKind {
  if (field.array && !element) return 'array';
  if (structureFieldsOf(service, field)) return 'object';
  if (NUMBERS.has(field.baseType)) return 'number';
  if (field.baseType === 'Boolean') return 'boolean';
  if (field.baseType === 'String') return 'string';
  return 'any';
}
