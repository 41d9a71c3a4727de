/**
 * The Rust core, compiled to WebAssembly: loaded once per start of the
 * background (from the first click on, while the content script is being
 * injected), then kept for the life of the background context.
 */
import init, { analyze, diffBadges, limits, taxonomy } from '../pkg/policy_badges.js';
import { api } from './browser-api.js';

let ready = null;

/**
 * @typedef {object} Core
 * @property {typeof analyze} analyze
 * @property {typeof diffBadges} diffBadges
 * @property {{groups: {id: string, label: string}[], badges: object[]}} taxonomy  taxonomy(), computed once
 * @property {{max_input_bytes: number}} limits  limits(), computed once
 */

/**
 * The core's functions, once its wasm module is instantiated and warmed up.
 * The module is read from the extension's own files, never from the
 * network. The engine compiles each wasm function on its first call, so a
 * first analysis of the badge descriptions (real sentences that reach most
 * of the rules) runs here, off the path of the page's own analysis.
 * @returns {Promise<Core>}
 */
export function loadCore() {
  ready ??= init({ module_or_path: api.runtime.getURL('pkg/policy_badges_bg.wasm') })
    .then(() => {
      const core = { analyze, diffBadges, taxonomy: taxonomy(), limits: limits() };
      analyze(core.taxonomy.badges.map((badge) => badge.description).join('\n'));
      return core;
    })
    .catch((error) => {
      ready = null; // let the next click try again
      throw error;
    });
  return ready;
}
