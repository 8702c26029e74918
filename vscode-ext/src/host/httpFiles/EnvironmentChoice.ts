// The environment a .http file runs in: found by the core's one rule (findEnvironments, beside the file or above
// it), shown in the status bar while a .http editor is active, chosen with a QuickPick and kept per workspace
// (workspaceState: a choice of this checkout, not a setting to commit). Until one is chosen, the file's first
// environment is used, and the status bar says which.
import * as vscode from 'vscode';
import { findEnvironments, type FoundEnvironments, type HttpEnvironments } from '@iot-devkit/core';
import { COMMANDS } from '../../constants.js';
import { locateEnvironmentProblems } from './environmentProblemLines.js';

const CHOICES_KEY = 'iotDevkit.httpEnvironments';
/** What is stored for "No environment": a choice too, unlike nothing stored. */
const NONE = '';

export type EnvironmentsOfFile =
  | { readonly kind: 'none' }
  | { readonly kind: 'problems'; readonly uri: vscode.Uri; readonly problems: readonly { readonly line: number; readonly message: string }[] }
  | { readonly kind: 'ok'; readonly uri: vscode.Uri; readonly environments: HttpEnvironments; readonly chosen: string | undefined };

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')) return undefined;
    throw error;
  }
}

export class EnvironmentChoice implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iotDevkit.httpEnvironment', vscode.StatusBarAlignment.Left, 90);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly state: vscode.Memento) {
    this.item.name = vscode.l10n.t('IoT Devkit: .http environment');
    this.item.command = COMMANDS.selectHttpEnvironment;
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.refresh(editor)),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.fileName.endsWith('iot-devkit.environments.json')) void this.refresh(vscode.window.activeTextEditor);
      }),
    ];
    void this.refresh(vscode.window.activeTextEditor);
  }

  /** The environments of `document` and the one chosen; a file that is wrong comes with each problem's line. */
  async of(document: vscode.Uri): Promise<EnvironmentsOfFile> {
    if (document.scheme === 'untitled') return { kind: 'none' };
    const found: FoundEnvironments | undefined = await findEnvironments(document.path, (path) => readText(document.with({ path })));
    if (found === undefined) return { kind: 'none' };
    const uri = document.with({ path: found.path });
    if (!found.ok) {
      const text = (await readText(uri)) ?? '';
      return { kind: 'problems', uri, problems: locateEnvironmentProblems(text, found.path, found.problems) };
    }
    const stored = this.choices()[uri.toString()];
    const chosen = stored === NONE ? undefined : stored !== undefined && found.environments.names.includes(stored) ? stored : found.environments.names[0];
    return { kind: 'ok', uri, environments: found.environments, chosen };
  }

  private choices(): Record<string, string> {
    const value = this.state.get<unknown>(CHOICES_KEY);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  }

  async refresh(editor: vscode.TextEditor | undefined): Promise<void> {
    if (editor?.document.languageId !== 'http') {
      this.item.hide();
      return;
    }
    const found = await this.of(editor.document.uri).catch(() => ({ kind: 'none' }) as const);
    if (found.kind === 'problems') {
      this.item.text = `$(warning) ${vscode.l10n.t('Environments file has problems')}`;
      this.item.tooltip = found.problems.map((p) => `${vscode.workspace.asRelativePath(found.uri)}:${p.line}: ${p.message}`).join('\n');
    } else {
      this.item.text = `$(server-environment) ${found.kind === 'ok' && found.chosen !== undefined ? found.chosen : vscode.l10n.t('No environment')}`;
      this.item.tooltip =
        found.kind === 'ok'
          ? vscode.l10n.t('Environment of the .http file, from {0}: click to choose another', vscode.workspace.asRelativePath(found.uri))
          : vscode.l10n.t('No iot-devkit.environments.json beside this file or above it (see the README, "Requests as files")');
    }
    this.item.show();
  }

  /** The status bar's QuickPick: the environments found for the active file, and "No environment". */
  async pick(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'http') return;
    const found = await this.of(editor.document.uri);
    if (found.kind === 'problems') return void showEnvironmentProblems(found);
    if (found.kind === 'none') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No environments for this file: add .vscode/iot-devkit.environments.json or iot-devkit.environments.json beside it or in a folder above it.',
        ),
      );
      return;
    }
    const none = vscode.l10n.t('No environment');
    const items = [...found.environments.names, none].map((label) => ({ label, picked: label === (found.chosen ?? none) }));
    const choice = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Environment for .http files ({0})', vscode.workspace.asRelativePath(found.uri)),
      placeHolder: found.chosen ?? none,
    });
    if (!choice) return;
    await this.state.update(CHOICES_KEY, { ...this.choices(), [found.uri.toString()]: choice.label === none ? NONE : choice.label });
    await this.refresh(editor);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Each problem as file:line, with a button that opens the file at the first one. */
export async function showEnvironmentProblems(found: Extract<EnvironmentsOfFile, { kind: 'problems' }>): Promise<void> {
  const where = vscode.workspace.asRelativePath(found.uri);
  const open = vscode.l10n.t('Open {0}', where);
  const lines = found.problems.map((p) => `${where}:${p.line}: ${p.message}`);
  const answer = await vscode.window.showErrorMessage(vscode.l10n.t('The environments file cannot be used: {0}', lines.join('; ')), open);
  if (answer !== open) return;
  const line = Math.max(0, (found.problems[0]?.line ?? 1) - 1);
  await vscode.window.showTextDocument(found.uri, { selection: new vscode.Range(line, 0, line, 0) });
}
