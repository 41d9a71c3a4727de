/*
 * Content script, part 4 of 7: shows one evidence sentence on the page:
 * opens the <details> it is folded in, highlights it and scrolls to it.
 *
 * The highlight uses the CSS Custom Highlight API (styled by
 * ::highlight(policy-badges-evidence) in ../page.css), which paints ranges
 * without touching the page's DOM. Where it is missing, the sentence is
 * selected instead, which is just as visible and just as harmless.
 */
(() => {
  'use strict';

  const ns = globalThis.policyBadges;
  const { localName, parentElement, parentOrHost, scrollIntoView, selection: getSelection } = ns.page;
  const HIGHLIGHT_NAME = 'policy-badges-evidence';
  const reducedMotion = globalThis.matchMedia('(prefers-reduced-motion: reduce)');

  /**
   * Highlights [start, end) of the extracted text and scrolls it into view.
   * @param {object[]} segments  from extractText (extract-text.js)
   * @param {number} start
   * @param {number} end
   * @returns {'shown'|'hidden'|'missing'} shown; highlighted but in a part
   *   of the page that is hidden; or no longer in the page at all
   */
  function showEvidence(segments, start, end) {
    const ranges = ns.rangesFor(segments, start, end);
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
  function clearEvidence() {
    if (globalThis.CSS?.highlights) {
      CSS.highlights.delete(HIGHLIGHT_NAME);
    }
  }

  function paint(ranges) {
    if (globalThis.CSS?.highlights && typeof Highlight === 'function') {
      CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
      return;
    }
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(ranges[0]);
  }

  /**
   * Opens every closed <details> around `node`, across shadow roots. The way
   * up is read through `ns.page` (dom.js): a form's `parentNode` can be one
   * of its inputs, whose parent is the form again.
   */
  function openEnclosingDetails(node) {
    for (let at = node; at; at = parentOrHost(at)) {
      if (localName(at) === 'details' && !at.open) {
        at.open = true;
      }
    }
  }

  ns.showEvidence = showEvidence;
  ns.clearEvidence = clearEvidence;
})();
