// RecallKit browser demo: flashcards scheduled by FSRS-6 and a quiz with immediate
// feedback. No framework, no bundler: it imports the ESM build from /dist/ (run
// `npm run build` first) and keeps progress in localStorage.
import { bank } from '../../dist/banks/mosul-foreign-fighters.js';
import { createFsrs } from '../../dist/scheduler/index.js';
import { correctResponse, grade } from '../../dist/scoring/index.js';
import { createSession, createWebStorageStore } from '../../dist/session/index.js';
import { setupOptimizer } from './personalise.js';

const STORAGE_KEY = `recallkit:${bank.id}`;
const RATINGS = [
  { grade: 1, name: 'Again' },
  { grade: 2, name: 'Hard' },
  { grade: 3, name: 'Good' },
  { grade: 4, name: 'Easy' },
];
const QUIZ_LENGTH = 5;
const QUIZ_TYPES = new Set(['single-choice', 'multiple-choice', 'true-false', 'numeric', 'short-answer', 'cloze', 'matching', 'ordering']);

const $ = (id) => document.getElementById(id);
const letter = (i) => String.fromCharCode(65 + i);

/** Creates an element with attributes and children (strings become text, never HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === undefined || value === null) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Replaces an element's children, skipping empty values and flattening lists. */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

function humanDuration(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return days === 1 ? '1 day' : `${days} days`;
  const months = Math.round(days / 30.4);
  return months < 12 ? `${months} mo` : `${Math.round(days / 36.5) / 10} y`;
}

/** The answer that earns full marks, in words. */
function answerText(q) {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      return q.options.filter((o) => o.correct).map((o) => o.text).join('; ');
    case 'true-false':
      return q.answer ? 'True' : 'False';
    case 'numeric': {
      const a = q.answers[0];
      const value = 'min' in a ? `${a.min}–${a.max}` : a.tolerance ? `${a.value} (±${a.tolerance})` : String(a.value);
      return q.unit ? `${value} ${q.unit}` : value;
    }
    case 'short-answer':
      return q.answers[0].text;
    case 'cloze': {
      const r = correctResponse(q);
      return q.text.replace(/\{\{([A-Za-z0-9_-]+)\}\}/g, (_, id) => {
        const gap = q.gaps.find((g) => g.id === id);
        const value = r.gaps[id] ?? '';
        return `[${gap?.type === 'single-choice' ? gap.options.find((o) => o.id === value)?.text ?? value : value}]`;
      });
    }
    case 'matching':
      return q.pairs.map((p) => `${p.left} → ${p.right}`).join('; ');
    case 'ordering':
      return q.items.map((i) => i.text).join(' → ');
    case 'flashcard':
      return q.back;
    default:
      return q.modelAnswer ?? '';
  }
}

function evidence(q) {
  return [
    ...q.evidence.slice(0, 2).map((e) => h('blockquote', {}, `“${e.quote}”`)),
    h('p', { class: 'muted small' }, `— ${bank.source.publisher}, ${bank.source.title}`),
  ];
}

function showError(error) {
  const el = $('error');
  el.hidden = false;
  el.textContent = error instanceof Error ? error.message : String(error);
}

// ---------- Flashcards ----------

const store = createWebStorageStore({ storage: window.localStorage, key: STORAGE_KEY });
let session;
let current;
let revealed = false;

function renderCounts() {
  const c = session.counts();
  const counts = $('counts');
  fill(counts,
    h('span', { class: 'n-new' }, h('b', { 'data-count': 'new' }, String(c.new)), ' new'), ' · ',
    h('span', { class: 'n-learn' }, h('b', { 'data-count': 'learning' }, String(c.learning)), ' learning'), ' · ',
    h('span', { class: 'n-review' }, h('b', { 'data-count': 'review' }, String(c.review)), ' to review'),
  );
}

