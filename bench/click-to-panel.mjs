/**
 * Click-to-panel latency in headless Chromium, with the e2e helpers: the
 * built extension (dist/) loaded, seed policies served by the test server,
 * and the real toolbar action triggered through CDP.
 *
 * The panel's host element goes into the page with its closed shadow root
 * and dialog already built (extension/content/panel.js), so "the panel is in
 * the DOM" is the moment CDP reports the host inserted (timed from the
 * toolbar click itself, `Extensions.triggerAction`; finding the tab's
 * DevTools target before it is the harness's). Events, not polling:
 * a page CDP session that has read the document gets `DOM.childNodeInserted`
 * for it, and, once the shadow root's children are requested (CDP pierces
 * closed shadow roots), `DOM.attributeModified` when the dialog's
 * `aria-busy` turns "false": the result shown.
 *
 * A page's first click also injects the content script: the tab is sent to
 * a fresh page (a new document, so a new content script) PAGES times, and
 * each page's first click is timed; the first of them is the session's
 * first click, which also instantiates the wasm core. On the last page, the
 * panel is then opened and closed RUNS more times: the later clicks.
 */
import { launchChromiumWithExtension } from '../tests/e2e/chromium-extension.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { summarize } from './stats.mjs';

const HOST = 'policy-badges-panel';
const SEED = 'centercode-2014';
const PAGES = 7;
const RUNS = 10;
const SETTLE_MS = 200;
const TIMEOUT_MS = 15_000;

/**
 * @typedef {object} ClickTimes
 * @property {number} panel_ms  from triggering the action to the panel in the DOM
 * @property {number} result_ms  from triggering the action to the result shown
 *
 * @typedef {object} ClickToPanel
 * @property {string} page
 * @property {string} browser
 * @property {ClickTimes} session_first  the first click of the browser session (also loads the core)
 * @property {import('./stats.mjs').Stats} first_panel  the first click of each page, in µs
 * @property {import('./stats.mjs').Stats} first_result  the first click of each page, in µs
 * @property {ClickTimes[]} firsts  the first click of each page, the session's first
 * @property {import('./stats.mjs').Stats} panel  later clicks, in µs
 * @property {import('./stats.mjs').Stats} result  later clicks, in µs
 * @property {ClickTimes[]} runs  later clicks
 */

/**
 * Opens and closes the panel on the Centercode policy, timing each opening.
 * @returns {Promise<ClickToPanel>}
 */
export async function measureClickToPanel() {
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromiumWithExtension();
    const cdp = await browser.context.newCDPSession(browser.page);
    const firsts = [];
    for (let page = 0; page < PAGES; page += 1) {
      await browser.page.goto(server.url(`/seed/${SEED}?page=${page}`), { waitUntil: 'load' });
      // Depth 2: <html>'s children are known, so inserting the host is reported.
      await cdp.send('DOM.getDocument', { depth: 2 });
      await settle();
      firsts.push(await openAndClose(browser, cdp));
    }
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      await settle();
      runs.push(await openAndClose(browser, cdp));
    }
    const stats = (times, key) => summarize(times.map((time) => time[key] * 1000));
    return {
      page: `/seed/${SEED}`,
      browser: `Chromium ${browser.context.browser().version()} (headless)`,
      session_first: firsts[0],
      first_panel: stats(firsts, 'panel_ms'),
      first_result: stats(firsts, 'result_ms'),
      firsts,
      panel: stats(runs, 'panel_ms'),
      result: stats(runs, 'result_ms'),
      runs,
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}

function settle() {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/**
 * Clicks the toolbar button, times the panel and its result, then clicks
 * again and waits for the panel to go.
 * @returns {Promise<ClickTimes>}
 */
async function openAndClose(browser, cdp) {
  const inserted = nextEvent(cdp, 'DOM.childNodeInserted', ({ node }) => node.localName === HOST);
  const tab = await browser.tabTargetId(); // the harness's look-up, not timed
  const start = performance.now();
  await browser.triggerAction(tab);
  const { params, at: panelAt } = await inserted;
  const resultAt = await resultShown(cdp, params.node.shadowRoots[0].nodeId);
  const removed = nextEvent(cdp, 'DOM.childNodeRemoved', ({ nodeId }) => nodeId === params.node.nodeId);
  await browser.clickAction();
  await removed;
  return { panel_ms: panelAt - start, result_ms: resultAt - start };
}

/**
 * When the dialog in the shadow root says it is no longer busy: its children
 * are requested, then either they arrive already done, or the attribute
 * changes later.
 * @returns {Promise<number>} the time, on `performance.now()`'s clock
 */
async function resultShown(cdp, shadowRootId) {
  const pushed = nextEvent(cdp, 'DOM.setChildNodes', ({ parentId }) => parentId === shadowRootId);
  await cdp.send('DOM.requestChildNodes', { nodeId: shadowRootId, depth: 1, pierce: true });
  const { params, at } = await pushed;
  const dialog = params.nodes.find((node) => node.attributes?.includes('dialog'));
  const busy = dialog.attributes[dialog.attributes.indexOf('aria-busy') + 1];
  if (busy === 'false') {
    return at;
  }
  const done = await nextEvent(cdp, 'DOM.attributeModified', ({ nodeId, name, value }) =>
    nodeId === dialog.nodeId && name === 'aria-busy' && value === 'false');
  return done.at;
}

/**
 * The next CDP event `name` whose params satisfy `predicate`, with the time
 * it arrived.
 * @returns {Promise<{params: object, at: number}>}
 */
function nextEvent(cdp, name, predicate) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cdp.off(name, listener);
      reject(new Error(`timed out waiting for ${name}`));
    }, TIMEOUT_MS);
    function listener(params) {
      if (predicate(params)) {
        const at = performance.now();
        clearTimeout(timer);
        cdp.off(name, listener);
        resolve({ params, at });
      }
    }
    cdp.on(name, listener);
  });
}
