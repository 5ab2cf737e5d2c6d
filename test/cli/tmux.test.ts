import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_BANK, NOW, ROOT } from './run';

// Drives `recallkit study` in a real terminal (tmux) with send-keys, to check what piped
// tests cannot: readline in terminal mode, colour, Ctrl-D and Ctrl-C. CI installs tmux.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('[cli] skipping the tmux test: tmux is not installed (apt-get install -y tmux)');

const socket = `rk-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'rk-tmux-'));
afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

/** Polls the pane until `text` shows up (or fails with the screen). */
async function waitFor(pane: string, text: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < end) {
    screen = tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', pane);
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
}

function startStudy(name: string, data: string): void {
  const cli = `${process.execPath} --import tsx ${join(ROOT, 'src', 'cli', 'index.ts')}`;
  const command = `cd ${ROOT} && env -u NO_COLOR RECALLKIT_NOW=${NOW} ${cli} study --bank-file ${FIXTURE_BANK} --data ${data}; echo EXIT=$?; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '50', command);
}

describe.skipIf(!hasTmux)('recallkit study in a terminal (tmux)', () => {
  it('answers with typed keys, colours the output, and saves on Ctrl-D', async () => {
    const data = join(dir, 'keys.json');
    startStudy('keys', data);
    await waitFor('keys', 'True or false (t/f):');
    tmux('send-keys', '-t', 'keys', 'x', 'Enter');
    await waitFor('keys', 'Please type t (true) or f (false).');
    tmux('send-keys', '-t', 'keys', 't', 'Enter');
    await waitFor('keys', 'How many legs does a spider have?');
    tmux('send-keys', '-t', 'keys', '7', 'Enter');
    await waitFor('keys', 'Answer: 8');
    const coloured = tmux('capture-pane', '-p', '-e', '-S', '-200', '-t', 'keys');
    expect(coloured).toMatch(/\u001b\[(0;)?32m✓ Correct/);
    await waitFor('keys', 'Select all that apply');
    tmux('send-keys', '-t', 'keys', 'C-d');
    const screen = await waitFor('keys', 'EXIT=');
    expect(screen).toContain('Input ended.');
    expect(screen).toContain('Answered 2 · correct 1 (50% correct)');
    expect(screen).toContain('EXIT=0');
    const saved = JSON.parse(readFileSync(data, 'utf8'));
    expect(saved.logs.map((l: { cardId: string; rating: number }) => `${l.cardId}:${l.rating}`)).toEqual([expect.stringMatching(/^tf-1:[34]$/), 'num-1:1']);
  });

  it('rates a flashcard with the number keys and ends when nothing more is due', async () => {
    const data = join(dir, 'flashcard.json');
    startStudy('flash', data);
    // Through the five graded cards to the flashcard (fc-1), then rate it Easy.
    for (const [prompt, key] of [['True or false', 't'], ['spider', '8'], ['Which are prime?', 'a,b'], ['colour of grass', 'b'], ['Capital of France', 'Paris']] as const) {
      await waitFor('flash', prompt);
      tmux('send-keys', '-t', 'flash', key, 'Enter');
    }
    await waitFor('flash', 'Think of the answer, then press Enter:');
    tmux('send-keys', '-t', 'flash', 'Enter');
    await waitFor('flash', /1 Again \(1 min\) {2}2 Hard \(\d+ min\) {2}3 Good \(10 min\) {2}4 Easy \(\d+ days\)/);
    tmux('send-keys', '-t', 'flash', '4', 'Enter');
    // With the clock pinned, answers take 0 ms, so the scoring engine rates them Easy: nothing is left today.
    const screen = await waitFor('flash', 'EXIT=');
    expect(screen).toMatch(/Nothing more is due; the next card is due in \d+ days\./);
    expect(screen).toContain('EXIT=0');
    expect(JSON.parse(readFileSync(data, 'utf8')).logs).toHaveLength(6);
  });

  it('stops cleanly on Ctrl-C, keeping what was answered', async () => {
    const data = join(dir, 'interrupt.json');
    startStudy('int', data);
    await waitFor('int', 'True or false (t/f):');
    tmux('send-keys', '-t', 'int', 'f', 'Enter');
    await waitFor('int', 'How many legs');
    tmux('send-keys', '-t', 'int', 'C-c');
    const screen = await waitFor('int', 'EXIT=');
    expect(screen).toContain('Interrupted.');
    expect(screen).toContain('EXIT=0');
    expect(JSON.parse(readFileSync(data, 'utf8')).logs).toHaveLength(1);
  });
});
