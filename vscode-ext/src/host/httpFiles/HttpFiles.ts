// VS Code runs .http files: the CodeLenses above each request (Send, Signing Steps, Copy as curl, and Diagnose after
// a signature failure), the response, steps and diagnosis tabs, and the environment in the status bar. A lazy
// feature (dist/lazy/httpFiles.cjs): extension.ts registers shims that load it on first use. Everything is the
// core's: runHttpFile runs, buildResponseView / buildStepViews / buildDiagnosisView say what is shown.
import * as vscode from 'vscode';
import {
  buildDiagnosisView,
  buildStepViews,
  capturedFromSent,
  diagnose,
  interpretResponse,
  maskForDisplay,
  parseHttpFile,
  runHttpFile,
  toCurl,
  type HttpFileRun,
  type HttpRequest,
  type OutgoingRequest,
  type StepLanguage,
  type Tc3Signature,
} from '@iot-devkit/core';
import { COMMANDS } from '../../constants.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import type { Services } from '../Services.js';
import { EnvironmentChoice } from './EnvironmentChoice.js';
import { httpFileTransport } from './httpFileTransport.js';
import { HttpViews, httpViewUri } from './HttpViews.js';
import { prepareRun, secretKeyOf, showFileProblem, type RunSetup } from './prepareRun.js';
import { httpLenses, requestKeyOf, requestLabel, type HttpLensAction } from './requestLenses.js';
import { maskSecrets, responseText, type Translate } from './responseText.js';
import { diagnosisText, signingStepsText } from './stepsText.js';
import { StoredProcessEnv } from './StoredProcessEnv.js';

/** The last send of a request this session: what the Diagnose lens diagnoses. Host memory only. */
interface SentRequest {
  readonly outgoing: OutgoingRequest;
  readonly signing?: Tc3Signature;
  readonly errorCode?: string;
  readonly secretKey?: string;
}

/** Diagnose is offered after the error a re-signing can explain (seed 001 公共错误码: 签名错误). */
const DIAGNOSED_ERROR = 'AuthFailure.SignatureFailure';

const LENS_COMMANDS: Readonly<Record<HttpLensAction, string>> = {
  send: COMMANDS.httpSend,
  signingSteps: COMMANDS.httpSigningSteps,
  copyAsCurl: COMMANDS.httpCopyAsCurl,
  diagnose: COMMANDS.httpDiagnose,
};

