import type * as vscode from 'vscode';
import type { SigningKeyCache } from '@iot-devkit/core';
import type { TencentApiClient } from './api/TencentApiClient.js';
import type { RequestHistory } from './history/RequestHistory.js';
import type { ProfileStore } from './profiles/ProfileStore.js';
import type { ShadowConflicts } from './shadow/ShadowConflicts.js';
import type { ShadowDeltaProvider } from './shadow/ShadowDeltaProvider.js';
import type { ShadowFileSystem } from './shadow/ShadowFileSystem.js';
import type { ShadowService } from './shadow/ShadowService.js';

/** What commands and views are given: built once in extension.ts, so each module states what it uses. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly profiles: ProfileStore;
  readonly api: TencentApiClient;
  readonly shadows: ShadowService;
  readonly shadowFs: ShadowFileSystem;
  readonly conflicts: ShadowConflicts;
  readonly delta: ShadowDeltaProvider;
  readonly history: RequestHistory;
  /** TC3's derived keys, memoized for the Sign tab and every send; forgets a key when its profile goes. */
  readonly keyCache: SigningKeyCache;
}
