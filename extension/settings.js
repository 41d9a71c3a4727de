/**
 * What a person chose on the options page (options.html): whether policies
 * are remembered for "Changed since", and which badge groups the panel
 * hides. Kept in `storage.local` under one key, read and written only by the
 * background (the options page asks through messages).
 */

/** The storage key. The history's keys all start with `history:` (history-store.js). */
const KEY = 'settings';

/**
 * @typedef {object} Settings
 * @property {boolean} remember  keep a record of each policy analyzed, to say what changed
 * @property {string[]} hiddenGroups  ids of the badge groups the panel does not show
 */

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({ remember: true, hiddenGroups: Object.freeze([]) });

/**
 * The settings stored, or the defaults for what is missing or malformed.
 * @param {{get: (key: string) => Promise<object>}} storage  storage.local
 * @returns {Promise<Settings>}
 */
export async function readSettings(storage) {
  const { [KEY]: stored } = await storage.get(KEY);
  return {
    remember: typeof stored?.remember === 'boolean' ? stored.remember : DEFAULT_SETTINGS.remember,
    hiddenGroups: Array.isArray(stored?.hiddenGroups) ? stored.hiddenGroups.filter((id) => typeof id === 'string') : [],
  };
}

/**
 * Stores the settings.
 * @param {{set: (items: object) => Promise<void>}} storage  storage.local
 * @param {Settings} settings  as parsed by messages.js `parseSettingsRequest`
 * @returns {Promise<void>}
 */
export async function writeSettings(storage, settings) {
  await storage.set({ [KEY]: { remember: settings.remember, hiddenGroups: settings.hiddenGroups } });
}
