/**
 * The extension's own texts on its pages (history.html, options.html,
 * unavailable.html): every element with a `data-message` attribute gets the
 * text of that message of _locales/<language>/messages.json. The English
 * text in the HTML is what shows before this runs.
 */
import { text } from './i18n.js';

for (const node of document.querySelectorAll('[data-message]')) {
  node.textContent = text(node.dataset.message);
}
