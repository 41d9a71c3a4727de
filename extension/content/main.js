/**
 * The content script's entry point (bundled with the modules it imports
 * into one classic script, ../../dist/extension/content.js, by
 * scripts/build-extension.mjs): the controller. The background hands it
 * every click of the toolbar button (toggle the panel) and of "Analyze
 * selected text" (open it on the selection) as a message (see
 * ../inject.js). It opens the panel, sends the text to the background for
 * analysis and shows the result, or closes the panel.
 */
import { MessageType } from '../messages.js';
import { cutToUtf8Bytes, utf8Length } from '../utf8.js';
import { changeSection } from './changes.js';
import { api, element, on, page } from './dom.js';
import { extractText } from './extract-text.js';
import { clearEvidence, showEvidence } from './highlight.js';
import { createPanel } from './panel.js';
import { findPolicyLink } from './policy-link.js';
import { findExcerpt } from './excerpt.js';
import { t } from './texts.js';

/** The most text the core reads, in UTF-8 bytes: its `limits().max_input_bytes`, set at build time. */
const MAX_INPUT_BYTES = __MAX_INPUT_BYTES__;

/**
 * Past this many elements, the panel paints its loading state before the
 * page is read (a 10 MB page takes a second); a smaller page is read at
 * once, in a few milliseconds.
 */
const LARGE_PAGE_ELEMENTS = 20_000;


/** Set while the panel is open. */
let session = null;

/**
 * @typedef {object} Request  what the background asks for, on each click
 * @property {string} closeTitle  the close button's tooltip (it names the
 *   keyboard shortcut of the toolbar button)
 * @property {string} [selection]  the selected text to analyze; when
 *   absent, the whole page is analyzed
 */

/**
 * Opens the panel on the page, or closes it when it is open.
 * @param {Request} request
 */
function toggle(request) {
  if (session) {
    close();
  } else {
    open(request);
  }
}

/**
 * Opens the panel (closing the one open first): on the page, or on the
 * selected text.
 * @param {Request} request
 */
function open(request) {
  close();
  const excerpt = typeof request.selection === 'string';
  const title = excerpt ? t('selectionTitle') : location.hostname || t('thisPage');
  const current = { returnFocusTo: page.activeElement(), panel: null, extraction: null, excerpt };
  session = current;
  current.panel = createPanel({ title, closeTitle: request.closeTitle, onClose: close });
  current.panel.showLoading();
  analyze(current, request).catch((error) => {
    if (session === current) {
      current.panel.showMessage(t('panelCouldNotAnalyze'), error.message);
    }
  });
}

/** Extracts the text (or takes the selection), has the background analyze it, and shows the result. */
async function analyze(current, request) {
  if (page.elementCount() > LARGE_PAGE_ELEMENTS) {
    await afterNextPaint(); // the panel shows before a long page's extraction
    if (session !== current) {
      return;
    }
  }
  let text;
  let capped;
  let empty;
  if (current.excerpt) {
    ({ text, capped } = cutSelection(request.selection));
    empty = !/\S/.test(text);
  } else {
    current.extraction = extractPage(current);
    ({ text, capped } = current.extraction);
    empty = current.extraction.segments.length === 0; // the page's title alone is no text
  }
  if (empty) {
    current.panel.showMessage(t(current.excerpt ? 'panelSelectionNoText' : 'panelNoText'));
    return;
  }
  const reply = await requestAnalysis({ type: MessageType.ANALYZE, text, capped, excerpt: current.excerpt });
  if (session !== current) {
    return; // closed while the core was working
  }
  if (reply.error) {
    current.panel.showMessage(t('panelCouldNotAnalyze'), reply.error);
  } else if (reply.model.kind === 'not-policy') {
    current.panel.showNotPolicy(reply.model, findPolicyLink(document), (url) => {
      api.runtime.sendMessage({ type: MessageType.OPEN_URL, url });
    });
  } else {
    showResult(current, reply);
  }
}

/** The page's text, from its body (the panel's host left out). */
function extractPage(current) {
  return extractText(page.body() ?? page.documentElement(), {
    maxBytes: MAX_INPUT_BYTES,
    skip: current.panel.host,
    title: page.title(),
  });
}

/** The selection, cut to what the core reads. */
function cutSelection(selection) {
  const capped = utf8Length(selection) > MAX_INPUT_BYTES;
  return { text: capped ? cutToUtf8Bytes(selection, MAX_INPUT_BYTES) : selection, capped };
}

/**
 * Shows the badges, below the "Changed since" section when the policy
 * changed since the last visit (changes.js), with a History button.
 */
