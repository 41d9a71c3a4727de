/**
 * The background context: answers toolbar clicks, the keyboard shortcut and
 * "Analyze selected text", runs the core on the text the content script
 * sends, keeps the toolbar button's badge in step with the tab, keeps the
 * policy history for the History page (history.html) and the settings of
 * the options page (options.html). Makes no network requests: the only
 * fetch is of the extension's own wasm file.
 */
import { api } from './browser-api.js';
import { loadCore, warmCore } from './core.js';
import { handleClick } from './click.js';
import { forgetTab } from './inject.js';
import { summaryMarkdown } from './markdown.js';
import { answerHistoryRequest, forgetEverything, rememberPage } from './history-service.js';
import {
  HISTORY_PAGE, MessageType, OPTIONS_PAGE, isOpenHistoryRequest, isOwnContentScript, isOwnPage, parseAnalyzeRequest,
  parseHistoryRequest, parseOpenUrlRequest, parseSettingsRequest,
} from './messages.js';
import { presentSummary } from './present.js';
import { resetTab, showConcerns } from './action-state.js';
import { readSettings, writeSettings } from './settings.js';
import { hashText } from './history-store.js';
import { closeTitle } from './shortcut.js';
import { text } from './i18n.js';

/** The context menu entry on a selection. */
const ANALYZE_SELECTION_MENU = 'analyze-selection';

/** Senders the background answers, by the addresses they send from. */
const EXTENSION_ROOT = api.runtime.getURL('');
const HISTORY_PAGE_URL = api.runtime.getURL(HISTORY_PAGE);
const OPTIONS_PAGE_URL = api.runtime.getURL(OPTIONS_PAGE);

closeTitle(); // read the shortcut now: the first click should not wait for it

/** Per tab, the click being handled: clicks on one tab are handled in turn. */
const clicks = new Map();

/**
 * Handles a click in `tab` after the ones before it there. The core is
 * loaded, and the storage area opened, while the content script is
 * injected; the core is warmed up while the content script starts and
 * reads the page.
 */
function queueClick(tab, request) {
  loadCore().catch(() => {}); // a failure shows with the analysis
  currentSettings().catch(() => {}); // the first read of the storage area opens it: not on the reply's path
  const previous = clicks.get(tab.id) ?? Promise.resolve();
  const current = previous
    .then(async () => handleClick(tab, { ...request, closeTitle: await closeTitle() }, { onInjected: warmCore }))
    .catch((error) => console.error('Policy Badges: click on tab', tab.id, error));
  clicks.set(tab.id, current);
  current.finally(() => {
    if (clicks.get(tab.id) === current) {
      clicks.delete(tab.id);
    }
  });
}

api.action.onClicked.addListener((tab) => queueClick(tab, { action: 'toggle' }));

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: ANALYZE_SELECTION_MENU, title: text('menuAnalyzeSelection'), contexts: ['selection'] });
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== ANALYZE_SELECTION_MENU || !Number.isInteger(tab?.id)) {
    return;
  }
  selectionIn(tab.id, info).then((selection) => queueClick(tab, { action: 'open', selection }));
});

/**
 * The selected text: read in the frame it is in, where the browser lets the
 * extension in (line breaks kept), else as the browser reports it.
 * @param {number} tabId
 * @param {{frameId?: number, selectionText?: string}} info  contextMenus.onClicked's
 * @returns {Promise<string>}
 */
