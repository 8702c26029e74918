import * as vscode from 'vscode';
import { checkHttpDocument } from './checkHttpDocument.js';

/** Long enough to wait for a pause in typing, short enough to feel immediate. */
const DEBOUNCE_MS = 300;

const isHttp = (document: vscode.TextDocument) => document.languageId === 'http';

/**
 * The catalog's problems with each open `.http` document as squiggles (and in the Problems view), updated when a
 * document opens and, debounced, as it changes; dropped when it closes.
 */
export function httpDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('iot-devkit-http');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // A check started for an older version of the text must not overwrite a newer one's result.
  const versions = new Map<string, number>();

  const update = async (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    versions.set(key, document.version);
    const problems = await checkHttpDocument(document.getText());
    if (versions.get(key) !== document.version || document.isClosed) return;
    collection.set(
      document.uri,
      problems.map((p) => {
        const range = new vscode.Range(p.start.line - 1, p.start.column - 1, p.end.line - 1, p.end.column - 1);
        const diagnostic = new vscode.Diagnostic(
          range,
          p.message,
          p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'IoT Devkit';
        diagnostic.code = p.code;
        return diagnostic;
      }),
    );
  };
  const schedule = (document: vscode.TextDocument) => {
    if (!isHttp(document)) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void update(document);
      }, DEBOUNCE_MS),
    );
  };
  for (const document of vscode.workspace.textDocuments) if (isHttp(document)) void update(document);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument((document) => isHttp(document) && void update(document)),
    vscode.workspace.onDidChangeTextDocument((event) => schedule(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      versions.delete(key);
      collection.delete(document.uri);
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
}
