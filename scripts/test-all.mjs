#!/usr/bin/env node
// Runs every test suite of the project, streams their output, and ends with
// one line of totals over all suites: "N passed, N failed".
//
// A suite whose tool is missing, that crashes, or that ran no test at all
// counts as failed, so a run that tested nothing cannot look green.
//
//   node scripts/test-all.mjs            every suite
//   node scripts/test-all.mjs rust e2e   only suites whose name contains a word

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cargoBin = join(process.env.HOME ?? '', '.cargo', 'bin');
const env = { ...process.env, PATH: `${cargoBin}:${process.env.PATH}` };

/** Sums cargo's and wasm-bindgen-test's "test result: ... N passed; M failed" lines. */
function parseCargo(output) {
  let passed = 0;
  let failed = 0;
  for (const m of output.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  return { passed, failed };
}

/** Reads node:test's TAP totals ("# pass N", "# fail N"). */
function parseTap(output) {
  const count = (word) => Number(output.match(new RegExp(`^# ${word} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') };
}

/** One test: the command itself, passed when it exits 0. */
function parseExit(output, code) {
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** Counts the "PASS"/"FAIL" step lines of scripts/lint.mjs. */
function parseSteps(output) {
  return {
    passed: (output.match(/^PASS\b/gm) ?? []).length,
    failed: (output.match(/^FAIL\b/gm) ?? []).length,
  };
}

const nodeTest = (...files) => ['node', ['--test', '--test-reporter=tap', '--test-concurrency=1', ...files], parseTap];

/** The end-to-end test files of one browser (`*-chromium.test.mjs`, `chromium.test.mjs`...). */
function e2eFiles(browser) {
  return readdirSync(join(root, 'tests/e2e'))
    .filter((name) => name.endsWith('.test.mjs') && name.includes(browser))
    .sort()
    .map((name) => `tests/e2e/${name}`);
}

const suites = [
  { name: 'rust: cargo test', run: ['cargo', ['test', '--workspace', '--color', 'never'], parseCargo] },
  { name: 'wasm: wasm-pack test --node', run: ['wasm-pack', ['test', '--node', '--mode', 'no-install', 'crate/wasm', '--test', 'web'], parseCargo] },
  {
    name: 'wasm: browser tests (headless Chromium and Firefox)',
    run: ['bash', ['scripts/test-wasm-browsers.sh'], parseCargo],
  },
  { name: 'build: wasm, dist/ and zips', run: ['npm', ['run', '--silent', 'build'], parseExit] },
  { name: 'unit: extension glue (node --test)', run: nodeTest('tests/extension/') },
  { name: 'e2e: Chromium', run: nodeTest(...e2eFiles('chromium')) },
  { name: 'e2e: Firefox', run: nodeTest(...e2eFiles('firefox')) },
  { name: 'lint', run: ['node', ['scripts/lint.mjs'], parseSteps] },
];

/** Runs one suite, teeing its output; resolves to its counts and duration. */
function runSuite({ name, run: [command, args, parse] }) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
    let output = '';
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    const finish = (code, problem) => {
      const counts = parse(output, code);
      let failed = counts.failed;
      if (problem) {
        failed = Math.max(failed, 1);
      } else if (code !== 0 && failed === 0) {
        failed = 1;
        problem = `exited with code ${code}`;
      } else if (counts.passed + counts.failed === 0) {
        failed = 1;
        problem = 'ran no tests';
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ name, passed: counts.passed, failed, problem, seconds });
    };
    child.on('error', (error) =>
      finish(127, error.code === 'ENOENT' ? `${command} is not installed (run npm start)` : error.message),
    );
    child.on('close', (code) => finish(code));
  });
}

const filters = process.argv.slice(2);
const selected = suites.filter((s) => filters.length === 0 || filters.some((f) => s.name.includes(f)));
const results = [];
for (const suite of selected) {
  const missing = suite.run[1].find((a) => /\.(mjs|sh)$|\/$/.test(a) && !existsSync(join(root, a)));
  results.push(
    missing
      ? { name: suite.name, passed: 0, failed: 1, problem: `${missing} is missing`, seconds: '0.0' }
      : await runSuite(suite),
  );
}

console.log('\n━━ Summary');
for (const r of results) {
  const status = r.failed ? 'FAIL' : 'ok  ';
  console.log(`${status} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)${r.problem ? ` — ${r.problem}` : ''}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
