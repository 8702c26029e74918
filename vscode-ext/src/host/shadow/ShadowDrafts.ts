import type * as vscode from 'vscode';
import type { ShadowSnapshot } from './ShadowService.js';

/** A shadow text kept but not pushed, with the cloud's copy it was edited from (whose version a push sends). */
export interface ShadowDraft {
  readonly text: string;
  readonly base: ShadowSnapshot;
}

const KEY = 'iotDevkit.shadowDrafts';

const isDraft = (value: unknown): value is ShadowDraft =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ShadowDraft).text === 'string' &&
  typeof (value as ShadowDraft).base?.shadow?.version === 'number';

/**
 * Drafts by shadow path, in the workspace's state: an auto-saved editor is no longer dirty, so VS Code would not
 * back its text up; kept here, the edit survives a reload and a closed tab until it is pushed or discarded.
 * Shadow state holds no secret (device keys are never part of it).
 */
export class ShadowDrafts {
  constructor(private readonly memento: vscode.Memento) {}

  get(path: string): ShadowDraft | undefined {
    const draft = this.all()[path];
    return isDraft(draft) ? draft : undefined;
  }

  set(path: string, draft: ShadowDraft): Thenable<void> {
    return this.memento.update(KEY, { ...this.all(), [path]: draft });
  }

  delete(path: string): Thenable<void> {
    const { [path]: _gone, ...rest } = this.all();
    return this.memento.update(KEY, rest);
  }

  private all(): Record<string, unknown> {
    const value = this.memento.get<unknown>(KEY);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  }
}
