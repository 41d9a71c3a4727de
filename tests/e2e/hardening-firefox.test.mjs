// Hardening tests in Debian's Firefox ESR: hostile pages against the packaged
// extension (build/policy-badges-firefox.zip), clicked for real from the
// toolbar, with the browser console (lib/firefox-console.mjs) and the
// network requests (lib/firefox-inspect.mjs) recorded. Pages:
// hardening-pages.mjs. Mirrors hardening-chromium.test.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/hardening-firefox.test.mjs
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { By } from 'selenium-webdriver';
import { labelOf } from './core.mjs';
import { PATHS, SENSOR_SENTENCE, servePages } from './hardening-pages.mjs';
import { startServer } from './server.mjs';
import {
  getActionTitle, getBadgeText, inChrome, installAddon, launchFirefox, quitFirefox, triggerAction, waitFor,
} from './lib/firefox-driver.mjs';
import { clickAccessible, readPanel } from './lib/firefox-a11y.mjs';
import { PANEL, waitForPanelModel } from './lib/firefox-panel.mjs';
import { recordRequests, recordedRequests } from './lib/firefox-inspect.mjs';
import { consoleNow, extensionConsoleProblems, extensionOrigin, watchConsole } from './lib/firefox-console.mjs';
import { extensionStorage } from './lib/firefox-storage.mjs';

const ADDON = fileURLToPath(new URL('../../build/policy-badges-firefox.zip', import.meta.url));
const HIGHLIGHT = 'policy-badges-evidence';
const SENSOR_LABEL = labelOf('sensor-data-shared');
const DEFAULT_TITLE = "Show this privacy policy's badges";

let server;
let driver;
let addonId;
let origin;

before(async () => {
  await access(ADDON).catch(() => {
    throw new Error(`${ADDON} is missing: run \`npm run build\` first`);
  });
  server = await startServer();
  await servePages(server);
  driver = await launchFirefox();
  await recordRequests(driver);
  await watchConsole(driver);
  addonId = await installAddon(driver, ADDON);
  origin = await extensionOrigin(driver, addonId);
});

after(async () => {
  await quitFirefox(driver);
  await server?.close();
});

async function visit(path) {
  await driver.get(server.url(path));
}

/** Clicks the toolbar button and waits until the panel has finished analyzing. */
async function openPanel() {
  await triggerAction(driver, addonId);
  return waitForPanelModel(driver, () => true, 'the panel to show a result');
}

/** Clicks a badge open (a real click) and waits until its evidence shows. */
async function expandBadge(panel, label) {
  const badge = panel.badge(label);
  assert.ok(badge, `"${label}" is shown; panel:\n${panel.text}`);
  await clickAccessible(driver, panel.nodes, badge.toggle);
  return waitForPanelModel(driver, (p) => p.badge(label)?.expanded && p.badge(label).quotes.length > 0,
    `"${label}" to expand`);
}

/** The panel as it reads now, or null when it is not shown. */
async function panelNow() {
  const view = await readPanel(driver, PANEL);
  return view.root < 0 ? null : view;
}

/** What the toolbar button says for the selected tab. */
async function toolbarState() {
  const popup = await inChrome(driver, `
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const action = ExtensionParent.apiManager.global.browserActionFor(ExtensionParent.GlobalManager.getExtension(arguments[0]));
    return action.action.getProperty(win.gBrowser.selectedTab, 'popup') ?? '';`, addonId);
  return { text: await getBadgeText(driver, addonId), title: await getActionTitle(driver, addonId), popup: String(popup) };
}

/**
 * Clicks panel elements the way a page script would if it held references
 * to them: `click()` and a dispatched MouseEvent, both untrusted. WebDriver's
 * Get Element Shadow Root reaches into the closed shadow root; the script
 * runs in the page.
 */
