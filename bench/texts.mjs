/**
 * The texts the bench times, built exactly as crate/core/benches/analyze.rs
 * builds them for the native side: each seed policy, and the long policy —
 * the seeds in file-name order, each followed by a blank line ("\n\n"), that
 * whole round repeated until it holds at least 10,000 words — then the long
 * policy repeated 4 and 16 times.
 */
import { readdirSync, readFileSync } from 'node:fs';

const SEEDS_DIR = new URL('../tests/fixtures/seeds/', import.meta.url);

/** The long policy holds at least this many words. */
export const LONG_WORDS = 10_000;

/** The long policy is also timed repeated this many times. */
const SCALES = [1, 4, 16];

/**
 * A word, and the wasm side's baseline pattern: Unicode `\w` as UTS #18
 * defines it, the class that the regex crate's `\w` matches. JavaScript's
 * own `\w` is ASCII-only even with the `u` flag.
 */
export const WORD = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]+/gu;

/**
 * JavaScript's ASCII `\w+`: not a word of Unicode text, but V8's fastest
 * scan of it, reported beside the baseline for reference.
 */
export const ASCII_WORD = /\w+/g;

/**
 * @typedef {object} Text
 * @property {string} name  a seed's file stem, or `long-10k-x<scale>`
 * @property {string} body
 */

/**
 * Counts the matches of a global regex in `text` (by default the words): one
 * pass over the text, with `test` so that no match object is built.
 * @param {string} text
 * @param {RegExp} [pattern]
 * @returns {number}
 */
export function countWords(text, pattern = WORD) {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.test(text)) {
    count += 1;
  }
  return count;
}

/**
 * The seed policies, in file-name order.
 * @returns {Text[]}
 */
export function seedTexts() {
  return readdirSync(SEEDS_DIR)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.md'.length), body: readFileSync(new URL(file, SEEDS_DIR), 'utf8') }));
}

/**
 * The long policy at each of {@link SCALES}, and how many rounds of the seeds
 * it holds.
 * @param {Text[]} seeds
 * @returns {{rounds: number, texts: Text[]}}
 */
export function longTexts(seeds) {
  const round = seeds.map((seed) => `${seed.body}\n\n`).join('');
  let long = '';
  let rounds = 0;
  while (countWords(long) < LONG_WORDS) {
    long += round;
    rounds += 1;
  }
  return { rounds, texts: SCALES.map((scale) => ({ name: `long-10k-x${scale}`, body: long.repeat(scale) })) };
}

/**
 * Every text the bench times: the seeds, then the long policy's scales; and
 * how the long policy was built.
 * @returns {{texts: Text[], long: {seeds: number, rounds: number}}}
 */
export function allTexts() {
  const seeds = seedTexts();
  const { rounds, texts } = longTexts(seeds);
  return { texts: [...seeds, ...texts], long: { seeds: seeds.length, rounds } };
}
