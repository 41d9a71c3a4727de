/**
 * Shows one evidence sentence on the page:
 * opens the <details> it is folded in, highlights it and scrolls to it.
 *
 * The highlight uses the CSS Custom Highlight API (styled by
 * ::highlight(policy-badges-evidence) in ../page.css), which paints ranges
 * without touching the page's DOM. Where it is missing, and in same-origin
 * frames, the sentence is selected instead, which is just as visible and
 * just as harmless.
 */
import { page } from './dom.js';
import { rangesFor } from './extract-text.js';

const { localName, parentElement, parentOrHost, scrollIntoView } = page;
const HIGHLIGHT_NAME = 'policy-badges-evidence';
const reducedMotion = globalThis.matchMedia('(prefers-reduced-motion: reduce)');

/**
 * Highlights [start, end) of the extracted text and scrolls it into view.
 * @param {import('./extract-text.js').Segment[]} segments  from extractText
 * @param {number} start
 * @param {number} end
 * @returns {'shown'|'hidden'|'missing'} shown; highlighted but in a part
 *   of the page that is hidden; or no longer in the page at all
 */
export function showEvidence(segments, start, end) {
  const ranges = rangesFor(segments, start, end);
  if (ranges.length === 0) {
    return 'missing';
  }
  const first = ranges[0];
  openEnclosingDetails(first.startContainer);
  paint(ranges);
  if (first.getClientRects().length === 0) {
    return 'hidden';
  }
  const parent = parentElement(first.startContainer);
  if (parent) {
    scrollIntoView(parent, { block: 'center', behavior: reducedMotion.matches ? 'instant' : 'smooth' });
  }
  return 'shown';
}

/** Removes the highlight. */
export function clearEvidence() {
  if (globalThis.CSS?.highlights) {
    CSS.highlights.delete(HIGHLIGHT_NAME);
  }
}

/**
 * Paints the ranges: as a highlight in the page's own document, or as the
 * selection of a same-origin frame's document (page.css, which styles the
 * highlight, is only in the page's).
 */
function paint(ranges) {
  clearEvidence();
  const view = ranges[0].startContainer.ownerDocument.defaultView;
  if (view === window && globalThis.CSS?.highlights && typeof Highlight === 'function') {
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    return;
  }
  const selection = view === window ? page.selection() : view.getSelection();
  selection.removeAllRanges();
  selection.addRange(ranges[0]);
}

/**
 * Opens every closed <details> around `node`, across shadow roots. The way
 * up is read through `page` (dom.js): a form's `parentNode` can be one
 * of its inputs, whose parent is the form again.
 */
function openEnclosingDetails(node) {
  for (let at = node; at; at = parentOrHost(at)) {
    if (localName(at) === 'details' && !at.open) {
      at.open = true;
    }
  }
}