export interface HttpFilesHooks {
  /** Fired when a request's last outcome changes: the Diagnose lens comes or goes. */
  readonly lensesChanged: vscode.EventEmitter<void>;
  readonly viewChanged: vscode.EventEmitter<vscode.Uri>;
}

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export class HttpFiles implements vscode.Disposable {
  readonly views: HttpViews;
  private readonly environments: EnvironmentChoice;
  private readonly storedEnv: StoredProcessEnv;
  /** By document URI and request key (its name, else its text): never by index, which moves with edits above it. */
  private readonly sent = new Map<string, SentRequest>();

  constructor(
    private readonly services: Services,
    private readonly hooks: HttpFilesHooks,
  ) {
    this.views = new HttpViews(hooks.viewChanged);
    this.environments = new EnvironmentChoice(services.context.workspaceState);
    this.storedEnv = new StoredProcessEnv(services.context.secrets, services.context.globalState);
  }

  private get language(): StepLanguage {
    return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  }

  private lensTitle(action: HttpLensAction): string {
    switch (action) {
      case 'send':
        return `$(play) ${vscode.l10n.t('Send')}`;
      case 'signingSteps':
        return vscode.l10n.t('Signing Steps');
      case 'copyAsCurl':
        return vscode.l10n.t('Copy as curl');
      case 'diagnose':
        return `$(debug) ${vscode.l10n.t('Diagnose')}`;
    }
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = parseHttpFile(document.getText());
    const at = document.uri.toString();
    return httpLenses(file, (key) => this.sent.get(`${at}\n${key}`)?.errorCode === DIAGNOSED_ERROR).map(
      (lens) =>
        new vscode.CodeLens(new vscode.Range(lens.line, 0, lens.line, 0), {
          title: this.lensTitle(lens.action),
          command: LENS_COMMANDS[lens.action],
          arguments: [at, lens.key],
        }),
    );
  }

  private async setup(uri: unknown, key: unknown): Promise<RunSetup | undefined> {
    if (typeof uri !== 'string' || typeof key !== 'string') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Use the lenses above a request of a .http file.'));
      return undefined;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
    return prepareRun({ services: this.services, environments: this.environments, storedEnv: this.storedEnv }, document, key);
  }

  private start(setup: RunSetup, dryRun: boolean): HttpFileRun {
    return runHttpFile(setup.file, {
      name: setup.choice,
      ...(setup.environments ? { environments: setup.environments } : {}),
      ...(setup.environmentName !== undefined ? { environmentName: setup.environmentName } : {}),
      processEnv: setup.processEnv,
      resolveCredentials: setup.resolveCredentials,
      transport: httpFileTransport,
      now: () => Math.floor(Date.now() / 1000),
      clock: () => performance.now(),
      random: Math.random,
      crypto: nodeHashProvider,
      surface: 'vscodeHttpFile',
      dryRun,
    });
  }

  /** Send: the request and the named requests it uses, in order, with progress; the last response opens beside the file. */
  async send(uri: unknown, key: unknown): Promise<void> {
    const setup = await this.setup(uri, key);
    if (!setup) return;
    const run = this.start(setup, false);
    const secrets = () => [...run.secrets, ...setup.storedValues];
    const label = requestLabel(setup.request);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending {0}', label) }, async (progress) => {
      let shown: Parameters<typeof responseText>[0]['event'] | undefined;
      for await (const event of run.events) {
        // Messages are not awaited: a notification left open must not hold the rest of the run.
        if (event.kind === 'problems') void showFileProblem(setup.document, event.problems[0]!);
        else if (event.kind === 'problem') void showFileProblem(setup.document, event.problem);
        else if (event.kind === 'skipped')
          void vscode.window.showWarningMessage(vscode.l10n.t('{0} was not sent: {1}', requestLabel(event.request), event.because));
        else if (event.kind === 'unreachable')
          void vscode.window.showErrorMessage(maskSecrets(vscode.l10n.t('Could not reach {0}: {1}', event.prepared.outgoing.url, event.message), secrets()));
        else if (event.kind === 'response') {
          progress.report({ message: `${requestLabel(event.request)}: HTTP ${event.response.status}` });
          const reading = interpretResponse(event.response.body);
          const secretKey = secretKeyOf(setup, event.request);
          this.sent.set(`${setup.document.uri.toString()}\n${requestKeyOf(event.request)}`, {
            outgoing: event.prepared.outgoing,
            ...(event.prepared.signing ? { signing: event.prepared.signing } : {}),
            ...(reading.status === 'error' ? { errorCode: reading.code } : {}),
            ...(secretKey !== undefined ? { secretKey } : {}),
          });
          shown = event;
        }
      }
      this.hooks.lensesChanged.fire();
      if (!shown) return;
      const text = responseText({
        event: shown,
        secrets: secrets(),
        language: this.language,
        ...(setup.environmentName !== undefined ? { environment: setup.environmentName } : {}),
        t,
      });
      await this.views.show(httpViewUri(setup.document.uri, requestLabel(shown.request), 'response'), text);
    });
  }

  /** The request signed now without sending it (placeholders of responses not yet in are left as written). */
  private async prepared(setup: RunSetup): Promise<{ outgoing: OutgoingRequest; signing?: Tc3Signature; secrets: string[] } | undefined> {
    const run = this.start(setup, true);
    let found: { outgoing: OutgoingRequest; signing?: Tc3Signature } | undefined;
    for await (const event of run.events) {
      if (event.kind === 'problems') return void showFileProblem(setup.document, event.problems[0]!);
      if (event.kind === 'problem') return void showFileProblem(setup.document, event.problem);
      if (event.kind === 'prepared' && event.request.index === setup.request.index)
        found = { outgoing: event.prepared.outgoing, ...(event.prepared.signing ? { signing: event.prepared.signing } : {}) };
    }
    return found && { ...found, secrets: [...run.secrets, ...setup.storedValues] };
  }

  /** Signing Steps: of the request as last sent this session (what the server checked), else as it would be signed now. */
  async signingSteps(uri: unknown, key: unknown): Promise<void> {
    const setup = await this.setup(uri, key);
    if (!setup) return;
    const last = this.sent.get(`${setup.document.uri.toString()}\n${requestKeyOf(setup.request)}`);
    const signing = last?.signing ?? (await this.prepared(setup))?.signing;
    const label = requestLabel(setup.request);
    if (!signing) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no "Authorization: TC3" line: the toolkit signs nothing in it.', label));
      return;
    }
    const heading = last?.signing
      ? vscode.l10n.t('Signing steps of {0}, as last sent', label)
      : vscode.l10n.t('Signing steps of {0}, signed now (not sent)', label);
    const text = signingStepsText(heading, buildStepViews(signing.steps, this.language), t);
    await this.views.show(httpViewUri(setup.document.uri, label, 'signingSteps'), maskSecrets(text, last?.secretKey ? [last.secretKey] : []));
  }

  /** Copy as curl: the request signed now, as `iot-devkit request --format curl` prints it; the message masks the signature. */
  async copyAsCurl(uri: unknown, key: unknown): Promise<void> {
    const setup = await this.setup(uri, key);
    if (!setup) return;
    const prepared = await this.prepared(setup);
    if (!prepared) return;
    // The curl sends the request byte for byte, so it keeps its signature (a credential for this request for five
    // minutes, seed 001 签名方法 v3) and nothing else secret: a SecretKey is never part of a request.
    await vscode.env.clipboard.writeText(toCurl(prepared.outgoing as HttpRequest));
    const authorization = Object.entries(prepared.outgoing.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    vscode.window.setStatusBarMessage(
      authorization
        ? vscode.l10n.t('Copied {0} as curl, signed ({1}), valid for 5 minutes', requestLabel(setup.request), maskForDisplay(authorization))
        : vscode.l10n.t('Copied {0} as curl', requestLabel(setup.request)),
      8000,
    );
  }

  /** Diagnose: the core's diagnosis of the request exactly as last sent, with the key it was signed with. */
  async diagnose(uri: unknown, key: unknown): Promise<void> {
    const setup = await this.setup(uri, key);
    if (!setup) return;
    const last = this.sent.get(`${setup.document.uri.toString()}\n${requestKeyOf(setup.request)}`);
    const label = requestLabel(setup.request);
    if (!last?.signing || !last.secretKey) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Send {0} first: Diagnose explains the request exactly as it was sent.', label));
      return;
    }
    const service = last.signing.credentialScope.split('/')[1];
    const sentAt = Number(Object.entries(last.outgoing.headers).find(([name]) => name.toLowerCase() === 'x-tc-timestamp')?.[1]);
    const diagnosis = diagnose(
      {
        request: capturedFromSent(last.outgoing),
        secretKey: last.secretKey,
        ...(last.errorCode ? { errorCode: last.errorCode } : {}),
        ...(service ? { service } : {}),
        ...(Number.isFinite(sentAt) ? { sentAt } : {}),
      },
      { crypto: nodeHashProvider },
    );
    const text = diagnosisText(vscode.l10n.t('Diagnosis of {0}, as last sent', label), buildDiagnosisView(diagnosis, this.language), t);
    await this.views.show(httpViewUri(setup.document.uri, label, 'diagnosis'), maskSecrets(text, [last.secretKey]));
  }

  selectEnvironment(): Promise<void> {
    return this.environments.pick();
  }

  async forgetStoredEnvironmentValues(): Promise<void> {
    const count = await this.storedEnv.forget();
    void vscode.window.showInformationMessage(vscode.l10n.t('Forgot {0} stored environment value(s); a .http file that needs one asks again.', count));
  }

  dispose(): void {
    this.environments.dispose();
  }
}
