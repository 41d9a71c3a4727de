/**
 * Text helpers shared by the background modules.
 */

/**
 * `text` with every whitespace run collapsed to one space and its ends
 * trimmed: on one line, and the same however it was flowed or indented.
 * @param {string} text
 * @returns {string}
 */
export function collapseWhitespace(text) {
  return text.replace(/\s+/g, ' ').trim();
}
