/**
 * The messages the content script sends to the background, and the checks the
 * background applies before acting on one. The content script is a classic
 * script and cannot import this module: the background hands it
 * `MessageType` and `MAX_TEXT_CHARS` when it starts it (see inject.js).
 */

/** Message `type` values. */
export const MessageType = Object.freeze({
  /**
   * `{type, text, capped}`, sent on a port of this name (runtime.connect, one
   * request per port): analyze the page's text; the reply is a panel model.
   */
  ANALYZE: 'analyze',
  /** `{type, url}`: navigate the sender's tab to a privacy policy link. */
  OPEN_URL: 'open-url',
  /** `{type}`: the policy history, for the History view (see history.js). */
  HISTORY_LIST: 'history-list',
  /** `{type, scope: 'site'|'all'}`: forget the sender's site, or the whole history. */
  HISTORY_FORGET: 'history-forget',
});

/**
 * The most text the content script extracts and the background accepts
 * (UTF-16 code units). Longer pages are cut, and the panel says so.
 */
export const MAX_TEXT_CHARS = 2_000_000;

/**
 * Whether a message comes from a content script of this very extension,
 * running in a tab: everything else is ignored.
 * @param {{id?: string, tab?: {id?: number}}} sender runtime.onMessage's sender
 * @param {string} extensionId runtime.id
 * @returns {boolean}
 */
export function isOwnContentScript(sender, extensionId) {
  return sender?.id === extensionId && Number.isInteger(sender.tab?.id);
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
  return httpUrlOrNull(message.url);
}

/** `text` as an absolute http: or https: URL, or null. */
function httpUrlOrNull(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * The history request in `message`, or null when it is not a well-formed
 * one. "Forget this site" names no site: the background forgets the sender's.
 * @param {unknown} message
 * @returns {{action: 'list'} | {action: 'forget', scope: 'site'|'all'} | null}
 */
export function parseHistoryRequest(message) {
  if (message?.type === MessageType.HISTORY_LIST) {
    return { action: 'list' };
  }
  if (message?.type === MessageType.HISTORY_FORGET && (message.scope === 'site' || message.scope === 'all')) {
    return { action: 'forget', scope: message.scope };
  }
  return null;
}
