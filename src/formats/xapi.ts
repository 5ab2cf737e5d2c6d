// xAPI (Experience API 1.0.3) statements for quiz activity: answered, completed, passed, failed.
// Interaction activities follow xAPI Data, section 2.4.4.1 "Interaction Activities" (the
// cmi.interaction types of SCORM): result.response uses the same "[,]" / "[.]" / "[:]" delimiters
// as correctResponsesPattern.
import { RecallKitError, describe } from '../core/errors';
import { toEpochMs } from '../core/time';
import type { Question } from '../schema/question';
import type { Outcome, Response } from '../schema/response';
import { grade } from '../scoring/grade';
import { GAP_MARKER, cleanText, numericBounds, oneLine, plainNumber } from './text';

/** The ADL verbs used here (xAPI Data, "Verbs"; registry at adlnet.gov/expapi/verbs). */
export const XAPI_VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
} as const;

const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';

/** An xAPI actor (Agent or Group), passed through as given, e.g. `{ mbox: 'mailto:ann@example.org', name: 'Ann' }`. */
export type XapiActor = Readonly<Record<string, unknown>>;

/** An xAPI statement as plain JSON. */
export type XapiStatement = Record<string, unknown>;

/** The cmi.interaction view of one question: its type, components and correct-response patterns. */
export interface XapiInteraction {
  readonly interactionType: 'true-false' | 'choice' | 'fill-in' | 'long-fill-in' | 'matching' | 'sequencing' | 'numeric' | 'other';
  readonly correctResponsesPattern?: readonly string[];
  readonly choices?: readonly XapiComponent[];
  readonly source?: readonly XapiComponent[];
  readonly target?: readonly XapiComponent[];
}

/** An interaction component: an id and its text. */
export interface XapiComponent {
  readonly id: string;
  readonly description: Readonly<Record<string, string>>;
}

/** Common input of the statement builders. */
export interface XapiContextInput {
  readonly actor: XapiActor;
  /** An absolute IRI under which activity ids are made, e.g. `https://school.example/recallkit`. */
  readonly activityBase: string;
  /** When it happened (epoch ms, Date or ISO text); left out when not given (the LRS stamps it). */
  readonly timestamp?: number | Date | string;
  /** The attempt's registration (a UUID), to group the statements of one attempt. */
  readonly registration?: string;
  /** The statement id (a UUID); left out when not given (the LRS assigns one). */
  readonly id?: string;
  /** Language tag of the texts (default `en`). */
  readonly language?: string;
}

