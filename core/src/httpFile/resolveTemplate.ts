// Fills a template's placeholders for one request of a run. Precedence as in REST Client: request variables (their
// own syntax) > file variables > the environment's (its own over $shared). File and environment variables may use
// others; each is resolved once per request, a cycle or a chain deeper than MAX_VARIABLE_DEPTH is refused by name,
// and no text grows past MAX_RESOLVED_LENGTH (`@a = {{b}}{{b}}` nested 30 times would be gigabytes).
import { suggestNearest } from '../catalog/suggestNearest.js';
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import type { HttpResponse } from '../request/Transport.js';
import { isSecretField } from '../views/secretPolicy.js';
import type { Placeholder, ResponsePlaceholder, SourcePosition, Template } from './HttpFile.js';
import { readJsonPath } from './readJsonPath.js';

export const MAX_VARIABLE_DEPTH = 32;
export const MAX_RESOLVED_LENGTH = 1_000_000;

export interface TemplateScope {
  readonly fileVariables: ReadonlyMap<string, Template>;
  /** The selected environment's variables over $shared's (its own win); $shared alone without one. */
  readonly environment: ReadonlyMap<string, Template>;
  readonly environmentName?: string;
  readonly shared: ReadonlyMap<string, Template>;
  readonly processEnv: Readonly<Record<string, string | undefined>>;
  /** Responses of the named requests sent so far in this run. */
  readonly responses: ReadonlyMap<string, HttpResponse>;
  /** Unix seconds, for {{$timestamp}}. */
  readonly timestamp: number;
  /** In [0, 1), for {{$guid}} and {{$randomInt}}. */
  readonly random: () => number;
  /** A dry run sends nothing: a response variable stays as written instead of failing. */
  readonly keepMissingResponses?: boolean;
}

export type Resolution = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: SourcePosition & { readonly message: string } };

/**
 * An environment variable holds a secret when its name ends in a name the secret policy calls secret:
 * TENCENTCLOUD_SECRET_KEY (SecretKey), TENCENTCLOUD_SESSION_TOKEN (Token), DEVICE_PSK (Psk).
 */
export function isSecretEnvName(name: string): boolean {
  const segments = name.split('_');
  return segments.some((_, i) => isSecretField(segments.slice(i).join('_')));
}

class ResolveError extends Error {
  constructor(
    readonly at: SourcePosition,
    message: string,
  ) {
    super(message);
  }
}

function guid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Resolves templates for one request; secrets met on the way ($processEnv values of secret names) are collected. */
export class TemplateResolver {
  /** Values a host must mask wherever it prints: never shown in clear. */
  readonly secrets = new Set<string>();
  /** How many response variables a dry run left as written (the URL they are in cannot be checked yet). */
  keptResponses = 0;
  private readonly memo = new Map<string, string>();
  private readonly stack: string[] = [];

  constructor(private readonly scope: TemplateScope) {}

  resolve(template: Template): Resolution {
    try {
      return { ok: true, text: this.fill(template) };
    } catch (error) {
      if (error instanceof ResolveError) return { ok: false, problem: { ...error.at, message: error.message } };
      throw error;
    }
  }

  private fill(template: Template): string {
    let out = '';
    for (const part of template.parts) {
      out += typeof part === 'string' ? part : this.value(part);
      if (out.length > MAX_RESOLVED_LENGTH)
        throw new ResolveError(template.position, `the text grows past ${MAX_RESOLVED_LENGTH} characters once its variables are filled in`);
    }
    return out;
  }

  private value(p: Placeholder): string {
    const scope = this.scope;
    switch (p.kind) {
      case 'timestamp':
        return String(scope.timestamp);
      case 'guid':
        return guid(scope.random);
      case 'randomInt':
        return String(p.min + Math.floor(scope.random() * (p.max - p.min)));
      case 'processEnv': {
        const value = scope.processEnv[p.name];
        if (value === undefined) throw new ResolveError(p, `${p.text}: the environment variable ${p.name} is not set`);
        if (isSecretEnvName(p.name) && value !== '') this.secrets.add(value);
        return value;
      }
      case 'shared':
        return this.variable(p, `$shared ${p.name}`, scope.shared.get(p.name), '$shared');
      case 'variable': {
        const own = scope.fileVariables.get(p.name);
        if (own) return this.variable(p, p.name, own, 'file');
        const env = scope.environment.get(p.name);
        if (env) return this.variable(p, `env ${p.name}`, env, 'environment');
        const known = [...scope.fileVariables.keys(), ...scope.environment.keys()];
        const near = suggestNearest(p.name, known, 2);
        throw new ResolveError(
          p,
          `${p.text}: not a file variable (@${p.name} = …)${scope.environmentName ? ` nor a variable of environment ${scope.environmentName}` : ' and no --env environment is selected'}${near.length ? `; did you mean ${near.join(', ')}?` : ''}`,
        );
      }
      case 'responseBody':
      case 'responseHeader':
        return this.fromResponse(p);
    }
  }

  private variable(at: Placeholder, key: string, template: Template | undefined, where: string): string {
    if (template === undefined) throw new ResolveError(at, `${at.text}: no such ${where} variable`);
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    if (this.stack.includes(key)) throw new ResolveError(at, `${at.text}: the variable refers to itself (${[...this.stack, key].join(' → ')})`);
    if (this.stack.length >= MAX_VARIABLE_DEPTH)
      throw new ResolveError(at, `${at.text}: variables refer to variables more than ${MAX_VARIABLE_DEPTH} levels deep`);
    this.stack.push(key);
    try {
      const text = this.fill(template);
      this.memo.set(key, text);
      return text;
    } finally {
      this.stack.pop();
    }
  }

  private fromResponse(p: ResponsePlaceholder): string {
    const response = this.scope.responses.get(p.request);
    if (response === undefined) {
      if (this.scope.keepMissingResponses) {
        this.keptResponses++;
        return p.text;
      }
      throw new ResolveError(p, `${p.text}: request ${p.request} has not been sent in this run (a request can use the responses of named requests above it)`);
    }
    if (p.kind === 'responseHeader') {
      const found = Object.entries(response.headers).find(([name]) => name.toLowerCase() === p.header.toLowerCase());
      if (found === undefined)
        throw new ResolveError(
          p,
          `${p.text}: ${p.request}'s response has no ${p.header} header (it has ${Object.keys(response.headers).join(', ') || 'none'})`,
        );
      return found[1];
    }
    if (p.path.length === 0) return response.body;
    const parsed = parseJsonBounded(response.body, `${p.request}'s response`);
    if (!parsed.ok) throw new ResolveError(p, `${p.text}: ${parsed.message}`);
    const read = readJsonPath(parsed.value, p.path);
    if (!read.found) throw new ResolveError(p, `${p.text}: in ${p.request}'s response, ${read.message}`);
    return typeof read.value === 'string' ? read.value : JSON.stringify(read.value);
  }
}
