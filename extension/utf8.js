/**
 * UTF-8 lengths of JavaScript strings: the core caps its input in UTF-8
 * bytes (`limits().max_input_bytes`), so the content script cuts the text it
 * extracts, and the background checks what it is sent, in the same unit.
 */

/**
 * The length of `text` in UTF-8 bytes (a lone surrogate counts 3, as
 * TextEncoder writes it as U+FFFD).
 * @param {string} text
 * @returns {number}
 */
export function utf8Length(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      if (code < 0x800) {
        bytes += 1;
      } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length &&
          (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bytes += 2; // four bytes for the pair's two code units
        i++;
      } else {
        bytes += 2;
      }
    }
  }
  return bytes;
}

/**
 * The longest start of `text` that fits in `bytes` bytes of UTF-8, never
 * splitting a surrogate pair.
 * @param {string} text
 * @param {number} bytes
 * @returns {string}
 */
export function cutToUtf8Bytes(text, bytes) {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (utf8Length(text.slice(0, mid)) <= bytes) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  const last = text.charCodeAt(low - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, low - 1) : text.slice(0, low);
}
