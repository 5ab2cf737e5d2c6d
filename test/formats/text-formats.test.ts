import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportAiken, importAiken } from '../../src/formats/aiken';
import { questionToCard } from '../../src/formats/cards';
import { exportAnkiText, exportQuizlet } from '../../src/formats/csv';
import { cleanText } from '../../src/formats/text';
import { fixtureBank } from '../fixtures/formats/bank';
import { banks } from './helpers';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.warn('python3 is missing: the Anki CSV/TSV files are not read back with Python\'s csv module.');

/** Reads an Anki import file with Python's csv module (header lines skipped), unescaping the HTML as Anki would display it. */
function readWithPython(text: string, sep: string): string[][] {
  const script = [
    'import csv, html, json, re, sys',
    'data = sys.stdin.read()',
    "lines = [l for l in data.split('\\n')]",
    "start = next(i for i, l in enumerate(lines) if not l.startswith('#'))",
    `rows = list(csv.reader('\\n'.join(lines[start:]).splitlines(True), delimiter=${JSON.stringify(sep)}))`,
    "out = [[html.unescape(re.sub(r'<br>', '\\n', f)) if i in (1, 2) else f for i, f in enumerate(r)] for r in rows if r]",
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

describe('Aiken', async () => {
  const list = await banks();

  it('round-trips every single-choice and true/false item', () => {
    for (const bank of list) {
      const { text, skipped } = exportAiken(bank);
      const { questions, skipped: unread } = importAiken(text);
      expect(unread).toEqual([]);
      const kept = bank.questions.filter((q) => (q.type === 'single-choice' && !q.options.some((o) => o.fraction !== undefined)) || q.type === 'true-false');
      expect(questions).toHaveLength(kept.length);
      expect(skipped.length).toBe(bank.questions.length - kept.length);
      kept.forEach((src, i) => {
        const back = questions[i];
        if (back?.type !== 'single-choice') throw new Error('not single choice');
        const flat = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim();
        expect(back.prompt).toBe(flat(src.prompt));
        const want = src.type === 'single-choice' ? src.options.map((o) => [flat(o.text), o.correct]) : src.type === 'true-false' ? [['True', src.answer], ['False', !src.answer]] : [];
        expect(back.options.map((o) => [o.text, o.correct])).toEqual(want);
      });
    }
  });

  it("reads the example of Moodle's Aiken documentation", () => {
    const doc = 'What is the correct answer to this question?\nA. Is it this one?\nB. Maybe this answer?\nC. Possibly this one?\nD. Must be this one!\nANSWER: D\n\nWhich LMS has the most quiz import formats?\nA) Moodle\nB) ATutor\nC) Claroline\nD) Blackboard\nE) WebCT\nF) Ilias\nANSWER: A\n';
    const { questions, skipped } = importAiken(doc);
    expect(skipped).toEqual([]);
    expect(questions.map((q) => (q.type === 'single-choice' ? q.options.find((o) => o.correct)?.text : null))).toEqual(['Must be this one!', 'Moodle']);
    expect(importAiken('Question without answer\nA. x\nB. y\n').skipped[0]?.reason).toBe('no ANSWER: line');
  });

  it('keeps every question on one line with hostile text', () => {
    const { text } = exportAiken(fixtureBank);
    const first = text.split('\n\n')[0]?.split('\n') ?? [];
    expect(first).toHaveLength(6);
    expect(first[0]).toContain('<script>window.__pwned=1</script> ]]> { } ~ = # : \\ a->b, x;y z [html] // bell');
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });
});

describe('Anki text and Quizlet', async () => {
  const list = await banks();

  it.skipIf(!hasPython)("Python's csv module reads the Anki TSV and CSV back to the cards", () => {
    for (const bank of list) {
      const cards = bank.questions.map(questionToCard);
      for (const [separator, sep] of [['tab', '\t'], ['comma', ',']] as const) {
        const text = exportAnkiText(bank, { separator });
        expect(text.split('\n').slice(0, 7)).toEqual([`#separator:${separator}`, '#html:true', '#notetype:Basic', `#deck:${cleanText(bank.title).replace(/\s+/g, ' ')}`, '#guid column:1', '#tags column:4', `#columns:GUID${sep}Front${sep}Back${sep}Tags`]);
        const rows = readWithPython(text, sep);
        expect(rows).toEqual(cards.map((c) => [c.id, c.front.replace(/\t/g, ' '), c.back.replace(/\t/g, ' '), c.tags.join(' ')]));
      }
    }
  });

  it('escapes markup for Anki and keeps one card per Quizlet line', () => {
    // The deck name in the header is plain text for Anki; the note fields are HTML.
    const anki = exportAnkiText(fixtureBank).split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(anki).not.toMatch(/<script|<b>/);
    expect(anki).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(exportQuizlet(fixtureBank)).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
    const quizlet = exportQuizlet(fixtureBank).trimEnd().split('\n');
    expect(quizlet).toHaveLength(fixtureBank.questions.length);
    for (const l of quizlet) expect(l.split('\t')).toHaveLength(2);
    expect(quizlet[0]?.split('\t')[1]).toMatch(/^A\. Right Say "hi"/);
  });
});
