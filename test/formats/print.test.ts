import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizToHtml, quizToMarkdown } from '../../src/formats/print';
import { assembleQuiz } from '../../src/quiz/index';
import { fixtureBank } from '../fixtures/formats/bank';
import { ROOT } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`print.test.ts: ${CHROMIUM} is missing, so the headless Chromium checks are skipped (apt-get install -y chromium).`);

const quiz = assembleQuiz(fixtureBank, { title: 'Unit 3 <quiz> & "review"' }, { seed: 'print', forms: 2 });

describe('quizToMarkdown', () => {
  const text = quizToMarkdown(quiz);

  it('prints every item of every form and a key row per item', () => {
    for (const form of quiz.forms) {
      expect(text).toContain(`# Unit 3 &lt;quiz&gt; &amp; "review" (Form ${form.label})`);
      expect(text).toContain(`## Answer key (Form ${form.label})`);
      for (const item of form.items) expect(text).toContain(`**${item.number}.** *(${item.points} point`);
    }
    expect(text.match(/^\| \d+ \| /gm)).toHaveLength(quiz.forms.length * fixtureBank.questions.length);
  });

  it('escapes markup so no HTML or link survives', () => {
    expect(text).not.toMatch(/<script|<\/script|<b>/i);
    expect(text).toContain('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;');
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });

  it('is byte-identical for the same seed', () => {
    const again = quizToMarkdown(assembleQuiz(fixtureBank, { title: 'Unit 3 <quiz> & "review"' }, { seed: 'print', forms: 2 }));
    expect(again).toBe(text);
  });
});

describe.skipIf(!hasChromium)('quizToHtml in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders hostile text as inert text and runs no script', async () => {
    const page = await browser.newPage();
    await page.setContent(quizToHtml(quiz));
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.querySelectorAll('script').length,
      bold: document.querySelectorAll('.item b').length,
      text: document.body.textContent ?? '',
      items: document.querySelectorAll('.form .item').length,
      keys: document.querySelectorAll('.key tbody tr').length,
    }));
    expect(state.pwned).toBeUndefined();
    expect(state.scripts).toBe(0);
    expect(state.text).toContain('<script>window.__pwned=1</script> ]]> { } ~ = # : \\');
    expect(state.items).toBe(2 * fixtureBank.questions.length);
    expect(state.keys).toBe(2 * fixtureBank.questions.length);
    await page.close();
  });

  it('prints one item per page and each answer key on a page of its own', async () => {
    const small = assembleQuiz(fixtureBank, { rules: [{ type: ['single-choice', 'true-false', 'numeric', 'matching', 'ordering'], count: 5 }] }, { seed: 'pdf', forms: 2 });
    const page = await browser.newPage();
    await page.setContent(quizToHtml(small));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    // One page per item (5) and one for the key, per form. Chromium writes page objects uncompressed.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toHaveLength(2 * (5 + 1));
    const oneColumn = await page.evaluate(() => getComputedStyle(document.body).columnCount);
    expect(oneColumn).toBe('auto');
    await page.close();
    const noBreaks = await browser.newPage();
    await noBreaks.setContent(quizToHtml(small, { pageBreakPerItem: false, forms: ['A'] }));
    const fewer = (await noBreaks.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(fewer.length).toBeLessThan(6);
    await noBreaks.close();
  });

  it('assembles the byte-identical quiz inside the browser from the same seed', async () => {
    const bundle = await build({ entryPoints: [resolve(ROOT, 'src/quiz/index.ts')], bundle: true, write: false, format: 'iife', globalName: 'RecallKitQuiz', target: 'es2020', logLevel: 'silent' });
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const inBrowser = await page.evaluate((bank) => {
      const api = (window as unknown as { RecallKitQuiz: typeof import('../../src/quiz/index') }).RecallKitQuiz;
      return JSON.stringify(api.assembleQuiz(bank, { total: 10 }, { seed: 'everywhere', forms: 3, distinctForms: false }));
    }, JSON.parse(JSON.stringify(fixtureBank)));
    expect(inBrowser).toBe(JSON.stringify(assembleQuiz(fixtureBank, { total: 10 }, { seed: 'everywhere', forms: 3, distinctForms: false })));
    await page.close();
  });
});
