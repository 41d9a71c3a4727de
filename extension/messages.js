/**
 * The messages the extension's parts send to the background, and the checks
 * the background applies before acting on one. Two kinds of sender are heard:
 * the content script in a page (analysis, opening a link or the History
 * page) and the extension's own History page (listing and forgetting the
 * history). The content script is a classic script and cannot import this
 * module: the background hands it `MessageType` and `MAX_TEXT_CHARS` when it
 * starts it (see inject.js).
 */

/** The History page, relative to the extension's root (runtime.getURL). */
export const HISTORY_PAGE = 'extension/history.html';

/** Message `type` values. */
export const MessageType = Object.freeze({
  /**
   * `{type, text, capped}`, sent on a port of this name (runtime.connect, one
   * request per port): analyze the page's text; the reply is a panel model.
   */
  ANALYZE: 'analyze',
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
});

/**
 * The most text the content script extracts and the background accepts
 * (UTF-16 code units). Longer pages are cut, and the panel says so.
 */
export const MAX_TEXT_CHARS = 2_000_000;

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
 * Whether a message comes from the extension's History page: only it may read
 * or forget the history. No web page, and no content script (which a page's
 * renderer process hosts), can send from that address.
 * @param {{id?: string, url?: string}} sender runtime.onMessage's sender
 * @param {string} extensionId runtime.id
 * @param {string} historyPageUrl runtime.getURL(HISTORY_PAGE)
 * @returns {boolean}
 */
export function isHistoryPage(sender, extensionId, historyPageUrl) {
  return sender?.id === extensionId && typeof sender.url === 'string' &&
    sender.url.split(/[?#]/, 1)[0] === historyPageUrl;
}

/**
 * The analyze request in `message`, or null when it is not a well-formed one.
 * @param {unknown} message
 * @returns {{text: string, capped: boolean} | null}
 */
export function parseAnalyzeRequest(message) {
  if (message?.type !== MessageType.ANALYZE || typeof message.text !== 'string' ||
      message.text.length > MAX_TEXT_CHARS || typeof message.capped !== 'boolean') {
    return null;
  }
  return { text: message.text, capped: message.capped };
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