const UUID = /^[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;

function bad(message: string, path: string): RecallKitError {
  return new RecallKitError('RK_INVALID_OPTIONS', message, path);
}

function checkContext(c: XapiContextInput): void {
  if (c === null || typeof c !== 'object') throw bad(`expected an object, got ${describe(c)}`, 'input');
  if (c.actor === null || typeof c.actor !== 'object') throw bad(`expected an xAPI agent object, got ${describe(c.actor)}`, 'actor');
  if (typeof c.activityBase !== 'string' || !/^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(c.activityBase)) throw bad(`expected an absolute IRI such as https://example.org/quiz, got ${describe(c.activityBase)}`, 'activityBase');
  if (c.registration !== undefined && !UUID.test(c.registration)) throw bad(`expected a UUID, got ${describe(c.registration)}`, 'registration');
  if (c.id !== undefined && !UUID.test(c.id)) throw bad(`expected a UUID, got ${describe(c.id)}`, 'id');
  if (c.language !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(c.language)) throw bad(`expected a language tag such as en-US, got ${describe(c.language)}`, 'language');
}

function iri(base: string, ...parts: string[]): string {
  return [base.replace(/\/+$/, ''), ...parts.map((p) => encodeURIComponent(p))].join('/');
}

function text(s: string): string {
  return oneLine(s);
}

function lang(c: XapiContextInput, s: string): Record<string, string> {
  return { [c.language ?? 'en']: text(s) };
}

/**
 * The interaction of a question: components and correct-response patterns (xAPI Data 2.4.4.1).
 *
 * @param q The question.
 * @param language The language tag of the component texts.
 * @returns The interaction definition fields.
 */
export function xapiInteraction(q: Question, language = 'en'): XapiInteraction {
  const comp = (id: string, t: string): XapiComponent => ({ id, description: { [language]: text(t) } });
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      return { interactionType: 'choice', choices: q.options.map((o) => comp(o.id, o.text)), correctResponsesPattern: [q.options.filter((o) => o.correct).map((o) => o.id).join('[,]')] };
    case 'true-false':
      return { interactionType: 'true-false', correctResponsesPattern: [String(q.answer)] };
    case 'numeric':
      // A range pattern "min[:]max" per accepted full-credit answer.
      return { interactionType: 'numeric', correctResponsesPattern: q.answers.filter((a) => (a.fraction ?? 1) === 1).map((a) => { const b = numericBounds(a); return `${plainNumber(b.min)}[:]${plainNumber(b.max)}`; }) };
    case 'short-answer':
      return { interactionType: 'fill-in', correctResponsesPattern: q.answers.filter((a) => (a.fraction ?? 1) === 1).map((a) => `{case_matters=${q.caseSensitive === true}}${text(a.text)}`) };
    case 'cloze': {
      const byId = new Map(q.gaps.map((g) => [g.id, g]));
      const order = [...q.text.matchAll(GAP_MARKER)].map((m) => byId.get(m[1] as string)).filter((g) => g !== undefined);
      const best = order.map((g) => {
        if (g.type === 'single-choice') return text(g.options.find((o) => o.correct)?.text ?? '');
        if (g.type === 'numeric') {
          const a = g.answers[0];
          return a === undefined ? '' : String('value' in a ? a.value : (a.min + a.max) / 2);
        }
        return text(g.answers.find((a) => (a.fraction ?? 1) === 1)?.text ?? g.answers[0]?.text ?? '');
      });
      return { interactionType: 'fill-in', correctResponsesPattern: [best.join('[,]')] };
    }
    case 'matching':
      return {
        interactionType: 'matching',
        source: q.pairs.map((p) => comp(p.id, p.left)),
        target: [...q.pairs.map((p) => comp(`t-${p.id}`, p.right)), ...(q.distractors ?? []).map((d, i) => comp(`d-${i + 1}`, d))],
        correctResponsesPattern: [q.pairs.map((p) => `${p.id}[.]t-${p.id}`).join('[,]')],
      };
    case 'ordering':
      return { interactionType: 'sequencing', choices: q.items.map((it) => comp(it.id, it.text)), correctResponsesPattern: [q.items.map((it) => it.id).join('[,]')] };
    case 'flashcard':
      return q.answers?.length ? { interactionType: 'fill-in', correctResponsesPattern: q.answers.map((a) => `{case_matters=false}${text(a.text)}`) } : { interactionType: 'other' };
    case 'essay':
      return { interactionType: 'long-fill-in' };
  }
}

/**
 * Formats a response in the cmi.interaction format of its question's interaction type.
 *
 * @param q The question.
 * @param r The learner's response (same `type`).
 * @returns The `result.response` string, e.g. `a[,]c`, `true`, `p1[.]t-p1[,]p2[.]d-1`.
 */