async function syntheticClicks(selector) {
  const root = await (await driver.findElement(By.css('policy-badges-panel'))).getShadowRoot();
  const elements = await root.findElements(By.css(selector));
  for (const element of elements) {
    await driver.executeScript(`
      arguments[0].click();
      arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));`, element);
  }
  return elements.length;
}

function problemsSince(since) {
  return extensionConsoleProblems(driver, { addonId, origin, since });
}

test('a page that replaced attachShadow, appendChild, JSON.parse, String.prototype.split (and more) gets the same panel', async () => {
  await visit(PATHS.clean);
  const clean = await openPanel();

  await visit(PATHS.prototypes);
  assert.equal(await driver.executeScript(() => window.hijacked), true, 'the page replaced its globals before the click');
  let panel = await openPanel();
  const badge = panel.badge(SENSOR_LABEL);
  assert.ok(badge, `"${SENSOR_LABEL}" is shown; panel:\n${panel.text}`);
  assert.equal(badge.word, 'concern');
  assert.equal(panel.text, clean.text, 'the same panel as on the same policy without the hostile script');
  assert.equal(await driver.executeScript(() => window.hijackedToggle ?? false), false, "the page's fake policyBadges was not called");
  panel = await expandBadge(panel, SENSOR_LABEL);
  assert.ok(panel.badge(SENSOR_LABEL).quotes.some((q) => q.text.includes(SENSOR_SENTENCE)), 'with its evidence sentence');
});

test('DOM clobbering (id="browser", form inputs named nodeType, parentNode…) neither breaks nor blinds the content script', async () => {
  await visit(PATHS.clobbering);
  let panel = await openPanel();
  assert.ok(panel.badge(SENSOR_LABEL), `the sentence inside the clobbered form is analyzed; panel:\n${panel.text}`);
  panel = await expandBadge(panel, SENSOR_LABEL);
  const quote = panel.badge(SENSOR_LABEL).quotes.find((q) => q.text.includes(SENSOR_SENTENCE));
  await clickAccessible(driver, panel.nodes, quote.index);
  const highlighted = await waitFor(
    () => driver.executeScript((name) => {
      const highlight = CSS.highlights.get(name);
      return highlight ? [...highlight].map(String).join(' ') : null;
    }, HIGHLIGHT),
    Boolean,
    { timeout: 5_000, message: () => 'no highlight' },
  );
  assert.equal(highlighted, SENSOR_SENTENCE, 'the sentence in the form is highlighted');
  const started = Date.now();
  assert.equal(await driver.executeScript(() => 1 + 1), 2);
  assert.ok(Date.now() - started < 1_000, 'the tab is not stuck');
});

test('a page that defines <policy-badges-panel> itself cannot pre-empt or reach the shadow root', async () => {
  await visit(PATHS.customElement);
  const panel = await openPanel();
  assert.ok(panel.badge(SENSOR_LABEL), `panel:\n${panel.text}`);
  const report = await driver.executeScript(() => ({
    ...window.customElementReport,
    internalsShadowRoot: window.panelInternals?.shadowRoot ?? null,
    hostShadowRoot: document.querySelector('policy-badges-panel').shadowRoot,
  }));
  assert.ok(report.constructed >= 1, "the page's constructor ran on the host (it was upgraded)");
  assert.equal(report.ownShadowAttached, false, 'it could not attach a shadow root of its own first');
  assert.equal(report.internalsShadowRoot, null, 'ElementInternals.shadowRoot does not give ours away');
  assert.equal(report.hostShadowRoot, null);
});