function renderCard() {
  renderCounts();
  const card = $('card');
  current = session.next();
  revealed = false;
  if (!current) {
    const next = Object.values(session.progress().cards).map((c) => c.due).filter((d) => d > Date.now()).sort((a, b) => a - b)[0];
    fill(card,
      h('p', { class: 'prompt' }, 'All done for now.'),
      h('p', { class: 'muted' }, next ? `The next card is due in ${humanDuration(next - Date.now())}.` : 'Come back tomorrow for new cards.'),
    );
    return;
  }
  const q = current.question;
  const options = q.type === 'single-choice' || q.type === 'multiple-choice' ? h('ol', { class: 'options', type: 'A' }, q.options.map((o) => h('li', {}, o.text))) : null;
  const show = h('button', { type: 'button', class: 'primary', id: 'show', onclick: reveal }, 'Show answer');
  fill(card,
    h('span', { class: 'tag' }, `${current.queue} · ${q.topic}`),
    h('p', { class: 'prompt', id: 'prompt' }, q.type === 'cloze' ? q.text.replace(/\{\{[^}]+\}\}/g, '_____') : q.prompt),
    q.type === 'cloze' ? h('p', { class: 'muted' }, q.prompt) : null,
    q.type === 'true-false' ? h('p', { class: 'muted' }, 'True or false?') : null,
    options,
    h('div', { class: 'actions' }, show),
  );
  show.focus();
}

function reveal() {
  if (!current || revealed) return;
  revealed = true;
  const q = current.question;
  const preview = session.preview(q.id);
  const now = Date.now();
  const buttons = RATINGS.map((r) =>
    h('button', { type: 'button', 'data-grade': r.grade, 'aria-keyshortcuts': String(r.grade), onclick: () => rate(r.grade) },
      h('span', {}, `${r.grade} ${r.name}`), h('small', {}, humanDuration(preview[r.grade].card.due - now))),
  );
  $('show')?.parentElement?.remove();
  $('card').append(
    h('div', { class: 'answer', id: 'answer' },
      h('p', {}, h('strong', {}, 'Answer: '), answerText(q)),
      h('p', { class: 'muted' }, q.explanation),
      evidence(q),
      h('div', { class: 'ratings', role: 'group', 'aria-label': 'How well did you remember it?' }, buttons),
    ),
  );
  buttons[2].focus();
}

async function rate(g) {
  if (!current || !revealed) return;
  const id = current.question.id;
  current = undefined;
  try {
    await session.rate(id, g);
  } catch (error) {
    showError(error);
  }
  renderCard();
}

// ---------- Quiz ----------

let quiz = [];
let quizIndex = 0;
let quizScore = 0;
let checked = false;

