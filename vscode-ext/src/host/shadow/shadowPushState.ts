/** What the shadow editor says about its text: the device's copy, a draft not pushed, pushed, or in conflict. */
export type ShadowPushState =
  | { readonly kind: 'asRead'; readonly version: number }
  | { readonly kind: 'pushed'; readonly version: number }
  | { readonly kind: 'notPushed'; readonly baseVersion: number }
  | { readonly kind: 'conflict'; readonly readVersion: number; readonly latestVersion: number };

export interface ShadowPushFacts {
  /** The editor's text now. */
  readonly text: string;
  /** The cloud's copy as last read or pushed, rendered as the editor shows it, and its version. */
  readonly baseText: string;
  readonly baseVersion: number;
  /** The last push from this editor: the text sent and the version the cloud then held. */
  readonly lastPush?: { readonly text: string; readonly version: number };
  /** An unresolved UpdateVersionNotMatch: the latest version the cloud holds. */
  readonly conflictLatestVersion?: number;
}

/**
 * Derived from the text itself, not from dirty flags: auto-save makes the editor look saved, so "saved" says nothing
 * about the device. Anything but the cloud's copy (or the text just pushed, until the editor reloads) is not pushed.
 */
export function shadowPushState(facts: ShadowPushFacts): ShadowPushState {
  if (facts.conflictLatestVersion !== undefined) return { kind: 'conflict', readVersion: facts.baseVersion, latestVersion: facts.conflictLatestVersion };
  const push = facts.lastPush;
  if (push && (facts.text === push.text || (facts.text === facts.baseText && facts.baseVersion === push.version)))
    return { kind: 'pushed', version: push.version };
  if (facts.text === facts.baseText) return { kind: 'asRead', version: facts.baseVersion };
  return { kind: 'notPushed', baseVersion: facts.baseVersion };
}
