// Every lint the project has, in one command (`npm run lint`): Rust
// formatting and clippy, ESLint on the JavaScript, and web-ext lint on the
// built extension (dist/, made by `npm run build`). Prints PASS or FAIL per
// step and exits non-zero if any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;

/** Each step: a name and the command that checks it. */
const STEPS = [
  { name: 'cargo fmt --check', command: ['cargo', 'fmt', '--all', '--check'] },
  { name: 'cargo clippy', command: ['cargo', 'clippy', '--all-targets', '--', '-D', 'warnings'] },
  {
    // The core is pure Rust: it builds for wasm without the bindings crate.
    name: 'core builds for wasm32 on its own',
    command: ['cargo', 'check', '-p', 'policy-badges', '--target', 'wasm32-unknown-unknown'],
  },
  {
    name: 'eslint',
    command: [`${BIN}/eslint`, '--no-error-on-unmatched-pattern', 'extension', 'tests', 'scripts', 'bench', 'eslint.config.js'],
  },
  {
    name: 'web-ext lint',
    command: [`${BIN}/web-ext`, 'lint', '--source-dir', 'dist', '--no-input'],
    requires: { path: 'dist/manifest.json', hint: 'dist/ is missing: run npm run build first' },
  },
];

/** Runs one step with its output shown; true when it passes. */
function run({ name, command, requires }) {
  console.log(`\n== ${name}`);
  if (requires && !existsSync(`${ROOT}${requires.path}`)) {
    console.log(requires.hint);
    return false;
  }
  const result = spawnSync(command[0], command.slice(1), { cwd: ROOT, stdio: 'inherit' });
  if (result.error) {
    console.log(`could not run ${command[0]}: ${result.error.message}`);
  }
  return result.status === 0;
}

const results = STEPS.map((step) => ({ name: step.name, passed: run(step) }));
console.log('\n== summary');
for (const { name, passed } of results) {
  console.log(`${passed ? 'PASS' : 'FAIL'} ${name}`);
}
process.exit(results.every((r) => r.passed) ? 0 : 1);
