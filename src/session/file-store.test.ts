import { spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileStore, type FileStoreFs } from './file-store';
import { emptyProgress } from './progress';
import type { Progress } from './types';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rk-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const v1: Progress = { ...emptyProgress('b', 'fsrs-6'), updatedAt: 1 };
const v2: Progress = { ...emptyProgress('b', 'fsrs-6'), updatedAt: 2 };

describe('createFileStore', () => {
  it('returns undefined before the first save, then what was saved, creating folders', async () => {
    const path = join(tempDir(), 'deep', 'er', 'progress.json');
    const store = createFileStore({ path });
    expect(await store.load()).toBeUndefined();
    await store.save(v1);
    expect(await store.load()).toEqual(v1);
    await store.save(v2);
    expect(await store.load()).toEqual(v2);
    expect(readdirSync(join(path, '..'))).toEqual(['progress.json']);
  });

  it('keeps the old file when the process fails between write and rename', async () => {
    const path = join(tempDir(), 'progress.json');
    await createFileStore({ path }).save(v1);
    const crashing: FileStoreFs = { ...(fsp as unknown as FileStoreFs), rename: async () => { throw new Error('simulated crash before rename'); } };
    await expect(createFileStore({ path, fs: crashing }).save(v2)).rejects.toMatchObject({ code: 'RK_STORE_ERROR', message: expect.stringContaining('simulated crash') });
    expect(await createFileStore({ path }).load()).toEqual(v1);
    expect(readdirSync(join(path, '..'))).toEqual(['progress.json']);
  });

  it('survives a real kill -9 between fsync and rename: the old progress loads, the new one is only in a temp file', () => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    writeFileSync(path, JSON.stringify(v1));
    // The child saves through a file system whose rename kills the process (SIGKILL: no cleanup runs).
    const script = `
      import * as fsp from 'node:fs/promises';
      import { createFileStore } from ${JSON.stringify(join(import.meta.dirname, 'file-store.ts'))};
      const fs = { ...fsp, rename: async () => { process.kill(process.pid, 'SIGKILL'); await new Promise(() => {}); } };
      await createFileStore({ path: ${JSON.stringify(path)}, fs }).save(${JSON.stringify(v2)});
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(v1);
    const temps = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, temps[0] as string), 'utf8'))).toEqual(v2);
  });

  it('refuses to load a file that is not JSON rather than starting over', async () => {
    const path = join(tempDir(), 'progress.json');
    writeFileSync(path, '{"version":1,');
    await expect(createFileStore({ path }).load()).rejects.toMatchObject({ code: 'RK_STORE_ERROR', message: expect.stringContaining('not valid JSON') });
  });

  it('reports unreadable paths with the file name', async () => {
    const dir = tempDir();
    await expect(createFileStore({ path: dir }).load()).rejects.toMatchObject({ code: 'RK_STORE_ERROR', message: expect.stringContaining(dir) });
    expect(() => createFileStore({ path: '' })).toThrow(expect.objectContaining({ code: 'RK_INVALID_OPTIONS' }));
  });

  it('refuses a progress file that is not UTF-8, and reads one that starts with a byte-order mark', async () => {
    const dir = tempDir();
    const latin1 = join(dir, 'latin1.json');
    // "é" in Latin-1 is the single byte 0xE9, which is not valid UTF-8.
    writeFileSync(latin1, Buffer.concat([Buffer.from('{"version":1,"bankId":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
    await expect(createFileStore({ path: latin1 }).load()).rejects.toMatchObject({ code: 'RK_STORE_ERROR', message: expect.stringContaining('not valid UTF-8') });
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${JSON.stringify(v1)}`);
    expect(await createFileStore({ path: bom }).load()).toEqual(v1);
  });

  it.skipIf(process.platform === 'win32')('keeps a symlink and the file mode (0600) when saving', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(real, JSON.stringify(v1));
    chmodSync(real, 0o600);
    symlinkSync(real, link);
    await createFileStore({ path: link }).save(v2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8'))).toEqual(v2);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });
});
