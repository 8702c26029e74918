import * as vscode from 'vscode';
import { SCHEMES } from '../constants.js';
import type { Services } from '../host/Services.js';
import { deltaPath, parseShadowPath, shadowPath, type ShadowAddress } from '../host/shadow/shadowUri.js';

/** Opens the read-only delta (desired vs reported) of the given shadow, or of the shadow in the active editor. */
export const showShadowDelta =
  ({ delta }: Services) =>
  async (given?: ShadowAddress | vscode.Uri): Promise<void> => {
    const path = given instanceof vscode.Uri ? given.path : given ? shadowPath(given) : vscode.window.activeTextEditor?.document.uri.path;
    const scheme = given instanceof vscode.Uri || given ? SCHEMES.shadow : vscode.window.activeTextEditor?.document.uri.scheme;
    if (!path || (scheme !== SCHEMES.shadow && scheme !== SCHEMES.shadowLatest)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a device shadow first ("IoT Devkit: Open Device Shadow").'));
      return;
    }
    const parsed = parseShadowPath(path);
    if (!parsed.ok) return;
    const uri = vscode.Uri.from({ scheme: SCHEMES.shadowDelta, path: deltaPath(parsed.address) });
    delta.refresh(parsed.address);
    await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  };
