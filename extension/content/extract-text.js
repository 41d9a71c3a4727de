/**
 * The page's text, as the core reads it, and a map from every character back
 * to the DOM text node it came from.
 *
 * The walk follows the flat tree (open and closed shadow roots, slots, and
 * the documents of same-origin iframes) and ignores visibility on purpose:
 * policies often fold sections into closed <details>, hidden accordion
 * panels or web components, and that text is part of the policy.
 * Whitespace is collapsed like HTML renders it; blocks and <br> become
 * "\n". The structure is written the way the CLI's HTML reader writes it
 * (crate/src/cli/html.rs), so both hand the core the same text:
 * - the page title first, as `# <title>`;
 * - h1–h6 as `#`×level + space + text; `role="heading"` with its
 *   `aria-level` (2 when it has none);
 * - each `li` on its own line, as `- ` + text;
 * - each table row on one line, its cells joined by ` | `.
 * Those markers are synthetic: they map to no DOM text node, so no
 * evidence range ever starts on one, and a range across a table row skips
 * them.
 */
import { cutToUtf8Bytes, utf8Length } from '../utf8.js';
import { page } from './dom.js';

const { nodeType, localName, childNodes, shadowRoot, attribute, frameDocument } = page;

/** Elements whose content is never policy text. */
const SKIPPED = new Set([
  'audio', 'canvas', 'embed', 'head', 'img', 'input', 'link', 'meta', 'noscript',
  'object', 'script', 'select', 'style', 'svg', 'template', 'textarea', 'title', 'video',
]);

