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
  /**
   * Reads a whole file. The store calls it without an encoding to get the bytes
   * and decodes them strictly; a file system that returns text is still accepted.
   */
  readFile(path: string, encoding?: 'utf8'): Promise<string | Uint8Array>;
  /** Opens a file (or, with flag `r`, a folder to fsync it). */
  open(path: string, flags: string): Promise<FileStoreHandle>;
  /** Renames a file atomically (same folder). */
  rename(from: string, to: string): Promise<void>;
  /** Creates a folder and its parents. */
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  /** Deletes a file. */
  unlink(path: string): Promise<void>;
  /** Resolves symbolic links (optional: without it a symlinked file is replaced by a regular one). */
  realpath?(path: string): Promise<string>;
  /** Reads a file's mode (optional: without it the new file gets the default mode). */
  stat?(path: string): Promise<{ mode: number }>;
  /** Sets a file's mode (optional, see `stat`). */
  chmod?(path: string, mode: number): Promise<void>;
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

// Strict: a progress file in another encoding must be refused, not read as U+FFFD garbage.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file read as bytes (or already as text) and drops a leading byte-order mark,
 * which editors on Windows add and `JSON.parse` refuses.
 *
 * @param data What `readFile` returned.
 * @returns The text.
 * @throws TypeError when the bytes are not valid UTF-8.
 */
function decodeText(data: string | Uint8Array): string {
  const text = typeof data === 'string' ? data : UTF8.decode(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    let data: string | Uint8Array;
    try {
      data = await fs.readFile(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw new RecallKitError('RK_STORE_ERROR', `could not read ${path}: ${reason(error)}`, path);
    }
    let text: string;
    try {
      text = decodeText(data);
    } catch {
      throw new RecallKitError('RK_STORE_ERROR', `${path} is not valid UTF-8 text; fix or move it to start over`, path);
    }
    try {
      return JSON.parse(text);
    } catch {
      // Never start over silently: the file may hold months of reviews.
      throw new RecallKitError('RK_STORE_ERROR', `${path} is not valid JSON; fix or move it to start over`, path);
    }
  };

  // When the file exists: where a symlink points (so the rename replaces the target, not
  // the link) and its mode (so a 0600 file does not become world-readable).
  const existing = async (fs: FileStoreFs): Promise<{ target: string; mode: number | undefined }> => {
    let target = path;
    try {
      if (fs.realpath) target = await fs.realpath(path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      return { target: path, mode: undefined };
    }
    let mode: number | undefined;
    try {
      if (fs.stat) mode = (await fs.stat(target)).mode & 0o7777;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    return { target, mode };
  };

  const save = async (progress: Progress): Promise<void> => {
    const fs = await getFs();
    const pid = typeof process === 'object' && process !== null ? process.pid : 0;
    let target = path;
    let temp = `${path}.${pid}-${++counter}.tmp`;
    let dir = parentDir(path);
    try {
      const found = await existing(fs);
      // The temp file sits next to the real file: rename only works within one file system.
      target = found.target;
      temp = `${target}.${pid}-${counter}.tmp`;
      dir = parentDir(target);
      await fs.mkdir(dir, { recursive: true });
      const handle = await fs.open(temp, 'wx');
      try {
        if (found.mode !== undefined && fs.chmod) await fs.chmod(temp, found.mode);
        await handle.writeFile(`${JSON.stringify(progress)}\n`, 'utf8');
        // Without fsync the rename can reach the disk before the data, and a power cut
        // would leave an empty file under the real name.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
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
