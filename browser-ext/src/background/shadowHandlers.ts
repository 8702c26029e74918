// The editor page's device-shadow round trip: DescribeDeviceShadow, edit desired, UpdateDeviceShadow with the
// version that was read; the core's shadow module does the parsing, the merge patch and the version rules.
import { parseShadowData, prepareShadowUpdate, readShadowDocument, type ShadowDocument } from '@iot-devkit/core';
import type { ActionRequestSpec, ApiErrorView, Handlers, HistoryEntry, ShadowRead, ShadowTarget } from '../protocol.js';
import { sendAndRecord } from './sendAndRecord.js';
import { historyStore, profileStore } from './stores.js';

const IOTCLOUD = { kind: 'action', service: 'iotcloud', version: '2021-04-08', region: '', method: 'POST' } as const;
const VERSION_CONFLICT = 'FailedOperation.UpdateVersionNotMatch';

function requireTarget(target: ShadowTarget): void {
  if (String(target.productId ?? '').trim() === '') throw new Error('productId: the product ID, e.g. ABCDE12345');
  if (String(target.deviceName ?? '').trim() === '') throw new Error('deviceName: the device name, e.g. abc');
}

const describeError = (entry: HistoryEntry): ApiErrorView =>
  entry.response?.error ?? {
    code: entry.failure ? 'NetworkError' : `HTTP ${entry.response?.status ?? 0}`,
    message: entry.failure ?? 'the response carried no shadow Data',
  };

const toShadowRead = (shadow: ShadowDocument, entry: HistoryEntry): ShadowRead => ({
  documentText: JSON.stringify(shadow, null, 2),
  version: shadow.version,
  desiredText: JSON.stringify(shadow.state.desired ?? {}, null, 2),
  entry,
});

/** The shadow out of a response's Response.Data, or the error to show. */
function readShadowResponse(entry: HistoryEntry): { shadow: ShadowDocument } | { error: ApiErrorView } {
  if (entry.response?.error || !entry.response) return { error: describeError(entry) };
  let data: unknown;
  try {
    data = (JSON.parse(entry.response.body) as { Response?: { Data?: unknown } }).Response?.Data;
  } catch {
    data = undefined;
  }
  if (typeof data !== 'string') return { error: describeError(entry) };
  const parsed = parseShadowData(data);
  return parsed.ok ? { shadow: parsed.shadow } : { error: parsed.error };
}

async function send(target: ShadowTarget, action: string, params: Record<string, unknown>): Promise<HistoryEntry> {
  const request: ActionRequestSpec = { ...IOTCLOUD, action, params };
  const outcome = await sendAndRecord(historyStore, await profileStore.usableProfile(target.profileId), request, true);
  if (outcome.status !== 'sent') throw new Error(`${action}: not sent`);
  return outcome.entry;
}

export const describeShadow: Handlers['describeShadow'] = async (target) => {
  requireTarget(target);
  const entry = await send(target, 'DescribeDeviceShadow', { ProductId: target.productId.trim(), DeviceName: target.deviceName.trim() });
  const read = readShadowResponse(entry);
  if ('error' in read) throw new Error(`${read.error.code}: ${read.error.message}`);
  return toShadowRead(read.shadow, entry);
};

export const updateShadow: Handlers['updateShadow'] = async (params) => {
  requireTarget(params);
  let base: unknown;
  try {
    base = JSON.parse(params.baseDocumentText);
  } catch {
    throw new Error('baseDocumentText: the shadow as it was read (load the shadow first)');
  }
  const original = readShadowDocument(base, 'base shadow');
  if (!original.ok) throw new Error(original.error.message);
  let desired: unknown;
  try {
    desired = JSON.parse(params.desiredText);
  } catch (error) {
    return {
      status: 'failed',
      error: {
        code: 'InvalidParameterValue.InvalidJSON',
        message: `desired is not valid JSON (${error instanceof Error ? error.message : 'parse error'}); nothing was sent`,
      },
    };
  }
  const editedText = JSON.stringify({ ...original.shadow, state: { ...original.shadow.state, desired } });
  const prepared = prepareShadowUpdate({ productId: params.productId.trim(), deviceName: params.deviceName.trim(), editedText, original: original.shadow });
  if (!prepared.ok) return { status: 'failed', error: prepared.error };
  const entry = await send(params, 'UpdateDeviceShadow', prepared.params);
  if (entry.response?.error?.code === VERSION_CONFLICT) {
    // Someone changed the shadow since it was read: fetch the latest so the page can show both side by side.
    return { status: 'conflict', latest: await describeShadow(params), entry };
  }
  const read = readShadowResponse(entry);
  if ('error' in read) return { status: 'failed', error: read.error, entry };
  return { status: 'updated', shadow: toShadowRead(read.shadow, entry), entry };
};
