import * as vscode from 'vscode';
import type { Services } from '../host/Services.js';
import { pickProfile } from './pickProfile.js';

/** Removes the profile from settings and its SecretKey from SecretStorage, after a modal confirmation. */
export const deleteProfile =
  ({ profiles }: Services) =>
  async (): Promise<void> => {
    const profile = await pickProfile(profiles, vscode.l10n.t('Delete Profile'));
    if (!profile) return;
    const confirm = vscode.l10n.t('Delete');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete profile "{0}" and its SecretKey?', profile.name), { modal: true }, confirm);
    if (answer === confirm) await profiles.remove(profile.name);
  };
