// What a run of a .http file needs from the host before it starts: the profiles whose SecretKeys it signs with and
// the environment variables it reads. runHttpFile resolves credentials and {{$processEnv}} synchronously, while
// VS Code's SecretStorage (and asking the user) is asynchronous, so both are gathered first, for the requests that
// will run only (the chosen one and the named requests it depends on).
import { readTc3AuthForm, requestTemplates, type HttpEnvironments, type HttpFile, type HttpFileRequest, type Template } from '@iot-devkit/core';

export interface RunNeeds {
  /** A bare `Authorization: TC3`: the extension's active profile. */
  readonly activeProfile: boolean;
  /** `TC3 profile:NAME`, each once, in the file's order. */
  readonly profiles: readonly string[];
  /** `{{$processEnv NAME}}` reached from the requests (through file and environment variables too), each once. */
  readonly processEnv: readonly string[];
}

/**
 * The needs of `requests`, following each `{{variable}}` to the file variable or the environment value it names
 * (file variables first, as the resolver does); each variable is walked once, so a cycle ends.
 */
export function runNeeds(file: HttpFile, requests: readonly HttpFileRequest[], environments?: HttpEnvironments, environmentName?: string): RunNeeds {
  const environment = environmentVariables(environments, environmentName);
  const shared = environments?.shared ?? new Map<string, Template>();
  const fileVariables = new Map(file.variables.map((v) => [v.name, v.value]));
  const profiles = new Set<string>();
  const processEnv = new Set<string>();
  let activeProfile = false;
  const seen = new Set<string>();
  const pending: Template[] = [];
  for (const request of requests) {
    pending.push(...requestTemplates(request));
    const authorization = request.headers.find((h) => h.name.toLowerCase() === 'authorization');
    // A profile written with a placeholder (profile:{{p}}) is known only when resolved; the resolver then names it.
    const form = authorization ? readTc3AuthForm(authorization.value.raw) : undefined;
    if (form && !('problem' in form) && form.credentials.kind === 'profile') {
      if (form.credentials.profile === undefined) activeProfile = true;
      else profiles.add(form.credentials.profile);
    }
  }
  for (let template = pending.pop(); template !== undefined; template = pending.pop()) {
    for (const part of template.parts) {
      if (typeof part === 'string') continue;
      if (part.kind === 'processEnv') processEnv.add(part.name);
      if (part.kind !== 'variable' && part.kind !== 'shared') continue;
      const name = part.kind === 'variable' ? part.name : `$shared ${part.name}`;
      if (seen.has(name)) continue;
      seen.add(name);
      const value = part.kind === 'variable' ? (fileVariables.get(part.name) ?? environment.get(part.name)) : shared.get(part.name);
      if (value) pending.push(value);
    }
  }
  return { activeProfile, profiles: [...profiles], processEnv: [...processEnv].sort() };
}

/** The chosen environment's variables over $shared's, as the run will see them. */
export const environmentVariables = (environments: HttpEnvironments | undefined, name: string | undefined): ReadonlyMap<string, Template> =>
  new Map([...(environments?.shared ?? []), ...((name !== undefined && environments?.byName.get(name)) || [])]);
