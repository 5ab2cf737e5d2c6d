// "Personalise (optimizer)": fits FSRS-6 weights to the learner's review logs in a Web Worker
// (optimizer-worker.js), showing progress, the 21 weights, the stage and the fit's metrics.
// When the learner has too few reviews, it fits a synthetic history instead (synthetic.js) and says so.
import { syntheticHistory } from './synthetic.js';

/** Reviews made a day or more after the card's previous one: what the optimizer learns from (it needs 64 to train). */
export const MIN_ITEMS = 64;

/** The synthetic history covers 2025, always the same, so the same button gives the same weights. */
const SYNTHETIC = { cards: 2000, days: 365, seed: 1, now: Date.UTC(2026, 0, 1) };

const $ = (id) => document.getElementById(id);
const fmt = (x, digits) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const STAGES = {
  trained: 'trained (all 21 weights fitted)',
  pretrained: 'pretrained (w0–w3 fitted, the rest default)',
  defaults: 'defaults (too little data to fit anything)',
};

/**
 * Wires the optimizer section of the page.
 *
 * @param {{ getLogs: () => readonly object[] }} options Returns the learner's review logs (oldest first).
 */
export function setupOptimizer({ getLogs }) {
  const start = $('optimize');
  const cancel = $('optimize-cancel');
  const status = $('optimizer-status');
  const bar = $('optimizer-progress');
  const output = $('optimizer-result');
  let worker = null;

  const finish = () => {
    worker?.terminate();
    worker = null;
    start.disabled = false;
    cancel.hidden = true;
    bar.hidden = true;
    start.focus();
  };

  start.addEventListener('click', async () => {
    if (worker) return;
    document.body.dataset.optimizer = 'preparing';
    start.disabled = true;
    output.replaceChildren();
    output.hidden = true;
    const own = getLogs();
    const items = own.filter((log) => log.rating > 0 && log.elapsedDays >= 1).length;
    let logs = own;
    let source;
    if (items < MIN_ITEMS) {
      status.textContent = `You have ${items} review${items === 1 ? '' : 's'} made a day or more after the last one; the optimizer needs ${MIN_ITEMS}. Drawing a synthetic history…`;
      try {
        logs = await syntheticHistory(SYNTHETIC);
      } catch (error) {
        status.textContent = `Could not draw the synthetic history: ${error instanceof Error ? error.message : String(error)}`;
        start.disabled = false;
        document.body.dataset.optimizer = 'error';
        return;
      }
      source = `a synthetic history (${logs.length.toLocaleString('en')} reviews of ${SYNTHETIC.cards.toLocaleString('en')} cards by a simulated learner, not your data: you have ${items} of the ${MIN_ITEMS} reviews it needs)`;
    } else {
      source = `your ${logs.length.toLocaleString('en')} reviews`;
    }
    const began = performance.now();
    worker = new Worker(new URL('./optimizer-worker.js', import.meta.url), { type: 'module' });
    document.body.dataset.optimizer = 'running';
    bar.value = 0;
    bar.hidden = false;
    cancel.hidden = false;
    cancel.focus();
    status.textContent = `Fitting ${source}…`;
    worker.addEventListener('message', ({ data }) => {
      if (data.type === 'progress') {
        bar.value = data.done / data.total;
        bar.textContent = `${Math.round((100 * data.done) / data.total)}%`;
        // The status is a live region: change it once per epoch, not after every batch.
        const text = `Fitting: epoch ${data.epoch} of ${data.epochs}…`;
        if (status.textContent !== text) status.textContent = text;
        return;
      }
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      if (data.type === 'result') {
        status.textContent = `Done in ${seconds} s, fitted on ${source}.`;
        showResult(output, data);
        document.body.dataset.optimizer = 'done';
      } else if (data.error?.code === 'RK_ABORTED') {
        status.textContent = 'Cancelled.';
        document.body.dataset.optimizer = 'cancelled';
      } else {
        status.textContent = `The optimizer failed (${data.error?.code ?? 'unknown'}): ${data.error?.message ?? ''}`;
        document.body.dataset.optimizer = 'error';
      }
      finish();
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      status.textContent = `The optimizer worker failed: ${event.message || 'it could not start'}`;
      document.body.dataset.optimizer = 'error';
      finish();
    });
    worker.postMessage({ type: 'start', logs, seed: 1 });
  });

  cancel.addEventListener('click', () => {
    worker?.postMessage({ type: 'cancel' });
    status.textContent = 'Cancelling…';
  });
}

/** Renders the stage, the metrics and the 21 weights (rounded). */
function showResult(output, { weights, stage, metrics, data }) {
  const h = (tag, attrs, ...children) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.append(...children);
    return el;
  };
  const row = (name, value) => [h('dt', {}, name), h('dd', {}, value)];
  output.replaceChildren(
    h('dl', { class: 'metrics' },
      ...row('Stage', h('span', { id: 'optimizer-stage', 'data-stage': stage }, STAGES[stage] ?? stage)),
      ...row('Log loss', fmt(metrics.logLoss, 4)),
      ...row('RMSE (bins)', fmt(metrics.rmseBins, 4)),
      ...row('AUC', fmt(metrics.auc, 3)),
      ...row('Data', `${data.items.toLocaleString('en')} reviews to predict on ${data.cards.toLocaleString('en')} cards`),
    ),
    h('h3', { class: 'small' }, 'FSRS-6 weights'),
    h('ol', { class: 'weights', start: '0', id: 'optimizer-weights' },
      ...weights.map((w, i) => h('li', { 'data-weight': String(w) }, h('span', { class: 'muted' }, `w${i}`), ' ', h('b', {}, fmt(w, 3)))),
    ),
    h('p', { class: 'muted small' }, 'Log loss and RMSE: lower is better; AUC: higher is better. Scored on the same reviews the weights were fitted to.'),
  );
  output.hidden = false;
}
