import { suggestNearest } from '@iot-devkit/core';
import { UsageError } from './Command.js';

export interface ParsedArgs {
  readonly positionals: string[];
  /** Flags given once or repeated (`--param A=1 --param B=2`); boolean flags hold "true". */
  readonly flags: Map<string, string[]>;
}

/**
 * A small parser for `--flag value`, `--flag=value` and boolean `--flag`. `booleanFlags` lists the flags that
 * take no value, so `--json -` is not read as json="-".
 */
export function parseArgs(args: readonly string[], booleanFlags: readonly string[], valueFlags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleanFlags.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      add(name, 'true');
    } else if (valueFlags.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      add(name, value);
    } else {
      const known = [...booleanFlags, ...valueFlags];
      const near = suggestNearest(name, known, 2);
      throw new UsageError(
        `unknown option --${name}${near.length ? `; did you mean ${near.map((f) => '--' + f).join(' or ')}?` : ''}; known: ${known.map((f) => '--' + f).join(', ')}`,
      );
    }
  }
  return { positionals, flags };
}

export const flag = (parsed: ParsedArgs, name: string): string | undefined => parsed.flags.get(name)?.at(-1);
export const hasFlag = (parsed: ParsedArgs, name: string): boolean => parsed.flags.has(name);
