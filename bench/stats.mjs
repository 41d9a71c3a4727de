/**
 * The timing method of the wasm side, the same as crate/core/benches/analyze.rs
 * uses natively: the cases of one text run in turn, round after round, so
 * machine noise hits them alike; warm-up is at least 3 rounds and 0.5 s,
 * then at least 30 timed rounds and 1 s; each case reports the median, min
 * and p90 (nearest rank) of its runs, in µs. (No result needs keeping
 * alive: a call into wasm, or a regex pass that moves `lastIndex`, is never
 * optimized away.)
 */

const WARMUP_ROUNDS = 3;
const WARMUP_MS = 500;
const MIN_ROUNDS = 30;
const BUDGET_MS = 1000;

/** The method, as results.json records it. */
export const METHOD = {
  warmup: `at least ${WARMUP_ROUNDS} rounds and ${WARMUP_MS} ms`,
  timed: `at least ${MIN_ROUNDS} rounds and ${BUDGET_MS} ms`,
  order: 'the cases of one text alternate, round after round',
};

/**
 * @typedef {object} Stats
 * @property {number} runs
 * @property {number} median_us
 * @property {number} min_us
 * @property {number} p90_us
 */

/**
 * Times `cases` in turn, round after round (see the module docs).
 * @param {Array<() => unknown>} cases
 * @returns {Stats[]} one per case, in order
 */
export function measure(cases) {
  let started = performance.now();
  for (let rounds = 0; rounds < WARMUP_ROUNDS || performance.now() - started < WARMUP_MS; rounds += 1) {
    cases.forEach((run) => run());
  }
  const samples = cases.map(() => []);
  started = performance.now();
  while (samples[0].length < MIN_ROUNDS || performance.now() - started < BUDGET_MS) {
    cases.forEach((run, index) => {
      const start = process.hrtime.bigint();
      run();
      samples[index].push(Number(process.hrtime.bigint() - start) / 1000);
    });
  }
  return samples.map(summarize);
}

/**
 * Median, min and p90 (nearest rank) of some samples.
 * @param {number[]} samples  µs
 * @returns {Stats}
 */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median_us: sortedMedian(sorted),
    min_us: sorted[0],
    p90_us: sorted[Math.ceil(sorted.length * 0.9) - 1],
  };
}

/**
 * The median of some numbers (the mean of the middle two when even).
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  return sortedMedian([...values].sort((a, b) => a - b));
}

/** The median of numbers already sorted in ascending order. */
function sortedMedian(sorted) {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
