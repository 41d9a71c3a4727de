/**
 * The background context: answers toolbar clicks, runs the core on the text
 * the content script sends, keeps the toolbar button's badge in step with
 * the tab, and keeps the policy history for the History page (history.html).
 * Makes no network requests: the only fetches are of the extension's own
 * files.
 */
import { api } from './browser-api.js';
import { loadCore } from './core.js';
import { handleClick } from './click.js';
import { summaryMarkdown } from './markdown.js';
import { answerHistoryRequest, rememberPage } from './history-service.js';
import {
  HISTORY_PAGE, MessageType, isHistoryPage, isOpenHistoryRequest, isOwnContentScript, parseAnalyzeRequest,
  parseHistoryRequest, parseOpenUrlRequest,
} from './messages.js';
import { presentSummary } from './present.js';
import { resetTab, showConcerns } from './action-state.js';

/** Per tab, the click being handled: clicks on one tab are handled in turn. */
const clicks = new Map();

api.action.onClicked.addListener((tab) => {
  const previous = clicks.get(tab.id) ?? Promise.resolve();
  const current = previous
    .then(() => handleClick(tab))
    .catch((error) => console.error('Policy Badges: click on tab', tab.id, error));
  clicks.set(tab.id, current);
  current.finally(() => {
    if (clicks.get(tab.id) === current) {
      clicks.delete(tab.id);
    }
  });
});

/** Senders the background answers, by the addresses they send from. */
const EXTENSION_ROOT = api.runtime.getURL('');
const HISTORY_PAGE_URL = api.runtime.getURL(HISTORY_PAGE);

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (isHistoryPage(sender, api.runtime.id, HISTORY_PAGE_URL)) {
    const request = parseHistoryRequest(message);
    if (!request) {
      return false;
    }
    answerHistoryRequest(request)
      .then(sendResponse, (error) => sendResponse({ error: String(error?.message ?? error) }));
    return true;
  }
  if (!isOwnContentScript(sender, api.runtime.id, EXTENSION_ROOT)) {
    return false;
  }
  if (isOpenHistoryRequest(message)) {
    openHistoryPage(sender.tab)
      .then(() => sendResponse({ opened: true }), (error) => sendResponse({ error: String(error?.message ?? error) }));
    return true;
  }
  const url = parseOpenUrlRequest(message);
  if (url) {
    api.tabs.update(sender.tab.id, { url });
  }
  return false;
});

/**
 * Opens the History page in a new tab next to `tab`. It is an extension page,
 * out of every web page's reach: the list of sites analyzed never enters a
 * page's document, not even the panel's closed shadow tree.
 * @param {{id: number, index: number, windowId: number}} tab  the sender's tab
 */
async function openHistoryPage(tab) {
  await api.tabs.create({ url: HISTORY_PAGE_URL, index: tab.index + 1, windowId: tab.windowId, openerTabId: tab.id });
}

/**
 * Analyze requests come on a port (see content.js `requestAnalysis`), one
 * request per port: when the page goes away during the analysis, its port
 * closes, nothing is left pending in the unloaded page, and the toolbar
 * button, which now speaks for the next page, is left alone.
 */
api.runtime.onConnect.addListener((port) => {
  if (!isOwnContentScript(port.sender, api.runtime.id, EXTENSION_ROOT) || port.name !== MessageType.ANALYZE) {
    port.disconnect();
    return;
  }
  let open = true;
  let asked = false;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  port.onMessage.addListener((message) => {
    const request = asked ? null : parseAnalyzeRequest(message);
    if (!request) {
      port.disconnect();
      return;
    }
    asked = true;
    analyzePage(request, port.sender, () => open)
      .catch((error) => ({ error: String(error?.message ?? error) }))
      .then((reply) => {
        if (open) {
          // eslint-disable-next-line no-restricted-properties -- a runtime.Port's, not a window's
          port.postMessage(reply);
        }
      })
      .catch(() => {}); // the port closed meanwhile
  });
});

api.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading' || changeInfo.url) {
    resetTab(tabId).catch(() => {}); // the tab may be gone already
  }
});

/**
 * Runs the core on a page's text, shows its number of concerns on the
 * toolbar button, and remembers a policy in the history (with what changed
 * since the last visit, if anything did).
 * @param {() => boolean} pageIsOpen  false once the page went away: the
 *   button then belongs to the tab's next page and is left alone
 * @returns {Promise<{model: object, markdown: string, change: object|null}>}
 */
async function analyzePage({ text, capped }, sender, pageIsOpen) {
  const core = await loadCore();
  const summary = core.analyze(text);
  const url = sender.url ?? sender.tab.url ?? '';
  const model = presentSummary(summary, core.taxonomy, { title: siteName(url), capped });
  let change = null;
  if (model.kind === 'badges') {
    if (pageIsOpen()) {
      await showConcerns(sender.tab.id, model.counts.bad);
    }
    change = await rememberPage({ url, text, summary }, core);
  } else if (pageIsOpen()) {
    await resetTab(sender.tab.id);
  }
  return { model, markdown: summaryMarkdown(model, url), change };
}

/** The host name of `url`, or a neutral name when it has none. */
function siteName(url) {
  try {
    return new URL(url).hostname || 'This page';
  } catch {
    return 'This page';
  }
}
