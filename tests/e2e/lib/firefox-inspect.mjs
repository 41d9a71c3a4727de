// What the browser itself knows and a page cannot fake, read from Firefox's
// chrome context: the system clipboard, and the network requests made on
// behalf of pages and extensions.

import { inChrome } from './firefox-driver.mjs';

/**
 * Reads the text on the clipboard (headless Firefox has its own clipboard,
 * shared by the whole browser).
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @returns {Promise<string>} '' when it holds no text
 */
export async function readClipboard(driver) {
  const text = await inChrome(driver, `
    const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
    transferable.init(null);
    transferable.addDataFlavor('text/plain');
    Services.clipboard.getData(transferable, Services.clipboard.kGlobalClipboard, null);
    const data = {};
    try {
      transferable.getTransferData('text/plain', data);
    } catch {
      return '';
    }
    return data.value.QueryInterface(Ci.nsISupportsString).data;`);
  return String(text);
}

/**
 * Starts recording the http(s) requests of pages and extensions: those with
 * a browsing context (a tab, a frame, an extension page) or triggered by an
 * add-on. Firefox's own background requests (system principal, no browsing
 * context) are left out: they are not the extension's doing.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @returns {Promise<void>}
 */
export async function recordRequests(driver) {
  await inChrome(driver, `
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const seen = (win.policyBadgesRequests = []);
    Services.obs.addObserver({
      observe(subject) {
        const { URI, loadInfo } = subject.QueryInterface(Ci.nsIChannel);
        if (loadInfo.browsingContext || loadInfo.triggeringPrincipal?.addonId) seen.push(URI.spec);
      },
    }, 'http-on-modify-request');`);
}

/**
 * The URLs requested since `recordRequests`.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @returns {Promise<string[]>}
 */
export async function recordedRequests(driver) {
  return /** @type {string[]} */ (await inChrome(driver, `
    return Services.wm.getMostRecentWindow('navigator:browser').policyBadgesRequests ?? [];`));
}
