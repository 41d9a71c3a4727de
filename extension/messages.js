/**
 * The messages the extension's parts send to the background, and the checks
 * the background applies before acting on one. Three kinds of sender are
 * heard: the content script in a page (analysis, opening a link or the
 * History page), the extension's own History page (listing and forgetting
 * the history) and its options page (reading and changing the settings).
 * The content script's bundle imports this module too.
 */
import { utf8Length } from './utf8.js';

/** The History page, relative to the extension's root (runtime.getURL). */
export const HISTORY_PAGE = 'extension/history.html';

/** The options page, relative to the extension's root (the manifest's `options_ui.page`). */
export const OPTIONS_PAGE = 'extension/options.html';

/** Message `type` values. */
export const MessageType = Object.freeze({
  /**
   * `{type, text, capped, excerpt}`, sent on a port of this name
   * (runtime.connect, one request per port): analyze the page's text, or a
   * selection of it (`excerpt`); the reply is a panel model.
   */
  ANALYZE: 'analyze',
  /**
   * `{type, request}`, from the background to the content script of a tab
   * (tabs.sendMessage): a click's PanelRequest (inject.js); the answer is
   * true, or 'elsewhere' when the tab has moved on to another page.
   */
  PANEL: 'panel',
  /** `{type, url}`: navigate the sender's tab to a privacy policy link. */
  OPEN_URL: 'open-url',
  /** `{type}`: open the History page in a new tab, next to the sender's. */
  OPEN_HISTORY: 'open-history',
  /** `{type}`, from the History page only: the policy history (see history.js). */
  HISTORY_LIST: 'history-list',
  /**
   * `{type, scope: 'all'}` or `{type, scope: 'site', origin}`, from the
   * History page only: forget everything, or every page of one origin.
   */
  HISTORY_FORGET: 'history-forget',
  /** `{type}`, from the options page only: the settings, and the badge groups to choose from. */
  SETTINGS_GET: 'settings-get',
  /**
   * `{type, settings: {remember, hiddenGroups}}`, from the options page
   * only: keep these settings; turning `remember` off forgets the history.
   */
  SETTINGS_SET: 'settings-set',
});

/**
 * Whether a message comes from a content script of this very extension,
 * running in a web page's tab: everything else is ignored. The extension's
 * own pages are not content scripts, though they have its id and may be in a
 * tab.
 * @param {{id?: string, url?: string, tab?: {id?: number}}} sender runtime.onMessage's sender
 * @param {string} extensionId runtime.id
 * @param {string} extensionRoot runtime.getURL(''), the extension's own pages' prefix
 * @returns {boolean}
 */
export function isOwnContentScript(sender, extensionId, extensionRoot) {
  return sender?.id === extensionId && Number.isInteger(sender.tab?.id) &&
    typeof sender.url === 'string' && !sender.url.startsWith(extensionRoot);
}

/**
 * Whether a message comes from one of the extension's own pages: only the
 * History page may read or forget the history, only the options page may
 * change the settings. No web page, and no content script (which a page's
 * renderer process hosts), can send from those addresses.
 * @param {{id?: string, url?: string}} sender runtime.onMessage's sender
 * @param {string} extensionId runtime.id
 * @param {string} pageUrl runtime.getURL(HISTORY_PAGE) or runtime.getURL(OPTIONS_PAGE)
 * @returns {boolean}
 */
export function isOwnPage(sender, extensionId, pageUrl) {
  return sender?.id === extensionId && typeof sender.url === 'string' &&
    sender.url.split(/[?#]/, 1)[0] === pageUrl;
}

/**
 * The analyze request in `message`, or null when it is not a well-formed one.
 * @param {unknown} message
 * @param {number} maxBytes  the most text accepted, in UTF-8 bytes (the core's `limits().max_input_bytes`)
 * @returns {{text: string, capped: boolean, excerpt: boolean} | null}
 */
export function parseAnalyzeRequest(message, maxBytes) {
  if (message?.type !== MessageType.ANALYZE || typeof message.text !== 'string' ||
      typeof message.capped !== 'boolean' || typeof message.excerpt !== 'boolean' ||
      message.text.length > maxBytes || utf8Length(message.text) > maxBytes) {
    return null;
  }
  return { text: message.text, capped: message.capped, excerpt: message.excerpt };
}

/**
 * The http(s) URL the open-url request in `message` asks for, or null when the
 * message is malformed or names any other scheme (javascript:, data:, file:…).
 * @param {unknown} message
 * @returns {string | null}
 */
export function parseOpenUrlRequest(message) {
  if (message?.type !== MessageType.OPEN_URL || typeof message.url !== 'string') {
    return null;
  }
  return httpUrl(message.url)?.href ?? null;
}

/** `text` parsed as an absolute http: or https: URL, or null. */
function httpUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * Whether `message` asks to open the History page.
 * @param {unknown} message
 * @returns {boolean}
 */
export function isOpenHistoryRequest(message) {
  return message?.type === MessageType.OPEN_HISTORY;
}

/**
 * The history request in `message`, or null when it is not a well-formed
 * one. "Forget this site" names the site as an http(s) origin
 * (`https://example.org`, no path).
 * @param {unknown} message
 * @returns {{action: 'list'} | {action: 'forget', scope: 'all'} | {action: 'forget', scope: 'site', origin: string} | null}
 */
export function parseHistoryRequest(message) {
  if (message?.type === MessageType.HISTORY_LIST) {
    return { action: 'list' };
  }
  if (message?.type !== MessageType.HISTORY_FORGET) {
    return null;
  }
  if (message.scope === 'all') {
    return { action: 'forget', scope: 'all' };
  }
  if (message.scope === 'site' && typeof message.origin === 'string' &&
      httpUrl(message.origin)?.origin === message.origin) {
    return { action: 'forget', scope: 'site', origin: message.origin };
  }
  return null;
}

/**
 * The settings request in `message`, or null when it is not a well-formed
 * one: `remember` a boolean, `hiddenGroups` ids of the core's badge groups.
 * @param {unknown} message
 * @param {string[]} groupIds  the taxonomy's group ids
 * @returns {{action: 'get'} | {action: 'set', settings: import('./settings.js').Settings} | null}
 */
export function parseSettingsRequest(message, groupIds) {
  if (message?.type === MessageType.SETTINGS_GET) {
    return { action: 'get' };
  }
  const settings = message?.type === MessageType.SETTINGS_SET ? message.settings : null;
  if (typeof settings?.remember !== 'boolean' || !Array.isArray(settings.hiddenGroups) ||
      !settings.hiddenGroups.every((id) => groupIds.includes(id))) {
    return null;
  }
  return { action: 'set', settings: { remember: settings.remember, hiddenGroups: [...new Set(settings.hiddenGroups)] } };
}