function showResult(current, reply) {
  const onEvidence = (evidence) => showEvidenceOf(current, evidence);
  const historyButton = element('button', {
    type: 'button', class: 'secondary', title: t('panelHistoryTitle'),
  }, [t('panelHistory')]);
  on(historyButton, 'click', () => openHistory(current));
  current.panel.showBadges(reply.model, {
    onEvidence,
    onCopy: () => copySummary(current, reply.markdown),
    lead: reply.change ? [changeSection(reply.change, onEvidence)] : [],
    buttons: [historyButton],
  });
  if (reply.change) {
    current.panel.setStatus(`${reply.change.heading}. Found ${reply.model.countsText}`, { visible: false });
  }
}

/**
 * Has the background open the History page in a new tab. The history is
 * never shown in the page: a page can reach into the panel's shadow tree
 * (Firefox hands it to window.find() and the selection), and must not
 * learn which other sites were analyzed.
 */
async function openHistory({ panel }) {
  let reply;
  try {
    reply = await api.runtime.sendMessage({ type: MessageType.OPEN_HISTORY });
  } catch (error) {
    reply = { error: error.message };
  }
  if (session?.panel === panel) {
    panel.setStatus(t(reply?.opened ? 'panelHistoryOpened' : 'panelHistoryNotOpened'));
  }
}

/**
 * Resolves once the browser has painted a frame (rAF, then a task), or
 * after 100 ms if it paints none (a tab in the background).
 */
function afterNextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/**
 * The background's answer: `{model, markdown, change}` or `{error}`. Asked
 * on a port of its own rather than with runtime.sendMessage: if the page
 * goes away during the analysis, the port just closes, where a pending
 * sendMessage promise would be settled in an unloaded page (Firefox logs
 * that as an error), and the background knows the page is gone.
 */
function requestAnalysis(message) {
  const noAnswer = { error: t('panelNoAnswer') };
  return new Promise((resolve) => {
    try {
      const port = api.runtime.connect({ name: MessageType.ANALYZE });
      port.onMessage.addListener((reply) => {
        resolve(reply ?? noAnswer);
        port.disconnect();
      });
      port.onDisconnect.addListener(() => {
        void api.runtime.lastError; // read, so Chrome does not report it as unchecked
        resolve(noAnswer);
      });
      // eslint-disable-next-line no-restricted-properties -- a runtime.Port's, not a window's
      port.postMessage(message);
    } catch (error) {
      resolve({ error: error.message });
    }
  });
}

function close() {
  if (!session) {
    return;
  }
  const { panel, returnFocusTo } = session;
  session = null;
  panel.remove();
  clearEvidence();
  if (returnFocusTo && page.isConnected(returnFocusTo) && returnFocusTo !== page.body()) {
    page.focus(returnFocusTo, { preventScroll: true });
  }
}

/**
 * Highlights an evidence sentence on the page. For a selection, the
 * sentence is looked up in the page's text (read on the first click): it
 * may be in a frame the extension cannot read.
 */
function showEvidenceOf(current, evidence) {
  let where = evidence;
  if (current.excerpt) {
    current.extraction ??= extractPage(current);
    where = findExcerpt(current.extraction.text, evidence.text);
  }
  const shown = where ? showEvidence(current.extraction.segments, where.start, where.end) : 'missing';
  current.panel.setStatus(t({
    shown: 'panelHighlighted',
    hidden: 'panelHighlightedHidden',
    missing: current.excerpt ? 'panelSentenceElsewhere' : 'panelSentenceGone',
  }[shown]));
}

async function copySummary({ panel }, markdown) {
  try {
    await navigator.clipboard.writeText(markdown);
    panel.setStatus(t('panelCopied'));
  } catch {
    panel.showCopyFallback(markdown);
    panel.setStatus(t('panelCopyFallback'));
  }
}

/**
 * Answers a click the background hands over (inject.js): only the
 * background (the extension's own sender, in no tab) is heard, and only
 * for the page that was clicked.
 */
function onMessage(message, sender, sendResponse) {
  if (sender.id !== api.runtime.id || sender.tab !== undefined || message?.type !== MessageType.PANEL) {
    return false;
  }
  const { request } = message;
  if (typeof request?.url === 'string' && location.href !== request.url) {
    sendResponse('elsewhere'); // the tab moved on: the click was another page's
  } else {
    if (request?.action === 'open') {
      open(request);
    } else {
      toggle(request);
    }
    sendResponse(true);
  }
  return false;
}

// Injected again (after the background restarted, it cannot know), the
// bundle leaves the one that holds the open panel in place. The mark is an
// own property of the isolated world's global, which the page cannot see
// (a page element with id="policyBadges" is only a named property there).
if (!Object.hasOwn(globalThis, 'policyBadges')) {
  globalThis.policyBadges = Object.freeze({});
  api.runtime.onMessage.addListener(onMessage);
}
