/**
 * The session every Chromium test file runs in: its `before` hook starts the
 * test server (server.mjs) and Debian's Chromium with the built extension
 * (chromium-extension.mjs), with one tab, reduced motion (no entrance
 * animation: screenshots show the finished panel) and a DevTools session of
 * the tab to read the panel with (panel-reader.mjs); its `after` hook closes
 * both. The tests share the helpers below: toolbar clicks, panel reads and
 * real mouse clicks on the panel, screenshots.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before } from 'node:test';
import { launchChromiumWithExtension } from './chromium-extension.mjs';
import { HIGHLIGHT } from './expectations.mjs';
import { clickNode, panelAttribute, panelRect, panelStyles, readPanel, waitForPanel } from './panel-reader.mjs';
import { panelBox } from './visual.mjs';
import { startServer } from './server.mjs';

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);

/**
 * @typedef {import('./panel-reader.mjs').PanelSnapshot} PanelSnapshot
 * @typedef {import('./panel-reader.mjs').PanelNode} PanelNode
 *
 * @typedef {object} ChromiumSession  set by the time the tests run
 * @property {import('./server.mjs').TestServer} server
 * @property {import('./chromium-extension.mjs').ExtensionBrowser} browser
 * @property {import('playwright-core').Page} page  the tab the tests use
 * @property {import('playwright-core').CDPSession} cdp  a DevTools session of the tab
 * @property {(path: string, options?: {timeout?: number}) => Promise<void>} visit
 *   loads a path of the test server in the tab
 * @property {(options?: {ready?: (panel: PanelSnapshot) => boolean, what?: string, timeout?: number}) =>
 *   Promise<PanelSnapshot>} openPanel  clicks the toolbar button and waits until
 *   the panel has finished analyzing (and `ready` holds)
 * @property {(what?: string) => Promise<void>} closePanel  clicks the toolbar
 *   button again and waits until the panel is gone
 * @property {(what: string) => Promise<void>} waitForNoPanel
 * @property {(predicate: (panel: PanelSnapshot|null) => boolean, what: string) => Promise<PanelSnapshot|null>} waitForPanel
 *   polls the panel until `predicate` holds for it
 * @property {() => Promise<PanelSnapshot|null>} readPanel  the panel as it is now
 * @property {(node: PanelNode) => Promise<void>} click  a real mouse click on a panel element
 * @property {(panel: PanelSnapshot, name: string) => Promise<void>} clickButton
 *   clicks a button of the panel by its text or accessible name
 * @property {(key: string) => Promise<void>} press  presses a key in the tab ('Tab', 'Escape', 'Enter')
 * @property {(panel: PanelSnapshot, label: string, what?: string) => Promise<PanelSnapshot>} expandBadge
 *   clicks a badge open and waits until it is expanded
 * @property {(options?: {timeout?: number}) => Promise<string>} highlightedText
 *   the text of the evidence highlight on the page, once there is one
 * @property {() => Promise<{text: string, title: string, popup: string}>} toolbarState
 *   what the toolbar button says for the tab
 * @property {<T>(fn: (arg: any) => T, arg?: any) => Promise<T>} inPage  runs `fn` in the page's own world
 * @property {<T>(fn: () => Promise<T>, page?: import('playwright-core').Page) => Promise<T>} inDarkScheme
 *   runs `fn` with the page (by default the tab) in the dark colour scheme
 * @property {(name: string, page?: import('playwright-core').Page) => Promise<void>} screenshot
 *   saves screenshots/<name>.png of the page (by default the tab)
 * @property {'chromium'} browserName
 * @property {string} shortcut  the toolbar button's keyboard shortcut: none, as headless Chromium
 *   gives no suggested key to an extension loaded with --load-extension (commands.getAll() says '')
 * @property {(selector: string, name: string) => Promise<string|null>} panelAttribute
 *   an attribute of an element of the panel
 * @property {() => Promise<string>} currentUrl  the tab's address
 * @property {(path: string) => Promise<void>} extensionPage  loads a page of the extension in the tab
 * @property {(selector: string) => Promise<void>} clickSelector  a real click on an element of the tab's
 *   page (not of the panel)
 * @property {() => Promise<Record<string, unknown>>} storedItems  everything in the extension's storage.local
 * @property {(ready: (panel: PanelSnapshot) => boolean, what: string) => Promise<PanelSnapshot>} readyPanel
 *   waits, without clicking, until the panel is shown, done, and `ready` holds
 * @property {(panel: PanelSnapshot, label: string, sentence: string) => Promise<void>} clickQuote
 *   expands a badge and clicks its evidence sentence that contains `sentence`
 * @property {() => Promise<void>} analyzeSelection  "Analyze selected text" on the tab's selection
 *   (Chromium has no way to open the context menu of a headless tab: the menu's click event is
 *   dispatched to the extension, with what the browser would say, after a toolbar click granted the page)
 * @property {(selector: string, properties: string[]) => Promise<Record<string, string>>} panelStyles
 *   computed style values of an element of the panel
 * @property {(selector: string) => Promise<import('./visual.mjs').Rect>} panelRect  an element of the panel's box
 * @property {(selector?: string) => Promise<{png: Buffer, clip: import('./visual.mjs').Rect}>} panelScreenshot
 *   the panel (or one element of it) as shown, and where it is in the viewport
 * @property {(selector: string, page: import('playwright-core').Page) => Promise<{png: Buffer, clip: import('./visual.mjs').Rect}>} elementScreenshot
 *   an element of an extension page as shown, and where it is
 * @property {(selectors: string[], page: import('playwright-core').Page) => Promise<import('./visual.mjs').Rect[]>} elementRects
 *   the boxes of every element of an extension page the selectors match
 */

