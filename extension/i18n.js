/**
 * The extension's own texts, from _locales/<language>/messages.json (the
 * browser picks the language): a translation is one file.
 */
import { api } from './browser-api.js';

/**
 * The text of a message of messages.json, its `$1`, `$2`… replaced.
 * @param {string} name  the message's name
 * @param {...string} substitutions
 * @returns {string}
 */
export function text(name, ...substitutions) {
  return api.i18n.getMessage(name, substitutions);
}
