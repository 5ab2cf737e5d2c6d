import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/optimizer';
// @ts-expect-error: a plain .mjs script without type declarations
import { startServer } from '../../examples/web/serve.mjs';
import { ROOT, SHOTS, launchBrowser, skipReason } from './browser';

// The demo's "Personalise (optimizer)" section: the FSRS-6 optimizer in a module Web Worker
// (examples/web/optimizer-worker.js) on a fresh learner, so on the page's synthetic history.
const why = skipReason(['dist/optimizer/index.js', 'dist/scheduler/index.js', 'dist/session/index.js', 'dist/banks/mosul-foreign-fighters.js']);
if (why) console.warn(`[e2e] skipping the optimizer worker test: ${why}`);

const FIT_TIMEOUT = 60_000;
/** The longest main-thread stall allowed while the optimizer runs (a 16 ms timer should fire far more often). */
const MAX_STALL_MS = 400;

interface Probe {
  ticks: number;
  frames: number;
  maxGap: number;
}

/** Installs a 16 ms timer and a requestAnimationFrame loop on the page that record ticks and the longest gap between ticks. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { ticks: number; frames: number; maxGap: number; last: number } };
    w.__probe = { ticks: 0, frames: 0, maxGap: 0, last: performance.now() };
    setInterval(() => {
      const now = performance.now();
      w.__probe.maxGap = Math.max(w.__probe.maxGap, now - w.__probe.last);
      w.__probe.last = now;
      w.__probe.ticks++;
    }, 16);
    const frame = () => {
      w.__probe.frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Reads the probe and starts a new measuring window. */
function readProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const w = window as unknown as { __probe: { ticks: number; frames: number; maxGap: number; last: number } };
    const { ticks, frames, maxGap } = w.__probe;
    Object.assign(w.__probe, { ticks: 0, frames: 0, maxGap: 0, last: performance.now() });
    return { ticks, frames, maxGap };
  });
}

