/**
 * The extension's own texts in the content script, from
 * _locales/<language>/messages.json, through the extension API taken in
 * dom.js (which a page's named properties cannot replace).
 */
import { api } from './dom.js';

/**
 * The text of a message of messages.json, its placeholders filled.
 * @param {string} name
 * @param {...string} substitutions
 * @returns {string}
 */
export function t(name, ...substitutions) {
  return api.i18n.getMessage(name, substitutions);
}