/** Deterministic shuffle (mulberry32) so that `?seed=7` always gives the same quiz. */
function shuffled(items, seed) {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function startQuiz() {
  const param = new URLSearchParams(location.search).get('seed');
  const seed = param === null ? Math.floor(Math.random() * 2 ** 31) : Number(param);
  quiz = shuffled(bank.questions.filter((q) => QUIZ_TYPES.has(q.type)), seed).slice(0, QUIZ_LENGTH);
  quizIndex = 0;
  quizScore = 0;
  renderQuizItem();
}

function choiceList(q, multiple) {
  return h('fieldset', {},
    h('legend', { class: 'prompt' }, q.prompt),
    q.options.map((o, i) =>
      h('label', { class: 'choice' }, h('input', { type: multiple ? 'checkbox' : 'radio', name: 'choice', value: o.id }), h('span', {}, `${letter(i)}. ${o.text}`)),
    ),
  );
}

function quizControls(q) {
  switch (q.type) {
    case 'single-choice':
      return choiceList(q, false);
    case 'multiple-choice':
      return [choiceList(q, true), h('p', { class: 'muted small' }, 'Select all that apply.')];
    case 'true-false':
      return h('fieldset', {}, h('legend', { class: 'prompt' }, q.prompt),
        ['true', 'false'].map((v) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'choice', value: v }), h('span', {}, v === 'true' ? 'True' : 'False'))));
    case 'numeric':
    case 'short-answer':
      return [h('label', { class: 'prompt', for: 'answer-text' }, q.prompt),
        h('div', { class: 'row' }, h('input', { type: 'text', id: 'answer-text', name: 'text', autocomplete: 'off', inputmode: q.type === 'numeric' ? 'decimal' : 'text' }), q.unit ? h('span', {}, q.unit) : null)];
    case 'cloze': {
      const parts = q.text.split(/(\{\{[A-Za-z0-9_-]+\}\})/);
      return [h('p', { class: 'prompt' }, q.prompt), h('p', {}, parts.map((part) => {
        const m = /^\{\{(.+)\}\}$/.exec(part);
        if (!m) return part;
        const gap = q.gaps.find((g) => g.id === m[1]);
        if (gap?.type === 'single-choice') return h('select', { name: `gap:${gap.id}`, 'aria-label': `Gap ${gap.id}` }, h('option', { value: '' }, '—'), gap.options.map((o) => h('option', { value: o.id }, o.text)));
        return h('input', { type: 'text', name: `gap:${m[1]}`, size: 12, 'aria-label': `Gap ${m[1]}`, autocomplete: 'off' });
      }))];
    }
    case 'matching': {
      const choices = shuffled([...q.pairs.map((p) => p.right), ...(q.distractors ?? [])], q.id.length);
      return [h('p', { class: 'prompt' }, q.prompt), q.pairs.map((p) =>
        h('div', { class: 'row' }, h('label', { for: `m-${p.id}` }, p.left), h('select', { id: `m-${p.id}`, name: `match:${p.id}` }, h('option', { value: '' }, '—'), choices.map((c) => h('option', { value: c }, c)))))];
    }
    case 'ordering': {
      const items = shuffled(q.items, q.id.length + 1);
      return [h('p', { class: 'prompt' }, q.prompt), h('p', { class: 'muted small' }, 'Give each item its position (1 = first).'), items.map((item) =>
        h('div', { class: 'row' }, h('select', { id: `o-${item.id}`, name: `order:${item.id}`, 'aria-label': `Position of ${item.text}` }, h('option', { value: '' }, '—'), q.items.map((_, i) => h('option', { value: String(i + 1) }, String(i + 1)))), h('label', { for: `o-${item.id}` }, item.text)))];
    }
    default:
      return h('p', {}, q.prompt);
  }
}

function readResponse(q, form) {
  const data = new FormData(form);
  switch (q.type) {
    case 'single-choice':
      return { type: q.type, optionId: data.get('choice') ?? null };
    case 'multiple-choice':
      return { type: q.type, optionIds: data.getAll('choice') };
    case 'true-false': {
      const v = data.get('choice');
      return { type: q.type, value: v === null ? null : v === 'true' };
    }
    case 'numeric':
      return { type: q.type, value: String(data.get('text') ?? '') };
    case 'short-answer':
      return { type: q.type, text: String(data.get('text') ?? '') };
    case 'cloze':
      return { type: q.type, gaps: Object.fromEntries(q.gaps.map((g) => [g.id, String(data.get(`gap:${g.id}`) ?? '')])) };
    case 'matching':
      return { type: q.type, matches: Object.fromEntries(q.pairs.map((p) => [p.id, String(data.get(`match:${p.id}`) ?? '')])) };
    case 'ordering': {
      const position = (item) => Number(data.get(`order:${item.id}`)) || Number.POSITIVE_INFINITY;
      return { type: q.type, order: q.items.slice().sort((a, b) => position(a) - position(b)).map((i) => i.id) };
    }
    default:
      return null;
  }
}

