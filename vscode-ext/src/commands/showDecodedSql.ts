import * as vscode from 'vscode';
import type { Services } from '../host/Services.js';

/** The CodeLens target: the whole decoded SQL in an untitled SQL editor, where long statements are readable. */
export const showDecodedSql =
  (_services: Services) =>
  async (sql?: string): Promise<void> => {
    if (typeof sql !== 'string') return;
    const document = await vscode.workspace.openTextDocument({ language: 'sql', content: sql });
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  };
