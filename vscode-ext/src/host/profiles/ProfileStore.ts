import * as vscode from 'vscode';
import { maskSecret, type Credentials, type SigningKeyCache } from '@iot-devkit/core';
import { CONFIG_SECTION, secretKeyStorageKey, SETTINGS } from '../../constants.js';
import type { ProfileView } from '../../protocol.js';
import { pickActiveProfile, readProfiles, type Profile } from './Profile.js';

/** Thrown when an action needs credentials and none are configured; its message says what to run. */
export class NoCredentialsError extends Error {}

/**
 * Profiles live in user settings (name, SecretId, region, endpoint); each SecretKey only in SecretStorage.
 * Every reader goes through here, so no other module touches either store.
 */
export class ProfileStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** Derived keys outlive nothing: a key that leaves SecretStorage leaves this cache too (issue 12). */
    private readonly keyCache: SigningKeyCache,
  ) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CONFIG_SECTION)) this.changed.fire();
      }),
      secrets.onDidChange(() => this.changed.fire()),
    ];
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(CONFIG_SECTION);
  }

  list(): { profiles: Profile[]; problems: string[] } {
    return readProfiles(this.config.get(SETTINGS.profiles));
  }

  active(): Profile | undefined {
    return pickActiveProfile(this.list().profiles, this.config.get(SETTINGS.activeProfile));
  }

  async view(): Promise<ProfileView | undefined> {
    const profile = this.active();
    if (profile === undefined) return undefined;
    const key = await this.secrets.get(secretKeyStorageKey(profile.name));
    return { ...profile, secretKeyMasked: key ? maskSecret(key) : '' };
  }

  /** The active profile with its SecretKey, for signing only; callers never log or post the key. */
  async credentials(): Promise<{ profile: Profile; credentials: Credentials }> {
    const profile = this.active();
    if (profile === undefined) throw new NoCredentialsError(vscode.l10n.t('No profile yet: run "IoT Devkit: Add Profile" to add SecretId and SecretKey.'));
    const secretKey = await this.secrets.get(secretKeyStorageKey(profile.name));
    if (!secretKey)
      throw new NoCredentialsError(
        vscode.l10n.t('Profile "{0}" has no SecretKey in SecretStorage: run "IoT Devkit: Add Profile" with the same name.', profile.name),
      );
    return { profile, credentials: { secretId: profile.secretId, secretKey } };
  }

  async add(profile: Profile, secretKey: string): Promise<void> {
    const replaced = await this.secrets.get(secretKeyStorageKey(profile.name));
    // The key first: a profile visible in settings always has its key ready.
    await this.secrets.store(secretKeyStorageKey(profile.name), secretKey);
    if (replaced && replaced !== secretKey) this.keyCache.forget(replaced);
    const others = this.list().profiles.filter((p) => p.name !== profile.name);
    // A profile added again (a new key) keeps the broker URL set for it in settings.json.
    const mqttBroker = profile.mqttBroker ?? this.list().profiles.find((p) => p.name === profile.name)?.mqttBroker;
    const base = profile.endpoint ? profile : { name: profile.name, secretId: profile.secretId, region: profile.region };
    const entry = mqttBroker ? { ...base, mqttBroker } : base;
    await this.config.update(SETTINGS.profiles, [...others, entry], vscode.ConfigurationTarget.Global);
    await this.setActive(profile.name);
  }

  async remove(name: string): Promise<void> {
    const secretKey = await this.secrets.get(secretKeyStorageKey(name));
    await this.config.update(
      SETTINGS.profiles,
      this.list().profiles.filter((p) => p.name !== name),
      vscode.ConfigurationTarget.Global,
    );
    await this.secrets.delete(secretKeyStorageKey(name));
    if (secretKey) this.keyCache.forget(secretKey);
    if (this.config.get(SETTINGS.activeProfile) === name) await this.config.update(SETTINGS.activeProfile, undefined, vscode.ConfigurationTarget.Global);
  }

  async setActive(name: string): Promise<void> {
    await this.config.update(SETTINGS.activeProfile, name, vscode.ConfigurationTarget.Global);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
