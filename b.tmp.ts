import { bulkRetrievability, selectDue } from './src/scheduler/index';
const N = 1_000_000; const DAY = 864e5; const now = Date.UTC(2025,0,1);
const stability = new Float64Array(N), lastReview = new Float64Array(N), due = new Float64Array(N);
let x = 1; const rnd = () => ((x = (x * 48271) % 2147483647) / 2147483647);
for (let i = 0; i < N; i++) { stability[i] = Math.round((0.1 + rnd() * 300) * 1e8) / 1e8; lastReview[i] = now - Math.floor(rnd() * 400 * DAY); due[i] = lastReview[i] + Math.round(stability[i] * (0.5 + rnd())) * DAY; }
const out = new Float64Array(N); let sum = 0;
for (let k = 0; k < 7; k++) {
  let t0 = performance.now(); sum += bulkRetrievability({ stability, lastReview }, now, { out })[5];
  const a = performance.now() - t0; t0 = performance.now(); sum += selectDue({ stability, lastReview, due }, now, 200)[0];
  console.log('bulk', a.toFixed(1), 'top200', (performance.now() - t0).toFixed(1));
}
console.log(sum);