export function xapiResponse(q: Question, r: Response): string {
  if (r.type !== q.type) throw new RecallKitError('RK_INVALID_RESPONSE', `expected a ${q.type} response, got ${describe(r.type)}`, 'response.type');
  switch (r.type) {
    case 'single-choice':
      return r.optionId ?? '';
    case 'multiple-choice':
      return r.optionIds.join('[,]');
    case 'true-false':
      return r.value === null ? '' : String(r.value);
    case 'numeric':
      return typeof r.value === 'number' ? String(r.value) : text(r.value);
    case 'short-answer':
    case 'essay':
      return cleanText(r.text);
    case 'cloze': {
      if (q.type !== 'cloze') return '';
      const byId = new Map(q.gaps.map((g) => [g.id, g]));
      return [...q.text.matchAll(GAP_MARKER)]
        .map((m) => {
          const id = m[1] as string;
          // Own keys only: a gap id such as `constructor` must not read Object.prototype.
          const v = Object.hasOwn(r.gaps, id) ? (r.gaps[id] as string) : '';
          const g = byId.get(id);
          // A choice gap records the option's text, as fill-in expects the words entered.
          return g?.type === 'single-choice' ? text(g.options.find((o) => o.id === v)?.text ?? '') : text(v);
        })
        .join('[,]');
    }
    case 'matching': {
      if (q.type !== 'matching') return '';
      const targetOf = (right: string): string => {
        const pair = q.pairs.find((p) => p.right === right);
        if (pair) return `t-${pair.id}`;
        const d = (q.distractors ?? []).indexOf(right);
        return d >= 0 ? `d-${d + 1}` : '';
      };
      return q.pairs
        .filter((p) => Object.hasOwn(r.matches, p.id) && r.matches[p.id] !== '')
        .map((p) => `${p.id}[.]${targetOf(r.matches[p.id] as string)}`)
        .join('[,]');
    }
    case 'ordering':
      return r.order.join('[,]');
    case 'flashcard':
      return r.text !== undefined ? cleanText(r.text) : r.rating !== undefined ? `rating:${r.rating}` : '';
  }
}

function base(c: XapiContextInput, verb: keyof typeof XAPI_VERBS): XapiStatement {
  return {
    ...(c.id ? { id: c.id } : {}),
    actor: c.actor,
    verb: { id: XAPI_VERBS[verb], display: { 'en-US': verb } },
  };
}

function stamp(c: XapiContextInput): XapiStatement {
  if (c.timestamp === undefined) return {};
  const ms = typeof c.timestamp === 'string' ? Date.parse(c.timestamp) : toEpochMs(c.timestamp, 'timestamp');
  if (!Number.isFinite(ms)) throw new RecallKitError('RK_INVALID_TIME', `expected an ISO 8601 date, got ${describe(c.timestamp)}`, 'timestamp');
  return { timestamp: new Date(ms).toISOString() };
}

function score(raw: number, max: number): Record<string, number> {
  const r = Math.max(0, Math.min(max, raw));
  const round = (n: number): number => Math.round(n * 1e6) / 1e6;
  return { scaled: max > 0 ? round(r / max) : 0, raw: round(r), min: 0, max: round(max) };
}

/** Input of {@link xapiAnswered}. */
export interface XapiAnsweredInput extends XapiContextInput {
  readonly question: Question;
  readonly response: Response;
  /** The graded outcome; computed with `grade` when left out. */
  readonly outcome?: Outcome;
  /** The quiz the question belongs to (its id under `activityBase/quizzes/`), for context.contextActivities.parent. */
  readonly quizId?: string;
}

/**
 * Builds an "answered" statement for one question: the question as a cmi.interaction activity,
 * the response in its interaction format, and the score.
 *
 * Hint: an essay (or any outcome with `needsReview`) gets no score and no success until a person marks it.
 *
 * @param input Actor, activity base, question, response and optionally the outcome, quiz, time and ids.
 * @returns The statement (plain JSON).
 * @throws RecallKitError `RK_INVALID_OPTIONS` for a bad actor, IRI, UUID or language; `RK_INVALID_RESPONSE` for a response of another type.
 * @example
 * ```ts
 * lrs.send(xapiAnswered({ actor: { mbox: 'mailto:ann@example.org' }, activityBase: 'https://school.example/rk', question, response }))
 * ```
 */
