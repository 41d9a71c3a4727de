/**
 * Debian's Chromium with the built extension (dist/) loaded, driven through
 * playwright-core and the DevTools protocol: the toolbar button is clicked
 * for real with `Extensions.triggerAction`, and the button's badge is read
 * from the extension's service worker.
 */
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

/**
 * @typedef {object} ExtensionBrowser
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Page} page  the one tab the tests use
 * @property {string} extensionId
 * @property {() => Promise<void>} clickAction  clicks the toolbar button for the tab
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
  const page = context.pages()[0] ?? await context.newPage();
  const browserCdp = await context.browser().newBrowserCDPSession();

  const tabTargetId = async () => {
    const { targetInfos } = await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const target = targetInfos.find((info) => info.url === page.url()) ?? targetInfos[0];
    return target.targetId;
  };

  return {
    context,
    page,
    extensionId,
    async clickAction() {
      // Action can only be triggered on a TAB target; it flakes rarely, so
      // the trigger itself gets one retry.
      const trigger = async () => browserCdp.send('Extensions.triggerAction', { id: extensionId, targetId: await tabTargetId() });
      try {
        await trigger();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await trigger();
      }
    },
    inWorker: async (fn, arg) => (await worker()).evaluate(fn, arg),
    tabId: async () => (await worker()).evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab.id;
    }),
    close: () => context.close(),
  };
}
