import { suggestNearest } from '../catalog/suggestNearest.js';
import { utf8Encode } from '../encoding/bytes.js';

/** What validation needs of a catalog parameter or structure field (the catalog data carries more). */
export interface ParamRules {
  readonly name: string;
  readonly required?: boolean | string;
  readonly array?: boolean;
  /** String, Integer, Float, Boolean, or a structure name. */
  readonly baseType: string;
  readonly structure?: string;
  readonly pattern?: string;
  readonly itemPattern?: string;
  readonly enum?: readonly (string | number)[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** A String that must hold JSON (e.g. UpdateDeviceShadow State). */
  readonly json?: boolean;
  readonly maxBytes?: number;
  /** Required only when another parameter has a value (TRRO Key when Mode is 1). */
  readonly requiredWhen?: { readonly param: string; readonly equals: string | number };
}

export interface StructureRules {
  readonly name: string;
  readonly fields: readonly ParamRules[];
}

export interface ParamProblem {
  /** Dotted path of the offending parameter, e.g. Attribute.Tags.0.Tag. */
  readonly field: string;
  /** The server's error code for this mistake, where the doc names one. */
  readonly code: 'MissingParameter' | 'UnknownParameter' | 'InvalidParameterValue' | 'InvalidParameter';
  readonly message: string;
}

const describe = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
    : Array.isArray(value)
      ? 'an array'
      : value === null
        ? 'null'
        : typeof value === 'object'
          ? 'an object'
          : String(value);

function checkScalar(rules: ParamRules, value: unknown, field: string, problems: ParamProblem[], structures: ReadonlyMap<string, StructureRules>): void {
  const bad = (message: string, code: ParamProblem['code'] = 'InvalidParameterValue'): void => {
    problems.push({ field, code, message: `${field}: ${message}` });
  };
  const structure = rules.structure ? structures.get(rules.structure) : structures.get(rules.baseType);
  if (structure) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return bad(`an object of type ${structure.name}, got ${describe(value)}`, 'InvalidParameter');
    return checkObject(structure.fields, value as Record<string, unknown>, field + '.', problems, structures);
  }
  switch (rules.baseType) {
    case 'Integer':
    case 'Int64':
    case 'UInt64':
    case 'Float': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || Number.isNaN(number)) return bad(`a number, got ${describe(value)}`, 'InvalidParameter');
      if (rules.baseType !== 'Float' && !Number.isInteger(number)) return bad(`a whole number, got ${describe(value)}`, 'InvalidParameter');
      if (rules.minimum !== undefined && number < rules.minimum) return bad(`at least ${rules.minimum}, got ${number}`);
      if (rules.maximum !== undefined && number > rules.maximum) return bad(`at most ${rules.maximum}, got ${number}`);
      if (rules.enum && !rules.enum.some((e) => Number(e) === number)) return bad(`one of ${rules.enum.join(', ')}, got ${number}`);
      return;
    }
    case 'Boolean':
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') bad(`true or false, got ${describe(value)}`, 'InvalidParameter');
      return;
    default: {
      if (typeof value !== 'string') return bad(`a string, got ${describe(value)}`, 'InvalidParameter');
      const pattern = rules.array ? rules.itemPattern : rules.pattern;
      if (pattern && !new RegExp(pattern).test(value)) return bad(`must match ${pattern}, got ${describe(value)}`);
      if (rules.enum && !rules.enum.includes(value)) return bad(`one of ${rules.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${describe(value)}`);
      if (rules.json) {
        try {
          JSON.parse(value);
        } catch (error) {
          return bad(`a JSON string (${error instanceof Error ? error.message : 'invalid JSON'})`);
        }
      }
      if (rules.maxBytes !== undefined) {
        const size = utf8Encode(value).length;
        if (size > rules.maxBytes) bad(`at most ${rules.maxBytes} bytes (${rules.maxBytes / 1024} KB), got ${size} bytes`);
      }
    }
  }
}

function checkObject(
  fields: readonly ParamRules[],
  value: Readonly<Record<string, unknown>>,
  prefix: string,
  problems: ParamProblem[],
  structures: ReadonlyMap<string, StructureRules>,
): void {
  const known = new Map(fields.map((f) => [f.name, f]));
  for (const name of Object.keys(value)) {
    if (!known.has(name)) {
      // Nearest by edit distance with swaps (DeviceNmae → DeviceName), not only by case.
      const near = suggestNearest(name, known.keys(), 2);
      problems.push({
        field: prefix + name,
        code: 'UnknownParameter',
        message: `${prefix + name}: not a parameter of this ${prefix ? 'structure' : 'action'}${near.length ? ` (did you mean ${near.map((n) => prefix + n).join(' or ')}?)` : ''}; known: ${fields.map((f) => f.name).join(', ')}`,
      });
    }
  }
  for (const rules of fields) {
    const field = prefix + rules.name;
    const item = value[rules.name];
    if (item === undefined || item === null) {
      const when = rules.requiredWhen;
      if (rules.required === true)
        problems.push({ field, code: 'MissingParameter', message: `${field}: required (${rules.array ? 'an array of ' : ''}${rules.baseType})` });
      else if (when && value[when.param] !== undefined && String(value[when.param]) === String(when.equals))
        problems.push({ field, code: 'MissingParameter', message: `${field}: required when ${prefix + when.param} is ${when.equals}` });
      continue;
    }
    if (rules.array) {
      if (!Array.isArray(item)) {
        problems.push({ field, code: 'InvalidParameter', message: `${field}: an array of ${rules.baseType}, got ${describe(item)}` });
        continue;
      }
      item.forEach((element, i) => checkScalar(rules, element, `${field}.${i}`, problems, structures));
    } else {
      checkScalar(rules, item, field, problems, structures);
    }
  }
}

/**
 * Checks an action's parameters against the catalog before anything is sent: required, unknown (the server
 * answers UnknownParameter), types, documented patterns, enums, ranges, JSON strings and their size limits.
 * Every problem names its parameter; an empty list means the request may be sent.
 */
export function validateParams(
  params: Readonly<Record<string, unknown>>,
  actionParams: readonly ParamRules[],
  structures: readonly StructureRules[] = [],
): ParamProblem[] {
  const problems: ParamProblem[] = [];
  checkObject(actionParams, params, '', problems, new Map(structures.map((s) => [s.name, s])));
  return problems;
}
