// {{$processEnv NAME}} values for an extension host started without the user's shell environment (VS Code opened
// from a dock or a launcher has none of ~/.profile's exports): asked once in a password box and kept in
// SecretStorage, never in a file, a setting or a log. The names typed (not secret) are listed in globalState, so
// "Forget Stored Environment Values" can delete every value: SecretStorage cannot list its keys.
import * as vscode from 'vscode';
import { processEnvStorageKey } from '../../constants.js';

const NAMES_KEY = 'iotDevkit.processEnv.names';

export class StoredProcessEnv {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  private names(): string[] {
    const names = this.state.get<unknown>(NAMES_KEY);
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  }

  /**
   * The values of `names` the host environment lacks: from SecretStorage, else asked. Undefined when the user
   * cancels a box (nothing is sent then).
   */
  async fill(names: readonly string[], environment: Readonly<Record<string, string | undefined>>): Promise<Record<string, string> | undefined> {
    const values: Record<string, string> = {};
    for (const name of names) {
      if (environment[name] !== undefined) continue;
      const stored = await this.secrets.get(processEnvStorageKey(name));
      if (stored !== undefined) {
        values[name] = stored;
        continue;
      }
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Environment variable {0}', name),
        prompt: vscode.l10n.t(
          'The .http file uses {{$processEnv {0}}}, which VS Code\'s environment does not have. Its value is kept in VS Code\'s SecretStorage ("IoT Devkit: Forget Stored Environment Values" removes it).',
          name,
        ),
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (value === '' ? vscode.l10n.t('{0}: a value is required (Escape cancels the send)', name) : undefined),
      });
      if (typed === undefined) return undefined;
      await this.secrets.store(processEnvStorageKey(name), typed);
      if (!this.names().includes(name)) await this.state.update(NAMES_KEY, [...this.names(), name]);
      values[name] = typed;
    }
    return values;
  }

  /** Deletes every stored value; the count of those deleted. */
  async forget(): Promise<number> {
    const names = this.names();
    for (const name of names) await this.secrets.delete(processEnvStorageKey(name));
    await this.state.update(NAMES_KEY, undefined);
    return names.length;
  }
}
