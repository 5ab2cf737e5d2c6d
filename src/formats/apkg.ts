// Anki package (.apkg) export: a zip holding `collection.anki2` (an SQLite database in Anki's
// legacy schema 11, which every Anki 2.1 and AnkiDroid version imports) and an empty `media` map.
// The subpath `recallkit/formats/apkg` brings its own dependency: sql.js (an optional peer) writes the SQLite file.
// The schema and JSON fields follow Anki's documented collection format (ankitects/anki,
// "rslib/src/storage/schema11.sql" and the AnkiDroid database wiki); no Anki code is used.
import { RecallKitError, describe } from '../core/errors';
import type { Bank } from '../schema/bank';
import { questionToCard } from './cards';
import { escapeHtml, questionsOf } from './text';
import { createZip } from './zip';

/** The part of sql.js this module uses. */
export interface SqlJsDatabase {
  run(sql: string, params?: readonly (string | number | null)[]): unknown;
  export(): Uint8Array;
  close(): void;
}

/** An initialised sql.js module (`await initSqlJs()`). */
export interface SqlJsStatic {
  readonly Database: new (data?: Uint8Array) => SqlJsDatabase;
}

/** Options of {@link exportApkg}. */
export interface ApkgOptions {
  /** An initialised sql.js (e.g. with `locateFile` for a browser); default: `import('sql.js')` and initialise it. */
  readonly sqlJs?: SqlJsStatic;
  /** The deck name (default: the bank title). `::` makes a subdeck. */
  readonly deck?: string;
  /** Creation time in epoch ms, used for timestamps and note ids (default 2020-01-01T00:00:00Z, so the bytes are reproducible). */
  readonly now?: number;
}

const DEFAULT_NOW = Date.UTC(2020, 0, 1);

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** SHA-1 of UTF-8 text (FIPS 180-4), for Anki's note checksum; small and dependency-free. */
function sha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const len = bytes.length;
  const words = new Uint32Array((((len + 8) >> 6) + 1) * 16);
  for (let i = 0; i < len; i++) words[i >> 2] = (words[i >> 2] as number) | ((bytes[i] as number) << (24 - (i % 4) * 8));
  words[len >> 2] = (words[len >> 2] as number) | (0x80 << (24 - (len % 4) * 8));
  words[words.length - 1] = len * 8;
  let [h0, h1, h2, h3, h4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let off = 0; off < words.length; off += 16) {
    for (let t = 0; t < 80; t++) {
      if (t < 16) w[t] = words[off + t] as number;
      else {
        const x = (w[t - 3] as number) ^ (w[t - 8] as number) ^ (w[t - 14] as number) ^ (w[t - 16] as number);
        w[t] = (x << 1) | (x >>> 31);
      }
    }
    let [a, b, c, d, e] = [h0, h1, h2, h3, h4];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const tmp = (((a << 5) | (a >>> 27)) + f + e + k + (w[t] as number)) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = tmp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => h.toString(16).padStart(8, '0')).join('');
}

/** A stable positive id from text (FNV-1a, 32 bits), so the same bank always lands in the same deck. */
function stableId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  // Anki ids are epoch-ms-like integers; keep within 2^53 and away from the default deck id 1.
  return 1_000_000_000_000 + h;
}

function fieldHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/** The "sort field": the first field without HTML, as Anki stores it for sorting and duplicate checks. */
function stripHtml(html: string): string {
  return html
    .replace(/<br>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

async function loadSqlJs(given: SqlJsStatic | undefined): Promise<SqlJsStatic> {
  if (given) return given;
  try {
    const mod = (await import('sql.js')) as unknown as { default?: () => Promise<SqlJsStatic> } & (() => Promise<SqlJsStatic>);
    const init = typeof mod.default === 'function' ? mod.default : (mod as unknown as () => Promise<SqlJsStatic>);
    return await init();
  } catch (e) {
    throw new RecallKitError('RK_UNSUPPORTED', `exportApkg needs the optional peer dependency sql.js (npm i sql.js): ${e instanceof Error ? e.message : String(e)}`, 'options.sqlJs');
  }
}

/**
 * Exports a bank as an Anki package (.apkg): one Basic note (Front, Back) per question in one deck.
 *
 * Every question type becomes a card (see `questionToCard`); fields are HTML-escaped, so markup
 * shows as text. Note GUIDs are `<bank id>:<question id>`, so re-importing a newer export updates
 * the same notes instead of duplicating them.
 *
 * Hint: this lives at `recallkit/formats/apkg` and needs `sql.js` (an optional peer dependency);
 * in a browser pass `sqlJs: await initSqlJs({ locateFile })`.
 *
 * @param bank The bank.
 * @param options sql.js, deck name and creation time.
 * @returns The .apkg bytes.
 * @throws RecallKitError `RK_UNSUPPORTED` when sql.js cannot be loaded; `RK_INVALID_OPTIONS` for a bad `now`.
 * @example
 * ```ts
 * import { exportApkg } from 'recallkit/formats/apkg'
 * fs.writeFileSync('mosul.apkg', await exportApkg(bank))
 * ```
 */
export async function exportApkg(bank: Bank, options: ApkgOptions = {}): Promise<Uint8Array> {
  questionsOf(bank, 'exportApkg');
  if (typeof bank.id !== 'string' || typeof bank.title !== 'string') throw new RecallKitError('RK_INVALID_INPUT', 'exportApkg: expected a bank with id and title', 'bank');
  const now = options.now ?? DEFAULT_NOW;
  if (typeof now !== 'number' || !Number.isInteger(now) || now < 0 || now > 8.64e15) throw new RecallKitError('RK_INVALID_OPTIONS', `expected epoch milliseconds, got ${describe(now)}`, 'options.now');
  const SQL = await loadSqlJs(options.sqlJs);
  const secs = Math.floor(now / 1000);
  const deckName = (options.deck ?? bank.title).replace(/[\u0000-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim() || 'RecallKit';
  const did = stableId(`deck:${bank.id}`);
  const mid = stableId('model:recallkit-basic');
  const deck = (id: number, name: string) => ({
    id,
    name,
    mod: secs,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: id === 1 ? '' : escapeHtml(`${bank.source.title} (${bank.source.publisher})`),
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  });
  const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] });
  const model = {
    id: mid,
    name: 'RecallKit Basic',
    type: 0,
    mod: secs,
    usn: -1,
    sortf: 0,
    did,
    tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}', bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 }],
    flds: [field('Front', 0), field('Back', 1)],
    css: '.card {\n font-family: arial;\n font-size: 20px;\n text-align: left;\n color: black;\n background-color: white;\n}\n',
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
  const dconf = {
    1: {
      id: 1,
      name: 'Default',
      mod: 0,
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { delays: [1, 10], ints: [1, 4, 0], initialFactor: 2500, order: 1, perDay: 20, bury: false },
      rev: { perDay: 200, ease4: 1.3, ivlFct: 1, maxIvl: 36500, hardFactor: 1.2, bury: false },
      lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 1 },
    },
  };
  const conf = { nextPos: bank.questions.length + 1, estTimes: true, activeDecks: [did], sortType: 'noteFld', timeLim: 0, sortBackwards: false, addToCur: true, curDeck: did, newSpread: 0, dueCounts: true, curModel: mid, collapseTime: 1200 };

  const db = new SQL.Database();
  try {
    db.run(SCHEMA);
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      secs,
      now,
      now,
      JSON.stringify(conf),
      JSON.stringify({ [mid]: model }),
      JSON.stringify({ 1: deck(1, 'Default'), [did]: deck(did, deckName) }),
      JSON.stringify(dconf),
      '{}',
    ]);
    bank.questions.forEach((q, i) => {
      const card = questionToCard(q);
      const front = fieldHtml(card.front);
      const back = fieldHtml(card.back);
      const sfld = stripHtml(front);
      // Anki's checksum: the first 8 hex digits of the SHA-1 of the stripped first field, as an integer.
      const csum = Number.parseInt(sha1Hex(sfld).slice(0, 8), 16);
      const id = now + i;
      const tags = card.tags.length ? ` ${card.tags.join(' ')} ` : '';
      db.run('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)', [id, `${bank.id}:${q.id}`, mid, secs, tags, `${front}\u001f${back}`, sfld, csum, '']);
      // A new card (type 0, queue 0) whose due is its position in the new queue.
      db.run('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)', [id, id, did, secs, i + 1, '']);
    });
    const collection = db.export();
    return createZip([
      { name: 'collection.anki2', data: collection },
      { name: 'media', data: '{}' },
    ]);
  } finally {
    db.close();
  }
}
