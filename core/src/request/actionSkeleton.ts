import type { ActionEntry } from '../catalog/catalog.js';
import type { FieldSpec, StructureSpec } from '../catalog/types.js';

/** One line of a skeleton's legend: the dotted path, the documented type, required or not, and an example. */
export interface SkeletonField {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly example: string;
  readonly description: string;
}

export interface ActionSkeleton {
  /** A JSON value to edit and give back with --cli-input-json: every parameter, an example value each. */
  readonly value: Record<string, unknown>;
  readonly fields: readonly SkeletonField[];
}

/** Structures refer to each other (and a few to themselves); a skeleton stops at this depth with an empty object. */
const MAX_SKELETON_DEPTH = 8;
const NUMERIC = new Set(['Integer', 'Int64', 'UInt64', 'Float']);

/** The catalog's 示例值 typed as the field is (a number for Integer, true for Boolean), else a typed placeholder. */
function exampleOf(field: FieldSpec): unknown {
  const example = field.example?.trim();
  if (NUMERIC.has(field.baseType)) {
    const number = example !== undefined && /^-?\d+(\.\d+)?$/.test(example) ? Number(example) : undefined;
    return number ?? field.minimum ?? field.enum?.find((v) => typeof v === 'number') ?? 0;
  }
  if (field.baseType === 'Boolean') return example === 'true';
  if (field.enum && field.enum.length > 0 && (example === undefined || !field.enum.map(String).includes(example))) return field.enum[0];
  return example ?? '';
}

/**
 * tccli's `--generate-cli-skeleton` from our catalog (tccli builds it from its service model,
 * `tccli/generatecliskeleton.py`): `input` is given the action's parameters, `output` its documented response
 * fields. The host passes the fields: the VS Code build ships outputs slimmed to their secret entries, so only a
 * host holding the whole catalog (the CLI) may ask for an output skeleton. Arrays hold one example item; structures
 * are expanded field by field. The legend lists each path with its type.
 */
export function actionSkeleton(fields: readonly FieldSpec[], service: ActionEntry['service'], which: 'input' | 'output'): ActionSkeleton {
  const structures = new Map<string, StructureSpec>(service.structures.map((s) => [s.name, s]));
  const legend: SkeletonField[] = [];
  const build = (specs: readonly FieldSpec[], prefix: string, depth: number, parentRequired: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const spec of specs) {
      const path = prefix === '' ? spec.name : `${prefix}.${spec.name}`;
      const required = parentRequired && (which === 'output' || spec.required === true);
      const structure = spec.structure ? structures.get(spec.structure) : undefined;
      const itemPath = spec.array ? `${path}.0` : path;
      legend.push({
        path,
        type: spec.type,
        required,
        example: structure
          ? spec.array
            ? `[ {${structure.name}} ]`
            : `{${structure.name}}`
          : JSON.stringify(spec.array ? [exampleOf(spec)] : exampleOf(spec)),
        description: spec.en ?? spec.description,
      });
      const item = structure ? (depth < MAX_SKELETON_DEPTH ? build(structure.fields, itemPath, depth + 1, required) : {}) : exampleOf(spec);
      Object.defineProperty(out, spec.name, { value: spec.array ? [item] : item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return { value: build(fields, '', 0, true), fields: legend };
}
