/**
 * `npm run bench:batch`: the figures of `policy-badges batch` and
 * `timeline` on this machine, with the targets of issue 17 judged PASS or
 * FAIL. Kept apart from bench/run.mjs, which needs the wasm build and a
 * browser; this needs only the release CLI and GNU time (Debian's `time`).
 *
 *   node bench/batch.mjs [--corpus DIR]... [--ota REPO]
 *
 * - Throughput: the dev corpora (`../shared/corpus-dev`, `../shared/corpus-
 *   modern`, or each --corpus DIR) listed ROUNDS times in a manifest, run
 *   with --jobs 1 and with every core, in turn, RUNS times each; documents
 *   per second by median wall time. Target: speedup ≥ 0.8 × cores.
 * - Memory: 10,000 documents made from the corpus texts (each a corpus text
 *   with a line of its own) in a temporary directory; peak RSS of a batch
 *   over 100 of them and over all 10,000 (GNU time's %M), median of RUNS.
 *   Target: RSS(10,000) / RSS(100) ≤ 2.
 * - With --ota REPO (a clone of Open Terms Archive's contrib-versions, or
 *   any repository of `<Service>/Privacy Policy.md` files): one timeline of
 *   every privacy policy, timed, with what it found. No target.
 *
 * Exits 1 when something could not be measured, not when a target fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENV = { ...process.env, PATH: `${join(homedir(), '.cargo', 'bin')}:${process.env.PATH}` };
const CLI = join(ROOT, 'target/release/policy-badges');
const TIME = '/usr/bin/time';
const DEFAULT_CORPORA = ['../shared/corpus-dev', '../shared/corpus-modern'].map((dir) => join(ROOT, dir));
/** How many times the corpora are listed for the throughput runs. */
const ROUNDS = 30;
/** Timed runs per configuration. */
const RUNS = 3;
const SMALL = 100;
const LARGE = 10_000;
const OTA_GLOB = '*/Privacy Policy.md';

function fail(message) {
  console.error(`bench:batch: ${message}`);
  process.exit(1);
}

/** The command line: corpus directories and an optional OTA repository. */
function options(argv) {
  const corpora = [];
  let ota = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--corpus' && argv[i + 1]) {
      corpora.push(argv[(i += 1)]);
    } else if (argv[i] === '--ota' && argv[i + 1]) {
      ota = argv[(i += 1)];
    } else {
      fail(`unknown argument ${argv[i]} (usage: node bench/batch.mjs [--corpus DIR]... [--ota REPO])`);
    }
  }
  return { corpora: corpora.length > 0 ? corpora : DEFAULT_CORPORA, ota };
}

/** The policy texts of the corpora (.txt, .md, .html), by path. */
function corpusFiles(corpora) {
  const files = corpora.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => /\.(txt|md|html?)$/i.test(name)).sort().map((name) => join(dir, name));
    } catch (error) {
      return fail(`cannot read the corpus ${dir}: ${error.message}`);
    }
  });
  if (files.length === 0) {
    fail(`no .txt, .md or .html file in ${corpora.join(', ')}`);
  }
  return files;
}

/** Runs the CLI with `args` under GNU time: wall and CPU seconds, peak RSS in KB, and its stderr. */
function timed(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(TIME, ['-f', 'peak-kb %M cpu-s %U %S', CLI, ...args], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.error) {
    fail(`cannot run ${TIME}: ${child.error.message} (apt-get install time)`);
  }
  if (child.status !== 0) {
    fail(`policy-badges ${args.join(' ')} failed: ${child.stderr}`);
  }
  const [, peak, user, system] = child.stderr.match(/^peak-kb (\d+) cpu-s ([\d.]+) ([\d.]+)$/m) ?? [];
  return { seconds, cpu: Number(user) + Number(system), peakKb: Number(peak), stderr: child.stderr };
}

/** Documents per second with one worker and with every core, runs alternating. */
function throughput(work, files) {
  const manifest = join(work, 'corpus.jsonl');
  const lines = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    files.forEach((path, i) => lines.push(JSON.stringify({ id: `${round}-${i}`, path })));
  }
  writeFileSync(manifest, `${lines.join('\n')}\n`);
  const cores = availableParallelism();
  const one = [];
  const all = [];
  for (let run = 0; run < RUNS; run += 1) {
    one.push(timed(['batch', '--jobs', '1', manifest]));
    all.push(timed(['batch', manifest]));
  }
  const documents = lines.length;
  const wall = (runs) => runs.map((r) => r.seconds);
  const cpu = (runs) => median(runs.map((r) => r.cpu));
  return {
    documents,
    cores,
    one: median(wall(one)),
    all: median(wall(all)),
    cpuOne: cpu(one),
    cpuAll: cpu(all),
    runs: { one: wall(one), all: wall(all) },
  };
}

