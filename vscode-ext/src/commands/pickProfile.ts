import * as vscode from 'vscode';
import type { Profile } from '../host/profiles/Profile.js';
import type { ProfileStore } from '../host/profiles/ProfileStore.js';

/** A quick pick of the configured profiles; the SecretKey is not shown (the sidebar shows it masked). */
export async function pickProfile(profiles: ProfileStore, title: string): Promise<Profile | undefined> {
  const { profiles: list, problems } = profiles.list();
  if (problems.length > 0) void vscode.window.showWarningMessage(problems.join('\n'));
  if (list.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No profile yet: run "IoT Devkit: Add Profile".'));
    return undefined;
  }
  const active = profiles.active()?.name;
  const picked = await vscode.window.showQuickPick(
    list.map((profile) => ({
      label: profile.name,
      description: `${profile.secretId} · ${profile.region}${profile.endpoint ? ` · ${profile.endpoint}` : ''}`,
      detail: profile.name === active ? vscode.l10n.t('active') : undefined,
      profile,
    })),
    { title },
  );
  return picked?.profile;
}
