/**
 * One area of extension storage as the stores use it (Bitwarden's AbstractStorageService): the stores are given one,
 * so only browserApi.ts touches `browser.storage`, and their tests run under Node on memoryStorageArea().
 */
export interface StorageArea {
  /** The value stored under `key`, undefined when there is none. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}
