/**
 * Building blocks of the extension's own pages (history.html, options.html):
 * elements made with their text as text nodes, and requests to the
 * background.
 */
import { api } from './browser-api.js';
import { text } from './i18n.js';

/**
 * A new element with attributes and children (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node|string)[]} [children]
 * @returns {HTMLElement}
 */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/**
 * The background's answer to a message, or `{error}`.
 * @param {object} message
 * @returns {Promise<object>}
 */
export async function request(message) {
  try {
    return (await api.runtime.sendMessage(message)) ?? { error: text('panelNoAnswer') };
  } catch (error) {
    return { error: error.message };
  }
}

/**
 * A number of pages, in words: "1 page", "3 pages".
 * @param {number} count
 * @returns {string}
 */
export function pagesText(count) {
  return text(count === 1 ? 'pagesOne' : 'pagesMany', String(count));
}
