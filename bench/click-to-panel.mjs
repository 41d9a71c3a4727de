/**
 * Click-to-panel latency in headless Chromium, with the e2e helpers: the
 * built extension (dist/) loaded, a seed policy served by the test server,
 * and the real toolbar action triggered through CDP.
 *
 * The panel's host element goes into the page with its closed shadow root
 * and dialog already built (extension/content/panel.js), so "the panel is in
 * the DOM" is the moment CDP reports the host inserted. Events, not polling:
 * a page CDP session that has read the document gets `DOM.childNodeInserted`
 * for it, and, once the shadow root's children are requested (CDP pierces
 * closed shadow roots), `DOM.attributeModified` when the dialog's
 * `aria-busy` turns "false": the result shown.
 *
 * The first click of the tab is reported on its own: it also injects the
 * content scripts and instantiates the wasm core. Each run after it opens
 * the panel, waits for the result, then clicks again to close it.
 */
import { launchChromiumWithExtension } from '../tests/e2e/chromium-extension.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { summarize } from './stats.mjs';

const HOST = 'policy-badges-panel';
const SEED = 'centercode-2014';
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
 * @property {ClickTimes} first  the tab's first click
 * @property {import('./stats.mjs').Stats} panel  later clicks, in µs
 * @property {import('./stats.mjs').Stats} result  later clicks, in µs
 * @property {ClickTimes[]} runs
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
    await browser.page.goto(server.url(`/seed/${SEED}`), { waitUntil: 'load' });
    const cdp = await browser.context.newCDPSession(browser.page);
    // Depth 2: <html>'s children are known, so inserting the host is reported.
    await cdp.send('DOM.getDocument', { depth: 2 });
    const first = await openAndClose(browser, cdp);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      runs.push(await openAndClose(browser, cdp));
    }
    return {
      page: `/seed/${SEED}`,
      browser: `Chromium ${browser.context.browser().version()} (headless)`,
      first,
      panel: summarize(runs.map((run) => run.panel_ms * 1000)),
      result: summarize(runs.map((run) => run.result_ms * 1000)),
      runs,
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}

/**
 * Clicks the toolbar button, times the panel and its result, then clicks
 * again and waits for the panel to go.
 * @returns {Promise<ClickTimes>}
 */
async function openAndClose(browser, cdp) {
  const inserted = nextEvent(cdp, 'DOM.childNodeInserted', ({ node }) => node.localName === HOST);
  const start = performance.now();
  await browser.clickAction();
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
