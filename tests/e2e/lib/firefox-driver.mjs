// Drives a real headless Firefox for the end-to-end tests: launch it through
// geckodriver, install the extension as a temporary add-on, click its toolbar
// button, read its badge, type keys, take screenshots, quit.
//
// Gotchas, found the hard way (Firefox ESR 153, geckodriver 0.37.1):
// - geckodriver must run with `--allow-system-access`, otherwise scripts in
//   the chrome context (needed to click the toolbar button) fail with "System
//   access is required".
// - The geckodriver path is given explicitly: without one, selenium-webdriver
//   runs selenium-manager, which tries to download a driver.
// - There is no WebDriver command for a toolbar click. The chrome context
//   calls the same `triggerAction(window)` the toolbar button uses, so
//   `action.onClicked` fires with a real user gesture (activeTab is granted).
// - triggerAction only closes an action *popup*; with no popup every call is
//   a fresh click, so toggling a page panel is up to the extension.
// - The badge shown on the button is the `badge` attribute of the widget's
//   action button; Firefox updates it asynchronously after
//   `action.setBadgeText`, so callers poll (see `waitFor` in ../wait.mjs).
// - Marionette already applies its "recommended preferences" (no updates,
//   telemetry, safe browsing, remote settings...); PREFS below only pins the
//   ones a test run must never depend on, in case those defaults change.

