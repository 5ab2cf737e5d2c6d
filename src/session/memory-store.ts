import type { Progress, Store } from './types';

/** A store kept in memory, with a peek at what was saved (for tests and demos). */
export interface MemoryStore extends Store {
  /** The last saved progress (a copy), or `undefined`. */
  peek(): Progress | undefined;
}

/**
 * Creates a store that keeps progress in memory; it is lost when the process ends.
 *
 * Hint: it stores a JSON copy, so later changes to the object you saved (or
 * loaded) never reach the store: the same contract as a file or a database.
 *
 * @param initial Progress to start with (copied), e.g. from a test fixture.
 * @returns A frozen store.
 */
export function createMemoryStore(initial?: Progress): MemoryStore {
  let saved: string | undefined = initial === undefined ? undefined : JSON.stringify(initial);
  return Object.freeze({
    load: async (): Promise<unknown> => (saved === undefined ? undefined : JSON.parse(saved)),
    save: async (progress: Progress): Promise<void> => {
      saved = JSON.stringify(progress);
    },
    peek: (): Progress | undefined => (saved === undefined ? undefined : (JSON.parse(saved) as Progress)),
  });
}
