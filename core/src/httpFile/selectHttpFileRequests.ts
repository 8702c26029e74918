// Which requests a run sends, in file order: all of them, or one by name and the named requests whose responses it
// uses (through its own placeholders or the file variables they name), so `--name update` also sends `shadow`.
// A response variable must name a request above the one that uses it: that is the order they are sent in.
import { suggestNearest } from '../catalog/suggestNearest.js';
import type { HttpFile, HttpFileProblem, HttpFileRequest, Placeholder, ResponsePlaceholder, Template } from './HttpFile.js';

export interface RequestSelection {
  /** The requests to send, in file order; empty when there are problems. */
  readonly requests: readonly HttpFileRequest[];
  readonly problems: readonly HttpFileProblem[];
  /** For each request (by index), the requests whose responses it uses directly. */
  readonly uses: ReadonlyMap<number, readonly HttpFileRequest[]>;
}

const placeholdersOf = (template: Template | undefined): Placeholder[] =>
  template ? template.parts.filter((part): part is Placeholder => typeof part !== 'string') : [];

export function requestTemplates(request: HttpFileRequest): Template[] {
  return [request.url, ...request.headers.map((h) => h.value), ...(request.body ? [request.body] : [])];
}

/** Every response variable a request uses, directly or through file variables (each variable walked once). */
function responseReferences(request: HttpFileRequest, fileVariables: ReadonlyMap<string, Template>): ResponsePlaceholder[] {
  const found: ResponsePlaceholder[] = [];
  const seen = new Set<string>();
  const pending = requestTemplates(request);
  for (let template = pending.pop(); template !== undefined; template = pending.pop()) {
    for (const p of placeholdersOf(template)) {
      if (p.kind === 'responseBody' || p.kind === 'responseHeader') found.push(p);
      else if (p.kind === 'variable' && !seen.has(p.name)) {
        seen.add(p.name);
        const variable = fileVariables.get(p.name);
        if (variable) pending.push(variable);
      }
    }
  }
  return found;
}

/** A request to run with its dependencies: by `# @name` (the CLI's --name) or by index (an editor's CodeLens on an unnamed one). */
export type RequestChoice = string | { readonly index: number };

export function selectHttpFileRequests(file: HttpFile, choice?: RequestChoice): RequestSelection {
  const problems: HttpFileProblem[] = [];
  const byName = new Map(file.requests.flatMap((r) => (r.name !== undefined ? [[r.name, r] as const] : [])));
  const fileVariables = new Map(file.variables.map((v) => [v.name, v.value]));
  const uses = new Map<number, HttpFileRequest[]>();
  const reported = new Set<string>();
  for (const request of file.requests) {
    const used: HttpFileRequest[] = [];
    for (const p of responseReferences(request, fileVariables)) {
      const target = byName.get(p.request);
      const key = `${p.line}:${p.column}`;
      const report = (message: string) => {
        if (!reported.has(key)) problems.push({ line: p.line, column: p.column, message });
        reported.add(key);
      };
      const targetName = p.request;
      if (target === undefined) {
        const near = suggestNearest(targetName, [...byName.keys()], 2);
        report(
          `${p.text}: no request is named ${targetName} (with "# @name ${targetName}")${near.length ? `; did you mean ${near.join(', ')}?` : byName.size ? `; named requests: ${[...byName.keys()].join(', ')}` : ''}`,
        );
      } else if (target.index === request.index) report(`${p.text}: request ${targetName} cannot use its own response`);
      else if (target.index > request.index)
        report(
          `${p.text}: request ${targetName} (line ${target.position.line}) comes after the request at line ${request.position.line}; requests are sent top to bottom`,
        );
      else used.push(target);
    }
    uses.set(request.index, used);
  }
  if (choice === undefined) return { requests: problems.length ? [] : file.requests, problems, uses };
  const chosen = typeof choice === 'string' ? byName.get(choice) : file.requests[choice.index];
  if (chosen === undefined && typeof choice !== 'string') {
    problems.push({ line: 1, column: 1, message: `request ${choice.index + 1}: the file has ${file.requests.length} request(s)` });
    return { requests: [], problems, uses };
  }
  if (chosen === undefined) {
    const name = choice as string;
    const near = suggestNearest(name, [...byName.keys()], 3);
    problems.push({
      line: 1,
      column: 1,
      message: `--name ${name}: no request is named ${name}${near.length ? `; did you mean ${near.join(', ')}?` : byName.size ? `; named requests: ${[...byName.keys()].join(', ')}` : '; the file names no request (# @name NAME)'}`,
    });
    return { requests: [], problems, uses };
  }
  // Dependencies are always above their user, so one walk upwards collects the closure.
  const needed = new Set<number>([chosen.index]);
  for (let i = chosen.index; i >= 0; i--) if (needed.has(i)) for (const dependency of uses.get(i) ?? []) needed.add(dependency.index);
  return { requests: problems.length ? [] : file.requests.filter((r) => needed.has(r.index)), problems, uses };
}
