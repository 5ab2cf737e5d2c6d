/** Terminal styles; each returns its text unchanged when colour is off. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const wrap = (on: boolean, open: number, close: number) => (text: string) => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text);

/**
 * Creates terminal styles.
 *
 * Hint: colour is on only for a terminal without `NO_COLOR` (https://no-color.org),
 * so piped output and test transcripts stay plain text.
 *
 * @param on Whether to emit ANSI colour codes.
 * @returns The styles.
 */
export function createStyle(on: boolean): Style {
  return Object.freeze({
    bold: wrap(on, 1, 22),
    dim: wrap(on, 2, 22),
    green: wrap(on, 32, 39),
    red: wrap(on, 31, 39),
    yellow: wrap(on, 33, 39),
    cyan: wrap(on, 36, 39),
  });
}

/**
 * Draws a progress bar such as `[#####-----] 5/10`.
 *
 * @param done Steps done.
 * @param total All steps (0 draws an empty bar).
 * @param width Bar width in characters.
 * @returns The bar.
 */
export function progressBar(done: number, total: number, width = 20): string {
  const filled = total <= 0 ? 0 : Math.round((Math.min(done, total) / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

/**
 * Formats a duration for people: `now`, `5 min`, `3 h`, `12 days`, `4 months`.
 *
 * @param ms Milliseconds (negative counts as now).
 * @returns A short phrase.
 */
export function humanDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return days === 1 ? '1 day' : `${days} days`;
  const months = Math.round(days / 30.4);
  if (months < 12) return months === 1 ? '1 month' : `${months} months`;
  const years = Math.round((days / 365) * 10) / 10;
  return `${years} years`;
}

/**
 * Wraps text to a width, keeping an indent on every line.
 *
 * @param text The text.
 * @param width The line width.
 * @param indent Spaces put before every line.
 * @returns The wrapped text.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width - indent.length) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}
