/**
 * The background's policy history: the store in the extension's
 * `storage.local` (history-store.js), and the answers to the History page's
 * requests (history.js). Storage is only touched here, in the background, so
 * that its changes run one at a time; the History page asks through
 * messages, and content scripts never see the history at all.
 */
import { api } from './browser-api.js';
import { HistoryStore } from './history-store.js';
import { forget, historySites, rememberAnalysis } from './history.js';

let store = null;

/** The store, made on first use (storage.local needs the `storage` permission). */
function historyStore() {
  store ??= new HistoryStore(api.storage.local);
  return store;
}

/**
 * Remembers an analyzed page and returns its change section, or null, as
 * soon as it is known (the record is written meanwhile). A failure to read
 * the history is logged and costs only the section, a failure to write it
 * is logged: the badges still show.
 * @param {{url: string, text: string, hash: Promise<string>, summary: object, hiddenGroups: string[]}} page
 *   `hash`: the text's hashText(); `hiddenGroups`: the badge groups the
 *   change section leaves out (settings.js)
 * @param {{taxonomy: object, diffBadges: Function}} core
 * @returns {Promise<import('./history.js').ChangeView|null>}
 */
export async function rememberPage({ url, text, hash, summary, hiddenGroups }, core) {
  const unavailable = (error) => console.warn('Policy Badges: history unavailable', error);
  try {
    const remembered = await rememberAnalysis(historyStore(), {
      url, text, hash, summary, taxonomy: core.taxonomy, diffBadges: core.diffBadges, hiddenGroups,
    });
    remembered?.saved.catch(unavailable);
    return remembered?.view ?? null;
  } catch (error) {
    unavailable(error);
    return null;
  }
}

/**
 * Answers a history request of the History page (messages.js
 * `parseHistoryRequest`): the sites remembered, after forgetting what the
 * request asks to forget, if anything.
 * @param {{action: 'list'} | {action: 'forget', scope: 'all'} | {action: 'forget', scope: 'site', origin: string}} request
 * @returns {Promise<{sites: import('./history.js').HistorySite[], forgotten?: number}>}
 */
export async function answerHistoryRequest(request) {
  const forgotten = request.action === 'forget' ? await forget(historyStore(), request) : undefined;
  const sites = historySites(await historyStore().list());
  return forgotten === undefined ? { sites } : { sites, forgotten };
}

/**
 * Forgets the whole history (the options page's "remember" turned off).
 * @returns {Promise<number>}  how many pages were forgotten
 */
export function forgetEverything() {
  return forget(historyStore(), { scope: 'all' });
}
