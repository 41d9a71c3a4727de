// What an extension keeps in `storage.local`, read in Firefox's chrome
// context straight from the store the browser keeps it in (IndexedDB, through
// ExtensionStorageIDB, the backend of storage.local since Firefox 66), not
// through the extension's own code: what is there is what the browser holds.

import { EXTENSION_PRELUDE, inChrome } from './firefox-driver.mjs';

/**
 * Every item of the add-on's storage.local.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {string} addonId
 * @returns {Promise<Record<string, unknown>>}
 */
export async function extensionStorage(driver, addonId) {
  const json = await inChrome(driver, `${EXTENSION_PRELUDE}
    const { ExtensionStorageIDB } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorageIDB.sys.mjs');
    if (!Services.prefs.getBoolPref('extensions.webextensions.ExtensionStorageIDB.enabled', false)) {
      throw new Error('storage.local is not backed by IndexedDB in this Firefox');
    }
    const principal = ExtensionStorageIDB.getStoragePrincipal(extension);
    return ExtensionStorageIDB.open(principal)
      .then((db) => db.get(null))
      .then((items) => JSON.stringify(items ?? {}));`, addonId);
  return JSON.parse(String(json));
}
