/**
 * The bank pipeline: `questions/<bank-id>/` (source.md + bank.yaml + items.yaml +
 * flashcards.yaml) -> a validated `Bank` with evidence offsets, or a list of
 * `file:line` errors. Pure except for reading the folder; `build-banks.ts` writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { createId } from '../src/core/ids';
import type { Bank } from '../src/schema/bank';
import { safeParseBank } from '../src/schema/parse';
import type { Question } from '../src/schema/question';

/** One build error, printable as `file:line: message`. */
export interface BuildError {
  file: string;
  line: number;
  message: string;
}

/** The item files of a bank, in the order their items appear in the bank. */
export const ITEM_FILES = ['items.yaml', 'flashcards.yaml'] as const;

/** Thresholds of the item-writing lint, named so docs/authoring.md can cite them. */
export const LINT = {
  /** A key longer than this many times the longest distractor is flagged ("longest option" cue). */
  keyLengthRatio: 1.5,
  /** ...but only when it is also this many characters longer (short options vary a lot). */
  keyLengthSlack: 12,
  /** Key positions are checked once a bank has at least this many single-choice items. */
  minItemsForBalance: 12,
  /** Each key position must hold between these shares of the uniform expectation. */
  balanceLow: 0.5,
  balanceHigh: 1.6,
} as const;

const ALL_NONE = /\b(all|none|both|neither) of (the )?(above|these|those|the options|the answers)\b/i;

/** The cleaned source: the text after the YAML front matter, and its metadata. */
export interface SourceDocument {
  text: string;
  meta: Record<string, unknown>;
}

/**
 * Splits `source.md` into front matter and body. Evidence offsets index into the body.
 *
 * @param raw The file's text.
 * @returns The body text and the parsed metadata.
 */
export function readSource(raw: string): SourceDocument {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(raw);
  if (!match) return { text: raw, meta: {} };
  const meta = parseDocument(match[1] ?? '').toJS() as Record<string, unknown>;
  return { text: raw.slice(match[0].length), meta: meta ?? {} };
}

/**
 * Finds a quote in the source, ignoring differences in whitespace.
 *
 * @param source The cleaned source text.
 * @param quote The quote as written in an item.
 * @returns Offsets of the matching span in `source`, or `null` when the quote is not there.
 */
export function locateQuote(source: string, quote: string): { start: number; end: number } | null {
  // Collapse runs of whitespace to one space, remembering where each kept character came from.
  const kept: number[] = [];
  let norm = '';
  let lastSpace = true;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      if (!lastSpace) {
        norm += ' ';
        kept.push(i);
      }
      lastSpace = true;
    } else {
      norm += ch;
      kept.push(i);
      lastSpace = false;
    }
  }
  const needle = quote.trim().replace(/\s+/g, ' ');
  if (!needle) return null;
  const at = norm.indexOf(needle);
  if (at < 0) return null;
  const start = kept[at] as number;
  const end = (kept[at + needle.length - 1] as number) + 1;
  return { start, end };
}

interface LoadedItem {
  file: string;
  line: number;
  doc: Document;
  index: number;
  raw: Record<string, unknown>;
}

function lineOf(doc: Document, counter: LineCounter, path: readonly (string | number)[], fallback: number): number {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return fallback;
}

/** Result of compiling one bank folder. */
export interface CompileResult {
  bank: Bank | null;
  errors: BuildError[];
  /** Files rewritten with new ids (only with `assignIds`). */
  rewritten: Record<string, string>;
}

/**
 * Compiles a bank folder into a validated bank.
 *
 * @param dir The folder, e.g. `questions/mosul-foreign-fighters`.
 * @param options `assignIds`: give items without an id a new one and return the rewritten files.
 * @returns The bank, or `null` with every error found.
 */
