import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import { parseJsonBounded } from '@iot-devkit/core';
import { UsageError } from '../Command.js';

/**
 * A JMESPath expression (`--filter`, a waiter's `expr`) compiled once, so a typo is named before anything is sent.
 * @jmespath-community/jmespath is a maintained implementation of the JMESPath Community specification, whose lexer
 * and parser are single-pass; expressions are the user's own, values the API's response.
 */
export function compileFilter(expression: string, option: string): (value: unknown) => unknown {
  let ast: ReturnType<typeof compile>;
  try {
    ast = compile(expression);
  } catch (error) {
    throw new UsageError(
      `${option}: a JMESPath expression such as Devices[?Online==\`1\`].DeviceName (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return (value) => TreeInterpreter.search(ast, value as JSONValue);
}

export interface Waiter {
  readonly expr: string;
  readonly to: unknown;
  readonly timeoutSeconds: number;
  readonly intervalSeconds: number;
  readonly evaluate: (value: unknown) => unknown;
}

/** tccli's `--waiter '{"expr": …, "to": …, "timeout": 180, "interval": 5}'`: the call is repeated until expr equals to. */
export function parseWaiter(text: string): Waiter {
  const parsed = parseJsonBounded(text, '--waiter', { maxDepth: 4 });
  const example = `e.g. --waiter '{"expr":"Online","to":1,"timeout":60,"interval":5}'`;
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    throw new UsageError(`--waiter: a JSON object with expr, to, and optionally timeout and interval in seconds, ${example}`);
  const spec = parsed.value as Record<string, unknown>;
  for (const key of Object.keys(spec))
    if (!['expr', 'to', 'timeout', 'interval'].includes(key))
      throw new UsageError(`--waiter: unknown field ${JSON.stringify(key)}; the fields are expr, to, timeout, interval`);
  if (typeof spec['expr'] !== 'string' || spec['expr'] === '')
    throw new UsageError(`--waiter: "expr" is the JMESPath expression to watch (required), ${example}`);
  if (!('to' in spec)) throw new UsageError(`--waiter: "to" is the value expr must reach (required), ${example}`);
  const seconds = (key: string, fallback: number, minimum: number) => {
    const value = spec[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || value > 86_400)
      throw new UsageError(`--waiter: "${key}" is a number of seconds from ${minimum} to 86400, got ${JSON.stringify(spec[key])}`);
    return value;
  };
  return {
    expr: spec['expr'],
    to: spec['to'],
    // tccli's defaults: 180 s, every 5 s.
    timeoutSeconds: seconds('timeout', 180, 1),
    intervalSeconds: seconds('interval', 5, 0.1),
    evaluate: compileFilter(spec['expr'], '--waiter expr'),
  };
}

/** tccli compares the text of both sides, so "to": 1 is reached by 1 and by "1". */
export const reached = (value: unknown, to: unknown) =>
  (typeof value === 'string' ? value : JSON.stringify(value)) === (typeof to === 'string' ? to : JSON.stringify(to));
