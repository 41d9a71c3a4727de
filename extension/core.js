/**
 * The Rust core, compiled to WebAssembly: loaded once per start of the
 * background (from the first click on, while the content script is being
 * injected), then kept for the life of the background context.
 */
import init, { analyze, diffBadges, limits, taxonomy } from '../pkg/policy_badges.js';
import { api } from './browser-api.js';

let ready = null;
let warm = null;

/**
 * @typedef {object} Core
 * @property {typeof analyze} analyze
 * @property {typeof diffBadges} diffBadges
 * @property {{groups: {id: string, label: string}[], badges: object[]}} taxonomy  taxonomy(), computed once
 * @property {{max_input_bytes: number}} limits  limits(), computed once
 */

/**
 * The core's functions, once its wasm module is instantiated. The module is
 * read from the extension's own files, never from the network.
 * @returns {Promise<Core>}
 */
export function loadCore() {
  ready ??= init({ module_or_path: api.runtime.getURL('pkg/policy_badges_bg.wasm') })
    .then(() => ({ analyze, diffBadges, taxonomy: taxonomy(), limits: limits() }))
    .catch((error) => {
      ready = null; // let the next click try again
      throw error;
    });
  return ready;
}

/**
 * Has the engine compile the core's code before the page's text arrives:
 * it compiles each wasm function on its first call, which makes a cold
 * first analysis several times slower than the next. So the badge
 * descriptions (real sentences that reach most of the rules) are analyzed
 * once, while the content script starts and reads the page. Runs once per
 * start of the background.
 * @returns {Promise<void>}
 */
export function warmCore() {
  warm ??= loadCore().then((core) => {
    core.analyze(core.taxonomy.badges.map((badge) => badge.description).join('\n'));
  });
  return warm.catch(() => {
    warm = null;
  });
}
