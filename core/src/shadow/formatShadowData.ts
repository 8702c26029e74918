import type { ShadowDocument, ShadowEnvelope } from './ShadowDocument.js';

/**
 * The `Data` string DescribeDeviceShadow ("type":"get") and UpdateDeviceShadow ("type":"update") return, in
 * the doc's shape and key order: {"payload":{"state":…,"metadata":…,"timestamp":…,"version":…},"result":0,
 * "timestamp":…,"type":…}. Halves of the state that were never written are left out, as in the doc's example.
 */
export function formatShadowData(shadow: ShadowDocument, type: 'get' | 'update', now: number): string {
  const envelope: ShadowEnvelope = {
    payload: { state: shadow.state, metadata: shadow.metadata, timestamp: shadow.timestamp, version: shadow.version },
    result: 0,
    timestamp: now,
    type,
  };
  return JSON.stringify(envelope);
}
