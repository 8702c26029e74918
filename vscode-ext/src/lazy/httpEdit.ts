// Editing .http files (issue 16), loaded with the first `http` document: the catalog's completion (actions in
// X-TC-Action, parameters in the body) and diagnostics, "Save as .http" from Build & send and history, and the
// example collection for the emulator. The core's catalog is this bundle's own copy (src/lazy/README.md).
import * as vscode from 'vscode';
import { HttpCompletionProvider } from '../host/httpEdit/httpCompletions.js';
import { httpDiagnostics } from '../host/httpEdit/httpDiagnostics.js';

export { openExampleCollection } from '../host/httpEdit/openExampleCollection.js';
export { saveAsHttp, saveAsHttpFrom } from '../host/httpEdit/saveAsHttp.js';

/** Completion and diagnostics for every `http` document, from now on. */
export function startHttpEditing(zh: boolean): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider({ language: 'http' }, new HttpCompletionProvider(zh), '"', ':'),
    httpDiagnostics(),
  );
}
