import { maskSecret, type SigningStep } from '@iot-devkit/core';

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');

/** Labelled header lines with their values aligned in one column. */
export function formatFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

/** Steps for a person: numbered title (en · zh), the rule, then the value indented so multi-line values stay aligned. */
export function formatSteps(steps: readonly SigningStep[]): string {
  return steps
    .map((step, i) => {
      const n = `${i + 1}.`.padEnd(4);
      return `${n}${step.title.en} · ${step.title.zh}\n    rule: ${step.rule.en}\n${indent(step.value === '' ? '(empty)' : step.value, '    │ ')}`;
    })
    .join('\n\n');
}

export const maskedKey = (secretKey: unknown) => (typeof secretKey === 'string' ? maskSecret(secretKey) : '(none)');