export function compileBank(dir: string, options: { assignIds?: boolean; root?: string } = {}): CompileResult {
  const root = options.root ?? process.cwd();
  const rel = (f: string) => relative(root, join(dir, f)) || f;
  const errors: BuildError[] = [];
  const rewritten: Record<string, string> = {};

  const metaPath = join(dir, 'bank.yaml');
  const sourcePath = join(dir, 'source.md');
  for (const f of [metaPath, sourcePath]) {
    if (!existsSync(f)) errors.push({ file: rel(f.slice(dir.length + 1)), line: 1, message: 'file is missing' });
  }
  if (errors.length > 0) return { bank: null, errors, rewritten };
  const source = readSource(readFileSync(sourcePath, 'utf8'));
  const meta = parseDocument(readFileSync(metaPath, 'utf8')).toJS() as Record<string, unknown>;

  const items: LoadedItem[] = [];
  const counters = new Map<Document, LineCounter>();
  for (const file of ITEM_FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    let text = readFileSync(path, 'utf8');
    const counter = new LineCounter();
    let doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
    for (const e of doc.errors) errors.push({ file: rel(file), line: e.linePos?.[0]?.line ?? 1, message: `YAML: ${e.message.split('\n')[0]}` });
    if (doc.errors.length > 0) continue;
    if (!isSeq(doc.contents)) {
      errors.push({ file: rel(file), line: 1, message: 'expected a YAML list of items' });
      continue;
    }
    if (options.assignIds) {
      // Insert `id: <nanoid>` as the first key of each item that lacks one, editing the
      // text (not re-serialising) so the author's formatting and comments survive.
      const inserts: { at: number; text: string }[] = [];
      for (const node of doc.contents.items) {
        if (isMap(node) && !node.has('id') && node.range) {
          const col = counter.linePos(node.range[0]).col - 1;
          inserts.push({ at: node.range[0], text: `id: ${createId()}\n${' '.repeat(col)}` });
        }
      }
      if (inserts.length > 0) {
        for (const ins of inserts.sort((a, b) => b.at - a.at)) text = text.slice(0, ins.at) + ins.text + text.slice(ins.at);
        rewritten[path] = text;
        const counter2 = new LineCounter();
        doc = parseDocument(text, { lineCounter: counter2, uniqueKeys: true });
        counters.set(doc, counter2);
      } else counters.set(doc, counter);
    } else counters.set(doc, counter);
    const lc = counters.get(doc) as LineCounter;
    const seq = doc.contents;
    if (!isSeq(seq)) continue;
    seq.items.forEach((node, index) => {
      const line = node && typeof node === 'object' && 'range' in node && node.range ? lc.linePos((node.range as number[])[0] as number).line : 1;
      const raw = doc.getIn([index]) as unknown;
      if (!isMap(node)) {
        errors.push({ file: rel(file), line, message: 'each item must be a mapping' });
        return;
      }
      items.push({ file, line, doc, index, raw: (node.toJSON() ?? raw) as Record<string, unknown> });
    });
  }

  const questions: unknown[] = [];
  for (const item of items) {
    const where = { file: rel(item.file), line: item.line };
    if (item.raw.id === undefined) errors.push({ ...where, message: 'item has no id: run `npm run bank:ids` once to assign one' });
    const evidence = Array.isArray(item.raw.evidence) ? item.raw.evidence : [];
    const located = evidence.map((quote, k) => {
      if (typeof quote !== 'string') return quote;
      const span = locateQuote(source.text, quote);
      if (!span) {
        const line = lineOf(item.doc, counters.get(item.doc) as LineCounter, [item.index, 'evidence', k], item.line);
        errors.push({ file: where.file, line, message: `evidence[${k}] not found in source.md (whitespace-normalised): "${quote.slice(0, 60)}"` });
        return { quote, start: 0, end: 0 };
      }
      return { quote: source.text.slice(span.start, span.end), start: span.start, end: span.end };
    });
    questions.push({ ...item.raw, ...(item.raw.evidence !== undefined ? { evidence: located } : {}) });
  }

  const candidate = { ...meta, questions };
  const parsed = safeParseBank(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const m = /^questions\[(\d+)\](.*)$/.exec(issue.path);
      const item = m ? items[Number(m[1])] : undefined;
      if (!item) {
        errors.push({ file: rel('bank.yaml'), line: 1, message: `${issue.path || '(root)'}: ${issue.message}` });
        continue;
      }
      const sub = (m?.[2] ?? '').match(/[^.[\]]+/g) ?? [];
      const path = [item.index, ...sub.map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
      if (sub.length === 1 && sub[0] === 'id' && item.raw.id === undefined) continue; // already reported above
      const line = lineOf(item.doc, counters.get(item.doc) as LineCounter, path, item.line);
      errors.push({ file: rel(item.file), line, message: `${(m?.[2] ?? '').replace(/^\./, '') || 'item'}: ${issue.message}` });
    }
  }
  if (errors.length === 0 && parsed.success) {
    lintBank(parsed.value, items, errors, rel, (item, path) => lineOf(item.doc, counters.get(item.doc) as LineCounter, [item.index, ...path], item.line));
  }
  errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { bank: errors.length === 0 && parsed.success ? parsed.value : null, errors, rewritten };
}

