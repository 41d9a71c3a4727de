/**
 * The Rust core, compiled to WebAssembly: loaded on first use, then kept for
 * the life of the background context.
 */
import init, { analyze, diffBadges, taxonomy } from '../pkg/policy_badges.js';
import { api } from './browser-api.js';

let ready = null;

/**
 * The core's functions, once its wasm module is instantiated. The module is
 * read from the extension's own files, never from the network.
 * @returns {Promise<{analyze: typeof analyze, diffBadges: typeof diffBadges, taxonomy: object}>}
 *   `taxonomy` is the core's taxonomy() result, computed once
 */
export function loadCore() {
  ready ??= init({ module_or_path: api.runtime.getURL('pkg/policy_badges_bg.wasm') })
    .then(() => ({ analyze, diffBadges, taxonomy: taxonomy() }))
    .catch((error) => {
      ready = null; // let the next click try again
      throw error;
    });
  return ready;
}
