/**
 * Learning-step arithmetic: which step a (re)learning card goes to and how many
 * minutes until it is due. Behaviour of ts-fsrs 5.4 `BasicLearningStepsStrategy`
 * (itself Anki's v3 learning steps).
 */
import { fail } from '../validate';
import type { CardPhase, Grade } from '../types';

/** A learning step: a whole number followed by `m`, `h` or `d`, e.g. `'10m'`, `'1h'`, `'1d'`. */
export type StepUnit = `${number}${'m' | 'h' | 'd'}`;

const MINUTES = { m: 1, h: 60, d: 1440 } as const;

/**
 * Parses learning steps into minutes.
 *
 * @param steps Steps such as `['1m', '10m']`.
 * @param path The option name, for errors.
 * @returns Minutes per step.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for anything but an array of `<integer><m|h|d>`.
 */
export function parseSteps(steps: unknown, path: string): number[] {
  return (Array.isArray(steps) ? steps : fail('RK_INVALID_OPTIONS', path, 'an array', steps)).map((step, i) => {
    const match = /^(\d{1,7})([mhd])$/.exec(typeof step === 'string' ? step : '');
    return match ? Number(match[1]) * MINUTES[match[2] as keyof typeof MINUTES] : fail('RK_INVALID_OPTIONS', `${path}[${i}]`, "like '10m', '1h', '1d'", step);
  });
}

/**
 * Minutes until a (re)learning card is due after a grade, or 0 when it leaves the steps
 * (graduates by FSRS interval).
 *
 * Again goes back to the first step; Hard repeats the current step with the
 * average of the first two steps (1.5x the only step); Good moves to the next
 * step, or graduates after the last one; Easy always graduates. A review card
 * answered Again enters relearning at its current (normally first) step.
 *
 * @param steps Minutes per step (learning or relearning, chosen by the caller).
 * @param phase The card's phase before the review.
 * @param step The card's current step index.
 * @param g The grade.
 * @returns Minutes, 0 when the card leaves the steps.
 */
export function stepMinutes(steps: readonly number[], phase: CardPhase, step: number, g: Grade): number {
  const n = steps.length;
  const first = steps[0] as number;
  if (n === 0 || step >= n) return 0;
  if (phase === 'review') return g === 1 ? (steps[step] as number) : 0;
  if (g === 1) return first;
  if (g === 2) return Math.round(n === 1 ? first * 1.5 : (first + (steps[1] as number)) / 2);
  // A 0-minute next step counts as "no next step" in ts-fsrs (its `if (nextMin)`), so the card graduates.
  return g === 3 && step + 1 < n ? (steps[step + 1] as number) : 0;
}

/**
 * The step index after a grade that keeps the card in its steps ({@link stepMinutes} > 0):
 * Hard stays, Good moves on, Again restarts.
 *
 * @param step The card's current step index.
 * @param g The grade.
 * @returns The next step index.
 */
export function nextStep(step: number, g: Grade): number {
  return g === 2 ? step : g === 3 ? step + 1 : 0;
}
