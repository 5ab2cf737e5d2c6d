import { RecallKitError } from '../core/errors';
import type { Progress, Store } from './types';

/** The part of the Web Storage API the store uses (`localStorage` has it). */
export interface KeyValueStorage {
  /** Reads a value, or `null` when the key is absent. */
  getItem(key: string): string | null;
  /** Writes a value. */
  setItem(key: string, value: string): void;
}

/** The options of `createWebStorageStore`. */
export interface WebStorageStoreOptions {
  /** The storage, e.g. `window.localStorage`. */
  readonly storage: KeyValueStorage;
  /** The key to save under, e.g. `'recallkit:mosul-foreign-fighters'`. */
  readonly key: string;
}

/**
 * Creates a store backed by Web Storage (`localStorage`) for browser apps.
 *
 * Hint: `setItem` replaces the whole value at once, so a closed tab never leaves
 * half-written progress; browsers cap storage near 5 MB per origin.
 *
 * @param options The storage and the key.
 * @returns A frozen store.
 * @throws RecallKitError `RK_STORE_ERROR` from `load` when the saved text is not JSON.
 */
export function createWebStorageStore(options: WebStorageStoreOptions): Store {
  const { storage, key } = options;
  return Object.freeze({
    load: async (): Promise<unknown> => {
      const text = storage.getItem(key);
      if (text === null) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        throw new RecallKitError('RK_STORE_ERROR', `the progress saved under "${key}" is not valid JSON`, key);
      }
    },
    save: async (progress: Progress): Promise<void> => {
      storage.setItem(key, JSON.stringify(progress));
    },
  });
}