async function selectionIn(tabId, info) {
  try {
    const [injection] = await api.scripting.executeScript({
      target: { tabId, frameIds: [info.frameId ?? 0] },
      func: () => String(getSelection()),
    });
    if (typeof injection?.result === 'string' && /\S/.test(injection.result)) {
      return injection.result;
    }
  } catch {
    // A frame from another site: the click grants the tab's page only.
  }
  return String(info.selectionText ?? '');
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const reply = (work) => {
    work.then(sendResponse, (error) => sendResponse({ error: String(error?.message ?? error) }));
    return true;
  };
  if (isOwnPage(sender, api.runtime.id, HISTORY_PAGE_URL)) {
    const request = parseHistoryRequest(message);
    return request ? reply(answerHistoryRequest(request)) : false;
  }
  if (isOwnPage(sender, api.runtime.id, OPTIONS_PAGE_URL)) {
    return reply(answerSettingsRequest(message));
  }
  if (!isOwnContentScript(sender, api.runtime.id, EXTENSION_ROOT)) {
    return false;
  }
  if (isOpenHistoryRequest(message)) {
    return reply(openHistoryPage(sender.tab).then(() => ({ opened: true })));
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
 * Answers the options page: the settings and the badge groups; after
 * storing new settings, when they were asked for. Turning "remember" off
 * forgets the whole history.
 * @returns {Promise<{settings: import('./settings.js').Settings, groups: {id: string, label: string}[], forgotten?: number}>}
 */
async function answerSettingsRequest(message) {
  const { taxonomy } = await loadCore();
  const request = parseSettingsRequest(message, taxonomy.groups.map((group) => group.id));
  if (!request) {
    throw new Error('not a settings request');
  }
  let forgotten;
  if (request.action === 'set') {
    await writeSettings(api.storage.local, request.settings);
    settingsRead = null;
    if (!request.settings.remember) {
      forgotten = await forgetEverything();
    }
  }
  const settings = await currentSettings();
  return forgotten === undefined ? { settings, groups: taxonomy.groups } : { settings, groups: taxonomy.groups, forgotten };
}

/** The settings, read once per start of the background (only it writes them). */
let settingsRead = null;

/** @returns {Promise<import('./settings.js').Settings>} */
function currentSettings() {
  settingsRead ??= readSettings(api.storage.local).catch((error) => {
    settingsRead = null;
    throw error;
  });
  return settingsRead;
}

/**
 * Analyze requests come on a port (see content/main.js `requestAnalysis`),
 * one request per port: when the page goes away during the analysis, its
 * port closes, nothing is left pending in the unloaded page, and the
 * toolbar button, which now speaks for the next page, is left alone.
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
  port.onMessage.addListener(async (message) => {
    if (asked) {
      port.disconnect();
      return;
    }
    asked = true;
    const core = await loadCore().catch((error) => ({ error }));
    const request = core.error ? null : parseAnalyzeRequest(message, core.limits.max_input_bytes);
    if (!request) {
      port.disconnect();
      return;
    }
    analyzeText(core, request, port.sender)
      .catch((error) => ({ reply: { error: String(error?.message ?? error) }, toolbar: null }))
      .then(({ reply, toolbar }) => {
        // Once the page went away, the button belongs to the tab's next page: left alone.
        if (open) {
          // eslint-disable-next-line no-restricted-properties -- a runtime.Port's, not a window's
          port.postMessage(reply);
          return toolbar?.();
        }
        return undefined;
      })
      .catch(() => {}); // the port closed meanwhile, or the tab did
  });
});

api.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading' || changeInfo.url) {
    forgetTab(tabId);
    resetTab(tabId).catch(() => {}); // the tab may be gone already
  }
});

api.tabs.onRemoved.addListener(forgetTab);

/**
 * Runs the core on a page's text (or a selection of it), and remembers a
 * policy in the history (with what changed since the last visit, if
 * anything did) when the settings say so. A selection is neither counted
 * on the toolbar button nor remembered: it is not the whole policy.
 * @returns {Promise<{reply: {model: object, markdown: string, change: object|null},
 *   toolbar: (() => Promise<void>) | null}>}  the panel's answer, and what
 *   the toolbar button then says of the page (the panel need not wait for it)
 */
async function analyzeText(core, { text: input, capped, excerpt }, sender) {
  // The text's hash (for the history) is computed off the thread meanwhile.
  const hashing = excerpt ? null : hashText(input);
  hashing?.catch(() => {}); // awaited only for a policy, where a failure shows
  const summary = core.analyze(input, { excerpt });
  const settings = await currentSettings();
  const url = sender.url ?? sender.tab.url ?? '';
  const model = presentSummary(summary, core.taxonomy, {
    title: excerpt ? text('selectionTitle') : siteName(url), capped, hiddenGroups: settings.hiddenGroups,
  });
  const remembered = !excerpt && model.kind === 'badges' && settings.remember;
  const change = remembered
    ? await rememberPage({ url, text: input, hash: hashing, summary, hiddenGroups: settings.hiddenGroups }, core)
    : null;
  let toolbar = null;
  if (!excerpt) {
    const tabId = sender.tab.id;
    toolbar = model.kind === 'badges' ? () => showConcerns(tabId, model.counts.bad) : () => resetTab(tabId);
  }
  return { reply: { model, markdown: summaryMarkdown(model, url), change }, toolbar };
}

/** The host name of `url`, or a neutral name when it has none. */
function siteName(url) {
  try {
    return new URL(url).hostname || text('thisPage');
  } catch {
    return text('thisPage');
  }
}
