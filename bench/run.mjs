/**
 * `npm run bench`: the whole benchmark in one run, so its ratios compare
 * measurements taken under the same machine load. Times analyze natively
 * (cargo bench) and through the wasm build in Node, each against a regex
 * baseline on the same text; the first call in a fresh Node process; the
 * click-to-panel latency in headless Chromium; and the sizes of what ships.
 * Prints a table with PASS/FAIL per target and writes bench/results.json.
 * Exits 1 when something could not be measured, not when a target fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureClickToPanel } from './click-to-panel.mjs';
import { benchNative, RUST_ENV } from './native.mjs';
import { judge, table } from './report.mjs';
import { measureSizes } from './sizes.mjs';
import { median, METHOD } from './stats.mjs';
import { allTexts, countWords, LONG_WORDS, WORD } from './texts.mjs';
import { benchWasm } from './wasm.mjs';

const ROOT = new URL('..', import.meta.url);
const RESULTS = new URL('results.json', import.meta.url);
const FIRST_CALL = fileURLToPath(new URL('first-call.mjs', import.meta.url));
// Many: on a 2-core machine the engine's background recompiling competes
// with the first analysis in some processes and not others.
const FIRST_CALL_PROCESSES = 15;
const BUILT = [
  'pkg/policy_badges.js',
  'pkg/policy_badges_bg.wasm',
  'dist/manifest.json',
  'dist/pkg/policy_badges_bg.wasm',
  'build/policy-badges-chrome.zip',
  'build/policy-badges-firefox.zip',
];

/** Stops with a message when the build is missing, or when dist/ ships another wasm than pkg/. */
function checkBuild() {
  const missing = BUILT.filter((path) => !existsSync(new URL(path, ROOT)));
  if (missing.length > 0) {
    fail(`missing ${missing.join(', ')}: run npm run build first`);
  }
  const built = (path) => readFileSync(new URL(path, ROOT));
  if (!built('pkg/policy_badges_bg.wasm').equals(built('dist/pkg/policy_badges_bg.wasm'))) {
    fail('dist/ ships another wasm than pkg/ holds: run npm run build first');
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** The machine, as the table and results.json name it. */
function machine() {
  const rustc = spawnSync('rustc', ['--version'], { env: RUST_ENV, encoding: 'utf8' });
  return {
    date: new Date().toISOString(),
    os: `${type()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown cpu',
    cores: availableParallelism(),
    node: process.version,
    rustc: rustc.stdout?.trim() || 'rustc (not found)',
    load_start: loadavg()[0].toFixed(2),
  };
}

/**
 * How the long policy is built, with its size.
 * @param {import('./texts.mjs').Text[]} texts
 * @param {{seeds: number, rounds: number}} build  as `allTexts` reports it
 * @returns {string}
 */
function describeLongPolicy(texts, { seeds, rounds }) {
  const long = texts.find((text) => text.name === 'long-10k-x1');
  return `long-10k-x1 = the ${seeds} seeds in file-name order, each followed by "\\n\\n", `
    + `repeated ${rounds} times (the fewest reaching ${LONG_WORDS} words; words = Unicode \\w+ matches): `
    + `${countWords(long.body)} words, ${Buffer.byteLength(long.body)} bytes; long-10k-x4 and -x16 repeat it 4 and 16 times`;
}

/** Checks that the native bench timed the very texts the wasm side times. */
function checkSameTexts(nativeTexts, texts) {
  texts.forEach((text, i) => {
    const theirs = nativeTexts[i];
    const bytes = Buffer.byteLength(text.body);
    const words = countWords(text.body);
    if (theirs?.name !== text.name || theirs.bytes !== bytes || theirs.words !== words) {
      fail(`native and wasm texts differ at ${text.name}: native ${JSON.stringify(theirs)}, wasm ${bytes} bytes, ${words} words`);
    }
  });
}

/** Instantiate + first analyze, each in a fresh Node process; medians. */
function firstCall() {
  const processes = Array.from({ length: FIRST_CALL_PROCESSES }, () => {
    const child = spawnSync(process.execPath, [FIRST_CALL], { encoding: 'utf8' });
    if (child.status !== 0) {
      fail(`bench/first-call.mjs failed: ${child.stderr}`);
    }
    const result = JSON.parse(child.stdout);
    return { ...result, total_ms: result.instantiate_ms + result.first_analyze_ms };
  });
  const medianOf = (key) => median(processes.map((p) => p[key]));
  return {
    instantiate_ms: medianOf('instantiate_ms'),
    first_analyze_ms: medianOf('first_analyze_ms'),
    total_ms: medianOf('total_ms'),
    processes,
  };
}

async function main() {
  checkBuild();
  const host = machine();
  const { texts, long } = allTexts();
  console.error('== native: cargo bench --bench analyze -p policy_badges');
  const native = await benchNative();
  checkSameTexts(native.texts, texts);
  console.error('== wasm: pkg/ in node');
  const wasm = benchWasm(texts);
  console.error('== first call: fresh node processes');
  const first = firstCall();
  console.error('== click-to-panel: headless Chromium');
  const click = await measureClickToPanel();

  const results = {
    machine: { ...host, load_end: loadavg()[0].toFixed(2) },
    method: { ...METHOD, stats: 'median, min, p90 (nearest rank), µs' },
    long_policy: describeLongPolicy(texts, long),
    texts: native.texts.map(({ name, bytes, words }) => ({ name, bytes, words })),
    native: { baseline: 'regex crate (default features) \\w+', cases: native.cases },
    wasm: {
      baseline: `JS /${WORD.source}/${WORD.flags} (Unicode \\w as the regex crate defines it; JS \\w is ASCII even with u)`,
      cases: wasm.cases,
    },
    truncated: [...native.texts, ...wasm.texts].filter((text) => text.truncated).map((text) => text.name),
    first_call: first,
    click_to_panel: click,
    sizes: measureSizes(),
  };
  const targets = judge(results);
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  console.log(`\n${table(results, targets)}`);
  if (results.truncated.length > 0) {
    console.log(`note: the core truncated ${results.truncated.join(', ')}`);
  }
  const failed = targets.filter((t) => !t.pass).length;
  console.log(`\n${targets.length - failed} of ${targets.length} targets PASS; results in bench/results.json`);
}

await main();