/** 10,000 documents in directories of 100: corpus texts, each with a line of its own. */
function makeDocuments(work, files) {
  const texts = files.map((path) => readFileSync(path, 'utf8'));
  const root = join(work, 'docs');
  for (let i = 0; i < LARGE; i += 1) {
    const dir = join(root, String(Math.floor(i / SMALL)).padStart(3, '0'));
    if (i % SMALL === 0) {
      mkdirSync(dir, { recursive: true });
    }
    const text = texts[i % texts.length];
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), `${text}\n\nThis is copy ${i} of the text.\n`);
  }
  return { root, first: join(root, '000') };
}

/** Peak RSS of a batch over 100 and over 10,000 documents, medians. */
function memory(work, files) {
  const { root, first } = makeDocuments(work, files);
  const small = [];
  const large = [];
  let summary = '';
  for (let run = 0; run < RUNS; run += 1) {
    small.push(timed(['batch', first]).peakKb);
    const big = timed(['batch', root]);
    large.push(big.peakKb);
    summary = big.stderr.split('\n')[0];
  }
  return { small: median(small), large: median(large), runs: { small, large }, summary };
}

/** One timeline of every privacy policy of an OTA repository, with its closing line. */
async function otaTimeline(repo, work) {
  const started = process.hrtime.bigint();
  const child = spawn(CLI, ['timeline', repo, '--all', OTA_GLOB, '--html', join(work, 'ota.html'), '-o', join(work, 'ota.jsonl')], {
    env: ENV,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) {
    fail(`timeline over ${repo} failed: ${stderr}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, summary: stderr.trim().split('\n').at(-1) };
}

function build() {
  console.error('== cargo build --release -p policy-badges-cli');
  const built = spawnSync('cargo', ['build', '--release', '--quiet', '-p', 'policy-badges-cli'], { cwd: ROOT, env: ENV, stdio: 'inherit' });
  if (built.status !== 0) {
    fail('the release build failed');
  }
}

const verdict = (pass) => (pass ? 'PASS' : 'FAIL');

async function main() {
  const { corpora, ota } = options(process.argv.slice(2));
  const files = corpusFiles(corpora);
  build();
  const work = mkdtempSync(join(tmpdir(), 'policy-badges-bench-'));
  try {
    const loadStart = loadavg()[0].toFixed(2);
    console.error(`== throughput: ${files.length} corpus documents × ${ROUNDS}, --jobs 1 and every core, ${RUNS} runs each`);
    const speed = throughput(work, files);
    console.error(`== memory: ${SMALL} and ${LARGE} documents, ${RUNS} runs each`);
    const rss = memory(work, files);
    const timeline = ota ? (console.error(`== timeline of ${ota}`), await otaTimeline(ota, work)) : null;
    const loadEnd = loadavg()[0].toFixed(2);

    const speedup = speed.one / speed.all;
    const speedupTarget = 0.8 * speed.cores;
    const ratio = rss.large / rss.small;
    const rate = (seconds) => (speed.documents / seconds).toFixed(0);
    console.log(`
machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${speed.cores} cores; load ${loadStart} at the start, ${loadEnd} at the end
corpus: ${files.length} documents (${corpora.join(', ')}), listed ${ROUNDS} times: ${speed.documents} documents a run

| figure | value | target |
|---|---|---|
| documents/s, 1 core | ${rate(speed.one)} (${speed.one.toFixed(2)} s) | |
| documents/s, ${speed.cores} cores | ${rate(speed.all)} (${speed.all.toFixed(2)} s) | |
| speedup | ${speedup.toFixed(2)}× | ≥ ${speedupTarget.toFixed(1)}× ${verdict(speedup >= speedupTarget)} |
| CPU seconds, 1 core / all cores | ${speed.cpuOne.toFixed(2)} / ${speed.cpuAll.toFixed(2)} | |
| peak RSS, ${SMALL} documents | ${(rss.small / 1024).toFixed(1)} MB | |
| peak RSS, ${LARGE} documents | ${(rss.large / 1024).toFixed(1)} MB | |
| RSS(${LARGE}) / RSS(${SMALL}) | ${ratio.toFixed(2)} | ≤ 2 ${verdict(ratio <= 2)} |${timeline ? `
| timeline of every '${OTA_GLOB}' | ${timeline.seconds.toFixed(1)} s | |` : ''}

A speedup below the CPU-seconds ratio × cores means the cores were not all free (see the load).
runs (s): 1 core ${speed.runs.one.map((s) => s.toFixed(2)).join(', ')}; all cores ${speed.runs.all.map((s) => s.toFixed(2)).join(', ')}
runs (KB): ${SMALL} documents ${rss.runs.small.join(', ')}; ${LARGE} documents ${rss.runs.large.join(', ')}
${rss.summary}${timeline ? `\n${timeline.summary}` : ''}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