test('page scripts cannot forge messages, find the panel, or press its buttons', async () => {
  await visit(PATHS.forgery);
  let panel = await openPanel();
  const before = panel.text;
  const toolbarBefore = await toolbarState();

  const seen = await driver.executeScript('return window.forge(arguments[0], arguments[1]);', addonId, 'Privacy policy badges');
  assert.equal(seen.chromeRuntime, 'undefined', 'pages get no runtime.sendMessage');
  assert.equal(seen.browserRuntime, 'undefined');
  assert.deepEqual(seen.sendMessageAnswers, []);
  assert.equal(seen.shadowRoots, 0, 'no element of the page shows a shadow root');
  assert.equal(seen.host, true);
  assert.equal(seen.hostShadowRoot, null);
  assert.equal(seen.hostChildren, 0);
  assert.equal(seen.dialogs, 0, "the panel's dialog is not in the page's tree");
  assert.equal(seen.panelTextInPage, false, 'serializing or reading the document shows none of the panel');

  await sleep(500);
  panel = await waitForPanelModel(driver, () => true, 'the panel, still open');
  assert.equal(panel.text, before, 'synthetic Escape and clicks changed nothing');
  assert.ok(panel.badges.every((badge) => !badge.expanded));
  assert.equal(await driver.getCurrentUrl(), server.url(PATHS.forgery));
  assert.deepEqual(await toolbarState(), toolbarBefore);

  // A page that got hold of the panel's buttons: clicks from its world do nothing.
  const clicked = await syntheticClicks('button');
  assert.ok(clicked >= 5, `clicked ${clicked} buttons`);
  await sleep(500);
  panel = await waitForPanelModel(driver, () => true, 'the panel, still open');
  assert.equal(panel.text, before, 'untrusted clicks expanded, copied, opened or closed nothing');
  assert.equal(await driver.executeScript((name) => CSS.highlights.has(name), HIGHLIGHT), false, 'nor highlighted');

  // A person's click still works.
  await expandBadge(panel, SENSOR_LABEL);
});

test('the page cannot reach the history of other sites: not through the panel, not on the History page', async (t) => {
  const otherSite = server.url(PATHS.clean).replace('127.0.0.1', 'localhost');
  const otherHost = new URL(otherSite).host;
  await driver.get(otherSite);
  await openPanel();
  await visit(PATHS.forgery);
  await openPanel();
  const before = await extensionStorage(driver, addonId);
  assert.ok(before[`history:page:${otherSite}`], 'the other site is in the history');

  const pried = await driver.executeScript('return window.pryForHistory(arguments[0], arguments[1], arguments[2]);',
    [otherHost, otherSite, 'localhost'], 'Privacy policy badges', `${origin}extension/history.html`);
  assert.deepEqual(pried.found, [], 'window.find() finds none of it, on the page or in the panel');
  // Firefox hands the page the panel's nodes through window.find() and the
  // selection (see SECURITY.md): what it reads there is this page's own.
  t.diagnostic(`the selection reached the panel: ${pried.panelText !== null}`);
  assert.ok(!(pried.panelText ?? '').includes(otherHost), `the panel holds nothing of the other site: ${pried.panelText}`);
  assert.equal(pried.historyPage, 'refused', 'the History page is not web-accessible');
  assert.deepEqual(await extensionStorage(driver, addonId), before);
});

