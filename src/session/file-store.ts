import { RecallKitError } from '../core/errors';
import type { Progress, Store } from './types';

/** An open file, as `node:fs/promises` `FileHandle` provides it. */
export interface FileStoreHandle {
  /** Writes the whole file through the handle. */
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  /** Flushes the file to disk (fsync). */
  sync(): Promise<void>;
  /** Closes the handle. */
  close(): Promise<void>;
}

/** The file-system calls the file store makes (a subset of `node:fs/promises`). */
export interface FileStoreFs {
  /** Reads a whole file as text. */
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  /** Opens a file (or, with flag `r`, a folder to fsync it). */
  open(path: string, flags: string): Promise<FileStoreHandle>;
  /** Renames a file atomically (same folder). */
  rename(from: string, to: string): Promise<void>;
  /** Creates a folder and its parents. */
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  /** Deletes a file. */
  unlink(path: string): Promise<void>;
}

/** The options of `createFileStore`. */
export interface FileStoreOptions {
  /** The JSON file to keep progress in; its folder is created when missing. */
  readonly path: string;
  /** The file system; defaults to `node:fs/promises` (tests inject failures here). */
  readonly fs?: FileStoreFs;
}

let counter = 0;

// A variable, not a literal: bundlers (and tsup, which would rewrite `node:fs/promises` to
// `fs/promises`) leave the import alone, so browser bundles never try to resolve Node's fs.
// webpack and Vite are told the same by the comments at the call.
const NODE_FS = 'node:fs/promises';

function parentDir(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '.';
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates a store that keeps progress in a JSON file, written atomically:
 * write a temporary file, fsync it, rename it over the old file, fsync the folder.
 * A crash at any point leaves either the old or the new file, never a torn one.
 *
 * Node, Deno and Bun only: `node:fs` is imported lazily on first use, so bundling
 * `recallkit/session` for a browser stays possible (use `createWebStorageStore` there).
 *
 * Hint: two processes writing the same file do not corrupt it, but the last
 * writer wins; give each learner and bank its own file.
 *
 * @param options The file path (and, for tests, the file system).
 * @returns A frozen store.
 * @throws RecallKitError `RK_STORE_ERROR` from `load` or `save` naming the file and the cause.
 * @example
 * ```ts
 * const store = createFileStore({ path: `${homedir()}/.recallkit/mosul-foreign-fighters.json` })
 * ```
 */
export function createFileStore(options: FileStoreOptions): Store {
  const { path } = options;
  if (typeof path !== 'string' || path.length === 0) throw new RecallKitError('RK_INVALID_OPTIONS', 'expected a file path', 'path');
  let fsPromise: Promise<FileStoreFs> | undefined;
  // Imported on first use, not at module load, so browser bundles never reach node:fs.
  const getFs = (): Promise<FileStoreFs> => {
    fsPromise ??= options.fs ? Promise.resolve(options.fs) : (import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS) as Promise<FileStoreFs>);
    return fsPromise;
  };

  const load = async (): Promise<unknown> => {
    const fs = await getFs();
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw new RecallKitError('RK_STORE_ERROR', `could not read ${path}: ${reason(error)}`, path);
    }
    try {
      return JSON.parse(text);
    } catch {
      // Never start over silently: the file may hold months of reviews.
      throw new RecallKitError('RK_STORE_ERROR', `${path} is not valid JSON; fix or move it to start over`, path);
    }
  };

  const save = async (progress: Progress): Promise<void> => {
    const fs = await getFs();
    const pid = typeof process === 'object' && process !== null ? process.pid : 0;
    const temp = `${path}.${pid}-${++counter}.tmp`;
    const dir = parentDir(path);
    try {
      await fs.mkdir(dir, { recursive: true });
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(progress)}\n`, 'utf8');
        // Without fsync the rename can reach the disk before the data, and a power cut
        // would leave an empty file under the real name.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, path);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw new RecallKitError('RK_STORE_ERROR', `could not save ${path}: ${reason(error)}`, path);
    }
    // Persist the rename itself. Some systems (Windows) cannot open a folder; the data is safe anyway.
    try {
      const handle = await fs.open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // best effort
    }
  };

  return Object.freeze({ load, save });
}