import { Builder, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';

export { Key };

/** Where `cargo install geckodriver` puts the driver; `GECKODRIVER` overrides. */
const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');
/** Debian's Firefox ESR; `FIREFOX_BIN` overrides. */
const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/**
 * Environment of geckodriver and so of Firefox. Release and ESR builds ignore
 * the `services.settings.server` pref (and keep polling Mozilla's remote
 * settings server) unless this variable is set.
 */
const ENV = { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };

/** Preferences that keep a run offline, quiet and deterministic. */
const PREFS = {
  // No update checks, default-browser nag or first-run pages.
  'app.update.enabled': false,
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  // No telemetry or health reports.
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  // No background network traffic: add-on metadata, captive portal,
  // connectivity probes, safe browsing lists, remote settings, prefetching.
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  // Marionette's own dummy value: remote settings then skip all activity.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
};

/** @typedef {import('selenium-webdriver').WebDriver} WebDriver */

/**
 * Starts geckodriver and a headless Firefox ESR with the test preferences.
 *
 * @param {{width?: number, height?: number}} [viewport] window size in CSS px
 * @returns {Promise<WebDriver>} a session in the content context
 */
export async function launchFirefox({ width = 1280, height = 900 } = {}) {
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless', `--width=${width}`, `--height=${height}`);
  for (const [name, value] of Object.entries(PREFS)) options.setPreference(name, value);
  const service = new firefox.ServiceBuilder(GECKODRIVER)
    .addArguments('--allow-system-access')
    .setEnvironment({ ...process.env, ...ENV });
  return new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(service)
    .build();
}

/**
 * Installs an extension as a temporary add-on (as `about:debugging` does).
 *
 * @param {WebDriver} driver
 * @param {string} path an unpacked extension directory, a .zip or an .xpi
 * @returns {Promise<string>} the add-on id (`browser_specific_settings.gecko.id`)
 */
export function installAddon(driver, path) {
  return driver.installAddon(path, true);
}

/**
 * Runs a script in the browser's chrome (privileged, parent-process) context
 * and switches back to the content context afterwards, even on failure.
 * The script sees `Services`, `ChromeUtils`, `Cc`, `Ci` and the browser
 * window's globals, and its arguments as `arguments`.
 *
 * @param {WebDriver} driver
 * @param {string} script a function body; its `return` value is the result
 * @param {...unknown} args JSON-serialisable arguments
 * @returns {Promise<unknown>}
 */
export async function inChrome(driver, script, ...args) {
  await driver.setContext(firefox.Context.CHROME);
  try {
    return await driver.executeScript(script, ...args);
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
}

/**
 * `inChrome` for a script that finishes later: it calls its last argument
 * with the result.
 *
 * @param {WebDriver} driver
 * @param {string} script a function body
 * @param {...unknown} args JSON-serialisable arguments (before the callback)
 * @returns {Promise<unknown>}
 */
async function inChromeAsync(driver, script, ...args) {
  await driver.setContext(firefox.Context.CHROME);
  try {
    return await driver.executeAsyncScript(script, ...args);
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
}

/**
 * Chrome-context prelude that finds the running add-on whose id is the
 * script's first argument: defines `ExtensionParent` and `extension`, and
 * throws when no such add-on runs. For scripts given to `inChrome`.
 */
export const EXTENSION_PRELUDE = `
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
  if (!extension) throw new Error('no running extension with id ' + arguments[0]);
`;

/** Chrome-context prelude: `EXTENSION_PRELUDE`, `win` (browser window) and `action` (the add-on's browser action). */
const ACTION_PRELUDE = `${EXTENSION_PRELUDE}
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const action = ExtensionParent.apiManager.global.browserActionFor(extension);
`;

/**
 * Clicks the extension's toolbar button for the selected tab, exactly as a
 * person would (the extension receives `action.onClicked` with a user gesture).
 *
 * @param {WebDriver} driver
 * @param {string} addonId
 * @returns {Promise<void>}
 */
export async function triggerAction(driver, addonId) {
  await inChrome(driver, `${ACTION_PRELUDE} action.triggerAction(win);`, addonId);
}

/**
 * Reads the badge text drawn on the extension's toolbar button for the
 * selected tab.
 *
 * @param {WebDriver} driver
 * @param {string} addonId
 * @returns {Promise<string>} the badge, '' when none is shown
 */
export async function getBadgeText(driver, addonId) {
  const badge = await inChrome(
    driver,
    `${ACTION_PRELUDE}
    const node = action.widget.forWindow(win).node;
    return node?.querySelector('.unified-extensions-item-action-button')?.getAttribute('badge') ?? '';`,
    addonId,
  );
  return String(badge);
}

/**
 * Reads properties the extension set on its toolbar button for the selected
 * tab (`action.setTitle`, `action.setPopup`...), all in one chrome script.
 *
 * @template {string} Name
 * @param {WebDriver} driver
 * @param {string} addonId
 * @param {Name[]} names property names, e.g. 'title', 'popup'
 * @returns {Promise<Record<Name, string>>} each property's value, '' when unset
 */
export async function getActionProperties(driver, addonId, names) {
  const values = await inChrome(
    driver,
    `${ACTION_PRELUDE}
    const tab = win.gBrowser.selectedTab;
    return arguments[1].map((name) => action.action.getProperty(tab, name) ?? '');`,
    addonId,
    names,
  );
  return Object.fromEntries(names.map((name, i) => [name, String(values[i])]));
}

/**
 * Sets a preference while the browser runs (e.g. to switch the colour
 * scheme pages see), or resets it to its default.
 *
 * @param {WebDriver} driver
 * @param {string} name
 * @param {boolean | number | string | null} value null resets it
 * @returns {Promise<void>}
 */
export async function setPref(driver, name, value) {
  await inChrome(driver, `
    const [name, value] = arguments;
    if (value === null) Services.prefs.clearUserPref(name);
    else if (typeof value === 'boolean') Services.prefs.setBoolPref(name, value);
    else if (typeof value === 'number') Services.prefs.setIntPref(name, value);
    else Services.prefs.setStringPref(name, value);`, name, value);
}

/**
 * Presses and releases keys in the page, as a keyboard would.
 *
 * @param {WebDriver} driver
 * @param {...string} keys characters or `Key` constants, e.g. `Key.ESCAPE`
 * @returns {Promise<void>}
 */
export async function pressKeys(driver, ...keys) {
  await driver.actions().sendKeys(...keys).perform();
}

/**
 * Clicks the page at a point of the viewport with the primary mouse button.
 *
 * @param {WebDriver} driver
 * @param {{x: number, y: number}} point CSS px from the viewport's top left
 * @returns {Promise<void>}
 */
export async function clickAt(driver, { x, y }) {
  await driver
    .actions()
    .move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' })
    .click()
    .perform();
}

/**
 * Saves a PNG screenshot of the visible part of the page.
 *
 * @param {WebDriver} driver
 * @param {string} file destination path; parent directories are created
 * @returns {Promise<string>} the path written
 */
export async function saveScreenshot(driver, file) {
  const png = Buffer.from(await driver.takeScreenshot(), 'base64');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, png);
  return file;
}

/**
 * Ends the session: closes Firefox and stops geckodriver. Safe to call with
 * no driver (launch failed) or twice.
 *
 * @param {WebDriver | undefined} driver
 * @returns {Promise<void>}
 */
export async function quitFirefox(driver) {
  await driver?.quit().catch(() => {});
}

/**
 * Opens the page's context menu on `element` with a right click, as a
 * person does, then chooses the item labelled `label` (an extension's item
 * too: the extension hears a real menu click, which grants it the page).
 *
 * @param {WebDriver} driver
 * @param {import('selenium-webdriver').WebElement} element
 * @param {string} label
 * @returns {Promise<void>}
 * @throws {Error} when the menu does not open or has no such item
 */
export async function chooseContextMenuItem(driver, element, label) {
  await driver.actions().contextClick(element).perform();
  const chosen = await inChromeAsync(driver, `
    const [label, done] = [arguments[0], arguments[arguments.length - 1]];
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const menu = win.document.getElementById('contentAreaContextMenu');
    const choose = () => {
      const item = [...menu.querySelectorAll('menuitem')].find((node) => node.label === label && !node.hidden);
      if (!item) return done('no menu item "' + label + '"; items: ' +
        [...menu.querySelectorAll('menuitem')].filter((node) => !node.hidden).map((node) => node.label).join(' | '));
      menu.activateItem(item);
      return done('chosen');
    };
    if (menu.state === 'open') choose();
    else menu.addEventListener('popupshown', choose, { once: true });
    win.setTimeout(() => done('the context menu did not open (state ' + menu.state + ')'), 5000);`, label);
  if (chosen !== 'chosen') {
    throw new Error(String(chosen));
  }
}
