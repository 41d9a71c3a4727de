// The session every Firefox test file runs in: its `before` hook starts the
// test server (../server.mjs) and a headless Firefox ESR (firefox-driver.mjs)
// that records the network requests (firefox-inspect.mjs), prefers reduced
// motion (no entrance animation: screenshots show the finished panel) and has
// the packaged extension (build/policy-badges-firefox.zip) installed as a
// temporary add-on; its `after` hook quits both. The tests share the helpers
// below: toolbar clicks, panel reads (firefox-panel.mjs) and real clicks on
// the panel (firefox-a11y.mjs), screenshots.

import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { access } from 'node:fs/promises';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HIGHLIGHT, SUGGESTED_SHORTCUT } from '../expectations.mjs';
import { startServer } from '../server.mjs';
import { clickAccessible, readPanel, waitForPanel } from './firefox-a11y.mjs';
import { extensionOrigin, watchConsole } from './firefox-console.mjs';
import {
  Key, chooseContextMenuItem, getActionProperties, getBadgeText, installAddon, launchFirefox, pressKeys, quitFirefox,
  saveScreenshot, setPref, triggerAction,
} from './firefox-driver.mjs';
import { extensionStorage } from './firefox-storage.mjs';
import { recordRequests } from './firefox-inspect.mjs';
import { PANEL, waitForPanelModel } from './firefox-panel.mjs';
import { waitFor } from '../wait.mjs';
import { crop, panelBox } from '../visual.mjs';

