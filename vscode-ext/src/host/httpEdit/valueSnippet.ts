import type { JsonKind, ParameterCompletion } from '@iot-devkit/core';

// A snippet's text must escape what the snippet syntax reads: $, } and \ (VS Code's snippet grammar).
const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);

const PLACEHOLDERS: Readonly<Record<JsonKind, string>> = {
  string: '"$1"',
  number: '${1:0}',
  boolean: '${1|true,false|}',
  object: '{$1}',
  array: '[$1]',
  any: '$1',
};

/**
 * What a parameter completion inserts, as snippet text: `"Name": <value>` with the value's tab stop shaped by its
 * JSON kind (quotes for a string, a choice for a Boolean, the documented values for an enum), or only `"Name"` when a
 * ":" follows already. A string's documented example fills its tab stop, never a secret's.
 */
export function parameterSnippet(parameter: ParameterCompletion, hasColon: boolean): string {
  const name = `"${escapeSnippet(parameter.name)}"`;
  if (hasColon) return name;
  const values = parameter.enum?.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  if (values && values.length > 0 && values.every((v) => !/[,|]/.test(v))) return `${name}: \${1|${values.map(escapeSnippet).join(',')}|}`;
  if (parameter.valueKind === 'string' && parameter.example && !parameter.secret && !/["\n]/.test(parameter.example))
    return `${name}: "\${1:${escapeSnippet(parameter.example)}}"`;
  return `${name}: ${PLACEHOLDERS[parameter.valueKind]}`;
}
