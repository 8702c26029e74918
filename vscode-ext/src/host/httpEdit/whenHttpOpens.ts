import * as vscode from 'vscode';

/**
 * Runs `start` once, when the first `http` document is open (now or later), so the .http editing bundle loads only
 * for users who open one (the extension activates onLanguage:http, and on other events too).
 */
export function whenHttpOpens(start: () => vscode.Disposable): vscode.Disposable {
  let started: vscode.Disposable | undefined;
  const begin = () => {
    started ??= start();
  };
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'http')) begin();
  const listener = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.languageId !== 'http') return;
    begin();
    listener.dispose();
  });
  return { dispose: () => (listener.dispose(), started?.dispose()) };
}
