import * as vscode from 'vscode';
import type { Services } from '../host/Services.js';
import { pickProfile } from './pickProfile.js';

export const switchProfile =
  ({ profiles }: Services) =>
  async (): Promise<void> => {
    const profile = await pickProfile(profiles, vscode.l10n.t('Switch Profile'));
    if (profile) await profiles.setActive(profile.name);
  };
