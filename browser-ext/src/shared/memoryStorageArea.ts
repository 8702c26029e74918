import type { StorageArea } from './StorageArea.js';

/**
 * A StorageArea in memory, for running the stores without a browser. Values are structured-cloned in and out as
 * browser.storage does, so a store that changes an object after saving it, or keeps one it read, is caught.
 */
export function memoryStorageArea(): StorageArea & { keys(): string[]; dump(): string } {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => (values.has(key) ? structuredClone(values.get(key)) : undefined),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
    keys: () => [...values.keys()],
    /** Everything stored, as text: what a test searches for a secret that must not be there. */
    dump: () => JSON.stringify([...values]),
  };
}
