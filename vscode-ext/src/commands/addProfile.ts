import * as vscode from 'vscode';
import { DEFAULT_REGION, profileFieldProblems } from '../host/profiles/Profile.js';
import type { Services } from '../host/Services.js';

/** Asks for name, SecretId, SecretKey (password box, straight into SecretStorage), region and endpoint. */
export const addProfile =
  ({ profiles }: Services) =>
  async (): Promise<void> => {
    const ask = (options: vscode.InputBoxOptions) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
    const name = await ask({
      title: vscode.l10n.t('Add Profile (1/5)'),
      prompt: vscode.l10n.t('Profile name'),
      value: profiles.list().profiles.length === 0 ? 'default' : '',
      validateInput: profileFieldProblems.name,
    });
    if (name === undefined) return;
    const secretId = await ask({
      title: vscode.l10n.t('Add Profile (2/5)'),
      prompt: vscode.l10n.t('SecretId'),
      validateInput: (v) => profileFieldProblems.secretId(v.trim()),
    });
    if (secretId === undefined) return;
    const secretKey = await ask({
      title: vscode.l10n.t('Add Profile (3/5)'),
      prompt: vscode.l10n.t('SecretKey (kept in VS Code SecretStorage, never in settings)'),
      password: true,
      validateInput: (v) => profileFieldProblems.secretKey(v.trim()),
    });
    if (secretKey === undefined) return;
    const region = await ask({
      title: vscode.l10n.t('Add Profile (4/5)'),
      prompt: vscode.l10n.t('Region'),
      value: DEFAULT_REGION,
      validateInput: (v) => profileFieldProblems.region(v.trim()),
    });
    if (region === undefined) return;
    const endpoint = await ask({
      title: vscode.l10n.t('Add Profile (5/5)'),
      prompt: vscode.l10n.t('Endpoint override (optional): e.g. http://127.0.0.1:9180 for the local emulator; empty for <service>.tencentcloudapi.com'),
      validateInput: (v) => profileFieldProblems.endpoint(v.trim()),
    });
    if (endpoint === undefined) return;
    await profiles.add({ name, secretId: secretId.trim(), region: region.trim(), ...(endpoint.trim() ? { endpoint: endpoint.trim() } : {}) }, secretKey.trim());
    void vscode.window.showInformationMessage(vscode.l10n.t('Profile "{0}" added and active.', name));
  };
