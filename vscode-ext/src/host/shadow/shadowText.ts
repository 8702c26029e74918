import { computeShadowDelta, createMergePatch, mergeDesired, readShadowDocument, type JsonObject, type ShadowDocument } from '@iot-devkit/core';

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
export function reapplyEdit(base: ShadowDocument, editedText: string, latest: ShadowDocument): { ok: true; text: string; shadow: ShadowDocument } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(editedText);
  } catch (error) {
    return { ok: false, reason: `your version is not valid JSON (${error instanceof Error ? error.message : 'parse error'}); fix it, then re-apply` };
  }
  const read = readShadowDocument(parsed, 'shadow');
  if (!read.ok) return { ok: false, reason: read.error.message };
  const patch: JsonObject = createMergePatch(base.state.desired, read.shadow.state.desired ?? {});
  const desired = mergeDesired(latest.state.desired, patch);
  const shadow: ShadowDocument = { ...latest, state: { ...latest.state, desired } };
  return { ok: true, text: renderShadow(shadow), shadow };
}
