import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

// Shared by the browser tests: where the build and Chromium are, and how to launch it.
export const ROOT = process.env.RECALLKIT_BUILD_ROOT ?? join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(import.meta.dirname, '__screenshots__');

/**
 * Why a browser test cannot run here ('' when it can): build files missing from dist/, or no Chromium.
 *
 * @param needed Paths under the build root the test imports.
 * @returns The reason, or ''.
 */
export function skipReason(needed: readonly string[]): string {
  const missing = needed.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) return `dist/ is not built (missing ${missing.join(', ')}): run \`npm run build\` first`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}: apt-get install -y chromium`;
  return '';
}

/** Launches headless Chromium with the flags these tests use. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
