import { BasicLearningStepsStrategy, Rating, State, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { CardPhase, Grade } from '../types';
import { nextStep, parseSteps, stepMinutes } from './steps';

const STATE = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning } as const;

describe('learning steps', () => {
  it('parses m, h and d and rejects anything else', () => {
    expect(parseSteps(['1m', '10m', '2h', '3d'], 'x')).toEqual([1, 10, 120, 4320]);
    for (const bad of [['1.5m'], ['10'], ['m'], [10], ['-1m']]) expect(() => parseSteps(bad, 'learningSteps')).toThrow(/RK_INVALID_OPTIONS/);
  });

  it('every phase, step and grade matches ts-fsrs BasicLearningStepsStrategy', () => {
    const configs = [[], ['1m'], ['1m', '10m'], ['5m', '0m', '1h'], ['10m', '1d', '3d']] as const;
    for (const learning of configs) {
      for (const relearning of configs) {
        const params = generatorParameters({ learning_steps: [...learning], relearning_steps: [...relearning] });
        for (const phase of ['new', 'learning', 'review', 'relearning'] as CardPhase[]) {
          const steps = parseSteps(phase === 'review' || phase === 'relearning' ? relearning : learning, 's');
          for (let step = 0; step < 4; step++) {
            const ref = BasicLearningStepsStrategy(params, STATE[phase], step);
            for (const g of [1, 2, 3, 4] as Grade[]) {
              // ts-fsrs only asks for Again in review; other review grades never use steps.
              if (phase === 'review' && g !== Rating.Again) continue;
              const want = ref[g as 1 | 2 | 3] ?? { scheduled_minutes: 0, next_step: 0 };
              // The scheduler reads the next step only while the card stays in its steps (minutes > 0).
              const minutes = stepMinutes(steps, phase, step, g);
              expect({ minutes, next: minutes > 0 ? nextStep(step, g) : 0 }).toEqual({ minutes: want.scheduled_minutes, next: want.next_step });
            }
          }
        }
      }
    }
  });
});
