/**
 * Gets the content script into a tab on the first click and hands every
 * click to it, as a message only the extension can send (pages have no
 * runtime messaging to the extension at all). The content script is one
 * classic script (content.js in dist/, bundled from content/main.js at
 * build time: scripting injects no modules, and one file is one
 * injection).
 */
import { api } from './browser-api.js';
import { MessageType } from './messages.js';

/** The content script bundle (see scripts/build-extension.mjs). */
const CONTENT_SCRIPT = 'extension/content.js';

/** Page-level rules: evidence highlight, and keeping the panel's host visible. */
const PAGE_CSS = 'extension/page.css';

/** Per tab, the address of the page the content script was injected into. */
const injected = new Map();

/**
 * @typedef {object} PanelRequest  what a click asks of the content script
 * @property {'toggle'|'open'} action  the toolbar button toggles the panel;
 *   "Analyze selected text" opens it (again) on the selection
 * @property {string} [url]  the address of the page that was clicked (the
 *   click's tab says it): a page the tab has moved on to since is left alone
 * @property {string} closeTitle  the close button's tooltip
 * @property {string} [selection]  the selected text to analyze instead of the page
 */

/**
 * Runs a click's request in the tab's top frame, injecting the content
 * script first if it is not there. Rejects when the browser does not let
 * extensions into the page (browser pages, web stores).
 * @param {number} tabId
 * @param {PanelRequest} request
 * @param {{onInjected?: () => void}} [hooks]  `onInjected`: called once the
 *   content script is in the page, while it starts
 * @returns {Promise<void>}
 */
export async function showPanel(tabId, request, { onInjected } = {}) {
  // A page the content script was not injected into (as far as this start
  // of the background knows) gets it at once, without asking first: one
  // round trip less on a page's first click. Injecting it twice is
  // harmless (content/main.js keeps the first listener).
  if (injected.get(tabId) === request.url && await askController(tabId, request)) {
    return;
  }
  // The page rules and the script together; a click tried again after a
  // failure here (see click.js) inserts the rules again, which changes
  // nothing. USER origin: its !important beats the page's !important.
  await Promise.all([
    api.scripting.insertCSS({ target: { tabId }, files: [PAGE_CSS], origin: 'USER' }),
    api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] }),
  ]);
  onInjected?.();
  injected.set(tabId, request.url);
  if (!(await askController(tabId, request))) {
    throw new Error('the content script did not start');
  }
}

/**
 * Forgets that the content script is in the tab's page: the tab is loading
 * another page, or is closed.
 * @param {number} tabId
 */
export function forgetTab(tabId) {
  injected.delete(tabId);
}

/**
 * Hands the request to the content script if it is in the tab's page, as a
 * message (cheaper than running a script there); says whether it was. A
 * tab that has moved on to another page counts as done: the click was the
 * other page's.
 */
async function askController(tabId, request) {
  try {
    const answer = await api.tabs.sendMessage(tabId, { type: MessageType.PANEL, request }, { frameId: 0 });
    return answer === true || answer === 'elsewhere';
  } catch {
    return false; // no content script there to answer
  }
}
