/**
 * What a click on the toolbar button (or on "Analyze selected text") does in
 * a tab: opens or closes the panel, and when the browser keeps extensions out
 * of the page, says so.
 *
 * A click grants the extension the page (activeTab), but right after a
 * cross-site navigation Chromium may refuse the first script injection that
 * follows the click ("Cannot access contents of the page"): the grant has not
 * reached the page's new renderer process yet, and an injection a few
 * milliseconds later gets in. So a refused click is tried again, a few times,
 * as long as the tab still shows the page that was clicked; only then is the
 * page called off-limits. A page that the tab left meanwhile is not
 * off-limits: that click just had nothing left to open.
 */
import { api } from './browser-api.js';
import { showUnavailable } from './action-state.js';
import { showPanel } from './inject.js';

/** Pauses before each new try after a refused injection (ms). */
const RETRY_DELAYS_MS = Object.freeze([50, 150, 400]);

/** The longest wait for a loading tab to finish before judging a refusal (ms). */
const SETTLE_TIMEOUT_MS = 5_000;

/**
 * Handles one click, on the toolbar button or the context menu, in `tab`.
 * @param {{id: number, windowId: number, url?: string}} tab  the click's tab
 * @param {Omit<import('./inject.js').PanelRequest, 'url'>} request  what the click asks of the panel
 * @param {{onInjected?: () => void}} [hooks]  see inject.js `showPanel`
 * @returns {Promise<void>}
 */
export async function handleClick(tab, request, hooks) {
  for (const delay of [...RETRY_DELAYS_MS, null]) {
    try {
      await showPanel(tab.id, { ...request, url: tab.url }, hooks);
      return;
    } catch (error) {
      if (!(await stillOnPage(tab))) {
        return;
      }
      if (delay === null) {
        console.warn('Policy Badges: cannot script tab', tab.id, error);
        await showUnavailable(tab.id, tab.windowId);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Whether the tab, once it has finished loading, still shows the address that
 * was clicked. After a navigation it shows another address, or none at all
 * (activeTab no longer covers it); a closed tab shows nothing.
 */
async function stillOnPage(tab) {
  const now = await settledTab(tab.id);
  return now !== null && now.url === tab.url;
}

/**
 * The tab once it is not loading (a navigation that was under way has
 * committed or failed), or as it is after {@link SETTLE_TIMEOUT_MS}; null
 * when it is closed.
 * @param {number} tabId
 * @returns {Promise<object|null>}
 */
function settledTab(tabId) {
  return new Promise((resolve) => {
    let timer = null;
    let settled = false;
    const finish = () => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      api.tabs.onUpdated.removeListener(onUpdated);
      api.tabs.get(tabId).then(resolve, () => resolve(null));
    };
    const onUpdated = (id, change) => {
      if (id === tabId && change.status === 'complete') {
        finish();
      }
    };
    timer = setTimeout(finish, SETTLE_TIMEOUT_MS);
    api.tabs.onUpdated.addListener(onUpdated);
    api.tabs.get(tabId).then((now) => {
      if (now.status !== 'loading') {
        finish();
      }
    }, finish);
  });
}
