/**
 * The WebExtension `i18n.getMessage` of a fake browser, over the extension's
 * real _locales/en/messages.json: named placeholders ($KEYS$) filled from
 * their `$1`…`$9` content, as the browsers do.
 */
import { readFileSync } from 'node:fs';

const MESSAGES = JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8'));

/**
 * @param {string} name
 * @param {string[]} [substitutions]
 * @returns {string}  '' for an unknown name, as the browsers answer
 */
export function getMessage(name, substitutions = []) {
  const entry = MESSAGES[name];
  if (!entry) {
    return '';
  }
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, placeholder) => {
    const content = entry.placeholders?.[placeholder.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index) => substitutions[Number(index) - 1] ?? '');
  });
}
