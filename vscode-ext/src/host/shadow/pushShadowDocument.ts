import * as vscode from 'vscode';
import { SCHEMES } from '../../constants.js';
import { shadowUriOf } from './ShadowConflicts.js';
import type { PushResult, ShadowFileSystem } from './ShadowFileSystem.js';

/** The shadow a command acts on: the one it was given (from a lens, a title button, a notification) or the active one. */
export function targetShadow(given?: vscode.Uri): vscode.Uri | undefined {
  const uri = given instanceof vscode.Uri ? given : vscode.window.activeTextEditor?.document.uri;
  if (!uri || ![SCHEMES.shadow, SCHEMES.shadowLatest, SCHEMES.shadowYours].includes(uri.scheme as never)) return undefined;
  return shadowUriOf(uri);
}

/**
 * Pushes the shadow editor's text as the user's explicit save would: a dirty editor is saved with the reason noted
 * as manual (the write then pushes, and the editor ends clean); a clean one holds a draft, which is pushed directly,
 * and the editor reloads the cloud's copy afterwards.
 */
export async function pushShadowDocument(shadowFs: ShadowFileSystem, uri: vscode.Uri): Promise<PushResult | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) {
    shadowFs.noteSaveReason(uri, 'manual');
    await document.save();
    return undefined;
  }
  const result = await shadowFs.push(uri, document.getText());
  if (result !== 'kept') shadowFs.touch(uri);
  return result;
}
