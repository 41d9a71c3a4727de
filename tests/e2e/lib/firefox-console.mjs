// What the browser console shows of an extension, read from Firefox's chrome
// context: script errors (uncaught exceptions, rejected promises, Firefox's
// own reports about the extension's contexts) from the console service, and
// the extension's console.error/console.warn calls.
//
// Gotchas (Firefox ESR 153):
// - Script errors of every process reach the parent's console service
//   (`Services.console`), with `sourceName` the script's URL.
// - console.* calls stay in the process that made them: the extension's
//   background runs in the extension process, content scripts in the page's.
//   `watchConsole` loads a process script into every process that forwards
//   their Console API events to the parent. (Loading it from a data: URL
//   also logs an "unsafe filename" error in the parent, which refuses it
//   there; the parent's own events are not needed.)

import { inChrome } from './firefox-driver.mjs';

/** Process script: forwards this process's Console API events to the parent. */
const FORWARDER = `
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  storage.addLogEventListener((event) => {
    try {
      sendAsyncMessage('policy-badges-test:console', {
        level: event.level,
        filename: event.filename ?? '',
        addonId: event.addonId ?? '',
        text: (event.arguments ?? []).map((value) => String(value)).join(' '),
      });
    } catch {
      // The parent is gone (shutdown).
    }
  }, Services.scriptSecurityManager.getSystemPrincipal());
`;

/**
 * Starts collecting Console API events of every process (now and later).
 * Call once, before the extension runs.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @returns {Promise<void>}
 */
export async function watchConsole(driver) {
  await inChrome(driver, `
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const events = (win.policyBadgesConsole = []);
    Services.ppmm.addMessageListener('policy-badges-test:console', ({ data }) => {
      events.push({ ...data, timeStamp: Date.now() });
    });
    Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(arguments[0]), true);`, FORWARDER);
}

/**
 * The add-on's origin, `moz-extension://<uuid>/`.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {string} addonId
 * @returns {Promise<string>}
 */
export async function extensionOrigin(driver, addonId) {
  const host = await inChrome(driver, 'return WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname;', addonId);
  return `moz-extension://${host}/`;
}

/**
 * The browser's clock, to pass as `since` later.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @returns {Promise<number>} ms since the epoch
 */
export async function consoleNow(driver) {
  return /** @type {number} */ (await inChrome(driver, 'return Date.now();'));
}

/**
 * The errors (and, from console.warn, the warnings) the add-on left in the
 * browser console since `since`: script errors whose source or text names
 * its origin, and console.error/console.warn calls from its scripts.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {{addonId: string, origin: string, since?: number}} extension
 * @returns {Promise<{kind: string, source: string, text: string}[]>}
 */
export async function extensionConsoleProblems(driver, { addonId, origin, since = 0 }) {
  return /** @type {{kind: string, source: string, text: string}[]} */ (await inChrome(driver, `
    const [addonId, origin, since] = arguments;
    const problems = [];
    for (const message of Services.console.getMessageArray()) {
      if (!(message instanceof Ci.nsIScriptError) || message.timeStamp < since) continue;
      const warning = (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) !== 0;
      if (!warning && (message.sourceName.startsWith(origin) || message.errorMessage.includes(origin))) {
        problems.push({ kind: 'script error', source: message.sourceName, text: message.errorMessage });
      }
    }
    const events = Services.wm.getMostRecentWindow('navigator:browser').policyBadgesConsole ?? [];
    for (const event of events) {
      if (event.timeStamp >= since && (event.level === 'error' || event.level === 'warn') &&
          (event.addonId === addonId || event.filename.startsWith(origin))) {
        problems.push({ kind: 'console.' + event.level, source: event.filename, text: event.text });
      }
    }
    return problems;`, addonId, origin, since));
}
