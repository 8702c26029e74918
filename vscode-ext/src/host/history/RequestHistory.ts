import type * as vscode from 'vscode';
import { historyKeyParams, type ApiRequest } from '@iot-devkit/core';
import type { HistoryEntryView } from '../../protocol.js';

/** A sent request as kept for replay: the API call itself, never its signature, its response or any secret (the core's redactForStorage). */
export interface HistoryEntry extends HistoryEntryView {
  readonly request: ApiRequest;
  /** Secret parameters dropped from `request` (REDACTED in their place): a replay must have them typed again. */
  readonly redacted?: readonly string[];
}

const KEY = 'iotDevkit.history';
const MAX_ENTRIES = 50;

/** The last sent requests, newest first, in the extension's globalState (not synced, no secrets). */
export class RequestHistory {
  private counter = 0;

  constructor(private readonly state: vscode.Memento) {}

  list(): HistoryEntry[] {
    const stored = this.state.get<unknown>(KEY);
    return Array.isArray(stored) ? (stored as HistoryEntry[]) : [];
  }

  views(): HistoryEntryView[] {
    // Key parameters are read from the kept call on listing (secrets were dropped before it was kept).
    return this.list().map(({ request, redacted: _redacted, ...view }) => {
      const keyParams = historyKeyParams(request?.params);
      return keyParams.length > 0 ? { ...view, keyParams } : view;
    });
  }

  get(id: string): HistoryEntry | undefined {
    return this.list().find((e) => e.id === id);
  }

  async add(entry: Omit<HistoryEntry, 'id'>): Promise<HistoryEntry> {
    const saved: HistoryEntry = { ...entry, id: `${Date.now().toString(36)}-${(this.counter++).toString(36)}` };
    await this.state.update(KEY, [saved, ...this.list()].slice(0, MAX_ENTRIES));
    return saved;
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, []);
  }
}