function renderQuizItem() {
  checked = false;
  const form = $('quiz-form');
  fill($('quiz-feedback'));
  if (quizIndex >= quiz.length) {
    $('quiz-progress').textContent = 'Quiz finished';
    const again = h('button', { type: 'button', class: 'primary', id: 'quiz-again', onclick: startQuiz }, 'Take another quiz');
    fill(form, h('p', { class: 'prompt', id: 'quiz-score' }, `You scored ${Math.round(quizScore * 100) / 100} out of ${quiz.length}.`), h('div', { class: 'actions' }, again));
    again.focus();
    return;
  }
  const q = quiz[quizIndex];
  $('quiz-progress').textContent = `Question ${quizIndex + 1} of ${quiz.length}`;
  form.dataset.type = q.type;
  fill(form, h('span', { class: 'tag' }, `${q.topic} · ${q.type}`), quizControls(q), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'check' }, 'Check')));
  form.querySelector('input, select')?.focus();
}

function checkAnswer(event) {
  event.preventDefault();
  if (checked) return;
  const q = quiz[quizIndex];
  const outcome = grade(q, readResponse(q, $('quiz-form')));
  checked = true;
  quizScore += outcome.fraction;
  for (const el of $('quiz-form').querySelectorAll('input, select, button[type="submit"]')) el.disabled = true;
  const cls = outcome.correct ? 'correct' : outcome.fraction > 0 ? 'partial' : 'wrong';
  const word = outcome.correct ? '✓ Correct' : outcome.fraction > 0 ? `◐ Partly correct (${Math.round(outcome.fraction * 100)}%)` : '✗ Not quite';
  const next = h('button', { type: 'button', class: 'primary', id: 'quiz-next', onclick: () => { quizIndex++; renderQuizItem(); } }, quizIndex + 1 < quiz.length ? 'Next question' : 'See your score');
  fill($('quiz-feedback'),
    h('div', { class: 'card' },
      h('p', { class: `verdict ${cls}`, id: 'verdict' }, word),
      outcome.correct ? null : h('p', {}, h('strong', {}, 'Answer: '), answerText(q)),
      outcome.feedback.map((f) => h('p', {}, f)),
      h('p', { class: 'muted' }, q.explanation),
      evidence(q),
      h('div', { class: 'actions' }, next),
    ),
  );
  next.focus();
}

// ---------- Modes and keys ----------

function setMode(mode) {
  $('cards').hidden = mode !== 'cards';
  $('quiz').hidden = mode !== 'quiz';
  $('mode-cards').setAttribute('aria-pressed', String(mode === 'cards'));
  $('mode-quiz').setAttribute('aria-pressed', String(mode === 'quiz'));
  if (mode === 'quiz') startQuiz();
  else renderCard();
}

document.addEventListener('keydown', (event) => {
  if ($('cards').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
  // Space and Enter on the optimizer's buttons press them; they must not reveal the card.
  if (event.target instanceof Element && event.target.closest('#optimizer')) return;
  if (!revealed && (event.key === ' ' || event.key === 'Enter') && current) {
    event.preventDefault();
    reveal();
  } else if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
    event.preventDefault();
    rate(Number(event.key));
  }
});

async function init() {
  $('bank-title').textContent = `${bank.title} · ${bank.questions.length} questions`;
  $('citation').textContent = `Questions built from “${bank.source.title}”, ${bank.source.publisher}. Scheduling: FSRS-6.`;
  $('mode-cards').addEventListener('click', () => setMode('cards'));
  $('mode-quiz').addEventListener('click', () => setMode('quiz'));
  $('quiz-form').addEventListener('submit', checkAnswer);
  $('reset').addEventListener('click', () => {
    if (!confirm('Forget all progress in this browser?')) return;
    localStorage.removeItem(STORAGE_KEY);
    location.reload();
  });
  session = await createSession({ bank, scheduler: createFsrs(), store, now: () => Date.now() });
  setupOptimizer({ getLogs: () => session.progress().logs });
  document.body.dataset.ready = 'true';
  setMode('cards');
}

init().catch(showError);
