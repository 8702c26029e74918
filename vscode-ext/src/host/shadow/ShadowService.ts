import { ABSENT_SHADOW_VERSION, parseShadowData, prepareShadowUpdate, SHADOW_ERROR_CODES, type ShadowDocument } from '@iot-devkit/core';
import { ApiError, type TencentApiClient } from '../api/TencentApiClient.js';
import type { ShadowAddress } from './shadowUri.js';

/** The shadow as it was read: what the next save is diffed against and whose version it sends. */
export interface ShadowSnapshot {
  readonly shadow: ShadowDocument;
  /** Milliseconds; stat()'s mtime, so VS Code's own "file is newer" check stays quiet between our reads. */
  readonly readAt: number;
  /** True when the device has no shadow yet: the first save creates it with ShadowVersion 0. */
  readonly absent: boolean;
}

/** Why a save was refused before anything was sent: invalid JSON, over 8 KB, a malformed document. */
export class ShadowRefusedError extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** The cloud refused the save because someone changed the shadow since it was read; holds the latest copy. */
export class ShadowConflictError extends Error {
  constructor(
    readonly readVersion: number,
    readonly latest: ShadowSnapshot,
  ) {
    super(`${SHADOW_ERROR_CODES.versionMismatch}: version ${readVersion} → ${latest.shadow.version}`);
  }
}

export type SaveOutcome =
  | { readonly sent: false; readonly ignored: readonly string[] }
  | { readonly sent: true; readonly changes: number; readonly ignored: readonly string[]; readonly snapshot: ShadowSnapshot };

const EMPTY: ShadowDocument = { state: {}, metadata: {}, version: ABSENT_SHADOW_VERSION, timestamp: 0 };

/** DescribeDeviceShadow / UpdateDeviceShadow through the core's shadow rules; no VS Code here. */
export class ShadowService {
  constructor(
    private readonly api: TencentApiClient,
    private readonly clock: () => number = Date.now,
  ) {}

  async read({ productId, deviceName }: ShadowAddress): Promise<ShadowSnapshot> {
    let data: Readonly<Record<string, unknown>>;
    try {
      data = await this.api.callIotcloud('DescribeDeviceShadow', { ProductId: productId, DeviceName: deviceName });
    } catch (error) {
      // No shadow yet is a normal state of a new device: show an empty one that the first save creates.
      if (error instanceof ApiError && error.code === 'ResourceNotFound.DeviceShadowNotExist') return { shadow: EMPTY, readAt: this.clock(), absent: true };
      throw error;
    }
    if (typeof data['Data'] !== 'string') throw new Error('DescribeDeviceShadow: the response has no Data string');
    const parsed = parseShadowData(data['Data']);
    if (!parsed.ok) throw new Error(`DescribeDeviceShadow: ${parsed.error.code}: ${parsed.error.message}`);
    return { shadow: parsed.shadow, readAt: this.clock(), absent: false };
  }

  /**
   * Sends only the desired changes, with the version that was read. Refusals come before the network;
   * a version mismatch comes back as ShadowConflictError carrying the latest shadow.
   */
  async save(address: ShadowAddress, editedText: string, base: ShadowSnapshot): Promise<SaveOutcome> {
    const prepared = prepareShadowUpdate({ ...address, editedText, original: base.shadow });
    if (!prepared.ok) throw new ShadowRefusedError(prepared.error.code, `${prepared.error.code}: ${prepared.error.message}`);
    if (prepared.changes === 0 && !base.absent) return { sent: false, ignored: prepared.ignored };
    try {
      await this.api.callIotcloud('UpdateDeviceShadow', { ...prepared.params });
    } catch (error) {
      if (error instanceof ApiError && error.code === SHADOW_ERROR_CODES.versionMismatch)
        throw new ShadowConflictError(base.shadow.version, await this.read(address));
      throw error;
    }
    // UpdateDeviceShadow's Data is only the update; read the whole shadow back so the editor shows the truth.
    return { sent: true, changes: prepared.changes, ignored: prepared.ignored, snapshot: await this.read(address) };
  }
}
