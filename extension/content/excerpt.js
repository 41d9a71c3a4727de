/**
 * Finds a sentence of a selection in the page's extracted text, so that the
 * panel of "Analyze selected text" can highlight its evidence too. The
 * selection's line breaks and spacing differ from the extraction's, and the
 * extraction has synthetic markers at the start of headings, list items and
 * table cells (extract-text.js): words are matched in order, across any
 * run of whitespace and such markers.
 */

/** Characters with a meaning in regular expressions. */
const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** Between two words: whitespace, possibly around a marker (`## `, `- `, ` | `). */
const GAP = String.raw`\s+(?:(?:#{1,6}|-|\|)\s+)?`;

/**
 * Where `sentence` first occurs in `text`, ignoring differences of spacing.
 * @param {string} text  the page's extracted text
 * @param {string} sentence  a sentence of the selection
 * @returns {{start: number, end: number} | null}
 */
export function findExcerpt(text, sentence) {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return null;
  }
  const pattern = new RegExp(words.map((word) => word.replace(SPECIAL, '\\$&')).join(GAP), 'u');
  const found = pattern.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : null;
}
