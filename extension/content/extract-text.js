/*
 * Content script, part 2 of 7: the page's text, as the core reads it, and a
 * map from every character back to the DOM text node it came from.
 *
 * The walk follows the flat tree (open and closed shadow roots, slots) and
 * ignores visibility on purpose: policies often fold sections into closed
 * <details>, hidden accordion panels or web components, and that text is
 * part of the policy. Whitespace is collapsed like HTML renders it; block
 * elements and <br> become "\n".
 */
(() => {
  'use strict';

  const ns = globalThis.policyBadges;
  const { nodeType, localName, childNodes, shadowRoot } = ns.page;

  /** Elements whose content is never policy text. */
  const SKIPPED = new Set([
    'audio', 'canvas', 'embed', 'head', 'iframe', 'img', 'input', 'link', 'meta', 'noscript',
    'object', 'script', 'select', 'style', 'svg', 'template', 'textarea', 'title', 'video',
  ]);

  /** Elements that start a new line of text. */
  const BLOCKS = new Set([
    'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div',
    'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
    'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre',
    'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  ]);

  const HTML_WHITESPACE = /[\t\n\f\r ]+/g;
  const IS_HTML_WHITESPACE = /[\t\n\f\r ]/;
  const BLOCK_END = Symbol('block end');

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
   * @property {boolean} capped  the page had more text than `maxChars`
   */

  /**
   * Extracts the text under `root`.
   * @param {Node} root
   * @param {{maxChars: number, skip: Element}} options  stop after maxChars
   *   characters; leave out `skip` (the panel's host) and what it contains
   * @returns {Extraction}
   */
  function extractText(root, { maxChars, skip }) {
    const parts = [];
    const segments = [];
    let length = 0;
    let atBreak = true; // at the start, or just after whitespace or a newline
    let capped = false;

    const newline = () => {
      if (length > 0 && parts[parts.length - 1] !== '\n') {
        parts.push('\n');
        length++;
        atBreak = true;
      }
    };

    const addText = (node) => {
      let value = node.data.replace(HTML_WHITESPACE, ' ');
      const droppedLeadingSpace = atBreak && value.startsWith(' ');
      if (droppedLeadingSpace) {
        value = value.slice(1);
      }
      if (value.length === 0) {
        return;
      }
      if (length + value.length > maxChars) {
        value = value.slice(0, maxChars - length);
        capped = true;
      }
      segments.push({ node, start: length, end: length + value.length, droppedLeadingSpace });
      parts.push(value);
      length += value.length;
      atBreak = value.endsWith(' ');
    };

    const stack = [root];
    while (stack.length > 0 && !capped) {
      const node = stack.pop();
      const type = node === BLOCK_END ? null : nodeType(node);
      if (node === BLOCK_END) {
        newline();
      } else if (type === Node.TEXT_NODE) {
        addText(node);
      } else if (type === Node.ELEMENT_NODE) {
        const name = localName(node);
        if (SKIPPED.has(name) || node === skip) {
          continue;
        }
        if (name === 'br') {
          newline();
          continue;
        }
        if (BLOCKS.has(name)) {
          newline();
          stack.push(BLOCK_END);
        }
        pushReversed(stack, flatChildren(node));
      } else if (type === Node.DOCUMENT_FRAGMENT_NODE || type === Node.DOCUMENT_NODE) {
        pushReversed(stack, childNodes(node));
      }
    }
    return { text: parts.join(''), segments, capped };
  }

  /**
   * An element's children in the flat tree: its shadow root's, or a slot's
   * assigned nodes. Read through `ns.page` (dom.js): a form's `childNodes`
   * or `localName` can be one of its inputs.
   */
  function flatChildren(element) {
    const root = shadowRoot(element);
    if (root) {
      return childNodes(root);
    }
    if (localName(element) === 'slot') {
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
   * node it touches (the text may cross elements and shadow roots). Text
   * nodes that have left the document since are left out.
   * @param {Segment[]} segments
   * @param {number} start
   * @param {number} end
   * @returns {Range[]}
   */
  function rangesFor(segments, start, end) {
    const ranges = [];
    for (let i = firstSegmentEndingAfter(segments, start); i < segments.length; i++) {
      const segment = segments[i];
      if (segment.start >= end) {
        break;
      }
      if (!segment.node.isConnected) {
        continue;
      }
      const range = new Range();
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

  ns.extractText = extractText;
  ns.rangesFor = rangesFor;
})();
