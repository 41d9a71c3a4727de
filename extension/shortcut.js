/**
 * The keyboard shortcut of the toolbar button (the manifest's
 * `commands._execute_action`, which a person may change in the browser's
 * settings), as the button's tooltip and the panel's close button say it.
 */
import { api } from './browser-api.js';
import { text } from './i18n.js';

let shortcut = null;

/**
 * The shortcut as the browser writes it ("Alt+Shift+P"), '' when none is set.
 * Read once per start of the background or page (the first call is slow:
 * call it early).
 * @returns {Promise<string>}
 */
export function toolbarShortcut() {
  shortcut ??= api.commands.getAll()
    .then((commands) => commands.find((command) => command.name === '_execute_action')?.shortcut ?? '')
    .catch(() => '');
  return shortcut;
}

/**
 * The toolbar button's tooltip on a page it can read, with its shortcut.
 * @returns {Promise<string>}
 */
export async function actionTitle() {
  const keys = await toolbarShortcut();
  return keys ? text('actionTitleWithShortcut', keys) : text('actionTitle');
}

/**
 * The panel's close button's tooltip: Escape, or the shortcut again.
 * @returns {Promise<string>}
 */
export async function closeTitle() {
  const keys = await toolbarShortcut();
  return keys ? text('closeWithShortcut', keys) : text('close');
}