test('"Open the privacy policy": only http(s) links are offered, untrusted clicks do nothing', async () => {
  await visit(PATHS.fakeLinks);
  let panel = await openPanel();
  assert.match(panel.text, /This page doesn't look like a privacy policy/);
  assert.ok(panel.button('Open the privacy policy') < 0,
    `javascript:, data:, file: and vbscript: links are not offered; panel:\n${panel.text}`);

  await visit('/pages/news.html');
  panel = await openPanel();
  assert.ok(panel.button('Open the privacy policy') >= 0, `offers the http link; panel:\n${panel.text}`);
  assert.equal(await syntheticClicks('button.primary'), 1);
  await sleep(500);
  assert.equal(await driver.getCurrentUrl(), server.url('/pages/news.html'), 'an untrusted click does not navigate');
  const since = await consoleNow(driver);
  await clickAccessible(driver, panel.nodes, panel.button('Open the privacy policy'));
  const policyUrl = server.url('/seed/activexperts-2012');
  await waitFor(() => driver.getCurrentUrl(), (url) => url === policyUrl, { message: (url) => `at ${url}` });
  await sleep(500);
  assert.deepEqual(await problemsSince(since), [], 'following the link leaves no error behind');
});

test('navigating away during the analysis leaves no error, and the toolbar button to the next page', async () => {
  const landing = server.url(PATHS.landing);
  const cases = [
    ...[0, 100, 400, 1_000].map((delay) => ({ who: 'the test', delay })),
    ...[50, 300, 800].map((delay) => ({ who: 'the page', delay })),
  ];
  for (const { who, delay } of cases) {
    await visit(PATHS.navigating);
    const since = await consoleNow(driver);
    if (who === 'the page') {
      await driver.executeScript((ms) => window.navigateSoon(ms), delay);
      await triggerAction(driver, addonId);
      await waitFor(() => driver.getCurrentUrl(), (url) => url === landing, { message: (url) => `at ${url}` });
    } else {
      await triggerAction(driver, addonId);
      await sleep(delay);
      await driver.get(landing);
    }
    await sleep(2_500); // the background finishes the analysis meanwhile
    assert.deepEqual(await problemsSince(since), [], `${who} navigating after ${delay} ms: no error in the console`);
    assert.deepEqual(await toolbarState(), { text: '', title: DEFAULT_TITLE, popup: '' },
      `${who} navigating after ${delay} ms: no stale count, no "can't read this page"`);
    assert.equal(await panelNow(), null);
  }
});

test('a 10 MB page shows a "very long" notice and the tab stays responsive', async (t) => {
  await visit(PATHS.tenMegabytes);
  const pageSize = await driver.executeScript(() => document.documentElement.outerHTML.length);
  assert.ok(pageSize > 10_000_000, `the page holds ${pageSize} characters of HTML`);
  const started = Date.now();
  await triggerAction(driver, addonId);
  const panel = await waitFor(
    async () => panelNow(),
    (view) => view !== null && !view.nodes[view.root].busy,
    { timeout: 45_000, interval: 250, message: () => 'no panel after 45 s' },
  );
  const elapsed = Date.now() - started;
  assert.match(panel.text, /This page is very long: only the first [\d,]+ words were analyzed/);

  const ticks = () => driver.executeScript(() => ({ frames: window.frames_, timer: window.timerTicks }));
  const first = await ticks();
  await sleep(1_000);
  const evaluated = Date.now();
  const second = await ticks();
  const evaluateMs = Date.now() - evaluated;
  assert.ok(second.timer - first.timer >= 10, `page timers keep ticking: ${first.timer} → ${second.timer}`);
  assert.ok(second.frames > first.frames, `animation frames keep coming: ${first.frames} → ${second.frames}`);
  assert.ok(evaluateMs < 1_000, `a page script answers in ${evaluateMs} ms`);
  await expandBadge(await waitForPanelModel(driver, () => true), SENSOR_LABEL);
  t.diagnostic(`10 MB page: panel in ${elapsed} ms, eval ${evaluateMs} ms`);
});

test('no request left the machine: only the test server was asked for anything', async () => {
  const requests = await recordedRequests(driver);
  assert.ok(requests.some((url) => url === server.url(PATHS.forgery)), 'the recording saw the test pages');
  const testServer = [server.url('/'), server.url('/').replace('127.0.0.1', 'localhost')];
  assert.deepEqual(requests.filter((url) => !testServer.some((prefix) => url.startsWith(prefix))), []);
});

test('no error from the extension in the browser console in the whole run', async () => {
  // Left out: Firefox's refusal of the page's attempt to load the History page, provoked on purpose.
  const refusal = `Security Error: Content at ${server.url(PATHS.forgery)} may not load or link to ${origin}extension/history.html`;
  assert.deepEqual((await problemsSince(0)).filter((problem) => !problem.text.startsWith(refusal)), []);
});
