/**
 * What the toolbar button says about one tab: the number of concerns found,
 * a "!" when the page is off-limits, or nothing.
 */
import { api } from './browser-api.js';
import { text } from './i18n.js';
import { countText } from './present.js';
import { actionTitle } from './shortcut.js';

const CONCERN_COLOUR = '#c62828';
const NO_CONCERN_COLOUR = '#2e7d32';
const UNAVAILABLE_COLOUR = '#616161';
const UNAVAILABLE_POPUP = 'extension/unavailable.html';

/**
 * Shows the number of concerns (bad badges) found on the tab's page.
 * @param {number} tabId
 * @param {number} concerns
 */
export async function showConcerns(tabId, concerns) {
  await Promise.all([
    api.action.setBadgeText({ tabId, text: String(concerns) }),
    api.action.setBadgeBackgroundColor({ tabId, color: concerns > 0 ? CONCERN_COLOUR : NO_CONCERN_COLOUR }),
    api.action.setTitle({ tabId, title: text('actionTitleCounted', countText(concerns, 'bad')) }),
  ]);
}

/**
 * Marks the tab's page as one the extension may not read, and explains why:
 * in the button's title, and in a popup that the next click opens (this one
 * too, where the browser lets an extension open its popup).
 * @param {number} tabId
 * @param {number} windowId
 */
export async function showUnavailable(tabId, windowId) {
  await Promise.all([
    api.action.setBadgeText({ tabId, text: '!' }),
    api.action.setBadgeBackgroundColor({ tabId, color: UNAVAILABLE_COLOUR }),
    api.action.setTitle({ tabId, title: text('actionTitleUnavailable') }),
    api.action.setPopup({ tabId, popup: UNAVAILABLE_POPUP }),
  ]);
  try {
    await api.action.openPopup({ windowId });
  } catch {
    // Not allowed here (no user gesture left, or an older browser): the badge
    // and the title still say it, and the next click opens the popup.
  }
}

/**
 * Forgets what the button said about the tab's previous page.
 * @param {number} tabId
 */
export async function resetTab(tabId) {
  const title = await actionTitle();
  await Promise.all([
    api.action.setBadgeText({ tabId, text: '' }),
    api.action.setTitle({ tabId, title }),
    api.action.setPopup({ tabId, popup: '' }),
  ]);
}
