// Everything a run of one request of a .http document needs, gathered before runHttpFile starts (its resolvers are
// synchronous): the document parsed, its environments, the SecretKeys of the profiles it signs with (bare
// `Authorization: TC3` = the active profile, `TC3 profile:NAME` = that profile, from SecretStorage) and the
// {{$processEnv}} values the host environment lacks (StoredProcessEnv). A profile's endpoint is never swapped in:
// the URL the file says is the URL sent.
import * as vscode from 'vscode';
import {
  parseHttpFile,
  readTc3AuthForm,
  selectHttpFileRequests,
  TemplateResolver,
  type Credentials,
  type CredentialsResolver,
  type HttpEnvironments,
  type HttpFile,
  type HttpFileProblem,
  type HttpFileRequest,
  type RequestChoice,
} from '@iot-devkit/core';
import { secretKeyStorageKey } from '../../constants.js';
import type { Services } from '../Services.js';
import { showEnvironmentProblems, type EnvironmentChoice } from './EnvironmentChoice.js';
import { findRequestByKey } from './requestLenses.js';
import { environmentVariables, runNeeds } from './runNeeds.js';
import type { StoredProcessEnv } from './StoredProcessEnv.js';

export interface RunSetup {
  readonly document: vscode.TextDocument;
  readonly file: HttpFile;
  readonly request: HttpFileRequest;
  readonly choice: RequestChoice;
  readonly environments?: HttpEnvironments;
  readonly environmentName?: string;
  readonly processEnv: Readonly<Record<string, string | undefined>>;
  readonly resolveCredentials: CredentialsResolver;
  /** Values typed or kept in SecretStorage for {{$processEnv}}: masked like the run's own secrets. */
  readonly storedValues: readonly string[];
}

export interface RunDeps {
  readonly services: Services;
  readonly environments: EnvironmentChoice;
  readonly storedEnv: StoredProcessEnv;
}

/** A problem of the file as "file:line:column: message", with a button that puts the cursor there. */
export async function showFileProblem(document: vscode.TextDocument, problem: HttpFileProblem): Promise<void> {
  const go = vscode.l10n.t('Go to line {0}', problem.line);
  const where = `${vscode.workspace.asRelativePath(document.uri)}:${problem.line}:${problem.column}`;
  const answer = await vscode.window.showErrorMessage(`${where}: ${problem.message}`, go);
  if (answer !== go) return;
  const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

/** Each profile a run signs with, its key read from SecretStorage now; a name that is not a profile lists those there are. */
async function loadCredentials(services: Services, needs: ReturnType<typeof runNeeds>): Promise<CredentialsResolver> {
  const { profiles } = services.profiles.list();
  const loaded = new Map<string | undefined, Credentials | string>();
  const unknown = (name: string) =>
    vscode.l10n.t(
      'profile:{0} is not an IoT Devkit profile of this VS Code; the profiles are: {1}. Add one with "IoT Devkit: Add Profile".',
      name,
      profiles.map((p) => p.name).join(', ') || vscode.l10n.t('none yet'),
    );
  if (needs.activeProfile) {
    try {
      loaded.set(undefined, (await services.profiles.credentials()).credentials);
    } catch (error) {
      loaded.set(undefined, error instanceof Error ? error.message : String(error));
    }
  }
  for (const name of needs.profiles) {
    const profile = profiles.find((p) => p.name === name);
    const secretKey = profile && (await services.context.secrets.get(secretKeyStorageKey(name)));
    if (!profile) loaded.set(name, unknown(name));
    else if (!secretKey)
      loaded.set(name, vscode.l10n.t('Profile "{0}" has no SecretKey in SecretStorage: run "IoT Devkit: Add Profile" with the same name.', name));
    else loaded.set(name, { secretId: profile.secretId, secretKey });
  }
  // A profile named through a placeholder was not known in advance: it is named, not guessed.
  return (profile) => loaded.get(profile) ?? (profile === undefined ? unknown('') : unknown(profile));
}

/** The run of the request known as `key` in `document`, or undefined once the user has been told why not. */
export async function prepareRun(deps: RunDeps, document: vscode.TextDocument, key: string): Promise<RunSetup | undefined> {
  const file = parseHttpFile(document.getText());
  const request = findRequestByKey(file, key);
  if (!request) {
    void vscode.window.showWarningMessage(vscode.l10n.t('That request has changed since its lens was drawn: use the lens above it again.'));
    return undefined;
  }
  if (file.problems.length > 0) return void showFileProblem(document, file.problems[0]!);
  const found = await deps.environments.of(document.uri);
  if (found.kind === 'problems') return void showEnvironmentProblems(found);
  const environments = found.kind === 'ok' ? found.environments : undefined;
  const environmentName = found.kind === 'ok' ? found.chosen : undefined;
  const choice: RequestChoice = request.name ?? { index: request.index };
  const selection = selectHttpFileRequests(file, choice);
  if (selection.problems.length > 0) return void showFileProblem(document, selection.problems[0]!);
  const needs = runNeeds(file, selection.requests, environments, environmentName);
  const stored = await deps.storedEnv.fill(needs.processEnv, process.env);
  if (stored === undefined) return undefined;
  return {
    document,
    file,
    request,
    choice,
    ...(environments ? { environments } : {}),
    ...(environmentName !== undefined ? { environmentName } : {}),
    processEnv: { ...process.env, ...stored },
    resolveCredentials: await loadCredentials(deps.services, needs),
    storedValues: Object.values(stored),
  };
}

/**
 * The SecretKey `request` was signed with, for Diagnose: its profile's, or the one its Authorization line names
 * through {{$processEnv}} and variables (resolved again the way the run did; no response variable can hold a key).
 */
export function secretKeyOf(setup: RunSetup, request: HttpFileRequest): string | undefined {
  const header = request.headers.find((h) => h.name.toLowerCase() === 'authorization');
  if (!header) return undefined;
  const resolver = new TemplateResolver({
    fileVariables: new Map(setup.file.variables.map((v) => [v.name, v.value])),
    environment: environmentVariables(setup.environments, setup.environmentName),
    ...(setup.environmentName !== undefined ? { environmentName: setup.environmentName } : {}),
    shared: setup.environments?.shared ?? new Map(),
    processEnv: setup.processEnv,
    responses: new Map(),
    timestamp: 0,
    random: Math.random,
    keepMissingResponses: true,
  });
  const resolved = resolver.resolve(header.value);
  const form = resolved.ok ? readTc3AuthForm(resolved.text) : undefined;
  if (!form || 'problem' in form) return undefined;
  if (form.credentials.kind === 'inline') return form.credentials.secretKey;
  const credentials = setup.resolveCredentials(form.credentials.profile);
  return typeof credentials === 'string' ? undefined : credentials.secretKey;
}
