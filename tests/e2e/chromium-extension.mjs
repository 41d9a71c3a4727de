/**
 * Debian's Chromium with the built extension (dist/) loaded, driven through
 * playwright-core and the DevTools protocol: the toolbar button is clicked
 * for real with `Extensions.triggerAction`, and the button's badge is read
 * from the extension's service worker.
 */
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { waitFor } from './wait.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

/**
 * @typedef {object} ExtensionBrowser
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Page} page  the one tab the tests use
 * @property {string} extensionId
 * @property {() => Promise<void>} clickAction  clicks the toolbar button for the tab
 * @property {() => Promise<string>} tabTargetId  the DevTools target of the tab, once it shows the page
 * @property {(targetId: string) => Promise<void>} triggerAction  clicks the toolbar button for
 *   that tab target (clickAction without looking the target up: what the bench times)
 * @property {<T>(fn: (arg: any) => T, arg?: any) => Promise<T>} inWorker  runs `fn`
 *   in the extension's service worker (it may have been restarted since)
 * @property {() => Promise<number>} tabId  the tab's id, as the extension knows it
 * @property {() => Promise<void>} close
 */

/**
 * Launches headless Chromium with the extension loaded from dist/.
 * @returns {Promise<ExtensionBrowser>}
 */
export async function launchChromiumWithExtension() {
  try {
    await access(`${DIST}/manifest.json`);
  } catch {
    throw new Error('dist/ is missing: run npm run build first');
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = async () => context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
  const extensionId = new URL((await worker()).url()).host;
  await untilListening(await worker());
  const page = context.pages()[0] ?? await context.newPage();
  const browserCdp = await context.browser().newBrowserCDPSession();

  /**
   * The tab target showing the page's URL: once the browser lists it there,
   * it has committed the navigation the page reports as loaded.
   */
  const tabTargetId = async () => {
    const { target } = await waitFor(async () => {
      const { targetInfos } = await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      return { targetInfos, target: targetInfos.find((info) => info.url === page.url()) };
    }, ({ target }) => target !== undefined, {
      timeout: 5_000,
      interval: 50,
      message: ({ targetInfos }) => `no tab shows ${page.url()}: ${JSON.stringify(targetInfos.map((info) => info.url))}`,
    });
    return target.targetId;
  };

  /** Clicks the toolbar button for a tab target. */
  const triggerAction = async (targetId) => {
    // Action can only be triggered on a TAB target; the DevTools command
    // itself fails rarely (it then did nothing), so it gets one retry.
    const trigger = () => browserCdp.send('Extensions.triggerAction', { id: extensionId, targetId });
    try {
      await trigger();
    } catch {
      await sleep(250);
      await trigger();
    }
  };

  return {
    context,
    page,
    extensionId,
    tabTargetId,
    triggerAction,
    clickAction: async () => triggerAction(await tabTargetId()),
    inWorker: async (fn, arg) => (await worker()).evaluate(fn, arg),
    tabId: async () => (await worker()).evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab.id;
    }),
    close: () => context.close(),
  };
}

/**
 * Waits until the extension's service worker has run its script, so that the
 * browser knows its listeners. Playwright reports the worker as soon as it
 * exists, before its first run: a freshly installed extension has no
 * listener yet, and a toolbar click then is dropped without a trace. The
 * extension API call after the check goes to the browser behind the
 * listeners' registrations.
 * @param {import('playwright-core').Worker} worker
 */
async function untilListening(worker) {
  const listening = () => worker.evaluate(async () => {
    if (!chrome.action.onClicked.hasListeners()) {
      return false;
    }
    await chrome.runtime.getPlatformInfo();
    return true;
  }).catch(() => false);
  await waitFor(listening, (yes) => yes, {
    timeout: 10_000,
    interval: 50,
    message: () => 'the extension service worker never registered its listeners',
  });
}
