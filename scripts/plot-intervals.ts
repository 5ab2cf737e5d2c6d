/**
 * Draws docs/img/intervals.svg: the interval after each successive Good answer
 * (answered exactly when due) for FSRS-6, classic SM-2, Anki-style SM-2 and
 * Leitner, on a log scale. Hand-written SVG, no plotting library.
 *
 * Run: `npx tsx scripts/plot-intervals.ts`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { type CardState, type Scheduler, createAnkiSm2, createFsrs, createLeitner, createSm2 } from '../src/scheduler/index';

const REVIEWS = 10;
const START = Date.UTC(2024, 0, 1, 9);
const DAY = 86_400_000;

/** Interval in days after each Good answer (learning steps count as their fraction of a day). */
function goodIntervals(s: Scheduler): number[] {
  let card: CardState = s.newCard(START);
  const out: number[] = [];
  for (let i = 0; i < REVIEWS; i++) {
    card = s.review(card, 3, card.due).card;
    out.push((card.due - (card.lastReview as number)) / DAY);
  }
  return out;
}

const series = [
  { name: 'FSRS-6 (defaults, 90% retention)', color: '#1f77b4', values: goodIntervals(createFsrs()) },
  { name: 'FSRS-6 (no learning steps)', color: '#17becf', values: goodIntervals(createFsrs({ learningSteps: [] })) },
  { name: 'SM-2 (classic)', color: '#d62728', values: goodIntervals(createSm2()) },
  { name: 'Anki SM-2 (defaults)', color: '#ff7f0e', values: goodIntervals(createAnkiSm2()) },
  { name: 'Leitner (5 boxes: 1-16 days)', color: '#2ca02c', values: goodIntervals(createLeitner()) },
];

const W = 760;
const H = 440;
const pad = { left: 70, right: 250, top: 40, bottom: 55 };
const plotW = W - pad.left - pad.right;
const plotH = H - pad.top - pad.bottom;
const minY = 1 / 1440; // 1 minute
const maxY = 10 ** Math.ceil(Math.log10(Math.max(...series.flatMap((s) => s.values))));
const x = (i: number) => pad.left + (i / (REVIEWS - 1)) * plotW;
const y = (days: number) => pad.top + plotH - ((Math.log10(Math.max(days, minY)) - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY))) * plotH;
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3));

const ticks: [number, string][] = [
  [1 / 1440, '1 min'],
  [10 / 1440, '10 min'],
  [1 / 24, '1 h'],
  [1, '1 day'],
  [7, '1 week'],
  [30, '1 month'],
  [365, '1 year'],
  [3650, '10 years'],
  [36500, '100 years'],
].filter(([d]) => (d as number) <= maxY) as [number, string][];

const parts: string[] = [];
parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`);
parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
parts.push(`<text x="${pad.left}" y="22" font-size="15" font-weight="600">Interval after each successive Good answer (log scale)</text>`);
for (const [d, label] of ticks) {
  parts.push(`<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${y(d).toFixed(1)}" y2="${y(d).toFixed(1)}" stroke="#e5e5e5"/>`);
  parts.push(`<text x="${pad.left - 8}" y="${(y(d) + 4).toFixed(1)}" text-anchor="end" fill="#555">${label}</text>`);
}
for (let i = 0; i < REVIEWS; i++) {
  parts.push(`<text x="${x(i).toFixed(1)}" y="${pad.top + plotH + 18}" text-anchor="middle" fill="#555">${i + 1}</text>`);
}
parts.push(`<text x="${pad.left + plotW / 2}" y="${H - 12}" text-anchor="middle" fill="#333">Good answers so far (each given when the card is due)</text>`);
parts.push(`<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${pad.top + plotH}" stroke="#333"/>`);
parts.push(`<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${pad.top + plotH}" y2="${pad.top + plotH}" stroke="#333"/>`);
series.forEach((s, k) => {
  const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  parts.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
  s.values.forEach((v, i) => {
    parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.color}"><title>${s.name}: review ${i + 1}, ${fmt(v)} days</title></circle>`);
  });
  const ly = pad.top + 10 + k * 22;
  parts.push(`<line x1="${pad.left + plotW + 20}" x2="${pad.left + plotW + 44}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="3"/>`);
  parts.push(`<text x="${pad.left + plotW + 50}" y="${ly + 4}">${s.name}</text>`);
});
parts.push('</svg>');

mkdirSync('docs/img', { recursive: true });
writeFileSync('docs/img/intervals.svg', `${parts.join('\n')}\n`);
for (const s of series) console.log(s.name.padEnd(36), s.values.map(fmt).join(', '));