/**
 * Registers the hooks that run a Chromium session for the test file, and
 * returns it. Call once, at the top level of the file.
 *
 * A file's own preparations go in `setup`, not in a `before` hook of its
 * own: node:test starts the top-level `before` hooks as they are
 * registered, without waiting for the ones before them.
 * @param {{
 *   serve?: (server: import('./server.mjs').TestServer) => Promise<void>,
 *   setup?: (session: ChromiumSession) => void | Promise<void>,
 * }} [options]  `serve` adds the file's own pages to the server before the
 *   browser starts; `setup` runs once the session is up, before the tests
 * @returns {ChromiumSession}
 */
export function chromiumSession({ serve, setup } = {}) {
  /** @type {ChromiumSession} */
  const session = {
    browserName: 'chromium',
    shortcut: '',
    server: undefined,
    browser: undefined,
    page: undefined,
    cdp: undefined,

    async visit(path, { timeout } = {}) {
      await session.page.goto(session.server.url(path), { waitUntil: 'load', timeout });
    },

    async openPanel({ ready = () => true, what = 'the panel to show a result', timeout = 15_000 } = {}) {
      await session.browser.clickAction();
      return waitForPanel(session.cdp, (panel) => panel !== null && panel.root.attrs['aria-busy'] === 'false' &&
        ready(panel), { what, timeout });
    },

    async closePanel(what = 'the panel to close') {
      await session.browser.clickAction();
      await session.waitForNoPanel(what);
    },

    async waitForNoPanel(what) {
      await waitForPanel(session.cdp, (panel) => panel === null, { what });
    },

    waitForPanel: (predicate, what) => waitForPanel(session.cdp, predicate, { what }),

    readPanel: () => readPanel(session.cdp),

    click: (node) => clickNode(session.page, session.cdp, node),

    async clickButton(panel, name) {
      const button = panel.button(name);
      assert.ok(button, `a "${name}" button; panel: ${panel.text}`);
      await session.click(button);
    },

    press: (key) => session.page.keyboard.press(key),

    async expandBadge(panel, label, what = 'the badge to expand') {
      const badge = panel.badge(label);
      assert.ok(badge, `"${label}" is shown; panel: ${panel.text}`);
      await session.click(badge.toggle);
      return session.waitForPanel((p) => p?.badge(label)?.expanded, what);
    },

    async highlightedText({ timeout = 10_000 } = {}) {
      const highlighted = await session.page.waitForFunction((name) => {
        const highlight = CSS.highlights.get(name);
        return highlight && [...highlight].map(String).join(' ');
      }, HIGHLIGHT, { timeout });
      return highlighted.jsonValue();
    },

    async toolbarState() {
      const tabId = await session.browser.tabId();
      return session.browser.inWorker(async (id) => ({
        text: await chrome.action.getBadgeText({ tabId: id }),
        title: await chrome.action.getTitle({ tabId: id }),
        popup: await chrome.action.getPopup({ tabId: id }),
      }), tabId);
    },

    inPage: (fn, arg) => session.page.evaluate(fn, arg),

    async inDarkScheme(fn, page = session.page) {
      await page.emulateMedia({ colorScheme: 'dark' });
      try {
        return await fn();
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
    },

    async screenshot(name, page = session.page) {
      await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
    },

    readyPanel: (ready, what) => waitForPanel(session.cdp,
      (panel) => panel !== null && panel.root.attrs['aria-busy'] === 'false' && ready(panel), { what, timeout: 15_000 }),

    async clickQuote(panel, label, sentence) {
      const expanded = await session.expandBadge(panel, label);
      const quote = expanded.badge(label).quotes.find((q) => q.text.includes(sentence));
      assert.ok(quote, `"${label}" rests on "${sentence}": ${expanded.badge(label).quotes.map((q) => q.text).join(' | ')}`);
      await session.click(quote);
    },

    currentUrl: async () => session.page.url(),

    async extensionPage(path) {
      await session.page.goto(`chrome-extension://${session.browser.extensionId}/${path}`, { waitUntil: 'load' });
    },

    clickSelector: (selector) => session.page.click(selector),

    storedItems: () => session.browser.inWorker(() => chrome.storage.local.get(null)),

    async analyzeSelection() {
      const selectionText = await session.inPage(() => String(getSelection()).replace(/\s+/g, ' ').trim());
      await session.browser.inWorker(async (text) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'analyze-selection', frameId: 0, selectionText: text }, tab);
      }, selectionText);
    },

    panelStyles: (selector, properties) => panelStyles(session.cdp, selector, properties),

    panelRect: (selector) => panelRect(session.cdp, selector),

    panelAttribute: (selector, name) => panelAttribute(session.cdp, selector, name),

    async panelScreenshot(selector) {
      const clip = selector ? await session.panelRect(selector) : await panelBox(session.inPage);
      return { png: await session.page.screenshot({ clip }), clip };
    },

    async elementScreenshot(selector, page) {
      const clip = await page.locator(selector).boundingBox();
      return { png: await page.screenshot({ clip }), clip };
    },

    elementRects: (selectors, page) => page.locator(selectors.join(', ')).evaluateAll((nodes) => nodes.map((node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y, width, height };
    })),
  };

  before(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    session.server = await startServer();
    await serve?.(session.server);
    session.browser = await launchChromiumWithExtension();
    session.page = session.browser.page;
    await session.page.emulateMedia({ reducedMotion: 'reduce' });
    session.cdp = await session.browser.context.newCDPSession(session.page);
    await setup?.(session);
  });

  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });

  return session;
}
