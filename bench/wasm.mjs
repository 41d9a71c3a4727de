/**
 * The wasm side, in this Node process: the real pkg/ that the extension
 * ships, loaded with wasm-bindgen's `initSync`, timed on the same texts and
 * by the same method as the native side (stats.mjs). `analyze` here is what
 * the extension calls: the text crosses into wasm as UTF-8, the summary comes
 * back as JS objects. The baseline is a JS regex pass of Unicode `\w+`
 * (texts.mjs `WORD`), compiled by V8 to machine code; V8 runs such Unicode
 * classes about 4× slower on two-byte strings (any text with a character past
 * U+00FF, as every seed but two has) than on one-byte ones, so an ASCII `\w+`
 * pass (`baseline-ascii`) is timed too, as the strictest reference.
 */
import { readFileSync } from 'node:fs';
import { analyze, initSync } from '../pkg/policy_badges.js';
import { measure } from './stats.mjs';
import { ASCII_WORD, countWords } from './texts.mjs';

const WASM = new URL('../pkg/policy_badges_bg.wasm', import.meta.url);

/**
 * @typedef {object} CaseResult
 * @property {string} text
 * @property {'analyze'|'baseline'|'baseline-ascii'} kind
 * @property {number} runs
 * @property {number} median_us
 * @property {number} min_us
 * @property {number} p90_us
 */

/**
 * Times analyze and the baseline on each text, printing a line per case to
 * stderr as it goes.
 * @param {import('./texts.mjs').Text[]} texts
 * @returns {{cases: CaseResult[], texts: {name: string, truncated: boolean}[]}}
 */
export function benchWasm(texts) {
  initSync({ module: readFileSync(WASM) });
  const cases = [];
  for (const text of texts) {
    const kinds = {
      analyze: () => analyze(text.body),
      baseline: () => countWords(text.body),
      'baseline-ascii': () => countWords(text.body, ASCII_WORD),
    };
    const stats = measure(Object.values(kinds));
    Object.keys(kinds).forEach((kind, i) => {
      console.error(`wasm ${text.name.padEnd(18)} ${kind.padEnd(14)} median ${stats[i].median_us.toFixed(1).padStart(10)} µs (${stats[i].runs} runs)`);
      cases.push({ text: text.name, kind, ...stats[i] });
    });
  }
  return { cases, texts: texts.map((text) => ({ name: text.name, truncated: analyze(text.body).truncated })) };
}
