import {
  computeShadowDelta,
  createMergePatch,
  isJsonObject,
  mergeDesired,
  parseJsonBounded,
  readShadowDocument,
  type JsonObject,
  type ShadowDocument,
} from '@iot-devkit/core';

/** The text the editor shows: the shadow payload as DescribeDeviceShadow returns it, pretty-printed. */
export function renderShadow(shadow: ShadowDocument): string {
  return `${JSON.stringify({ state: shadow.state, metadata: shadow.metadata, version: shadow.version, timestamp: shadow.timestamp }, null, 2)}\n`;
}

/** The read-only delta view: what the device has not reported yet, beside both halves it comes from. */
export function renderShadowDelta(shadow: ShadowDocument): string {
  const delta = computeShadowDelta(shadow.state.desired, shadow.state.reported);
  return `${JSON.stringify({ delta: delta ?? {}, inSync: delta === undefined, version: shadow.version }, null, 2)}\n`;
}

/**
 * The developer's edit carried over to a newer shadow: the desired changes they made against the version they
 * read (a merge patch) applied to the latest desired. Reported, metadata and version come from the latest.
 */
export function reapplyEdit(
  base: ShadowDocument,
  editedText: string,
  latest: ShadowDocument,
): { ok: true; text: string; shadow: ShadowDocument } | { ok: false; reason: string } {
  const parsed = parseJsonBounded(editedText, 'your version');
  if (!parsed.ok) return { ok: false, reason: `${parsed.message}; fix it, then re-apply` };
  const read = readShadowDocument(parsed.value, 'shadow');
  if (!read.ok) return { ok: false, reason: read.error.message };
  const patch: JsonObject = createMergePatch(base.state.desired, read.shadow.state.desired ?? {});
  const desired = mergeDesired(latest.state.desired, patch);
  const shadow: ShadowDocument = { ...latest, state: { ...latest.state, desired } };
  return { ok: true, text: renderShadow(shadow), shadow };
}

/**
 * Desired first, then reported, version, metadata and timestamp: the order a conflict is read in (what I want,
 * what the device says, then the cloud's bookkeeping).
 */
export function renderDesiredFirst(shadow: ShadowDocument): string {
  const { desired = {}, reported = {} } = shadow.state;
  return `${JSON.stringify({ desired, reported, version: shadow.version, metadata: shadow.metadata, timestamp: shadow.timestamp }, null, 2)}\n`;
}

/** The keys a merge patch sets, as dotted paths; a removed key is marked so. */
export function patchPaths(patch: JsonObject, prefix = ''): string[] {
  return Object.entries(patch).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (value === null) return [`${path} (removed)`];
    return isJsonObject(value) && Object.keys(value).length > 0 ? patchPaths(value, `${path}.`) : [path];
  });
}

/** The desired keys that differ between two copies of a shadow, as dotted paths. */
export const changedDesired = (from: ShadowDocument, to: ShadowDocument): string[] => patchPaths(createMergePatch(from.state.desired, to.state.desired ?? {}));

export interface ConflictComparison {
  /** The latest copy, desired first. */
  readonly latest: string;
  /** The developer's desired change re-applied on the latest, desired first: what "Re-apply" would push. */
  readonly yours: string;
}

/**
 * The two sides of a conflict diff. Both take reported, metadata, version and timestamp from the latest, so the
 * only lines that differ are the developer's own desired change — not the device's report or the cloud's timestamps.
 */
export function compareWithLatest(
  base: ShadowDocument,
  editedText: string,
  latest: ShadowDocument,
): ({ ok: true } & ConflictComparison) | { ok: false; reason: string } {
  const reapplied = reapplyEdit(base, editedText, latest);
  if (!reapplied.ok) return reapplied;
  return {
    ok: true,
    latest: renderDesiredFirst(latest),
    yours: renderDesiredFirst(reapplied.shadow),
  };
}
