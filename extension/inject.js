/**
 * Gets the content script into a tab on the first click and hands every
 * click to its controller. The content script is one classic script
 * (content.js in dist/, bundled from content/main.js at build time:
 * scripting injects no modules, and one file is one injection). Its
 * controller is an own property of `globalThis.policyBadges` in the
 * extension's isolated world, which the page cannot see.
 */
import { api } from './browser-api.js';

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
  // harmless (content/main.js keeps the first controller).
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
 * Hands the request to the content script if it is in the tab; says whether
 * it was. A tab that has moved on to another page counts as done: the click
 * was the other page's.
 */
async function askController(tabId, request) {
  const [injection] = await api.scripting.executeScript({ target: { tabId }, func: controllerDoes, args: [request] });
  return injection?.result === true || injection?.result === 'elsewhere';
}

/**
 * Runs in the tab (serialized by scripting.executeScript, so self-contained).
 * Only an own property of the content script's global counts: before the
 * first injection, a page element with id="policyBadges" is
 * `globalThis.policyBadges` there too (Chrome shows the window's named
 * properties to content scripts; see content/dom.js).
 * @param {PanelRequest} request
 * @returns {boolean|'elsewhere'} whether the content script was there, or
 *   'elsewhere' when this is not the page that was clicked
 */
function controllerDoes(request) {
  if (typeof request.url === 'string' && location.href !== request.url) {
    return 'elsewhere';
  }
  const controller = Object.hasOwn(globalThis, 'policyBadges') ? globalThis.policyBadges.controller : null;
  if (!controller) {
    return false;
  }
  if (request.action === 'open') {
    controller.open(request);
  } else {
    controller.toggle(request);
  }
  return true;
}