describe.skipIf(why !== '')('optimizer in a Web Worker (examples/web)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  const problems: string[] = [];

  const open = async (viewport: { width: number; height: number }, mobile = false): Promise<Page> => {
    const page = await browser.newPage(mobile ? { viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    return page;
  };

  beforeAll(async () => {
    server = await startServer({ root: ROOT });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits 21 weights on a synthetic history in a worker while the page keeps ticking', { timeout: 2 * FIT_TIMEOUT }, async () => {
    const page = await open({ width: 900, height: 1000 });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await installProbe(page);
    await readProbe(page);

    // Start it from the keyboard: Enter on the focused button must press it, not reveal the flashcard.
    await page.focus('#optimize');
    const started = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-optimizer="running"]', { timeout: FIT_TIMEOUT });
    const beforeWorker = await readProbe(page); // the synthetic history was drawn on the main thread, in slices
    expect(await page.$('#answer')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('optimize-cancel');

    await page.waitForSelector('body[data-optimizer="done"]', { timeout: FIT_TIMEOUT });
    const duringWorker = await readProbe(page);
    const elapsed = Date.now() - started;
    console.log(`[e2e] optimizer: ${elapsed} ms in all; probe before the worker ${JSON.stringify(beforeWorker)}, while it ran ${JSON.stringify(duringWorker)}`);

    // The result: a stage, metrics and 21 finite weights that moved away from the defaults.
    expect(await page.getAttribute('#optimizer-stage', 'data-stage')).toBe('trained');
    const weights = await page.$$eval('#optimizer-weights li', (els) => els.map((e) => Number(e.getAttribute('data-weight'))));
    expect(weights).toHaveLength(21);
    for (const w of weights) expect(Number.isFinite(w)).toBe(true);
    const moved = weights.filter((w, i) => Math.abs(w - (DEFAULT_WEIGHTS[i] as number)) > 1e-3).length;
    expect(moved).toBeGreaterThan(10);
    const shown = await page.$$eval('#optimizer-weights li b', (els) => els.map((e) => e.textContent));
    expect(shown.every((t) => /^-?\d+\.\d{3}$/.test(t ?? ''))).toBe(true);
    const result = await page.textContent('#optimizer-result');
    expect(result).toMatch(/Log loss\s*0\.\d{4}/);
    expect(result).toMatch(/AUC\s*0\.\d{3}/);
    expect(await page.textContent('#optimizer-status')).toMatch(/^Done in [\d.]+ s, fitted on a synthetic history \([\d,]+ reviews of 2,000 cards/);
    expect(await page.textContent('#optimizer')).not.toMatch(/\bnull\b|undefined|NaN|\[object /);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('optimize');

    // The fit ran in the module worker, which the page started once.
    expect(workers).toEqual([`${server.url}optimizer-worker.js`]);

    // The main thread stayed responsive: timers and frames kept coming, never stalled for long.
    expect(duringWorker.ticks).toBeGreaterThan(0);
    expect(duringWorker.frames).toBeGreaterThan(0);
    expect(duringWorker.maxGap).toBeLessThan(MAX_STALL_MS);
    expect(beforeWorker.maxGap).toBeLessThan(MAX_STALL_MS);
    // ...and the probe does see a stall when the main thread is blocked (so the check above can fail).
    await page.evaluate(() => {
      const until = performance.now() + 800;
      while (performance.now() < until) {
        // busy: what running the optimizer on the main thread would do
      }
    });
    await page.waitForTimeout(100);
    expect((await readProbe(page)).maxGap).toBeGreaterThanOrEqual(MAX_STALL_MS);

    await page.screenshot({ path: join(SHOTS, 'optimizer-result.png'), fullPage: true });

    // Again: a new worker, the same synthetic history and seed, so the same weights.
    await page.click('#optimize');
    await page.waitForSelector('body[data-optimizer="done"]', { timeout: FIT_TIMEOUT });
    const again = await page.$$eval('#optimizer-weights li', (els) => els.map((e) => Number(e.getAttribute('data-weight'))));
    expect(again).toEqual(weights);
    expect(workers).toHaveLength(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('cancels a fit from the Cancel button', { timeout: 2 * FIT_TIMEOUT }, async () => {
    const page = await open({ width: 900, height: 1000 });
    // The fit is quick here, so a click from the test could come too late: the page itself presses
    // Cancel as soon as the first progress message shows, and notes how far the bar had got.
    await page.evaluate(() => {
      const status = document.getElementById('optimizer-status') as HTMLElement;
      const observer = new MutationObserver(() => {
        if (!/epoch \d+ of \d+/.test(status.textContent ?? '')) return;
        observer.disconnect();
        document.body.dataset.cancelledAt = String((document.getElementById('optimizer-progress') as HTMLProgressElement).value);
        (document.getElementById('optimize-cancel') as HTMLButtonElement).click();
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.click('#optimize');
    await page.waitForSelector('body[data-optimizer="cancelled"], body[data-optimizer="done"]', { timeout: FIT_TIMEOUT });
    expect(await page.getAttribute('body', 'data-optimizer')).toBe('cancelled');
    expect(await page.textContent('#optimizer-status')).toBe('Cancelled.');
    expect(Number(await page.getAttribute('body', 'data-cancelled-at'))).toBeLessThan(1);
    expect(await page.isHidden('#optimizer-result')).toBe(true);
    expect(await page.isHidden('#optimize-cancel')).toBe(true);
    expect(await page.isEnabled('#optimize')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the weights readably on a phone', { timeout: 2 * FIT_TIMEOUT }, async () => {
    const phone = await open({ width: 375, height: 740 }, true);
    await phone.click('#optimize');
    await phone.waitForSelector('body[data-optimizer="done"]', { timeout: FIT_TIMEOUT });
    expect(await phone.$$eval('#optimizer-weights li', (els) => els.length)).toBe(21);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const columns = await phone.$eval('#optimizer-weights', (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBeGreaterThanOrEqual(2);
    await phone.locator('#optimizer').screenshot({ path: join(SHOTS, 'optimizer-phone.png') });
    expect(problems).toEqual([]);
    await phone.close();
  });
});
