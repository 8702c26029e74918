import { maskForDisplay, type DroppedSecret } from '@iot-devkit/core';
import type { OneTimeSecretView } from '../../protocol.js';

/** A DescribeDevices page can hold a hundred PSKs: the first few are offered (the browser popup offers 20 too). */
const OFFERED = 20;

/**
 * The secrets the last response returned (a new device's DevicePsk), offered once: the webview gets them masked,
 * the values stay here, in memory, until the next response replaces them, and Copy asks for one by its path.
 * History stored the response without them, so this is the only place they are, for as long as they are shown.
 */
export class OneTimeSecrets {
  private held: { readonly historyId: string; readonly secrets: readonly DroppedSecret[] } | undefined;

  offer(historyId: string, dropped: readonly DroppedSecret[]): OneTimeSecretView[] {
    // An empty field (a PSK device's DevicePrivateKey) holds nothing to copy.
    const secrets = dropped.filter((s) => s.value !== '').slice(0, OFFERED);
    this.held = secrets.length > 0 ? { historyId, secrets } : undefined;
    return secrets.map((s) => ({ name: s.name, path: s.path, masked: maskForDisplay(s.value) }));
  }

  /** The value of a secret the last response returned; undefined once another response came, or for a wrong path. */
  valueOf(historyId: string, path: string): string | undefined {
    if (this.held?.historyId !== historyId) return undefined;
    return this.held.secrets.find((s) => s.path === path)?.value;
  }
}