const ADDON = fileURLToPath(new URL('../../../build/policy-badges-firefox.zip', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
/** The colour scheme pages see: 0 dark, 1 light (default: the browser's). */
const COLOR_SCHEME_PREF = 'layout.css.prefers-color-scheme.content-override';

/**
 * @typedef {import('./firefox-panel.mjs').PanelModel} PanelModel
 *
 * @typedef {object} FirefoxSession  set by the time the tests run
 * @property {import('../server.mjs').TestServer} server
 * @property {import('./firefox-driver.mjs').WebDriver} driver
 * @property {string} addonId
 * @property {string} origin  the add-on's origin, `moz-extension://<uuid>/`
 * @property {(path: string) => Promise<void>} visit  loads a path of the test server in the tab
 * @property {(ready?: (panel: PanelModel) => boolean, what?: string) => Promise<PanelModel>} openPanel
 *   clicks the toolbar button and waits until the panel has finished
 *   analyzing (and `ready` holds)
 * @property {() => Promise<void>} closePanel  clicks the toolbar button again
 *   and waits until the panel is gone
 * @property {(what?: string) => Promise<void>} waitForNoPanel  waits until the panel is gone
 * @property {() => Promise<PanelModel|null>} panelNow  the panel as it reads now, or null when it is not shown
 * @property {(panel: PanelModel, label: string) => Promise<PanelModel>} expandBadge
 *   clicks a badge open (a real click) and waits until its evidence shows
 * @property {(panel: PanelModel, name: string) => Promise<void>} clickButton
 *   clicks a button of the panel by its accessible name
 * @property {(key: string) => Promise<void>} press  presses a key in the tab ('Tab', 'Escape', 'Enter')
 * @property {(options?: {timeout?: number}) => Promise<string>} highlightedText
 *   the text of the evidence highlight on the page, once there is one
 * @property {(expected: string) => Promise<string>} waitForBadgeText
 *   waits for the toolbar button's badge to read `expected`
 * @property {() => Promise<{text: string, title: string, popup: string}>} toolbarState
 *   what the toolbar button says for the selected tab
 * @property {<T>(fn: (...args: any[]) => T, ...args: any[]) => Promise<T>} inPage  runs `fn` in the page
 * @property {<T>(fn: () => Promise<T>) => Promise<T>} inDarkScheme
 *   runs `fn` with pages in the dark colour scheme
 * @property {(name: string) => Promise<void>} screenshot  saves screenshots/firefox-<name>.png
 * @property {'firefox'} browserName
 * @property {string} shortcut  the toolbar button's keyboard shortcut: the one the manifest suggests
 * @property {(selector: string, name: string) => Promise<string|null>} panelAttribute
 *   an attribute of an element of the panel
 * @property {() => Promise<string>} currentUrl  the tab's address
 * @property {(path: string) => Promise<void>} extensionPage  loads a page of the extension in the tab
 * @property {(selector: string) => Promise<void>} clickSelector  a real click on an element of the tab's
 *   page (not of the panel)
 * @property {() => Promise<Record<string, unknown>>} storedItems  everything in the extension's storage.local
 * @property {(ready: (panel: PanelModel) => boolean, what: string) => Promise<PanelModel>} readyPanel
 *   waits, without clicking, until the panel is shown, done, and `ready` holds
 * @property {(panel: PanelModel, label: string, sentence: string) => Promise<void>} clickQuote
 *   expands a badge and clicks its evidence sentence that contains `sentence`
 * @property {() => Promise<void>} analyzeSelection  "Analyze selected text" from the page's context
 *   menu, opened with a right click on the selection
 * @property {(selector: string, properties: string[]) => Promise<Record<string, string>>} panelStyles
 *   computed style values of an element of the panel
 * @property {(selector: string) => Promise<import('../visual.mjs').Rect>} panelRect  an element of the panel's box
 * @property {(selector?: string) => Promise<{png: Buffer, clip: import('../visual.mjs').Rect}>} panelScreenshot
 *   the panel (or one element of it) as shown, and where it is in the viewport
 * @property {(selector: string) => Promise<{png: Buffer, clip: import('../visual.mjs').Rect}>} elementScreenshot
 *   an element of the extension page in the tab as shown, and where it is
 * @property {(selectors: string[]) => Promise<import('../visual.mjs').Rect[]>} elementRects
 *   the boxes of every element of the page in the tab the selectors match
 */

/**
 * The first element `selector` matches in the panel's shadow tree
 * (WebDriver's Get Element Shadow Root reaches into closed ones).
 */
async function panelElement(driver, selector) {
  const root = await (await driver.findElement(By.css('policy-badges-panel'))).getShadowRoot();
  return root.findElement(By.css(selector));
}

/** A screenshot of the viewport, cut to `clip`. */
async function viewportShot(driver, clip) {
  return { png: crop(Buffer.from(await driver.takeScreenshot(), 'base64'), clip), clip };
}

/**
 * Registers the hooks that run a Firefox session for the test file, and
 * returns it. Call once, at the top level of the file.
 * @param {{serve?: (server: import('../server.mjs').TestServer) => Promise<void>, recordConsole?: boolean}} [options]
 *   `serve` adds the file's own pages to the server before the browser
 *   starts; `recordConsole` collects the console of every process from the start
 *   (see firefox-console.mjs)
 * @returns {FirefoxSession}
 */
export function firefoxSession({ serve, recordConsole = false } = {}) {
  /** @type {FirefoxSession} */
  const session = {
    browserName: 'firefox',
    shortcut: SUGGESTED_SHORTCUT,
    server: undefined,
    driver: undefined,
    addonId: undefined,
    origin: undefined,

    async visit(path) {
      await session.driver.get(session.server.url(path));
    },

    async openPanel(ready = () => true, what = 'the panel to show a result') {
      await triggerAction(session.driver, session.addonId);
      return waitForPanelModel(session.driver, ready, what);
    },

    async closePanel() {
      await triggerAction(session.driver, session.addonId);
      await session.waitForNoPanel();
    },

    async waitForNoPanel() {
      await waitForPanel(session.driver, PANEL, null);
    },

    async panelNow() {
      const view = await readPanel(session.driver, PANEL);
      return view.root < 0 ? null : view;
    },

    async expandBadge(panel, label) {
      const badge = panel.badge(label);
      assert.ok(badge, `"${label}" is shown; panel:\n${panel.text}`);
      await clickAccessible(session.driver, panel.nodes, badge.toggle);
      return waitForPanelModel(session.driver, (p) => p.badge(label)?.expanded && p.badge(label).quotes.length > 0,
        `"${label}" to expand`);
    },

    async clickButton(panel, name) {
      const index = panel.button(name);
      assert.ok(index !== undefined, `a "${name}" button; panel:\n${panel.text}`);
      await clickAccessible(session.driver, panel.nodes, index);
    },

    press: (key) => pressKeys(session.driver, Key[key.toUpperCase()]),

    highlightedText({ timeout = 10_000 } = {}) {
      return waitFor(
        () => session.inPage((name) => {
          const highlight = CSS.highlights.get(name);
          return highlight ? [...highlight].map(String).join(' ') : null;
        }, HIGHLIGHT),
        (text) => Boolean(text),
        { timeout, message: () => `no "${HIGHLIGHT}" highlight on the page` },
      );
    },

    waitForBadgeText(expected) {
      return waitFor(() => getBadgeText(session.driver, session.addonId), (text) => text === expected, {
        timeout: 5_000,
        message: (text) => `toolbar badge reads "${text}", expected "${expected}"`,
      });
    },

    async toolbarState() {
      const { driver, addonId } = session;
      const { title, popup } = await getActionProperties(driver, addonId, ['title', 'popup']);
      return { text: await getBadgeText(driver, addonId), title, popup };
    },

    inPage: (fn, ...args) => session.driver.executeScript(fn, ...args),

    async inDarkScheme(fn) {
      await setPref(session.driver, COLOR_SCHEME_PREF, 0);
      try {
        return await fn();
      } finally {
        await setPref(session.driver, COLOR_SCHEME_PREF, null);
      }
    },

    async screenshot(name) {
      await saveScreenshot(session.driver, `${SCREENSHOTS}firefox-${name}.png`);
    },

    readyPanel: (ready, what) => waitForPanelModel(session.driver, ready, what),

    async clickQuote(panel, label, sentence) {
      const expanded = await session.expandBadge(panel, label);
      const quote = expanded.badge(label).quotes.find((q) => q.text.includes(sentence));
      assert.ok(quote, `"${label}" rests on "${sentence}": ${expanded.badge(label).quotes.map((q) => q.text).join(' | ')}`);
      await clickAccessible(session.driver, expanded.nodes, quote.index);
    },

    currentUrl: () => session.driver.getCurrentUrl(),

    async extensionPage(path) {
      await session.driver.get(`${session.origin}${path}`);
    },

    async clickSelector(selector) {
      await (await session.driver.findElement(By.css(selector))).click();
    },

    storedItems: () => extensionStorage(session.driver, session.addonId),

    async analyzeSelection() {
      const selected = await session.driver.executeScript(() => getSelection().anchorNode.parentElement);
      await chooseContextMenuItem(session.driver, selected, 'Analyze selected text');
    },

    async panelStyles(selector, properties) {
      const element = await panelElement(session.driver, selector);
      const values = await Promise.all(properties.map((name) => element.getCssValue(name)));
      return Object.fromEntries(properties.map((name, i) => [name, values[i]]));
    },

    async panelAttribute(selector, name) {
      return (await panelElement(session.driver, selector)).getAttribute(name);
    },

    async panelRect(selector) {
      return (await panelElement(session.driver, selector)).getRect();
    },

    async panelScreenshot(selector) {
      return viewportShot(session.driver, selector ? await session.panelRect(selector) : await panelBox(session.inPage));
    },

    async elementScreenshot(selector) {
      return viewportShot(session.driver, await (await session.driver.findElement(By.css(selector))).getRect());
    },

    elementRects: (selectors) => session.inPage((query) => [...document.querySelectorAll(query)].map((node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y, width, height };
    }), selectors.join(', ')),
  };

  before(async () => {
    await access(ADDON).catch(() => {
      throw new Error(`${ADDON} is missing: run \`npm run build\` first`);
    });
    session.server = await startServer();
    await serve?.(session.server);
    const driver = await launchFirefox();
    session.driver = driver;
    await recordRequests(driver);
    if (recordConsole) {
      await watchConsole(driver);
    }
    await setPref(driver, 'ui.prefersReducedMotion', 1);
    session.addonId = await installAddon(driver, ADDON);
    session.origin = await extensionOrigin(driver, session.addonId);
  });

  after(async () => {
    await quitFirefox(session.driver);
    await session.server?.close();
  });

  return session;
}
