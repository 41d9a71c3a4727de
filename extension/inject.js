/**
 * Gets the content script into a tab on the first click and toggles its panel
 * on every click. The content files are classic scripts (scripting injects no
 * modules): they share state through `globalThis.policyBadges` in the
 * extension's isolated world, which the page cannot see.
 */
import { api } from './browser-api.js';
import { MAX_TEXT_CHARS, MessageType } from './messages.js';

/** Injected in this order: each file uses what the ones before it defined. */
const CONTENT_FILES = [
  'extension/content/dom.js',
  'extension/content/extract-text.js',
  'extension/content/policy-link.js',
  'extension/content/highlight.js',
  'extension/content/panel.js',
  'extension/content/changes.js',
  'extension/content/content.js',
];

/** Page-level rules: evidence highlight, and keeping the panel's host visible. */
const PAGE_CSS = 'extension/page.css';

/**
 * The panel's stylesheets, adopted by its shadow root as one sheet, in this
 * order: the palette and rules it shares with the History page, then its own.
 */
const PANEL_CSS = ['extension/theme.css', 'extension/panel.css'];

let panelCss = null;

/**
 * Opens the panel in the tab, or closes it if it is open. Rejects when the
 * browser does not let extensions into the page (browser pages, web stores).
 * @param {number} tabId
 * @returns {Promise<void>}
 */
export async function togglePanel(tabId) {
  const config = { css: await readPanelCss(), maxChars: MAX_TEXT_CHARS, types: MessageType };
  if (await toggleIfInjected(tabId, config)) {
    return;
  }
  // The page rules first, so a click tried again after a failure here (see
  // click.js) never finds the content script without them (at worst they are
  // inserted twice, which changes nothing). USER origin: its !important
  // beats the page's !important.
  await api.scripting.insertCSS({ target: { tabId }, files: [PAGE_CSS], origin: 'USER' });
  await api.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
  if (!(await toggleIfInjected(tabId, config))) {
    throw new Error('the content script did not start');
  }
}

/** The panel stylesheets' text, joined, read once from the extension's own files. */
async function readPanelCss() {
  panelCss ??= Promise.all(PANEL_CSS.map(async (file) => (await fetch(api.runtime.getURL(file))).text()))
    .then((sheets) => sheets.join('\n'));
  return panelCss;
}

/** Toggles the panel if the content script is already in the tab; says whether it was. */
async function toggleIfInjected(tabId, config) {
  const [injection] = await api.scripting.executeScript({ target: { tabId }, func: toggleInPage, args: [config] });
  return injection?.result === true;
}

/**
 * Runs in the tab (serialized by scripting.executeScript, so self-contained).
 * Only an own property of the content script's global counts: before the
 * first injection, a page element with id="policyBadges" is
 * `globalThis.policyBadges` there too (Chrome shows the window's named
 * properties to content scripts; see content/dom.js).
 * @param {object} config  see content/content.js `toggle`
 * @returns {boolean} whether the content script was there
 */
function toggleInPage(config) {
  const controller = Object.hasOwn(globalThis, 'policyBadges') ? globalThis.policyBadges.controller : null;
  if (!controller) {
    return false;
  }
  controller.toggle(config);
  return true;
}
