import type { HintSurface } from '../errors/hintOnSurface.js';
// Runs a parsed `.http` file: picks the requests (selectHttpFileRequests), checks every one of them before the
// first is sent (a file error found after three requests went out would leave a half-done run), then sends them
// in order, feeding each named response to the requests below it. The host gives the transport, clocks and where
// profiles' credentials come from; the events say what happened, for the CLI to print and an editor to show.
import type { HashProvider } from '../crypto/HashProvider.js';
import { interpretResponse } from '../errors/interpretResponse.js';
import type { HttpResponse } from '../request/Transport.js';
import { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import { explainResponse, type ResponseExplanation } from '../views/explainResponse.js';
import type { HttpFile, HttpFileProblem, HttpFileRequest, Template } from './HttpFile.js';
import type { HttpEnvironments } from './parseEnvironments.js';
import { prepareHttpFileRequest, type CredentialsResolver, type OutgoingRequest, type PreparedRequest } from './prepareHttpFileRequest.js';
import { TemplateResolver, type TemplateScope } from './resolveTemplate.js';
import { selectHttpFileRequests, type RequestChoice } from './selectHttpFileRequests.js';

export type HttpFileTransport = (request: OutgoingRequest) => Promise<HttpResponse>;

export interface HttpFileRunOptions {
  /** Run only this request (by `# @name`, or by index) and the named requests whose responses it uses. */
  readonly name?: RequestChoice;
  readonly environments?: HttpEnvironments;
  readonly environmentName?: string;
  readonly processEnv: Readonly<Record<string, string | undefined>>;
  readonly resolveCredentials: CredentialsResolver;
  readonly transport: HttpFileTransport;
  /** Unix seconds (X-TC-Timestamp, {{$timestamp}}). */
  readonly now: () => number;
  /** Milliseconds from any origin, for the time each request took. */
  readonly clock: () => number;
  readonly random: () => number;
  readonly crypto?: HashProvider;
  /** Prepare and sign every request, send none. */
  readonly dryRun?: boolean;
  /** Where the explanation is read, so its fix hints name that surface's Diagnose (default: the CLI). */
  readonly surface?: HintSurface;
}

export type RequestOutcome = 'ok' | 'apiError' | 'httpError';

export type HttpFileRunEvent =
  /** The file cannot be run as it is; nothing was sent. */
  | { readonly kind: 'problems'; readonly problems: readonly HttpFileProblem[] }
  | { readonly kind: 'prepared'; readonly request: HttpFileRequest; readonly prepared: PreparedRequest }
  | {
      readonly kind: 'response';
      readonly request: HttpFileRequest;
      readonly prepared: PreparedRequest;
      readonly response: HttpResponse;
      readonly ms: number;
      readonly outcome: RequestOutcome;
      readonly explanation: ResponseExplanation;
    }
  | { readonly kind: 'unreachable'; readonly request: HttpFileRequest; readonly prepared: PreparedRequest; readonly message: string }
  /** A request that could not be made once the responses above it were in (a JSON path they do not have). */
  | { readonly kind: 'problem'; readonly request: HttpFileRequest; readonly problem: HttpFileProblem }
  | { readonly kind: 'skipped'; readonly request: HttpFileRequest; readonly because: string };

/** A run in progress: its events, and every secret met so far, which a host masks in whatever it prints. */
export interface HttpFileRun {
  readonly events: AsyncGenerator<HttpFileRunEvent>;
  readonly secrets: ReadonlySet<string>;
}

function outcomeOf(response: HttpResponse): RequestOutcome {
  if (interpretResponse(response.body).status === 'error') return 'apiError';
  return response.status >= 400 ? 'httpError' : 'ok';
}

export function runHttpFile(file: HttpFile, options: HttpFileRunOptions): HttpFileRun {
  const secrets = new Set<string>();
  return { secrets, events: events(file, options, secrets) };
}

async function* events(file: HttpFile, options: HttpFileRunOptions, secrets: Set<string>): AsyncGenerator<HttpFileRunEvent> {
  if (file.problems.length > 0) {
    yield { kind: 'problems', problems: file.problems };
    return;
  }
  const { environments, environmentName } = options;
  if (environmentName !== undefined && !environments?.byName.has(environmentName)) {
    const known = environments?.names ?? [];
    yield {
      kind: 'problems',
      problems: [
        {
          line: 1,
          column: 1,
          message: `--env ${environmentName}: ${environments ? `no such environment; the environments file has ${known.length ? known.join(', ') : 'only $shared'}` : 'no environments file (iot-devkit.environments.json) was found beside the file'}`,
        },
      ],
    };
    return;
  }
  const selection = selectHttpFileRequests(file, options.name);
  if (selection.problems.length > 0) {
    yield { kind: 'problems', problems: selection.problems };
    return;
  }
  const environment = new Map<string, Template>([...(environments?.shared ?? []), ...(environmentName ? environments!.byName.get(environmentName)! : [])]);
  const responses = new Map<string, HttpResponse>();
  const keyCache = new SigningKeyCache();
  const prepare = (request: HttpFileRequest, keepMissingResponses: boolean) => {
    const scope: TemplateScope = {
      fileVariables: new Map(file.variables.map((v) => [v.name, v.value])),
      environment,
      ...(environmentName ? { environmentName } : {}),
      shared: environments?.shared ?? new Map(),
      processEnv: options.processEnv,
      responses,
      timestamp: options.now(),
      random: options.random,
      keepMissingResponses,
    };
    const resolver = new TemplateResolver(scope);
    const preparation = prepareHttpFileRequest(request, resolver, {
      resolveCredentials: options.resolveCredentials,
      timestamp: scope.timestamp,
      ...(options.crypto ? { crypto: options.crypto } : {}),
      keyCache,
    });
    for (const secret of resolver.secrets) secrets.add(secret);
    return { preparation, keptResponses: resolver.keptResponses };
  };

  // Every request checked with its response variables left as written: what can be known before sending is.
  // A URL built from a response cannot be read before that response is in: its problem waits for the real run.
  const problems = selection.requests.flatMap((request) => {
    const { preparation, keptResponses } = prepare(request, true);
    if (preparation.ok) return [];
    const urlProblem = preparation.problem.line === request.url.position.line && preparation.problem.column === request.url.position.column;
    return keptResponses > 0 && urlProblem ? [] : [preparation.problem];
  });
  if (problems.length > 0) {
    yield { kind: 'problems', problems };
    return;
  }

  // A request whose source failed is not sent (it would fail on a missing path); a skipped one counts as failed.
  const failed = new Set<number>();
  for (const request of selection.requests) {
    const blocked = selection.uses.get(request.index)?.find((used) => failed.has(used.index));
    if (blocked) {
      failed.add(request.index);
      yield { kind: 'skipped', request, because: `it uses the response of ${blocked.name}, which failed` };
      continue;
    }
    const { preparation } = prepare(request, options.dryRun === true);
    if (!preparation.ok) {
      failed.add(request.index);
      yield { kind: 'problem', request, problem: preparation.problem };
      continue;
    }
    const prepared = preparation.prepared;
    if (options.dryRun) {
      yield { kind: 'prepared', request, prepared };
      continue;
    }
    const start = options.clock();
    let response: HttpResponse;
    try {
      response = await options.transport(prepared.outgoing);
    } catch (error) {
      failed.add(request.index);
      yield { kind: 'unreachable', request, prepared, message: error instanceof Error ? error.message : String(error) };
      continue;
    }
    const ms = options.clock() - start;
    const outcome = outcomeOf(response);
    if (outcome !== 'ok') failed.add(request.index);
    else if (request.name !== undefined) responses.set(request.name, response);
    yield { kind: 'response', request, prepared, response, ms, outcome, explanation: explainResponse(response.body, options.surface ?? 'cli') };
  }
}
