import { parseJsonBounded, setOwnProperty, SigningInputError, unflattenParams, type ParamSpec } from '@iot-devkit/core';
import { UsageError, type CommandContext } from '../Command.js';

/**
 * A `--param` value as the catalog types it: plain text for String parameters (so DeviceName=123 stays "123"),
 * JSON for numbers, booleans, arrays and structures (`--param 'Filters=[{"Name":"x"}]'`).
 */
function typedValue(spec: ParamSpec | undefined, key: string, raw: string): unknown {
  const scalarString = spec !== undefined && !spec.array && spec.baseType === 'String' && !key.includes('.');
  if (scalarString) return raw;
  const parsed = parseJsonBounded(raw, `--param ${key}`);
  if (parsed.ok) return parsed.value;
  if (parsed.problem === 'tooDeep') throw new UsageError(parsed.message);
  if (spec !== undefined && (spec.array || spec.structure !== undefined) && !key.includes('.'))
    throw new UsageError(
      `--param ${key}: ${spec.type} is given as JSON (${spec.array ? `e.g. ${key}='["a","b"]' or ${key}.0=a ${key}.1=b` : `e.g. ${key}='{"Name":"value"}' or ${key}.Name=value`}); ${parsed.message.replace(`--param ${key}: `, '')}`,
    );
  return raw;
}

/** `@path` reads a value from a file (a long Sql, a shadow State); `@@x` is the literal text `@x`. */
async function resolveFileValue(context: CommandContext, key: string, raw: string): Promise<string> {
  if (!raw.startsWith('@')) return raw;
  if (raw.startsWith('@@')) return raw.slice(1);
  const path = raw.slice(1);
  if (path === '') throw new UsageError(`--param ${key}=@FILE: a file name after @ (or @@ for a value starting with @)`);
  try {
    return (await context.readFile(path)).replace(/\r?\n$/, '');
  } catch (error) {
    throw new UsageError(`--param ${key}=@${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** tccli's skeleton leaves what you do not send as null; null means "not given" here, as the SDKs' mergeData drops it. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) setOwnProperty(out, key, dropNulls(item));
  return out;
}

function jsonObject(text: string, source: string): Record<string, unknown> {
  const parsed = parseJsonBounded(text, source);
  if (!parsed.ok)
    throw new UsageError(
      parsed.problem === 'invalid' ? `${source}: a JSON object of parameters (${parsed.message.replace(`${source}: `, '')})` : parsed.message,
    );
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    throw new UsageError(
      `${source}: a JSON object of parameters, e.g. {"ProductId": "ABCDEFGHIJ"} (this is ${Array.isArray(parsed.value) ? 'an array' : typeof parsed.value})`,
    );
  return dropNulls(parsed.value) as Record<string, unknown>;
}

export interface ParamInputs {
  readonly entries: readonly string[];
  readonly paramsJson?: string;
  /** `--cli-input-json FILE` or `-` for stdin. */
  readonly cliInputJson?: string;
}

/** The parameters from --cli-input-json or --params-json, then each --param over them (a --param wins). */
export async function readRequestParams(context: CommandContext, inputs: ParamInputs, specs: readonly ParamSpec[]): Promise<Record<string, unknown>> {
  if (inputs.paramsJson !== undefined && inputs.cliInputJson !== undefined) throw new UsageError('--params-json and --cli-input-json: give one of them');
  let params: Record<string, unknown> = {};
  if (inputs.paramsJson !== undefined) params = jsonObject(inputs.paramsJson, '--params-json');
  if (inputs.cliInputJson !== undefined) {
    const file = inputs.cliInputJson;
    let text: string;
    try {
      text = file === '-' ? await context.readStdin() : await context.readFile(file);
    } catch (error) {
      throw new UsageError(`--cli-input-json ${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    params = jsonObject(text, `--cli-input-json ${file === '-' ? '(stdin)' : file}`);
  }
  const dotted: Record<string, string> = {};
  for (const entry of inputs.entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param: expected Name=Value, got ${JSON.stringify(entry)}`);
    const key = entry.slice(0, eq);
    const raw = await resolveFileValue(context, key, entry.slice(eq + 1));
    // Own properties, so a parameter named __proto__ is kept (and refused by validation as unknown), not turned into a prototype.
    if (key.includes('.')) setOwnProperty(dotted, key, raw);
    else
      setOwnProperty(
        params,
        key,
        typedValue(
          specs.find((s) => s.name === key),
          key,
          raw,
        ),
      );
  }
  // Dotted names (Attribute.Tags.0.Tag=x, DeviceNames.0=a) become nested values, as API 3.0 flattens them.
  let nested: Record<string, unknown>;
  try {
    nested = unflattenParams(dotted);
  } catch (error) {
    if (error instanceof SigningInputError) throw new UsageError(`--param ${error.field}: ${error.expected}`);
    throw error;
  }
  for (const [key, value] of Object.entries(nested)) setOwnProperty(params, key, value);
  return params;
}
