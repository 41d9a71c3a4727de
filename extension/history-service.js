/**
 * The background's policy history: the store in the extension's
 * `storage.local` (history-store.js), and the answers to the content
 * script's history requests (history.js). Storage is only touched here, in
 * the background; content scripts ask through messages.
 */
import { api } from './browser-api.js';
import { HistoryStore } from './history-store.js';
import { forget, historyFor, rememberAnalysis } from './history.js';

let store = null;

/** The store, made on first use (storage.local needs the `storage` permission). */
function historyStore() {
  store ??= new HistoryStore(api.storage.local);
  return store;
}

/**
 * Remembers an analyzed page and returns its change section, or null. A
 * failure to read or write the history is logged and costs only the section:
 * the badges still show.
 * @param {{url: string, text: string, summary: object}} page
 * @param {{taxonomy: object, diffBadges: Function}} core
 * @returns {Promise<import('./history.js').ChangeView|null>}
 */
export async function rememberPage({ url, text, summary }, core) {
  try {
    return await rememberAnalysis(historyStore(), {
      url, text, summary, taxonomy: core.taxonomy, diffBadges: core.diffBadges,
    });
  } catch (error) {
    console.warn('Policy Badges: history unavailable', error);
    return null;
  }
}

/**
 * Answers a history request (messages.js `parseHistoryRequest`) from the
 * content script on the page at `url`.
 * @param {{action: 'list'} | {action: 'forget', scope: 'site'|'all'}} request
 * @param {string} url  the sender's page
 * @returns {Promise<{site: string|null, rows: object[], forgotten?: number}>}
 */
export async function answerHistoryRequest(request, url) {
  const forgotten = request.action === 'forget' ? await forget(historyStore(), request.scope, url) : undefined;
  return { ...(await historyFor(historyStore(), url)), ...(forgotten === undefined ? {} : { forgotten }) };
}
