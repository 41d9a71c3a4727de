/**
 * Turns the bench's measurements into its targets (PASS/FAIL) and the table
 * it prints.
 */

/** Size targets are in KB of 1024 bytes. */
const KB = 1024;

/**
 * @typedef {object} Results  what bench/run.mjs measured (and writes to results.json)
 * @property {object} machine
 * @property {{name: string, bytes: number, words: number}[]} texts
 * @property {string} long_policy  how the long policy is built
 * @property {{cases: import('./wasm.mjs').CaseResult[]}} native
 * @property {{cases: import('./wasm.mjs').CaseResult[], baseline: string}} wasm
 * @property {{instantiate_ms: number, first_analyze_ms: number, total_ms: number, processes: object[]}} first_call
 * @property {import('./click-to-panel.mjs').ClickToPanel} click_to_panel
 * @property {import('./sizes.mjs').Size[]} sizes
 *
 * @typedef {object} Target
 * @property {string} name
 * @property {number} value
 * @property {number} limit  the value passes when at most this
 * @property {string} unit
 * @property {boolean} pass
 */

/**
 * A statistic of one case, by default its median µs.
 * @param {{cases: import('./wasm.mjs').CaseResult[]}} side
 * @param {string} text
 * @param {'analyze'|'baseline'|'baseline-ascii'} kind
 * @param {'median_us'|'min_us'|'p90_us'} [stat]
 * @returns {number}
 */
function caseStat(side, text, kind, stat = 'median_us') {
  const found = side.cases.find((c) => c.text === text && c.kind === kind);
  if (!found) {
    throw new Error(`no ${kind} case for ${text}`);
  }
  return found[stat];
}

/** analyze / baseline on one text. */
function overhead(side, text) {
  return caseStat(side, text, 'analyze') / caseStat(side, text, 'baseline');
}

/** time(16×) / time(1×) of analyze on the long policy, by median (or by another statistic). */
function scaling(side, stat = 'median_us') {
  return caseStat(side, 'long-10k-x16', 'analyze', stat) / caseStat(side, 'long-10k-x1', 'analyze', stat);
}

/**
 * The targets, judged on the measurements.
 * @param {Results} results
 * @returns {Target[]}
 */
export function judge(results) {
  const wasm = results.sizes.find((size) => size.id === 'wasm');
  const targets = [
    ['analyze / baseline, native, 10k-word policy', overhead(results.native, 'long-10k-x1'), 10, '×'],
    ['analyze / baseline, wasm, 10k-word policy', overhead(results.wasm, 'long-10k-x1'), 15, '×'],
    ['time(16×) / time(1×), native', scaling(results.native), 20, '×'],
    ['time(16×) / time(1×), wasm', scaling(results.wasm), 20, '×'],
    ['.wasm gzip', wasm.gzip / KB, 150, 'KB'],
    ['instantiate + first analyze (fresh node; the core\'s)', results.first_call.total_ms, 30, 'ms'],
    ['a page\'s first click to result, median (Chromium)', results.click_to_panel.first_result.median_us / 1000, 100, 'ms'],
    ['later clicks to result, median (Chromium)', results.click_to_panel.result.median_us / 1000, 30, 'ms'],
  ];
  return targets.map(([name, value, limit, unit]) => ({ name, value, limit, unit, pass: value <= limit }));
}

/**
 * The table, as lines of text.
 * @param {Results} results
 * @param {Target[]} targets
 * @returns {string}
 */
