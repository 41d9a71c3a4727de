/**
 * The native side: runs `cargo bench --bench analyze` (crate/core/benches/analyze.rs)
 * with its progress on this terminal, and reads the JSON it prints.
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The environment for cargo and rustc: rustup's bin directory on PATH. */
export const RUST_ENV = { ...process.env, PATH: `${join(homedir(), '.cargo', 'bin')}:${process.env.PATH}` };

/**
 * @typedef {object} NativeResult
 * @property {import('./wasm.mjs').CaseResult[]} cases
 * @property {{name: string, bytes: number, words: number, truncated: boolean}[]} texts
 */

/**
 * Builds (release profile) and runs the native bench.
 * @returns {Promise<NativeResult>}
 */
export function benchNative() {
  return new Promise((resolve, reject) => {
    const child = spawn('cargo', ['bench', '--bench', 'analyze', '-p', 'policy-badges'], {
      cwd: ROOT,
      env: RUST_ENV,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`cargo bench exited with ${code}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
      } catch (error) {
        reject(new Error(`cargo bench printed no JSON result: ${error.message}`));
      }
    });
  });
}