/** Elements that start a new line of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'iframe', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Heading elements and their level. */
const HEADINGS = new Map([['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6]]);

const CELLS = new Set(['td', 'th']);
const CELL_SEPARATOR = ' | ';
const HTML_WHITESPACE = /[\t\n\f\r ]+/g;
const IS_HTML_WHITESPACE = /[\t\n\f\r ]/;

/** Stack entries that are not nodes: the end of a block or of a table cell, a cell separator. */
const BLOCK_END = Symbol('block end');
const CELL_END = Symbol('cell end');
const NEXT_CELL = Symbol('next cell');

/**
 * @typedef {object} Segment  where one text node's text sits in the extracted string
 * @property {Text} node
 * @property {number} start  offset of its first character in the string
 * @property {number} end    offset just past its last character
 * @property {boolean} droppedLeadingSpace  its leading whitespace was dropped
 *
 * @typedef {object} Extraction
 * @property {string} text
 * @property {Segment[]} segments  in string order, not overlapping
 * @property {boolean} capped  the page had more text than `maxBytes`
 */

/**
 * Extracts the text under `root`.
 * @param {Node} root
 * @param {{maxBytes: number, skip: Element, title?: string}} options  stop
 *   before the text passes maxBytes bytes of UTF-8; leave out `skip` (the
 *   panel's host) and what it contains; `title` is the page's title
 * @returns {Extraction}
 */
export function extractText(root, { maxBytes, skip, title = '' }) {
  const out = new Writer(maxBytes);
  if (title) {
    out.marker('# ');
    out.marker(title.replace(HTML_WHITESPACE, ' '));
    out.newline();
  }
  let cellDepth = 0; // inside a table cell, blocks do not break the row's line
  const stack = [root];
  while (stack.length > 0 && !out.capped) {
    const node = stack.pop();
    if (node === BLOCK_END) {
      if (cellDepth === 0) {
        out.newline();
      }
      continue;
    }
    if (node === CELL_END) {
      cellDepth--;
      continue;
    }
    if (node === NEXT_CELL) {
      out.separator(CELL_SEPARATOR);
      continue;
    }
    const type = nodeType(node);
    if (type === Node.TEXT_NODE) {
      out.text(node);
    } else if (type === Node.ELEMENT_NODE) {
      const name = localName(node);
      if (SKIPPED.has(name) || node === skip) {
        continue;
      }
      if (name === 'br') {
        if (cellDepth === 0) {
          out.newline();
        } else {
          out.space();
        }
        continue;
      }
      const marker = lineMarker(node, name);
      if (cellDepth === 0 && (marker !== null || BLOCKS.has(name))) {
        out.newline();
        stack.push(BLOCK_END);
        if (marker) {
          out.marker(marker);
        }
      } else if (cellDepth > 0 && BLOCKS.has(name)) {
        out.space();
      }
      if (CELLS.has(name)) {
        cellDepth++;
        stack.push(CELL_END);
      }
      pushReversed(stack, name === 'tr' ? rowChildren(node) : flatChildren(node, name));
    } else if (type === Node.DOCUMENT_FRAGMENT_NODE || type === Node.DOCUMENT_NODE) {
      pushReversed(stack, childNodes(node));
    }
  }
  return { text: out.parts.join(''), segments: out.segments, capped: out.capped };
}

/**
 * The extracted string as it grows: text from the page (with its
 * segments), synthetic markers, line breaks; all counted in UTF-8 bytes
 * against the cap.
 */
class Writer {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.parts = [];
    this.segments = [];
    this.length = 0; // UTF-16 code units
    this.bytes = 0;
    this.atBreak = true; // at the start, or just after whitespace, a newline or a marker
    this.capped = false;
  }

  /** Appends `value` if it fits (cut to what fits, and `capped` set, if not); returns what was kept. */
  push(value) {
    let kept = value;
    let bytes = utf8Length(kept);
    if (this.bytes + bytes > this.maxBytes) {
      kept = cutToUtf8Bytes(kept, this.maxBytes - this.bytes);
      bytes = utf8Length(kept);
      this.capped = true;
    }
    this.parts.push(kept);
    this.length += kept.length;
    this.bytes += bytes;
    return kept;
  }

  newline() {
    if (this.length > 0 && this.parts[this.parts.length - 1] !== '\n') {
      this.push('\n');
      this.atBreak = true;
    }
  }

  space() {
    if (!this.atBreak) {
      this.push(' ');
      this.atBreak = true;
    }
  }

  /** Synthetic text (a heading's `## `, an item's `- `, the title): no segment. */
  marker(value) {
    this.push(value);
    this.atBreak = value.endsWith(' ') || value.endsWith('\n');
  }

  /** A cell separator: after the previous cell's text, with its trailing space dropped. */
  separator(value) {
    const last = this.parts.length - 1;
    const segment = this.segments[this.segments.length - 1];
    if (last >= 0 && this.parts[last].endsWith(' ') && segment?.end === this.length) {
      this.parts[last] = this.parts[last].slice(0, -1);
      this.length--;
      this.bytes--;
      segment.end--;
    }
    if (this.length > 0 && this.parts[last] !== '\n') {
      this.marker(value);
    }
  }

  /** A text node's text, whitespace collapsed, mapped back to the node. */
  text(node) {
    let value = node.data.replace(HTML_WHITESPACE, ' ');
    const droppedLeadingSpace = this.atBreak && value.startsWith(' ');
    if (droppedLeadingSpace) {
      value = value.slice(1);
    }
    if (value.length === 0) {
      return;
    }
    const start = this.length;
    const kept = this.push(value);
    if (kept.length > 0) {
      this.segments.push({ node, start, end: start + kept.length, droppedLeadingSpace });
      this.atBreak = kept.endsWith(' ');
    }
  }
}

/**
 * The synthetic start of an element's line: `#`×level + space for a
 * heading, `- ` for a list item; null for anything else.
 */
function lineMarker(element, name) {
  const level = HEADINGS.get(name) ??
    (attribute(element, 'role') === 'heading' ? headingLevel(attribute(element, 'aria-level')) : null);
  if (level !== null) {
    return `${'#'.repeat(level)} `;
  }
  return name === 'li' ? '- ' : null;
}

/** An `aria-level` as a heading level from 1 to 6; 2 when missing or invalid. */
function headingLevel(value) {
  const level = Number.parseInt(value ?? '', 10);
  return level >= 1 && level <= 6 ? level : 2;
}

/** A table row's children, with a separator before every cell but the first. */
function rowChildren(row) {
  const children = [];
  let cells = 0;
  for (const child of flatChildren(row, 'tr')) {
    if (CELLS.has(localName(child)) && cells++ > 0) {
      children.push(NEXT_CELL);
    }
    children.push(child);
  }
  return children;
}

/**
 * An element's children in the flat tree: its shadow root's, a slot's
 * assigned nodes, or a same-origin iframe's document. Read through `page`
 * (dom.js): a form's `childNodes` or `localName` can be one of its inputs.
 */
function flatChildren(element, name) {
  if (name === 'iframe') {
    const frame = frameDocument(element);
    return frame ? [frame] : [];
  }
  const root = shadowRoot(element);
  if (root) {
    return childNodes(root);
  }
  if (name === 'slot') {
    const assigned = element.assignedNodes();
    if (assigned.length > 0) {
      return assigned;
    }
  }
  return childNodes(element);
}

function pushReversed(stack, nodes) {
  for (let i = nodes.length - 1; i >= 0; i--) {
    stack.push(nodes[i]);
  }
}

/**
 * The offset in `segment.node.data` of the character at `offset` in the
 * segment's collapsed text (or of the end of the text, for its length).
 * @param {Segment} segment
 * @param {number} offset  0 ≤ offset ≤ segment.end - segment.start
 * @returns {number}
 */
function nodeOffset(segment, offset) {
  const data = segment.node.data;
  let i = 0;
  if (segment.droppedLeadingSpace) {
    while (i < data.length && IS_HTML_WHITESPACE.test(data[i])) {
      i++;
    }
  }
  for (let n = 0; n < offset && i < data.length; n++) {
    if (IS_HTML_WHITESPACE.test(data[i])) {
      while (i < data.length && IS_HTML_WHITESPACE.test(data[i])) {
        i++;
      }
    } else {
      i++;
    }
  }
  return i;
}

/**
 * DOM ranges covering [start, end) of the extracted text: one per text
 * node it touches (the text may cross elements, shadow roots and frames).
 * Text nodes that have left the document since are left out.
 * @param {Segment[]} segments
 * @param {number} start
 * @param {number} end
 * @returns {Range[]}
 */
export function rangesFor(segments, start, end) {
  const ranges = [];
  for (let i = firstSegmentEndingAfter(segments, start); i < segments.length; i++) {
    const segment = segments[i];
    if (segment.start >= end) {
      break;
    }
    if (!segment.node.isConnected) {
      continue;
    }
    const range = segment.node.ownerDocument.createRange();
    range.setStart(segment.node, nodeOffset(segment, Math.max(start, segment.start) - segment.start));
    range.setEnd(segment.node, nodeOffset(segment, Math.min(end, segment.end) - segment.start));
    ranges.push(range);
  }
  return ranges;
}

/** Binary search: the index of the first segment with end > offset. */
function firstSegmentEndingAfter(segments, offset) {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid].end > offset) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}