export function table(results, targets) {
  const { machine, native, wasm, first_call: first, click_to_panel: click } = results;
  const totals = first.processes.map((p) => p.total_ms);
  const lines = [
    `policy-badges bench, ${machine.date}`,
    `machine: ${machine.os}, ${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.rustc}`,
    `load average (1 min) at start ${machine.load_start}, at end ${machine.load_end}: timings are only as quiet as the machine`,
    `long policy: ${results.long_policy}`,
    '',
    'analyze time, median of the runs (µs); baseline = one Unicode \\w+ regex pass over the same text',
    row(['text', 'bytes', 'words', 'native', 'baseline', 'ratio', 'wasm', 'baseline', 'ratio']),
  ];
  for (const text of results.texts) {
    const cells = [native, wasm].flatMap((side) => {
      const analyze = caseStat(side, text.name, 'analyze');
      const baseline = caseStat(side, text.name, 'baseline');
      return [fixed(analyze, 1), fixed(baseline, 1), fixed(analyze / baseline, 1)];
    });
    lines.push(row([text.name, text.bytes, text.words, ...cells]));
  }
  lines.push(
    'native: cargo bench, release profile (the core uses no regex engine; regex is only the baseline\'s)',
    'native baseline: the regex crate\'s \\w+ (Unicode)',
    `wasm: the real pkg/ in node; baseline: ${wasm.baseline}`,
    `wasm reference: analyze / ASCII /\\w+/g pass on long-10k-x1 = ${fixed(caseStat(wasm, 'long-10k-x1', 'analyze') / caseStat(wasm, 'long-10k-x1', 'baseline-ascii'), 1)}`
      + ' (V8\'s fastest scan of the text, blind to non-ASCII letters)',
    `scaling time(16×)/time(1×): native ${fixed(scaling(native), 2)}, wasm ${fixed(scaling(wasm), 2)} (linear = 16);`
      + ` by min time, less sensitive to machine load: native ${fixed(scaling(native, 'min_us'), 2)}, wasm ${fixed(scaling(wasm, 'min_us'), 2)}`,
    '',
    `first call, fresh node process (median of ${first.processes.length}): instantiate ${fixed(first.instantiate_ms, 1)} ms`
      + ` + first analyze of the 10k-word policy ${fixed(first.first_analyze_ms, 1)} ms = ${fixed(first.total_ms, 1)} ms`
      + ` (fastest ${fixed(Math.min(...totals), 1)}, slowest ${fixed(Math.max(...totals), 1)})`,
    `click-to-panel, ${click.browser}, ${click.page}:`,
    `  a page's first click (injects the content script), median of ${click.firsts.length} pages:`
      + ` panel in the DOM ${ms(click.first_panel.median_us)} ms (min ${ms(click.first_panel.min_us)}),`
      + ` result shown ${ms(click.first_result.median_us)} ms (min ${ms(click.first_result.min_us)}, p90 ${ms(click.first_result.p90_us)})`,
    `  of which the session's first (also loads the core): panel ${fixed(click.session_first.panel_ms, 1)} ms,`
      + ` result ${fixed(click.session_first.result_ms, 1)} ms`,
    `  later clicks, median of ${click.runs.length}: panel in the DOM ${ms(click.panel.median_us)} ms`
      + ` (min ${ms(click.panel.min_us)}, p90 ${ms(click.panel.p90_us)}),`
      + ` result shown ${ms(click.result.median_us)} ms (min ${ms(click.result.min_us)}, p90 ${ms(click.result.p90_us)})`,
    '  Firefox is not timed: nothing outside the panel\'s closed shadow root hears when its result shows'
      + ' (no DevTools DOM events; its accessibility tree is polled, in tens of ms)',
    '',
    'size (gzip: zlib level 9, per file)',
    row(['', 'raw bytes', 'gzip bytes', 'gzip KB'], [44, 12, 12, 10]),
    ...results.sizes.map((size) => row([size.name, size.raw, size.gzip, fixed(size.gzip / KB, 1)], [44, 12, 12, 10])),
    '',
    'targets',
    ...targets.map((t) => `${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(46)} ${fixed(t.value, t.unit === '×' ? 2 : 1).padStart(8)} ${t.unit} (≤ ${t.limit})`),
  );
  return lines.join('\n');
}

/** A table row: the first cell left-aligned, the others right-aligned. */
function row(cells, widths = [18, 8, 7, 10, 9, 6, 10, 9, 6]) {
  return cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' ');
}

function fixed(value, digits) {
  return value.toFixed(digits);
}

function ms(micros) {
  return (micros / 1000).toFixed(1);
}