export function xapiAnswered(input: XapiAnsweredInput): XapiStatement {
  checkContext(input);
  const q = input.question;
  const language = input.language ?? 'en';
  const outcome = input.outcome ?? grade(q, input.response);
  const interaction = xapiInteraction(q, language);
  const graded = outcome.needsReview !== true;
  return {
    ...base(input, 'answered'),
    object: {
      objectType: 'Activity',
      id: iri(input.activityBase, 'questions', q.id),
      definition: { type: INTERACTION, name: lang(input, q.id), description: lang(input, q.prompt), ...interaction },
    },
    result: {
      response: xapiResponse(q, input.response),
      ...(graded ? { score: score(outcome.score, outcome.maxScore), success: outcome.correct } : {}),
      completion: true,
    },
    context: {
      ...(input.registration ? { registration: input.registration } : {}),
      language,
      ...(input.quizId ? { contextActivities: { parent: [{ objectType: 'Activity', id: iri(input.activityBase, 'quizzes', input.quizId) }] } } : {}),
    },
    ...stamp(input),
  };
}

/** Input of {@link xapiAttempt}. */
export interface XapiAttemptInput extends XapiContextInput {
  /** The quiz: an id (kebab or any text; it is URL-encoded) and a title. */
  readonly quiz: { readonly id: string; readonly title: string };
  /** The outcomes of the attempt's questions. */
  readonly outcomes: readonly Outcome[];
  /** The fraction of the maximum score needed to pass (default 0.5). */
  readonly passingScore?: number;
  /** How long the attempt took, in milliseconds. */
  readonly durationMs?: number;
}

function isoDuration(ms: number): string {
  // xAPI durations allow at most two decimals of seconds (TinCan "iso_duration" format).
  const s = Math.round(ms / 10) / 100;
  return `PT${s}S`;
}

/**
 * Builds the end-of-attempt statements: "completed", then "passed" or "failed", each with the total score.
 *
 * @param input Actor, activity base, quiz, outcomes, pass mark and optional duration, time and ids.
 * @returns `[completed, passed | failed]`.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for bad input (e.g. a pass mark outside 0..1).
 */
export function xapiAttempt(input: XapiAttemptInput): [XapiStatement, XapiStatement] {
  checkContext(input);
  if (input.quiz === null || typeof input.quiz !== 'object' || typeof input.quiz.id !== 'string' || input.quiz.id === '') throw bad(`expected { id, title }, got ${describe(input.quiz)}`, 'quiz');
  if (!Array.isArray(input.outcomes)) throw bad(`expected a list of outcomes, got ${describe(input.outcomes)}`, 'outcomes');
  const pass = input.passingScore ?? 0.5;
  if (typeof pass !== 'number' || !(pass >= 0 && pass <= 1)) throw bad(`expected a fraction from 0 to 1, got ${describe(pass)}`, 'passingScore');
  if (input.durationMs !== undefined && !(typeof input.durationMs === 'number' && input.durationMs >= 0 && Number.isFinite(input.durationMs))) throw bad(`expected milliseconds >= 0, got ${describe(input.durationMs)}`, 'durationMs');
  const raw = input.outcomes.reduce((s, o) => s + (Number.isFinite(o.score) ? o.score : 0), 0);
  const max = input.outcomes.reduce((s, o) => s + (Number.isFinite(o.maxScore) ? o.maxScore : 0), 0);
  const sc = score(raw, max);
  const passed = (sc.scaled ?? 0) >= pass;
  const object = { objectType: 'Activity', id: iri(input.activityBase, 'quizzes', input.quiz.id), definition: { type: ASSESSMENT, name: lang(input, input.quiz.title) } };
  const context = { ...(input.registration ? { registration: input.registration } : {}), language: input.language ?? 'en' };
  const duration = input.durationMs === undefined ? {} : { duration: isoDuration(input.durationMs) };
  const { id: _id, ...noId } = input;
  const completed = { ...base(input, 'completed'), object, result: { score: sc, completion: true, ...duration }, context, ...stamp(input) };
  // The statement id, if given, belongs to "completed"; the verdict gets none (the LRS assigns it).
  const verdict = { ...base(noId, passed ? 'passed' : 'failed'), object, result: { score: sc, success: passed, completion: true, ...duration }, context, ...stamp(input) };
  return [completed, verdict];
}
