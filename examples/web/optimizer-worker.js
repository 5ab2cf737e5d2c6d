// Runs the FSRS-6 optimizer off the main thread, so the page stays responsive while it fits.
// Start it as a module worker: new Worker(new URL('./optimizer-worker.js', import.meta.url), { type: 'module' })
//
// Messages in:  { type: 'start', logs, seed? }   RecallKit review logs (each with a cardId), oldest first
//               { type: 'cancel' }                aborts the fit in progress
// Messages out: { type: 'progress', epoch, epochs, done, total }      after every batch
//               { type: 'result', weights, stage, metrics, data }      the fit (data: cards/items counts)
//               { type: 'error', error: { code, message } }           code RK_ABORTED after a cancel
import { optimize } from '../../dist/optimizer/index.js';

let controller = null;

self.addEventListener('message', async (event) => {
  const message = event.data ?? {};
  if (message.type === 'cancel') {
    controller?.abort();
    return;
  }
  if (message.type !== 'start') return;
  if (controller) {
    self.postMessage({ type: 'error', error: { code: 'RK_BUSY', message: 'a fit is already running in this worker' } });
    return;
  }
  controller = new AbortController();
  try {
    const result = await optimize(message.logs, {
      seed: message.seed ?? 1,
      invalid: 'skip',
      signal: controller.signal,
      // A worker has no UI to keep smooth, but yielding after every batch lets a 'cancel' message in quickly.
      yieldEvery: 1,
      onProgress: ({ epoch, epochs, done, total }) => self.postMessage({ type: 'progress', epoch, epochs, done, total }),
    });
    const { cards, items, outlierCards } = result.data;
    self.postMessage({ type: 'result', weights: result.weights, stage: result.stage, metrics: result.metrics, data: { cards, items, outlierCards } });
  } catch (error) {
    const code = typeof error?.code === 'string' ? error.code : 'RK_WORKER_ERROR';
    self.postMessage({ type: 'error', error: { code, message: error instanceof Error ? error.message : String(error) } });
  } finally {
    controller = null;
  }
});