/**
 * Item-writing lint (ITEM-WRITING.md): all/none of the above, a key that is the longest
 * option by a wide margin, and unbalanced key positions across the bank. Duplicate options
 * and ids are schema errors already.
 */
function lintBank(
  bank: Bank,
  items: LoadedItem[],
  errors: BuildError[],
  rel: (f: string) => string,
  lineAt: (item: LoadedItem, path: (string | number)[]) => number,
): void {
  const positions = new Map<number, number[]>();
  bank.questions.forEach((q: Question, i) => {
    const item = items[i] as LoadedItem;
    const where = { file: rel(item.file), line: item.line };
    if (q.type !== 'single-choice' && q.type !== 'multiple-choice') return;
    q.options.forEach((o, k) => {
      if (ALL_NONE.test(o.text)) errors.push({ ...where, line: lineAt(item, ['options', k]), message: `option "${o.id}" is an "all/none of the above" option; write a real distractor` });
    });
    if (q.type === 'single-choice') {
      const key = q.options.find((o) => o.correct);
      const longestOther = Math.max(...q.options.filter((o) => !o.correct).map((o) => o.text.length));
      if (key && key.text.length > longestOther * LINT.keyLengthRatio && key.text.length - longestOther > LINT.keyLengthSlack) {
        errors.push({ ...where, line: lineAt(item, ['options', q.options.indexOf(key)]), message: `the key "${key.id}" (${key.text.length} chars) is much longer than every distractor (longest ${longestOther}): a test-wise cue` });
      }
      const at = q.options.findIndex((o) => o.correct);
      const n = q.options.length;
      const list = positions.get(n) ?? [];
      list.push(at);
      positions.set(n, list);
    }
  });
  for (const [n, list] of positions) {
    if (list.length < LINT.minItemsForBalance) continue;
    const expected = list.length / n;
    for (let p = 0; p < n; p++) {
      const count = list.filter((x) => x === p).length;
      if (count < expected * LINT.balanceLow || count > expected * LINT.balanceHigh) {
        errors.push({
          file: rel(ITEM_FILES[0]),
          line: 1,
          message: `unbalanced key positions in ${n}-option single-choice items: position ${String.fromCharCode(97 + p)} is the key ${count} times of ${list.length} (expected about ${expected.toFixed(1)})`,
        });
      }
    }
  }
}

/**
 * Renders the typed module for a bank (committed under src/banks/, checked in CI).
 *
 * @param bank The compiled bank.
 * @returns TypeScript source text.
 */
export function renderBankModule(bank: Bank): string {
  const ids = bank.questions.map((q) => JSON.stringify(q.id)).join(' | ');
  return `// Generated by scripts/build-banks.ts from questions/${bank.id}/. Do not edit: change the YAML and run \`npm run bank:build\`.
import type { Bank } from '../schema/bank';
import { deepFreeze } from '../core/freeze';

/** The id of a question in this bank. */
export type QuestionId = ${ids || 'never'};

/**
 * ${bank.title} (${bank.questions.length} items), built from "${bank.source.title}" (${bank.source.publisher}).
 *
 * Deeply frozen: copy an item before changing it.
 */
export const bank: Bank = /* @__PURE__ */ deepFreeze(${JSON.stringify(bank, null, 2)} satisfies Bank);
`;
}
