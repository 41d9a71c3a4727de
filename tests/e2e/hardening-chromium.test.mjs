// Hardening tests in Debian's Chromium: hostile pages against the built
// extension (dist/), clicked for real from the toolbar, with every console
// (the page's and the extension service worker's) and every target's network
// requests recorded. Pages: hardening-pages.mjs. Mirrors
// hardening-firefox.test.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/hardening-chromium.test.mjs
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_TEXT_CHARS } from '../../extension/messages.js';
import { launchChromiumWithExtension } from './chromium-extension.mjs';
import { recordNetwork } from './chromium-network.mjs';
import { labelOf } from './core.mjs';
import { PATHS, SENSOR_SENTENCE, servePages } from './hardening-pages.mjs';
import { clickNode, readPanel, waitForPanel } from './panel-reader.mjs';
import { startServer } from './server.mjs';

const HIGHLIGHT = 'policy-badges-evidence';
const SENSOR_LABEL = labelOf('sensor-data-shared');

let server;
let browser;
let page;
let cdp;
let network;
/** Errors and warnings: the page's console and uncaught errors, the service worker's console. */
const consoleProblems = [];

before(async () => {
  server = await startServer();
  await servePages(server);
  browser = await launchChromiumWithExtension();
  page = browser.page;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  cdp = await browser.context.newCDPSession(page);
  network = await recordNetwork(await browser.context.browser().newBrowserCDPSession());

  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      consoleProblems.push({ where: 'page', type: message.type(), text: message.text(), url: message.location().url });
    }
  });
  page.on('pageerror', (error) => {
    consoleProblems.push({ where: 'page', type: 'pageerror', text: error.message, url: error.stack ?? '' });
  });
  const watchWorker = (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        consoleProblems.push({ where: 'service worker', type: message.type(), text: message.text(), url: worker.url() });
      }
    });
  };
  browser.context.serviceWorkers().forEach(watchWorker);
  browser.context.on('serviceworker', watchWorker);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads a path of the test server in the tab. */
async function visit(path) {
  await page.goto(server.url(path), { waitUntil: 'load' });
}

/** Clicks the toolbar button and waits until the panel has finished analyzing. */
async function openPanel({ timeout = 15_000 } = {}) {
  await browser.clickAction();
  return waitForPanel(cdp, (panel) => panel !== null && panel.root.attrs['aria-busy'] === 'false', {
    what: 'the panel to show a result',
    timeout,
  });
}

function badgeByLabel(panel, label) {
  return panel.badges().find((badge) => badge.label === label);
}

/** What the toolbar button says for the tab. */
async function toolbarState() {
  const tabId = await browser.tabId();
  return browser.inWorker(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
    popup: await chrome.action.getPopup({ tabId: id }),
  }), tabId);
}

const DEFAULT_TOOLBAR = { text: '', title: "Show this privacy policy's badges", popup: '' };

/**
 * Clicks a panel element the way a page script would if it held a
 * reference to it: `click()` and a dispatched MouseEvent, from the page's
 * own (main) world. Both are untrusted events.
 */
async function syntheticClick(node) {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId });
  await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () {
      this.click();
      this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    }`,
  });
}

/**
 * Runs `fn(arg)` in the tab's isolated world, the content script's, as the
 * extension may once the tab was clicked. The worker's code is sent as
 * source text (DevTools evaluation is not bound by the extension's CSP; a
 * `new Function` in the worker would be).
 */
async function inContentScriptWorld(fn, arg = null) {
  const tabId = await browser.tabId();
  return browser.inWorker(`(async () => {
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId: ${tabId} },
      func: ${fn.toString()},
      args: [${JSON.stringify(arg)}],
    });
    return injection?.result;
  })()`);
}

/** Whether a request goes out over the network (as opposed to the browser's and extension's own files). */
function overTheNetwork(url) {
  return /^(https?|wss?|ftp):/.test(url);
}

test('a page that replaced attachShadow, appendChild, JSON.parse, String.prototype.split (and more) gets the same panel', async () => {
  await visit(PATHS.clean);
  const clean = await openPanel();

  await visit(PATHS.prototypes);
  assert.equal(await page.evaluate(() => window.hijacked), true, 'the page replaced its globals before the click');
  const panel = await openPanel();
  assert.equal(panel.shadowRootType, 'closed');
  const badge = badgeByLabel(panel, SENSOR_LABEL);
  assert.ok(badge, `"${SENSOR_LABEL}" is shown; panel: ${panel.text}`);
  assert.equal(badge.tag, '✕ concern');
  assert.ok(badge.quotes.some((q) => q.text.includes(SENSOR_SENTENCE)), 'with its evidence sentence');
  assert.equal(panel.text, clean.text, 'the same panel as on the same policy without the hostile script');
  assert.equal(await page.evaluate(() => window.hijackedToggle ?? false), false, "the page's fake policyBadges was not called");

  await clickNode(page, cdp, badge.toggle);
  await waitForPanel(cdp, (p) => badgeByLabel(p, SENSOR_LABEL)?.expanded, { what: 'the badge to expand' });
  await clickNode(page, cdp, panel.button('Close Policy Badges'));
  await waitForPanel(cdp, (p) => p === null, { what: 'the panel to close' });
});

test('DOM clobbering (id="browser", form inputs named nodeType, parentNode…) neither breaks nor blinds the content script', async (t) => {
  await visit(PATHS.clobbering);
  let panel = await openPanel();
  // What Chrome shows content scripts: the named properties are really there.
  const seenByContentScript = await inContentScriptWorld(() => ({
    browserIsOwn: Object.hasOwn(globalThis, 'browser'),
    browserRuntime: String(globalThis.browser?.runtime),
    nodeType: String(document.querySelector('form.clobbered').nodeType),
  }));
  assert.equal(seenByContentScript.nodeType, '[object HTMLInputElement]',
    "the form's clobbering reaches the isolated world (what the content script must not trust)");
  // Whether `browser` is the page's form depends on whether Chromium defined
  // its own `browser` in that world first (it varies between runs).
  t.diagnostic(`globalThis.browser in the isolated world: own ${seenByContentScript.browserIsOwn}, ` +
    `runtime ${seenByContentScript.browserRuntime}`);

  const badge = badgeByLabel(panel, SENSOR_LABEL);
  assert.ok(badge, `the sentence inside the clobbered form is analyzed; panel: ${panel.text}`);
  await clickNode(page, cdp, badge.toggle);
  panel = await waitForPanel(cdp, (p) => badgeByLabel(p, SENSOR_LABEL)?.expanded, { what: 'the badge to expand' });
  const quote = badgeByLabel(panel, SENSOR_LABEL).quotes.find((q) => q.text.includes(SENSOR_SENTENCE));
  await clickNode(page, cdp, quote);
  const highlighted = await page.waitForFunction((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight && [...highlight].map(String).join(' ');
  }, HIGHLIGHT, { timeout: 5_000 });
  assert.equal(await highlighted.jsonValue(), SENSOR_SENTENCE, 'the sentence in the form is highlighted');
  const started = Date.now();
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  assert.ok(Date.now() - started < 1_000, 'the tab is not stuck walking up the clobbered form');
});

test('a page that defines <policy-badges-panel> itself cannot pre-empt or reach the shadow root', async () => {
  await visit(PATHS.customElement);
  const panel = await openPanel();
  assert.ok(badgeByLabel(panel, SENSOR_LABEL), `panel: ${panel.text}`);
  assert.equal(panel.shadowRootType, 'closed');
  const report = await page.evaluate(() => ({
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

  const seen = await page.evaluate(([id, text]) => window.forge(id, text), [browser.extensionId, 'Privacy policy badges']);
  assert.equal(seen.chromeRuntime, 'undefined', 'no externally_connectable: pages get no runtime.sendMessage');
  assert.deepEqual(seen.sendMessageAnswers, []);
  assert.equal(seen.shadowRoots, 0, 'no element of the page shows a shadow root');
  assert.equal(seen.host, true);
  assert.equal(seen.hostShadowRoot, null);
  assert.equal(seen.hostChildren, 0);
  assert.equal(seen.dialogs, 0, "the panel's dialog is not in the page's tree");
  assert.equal(seen.panelTextInPage, false, 'serializing or reading the document shows none of the panel');

  await sleep(500);
  panel = await readPanel(cdp);
  assert.ok(panel, 'synthetic Escape and clicks did not close the panel');
  assert.equal(panel.text, before, 'nor change anything in it');
  assert.ok(panel.badges().every((badge) => !badge.expanded));
  assert.equal(page.url(), server.url(PATHS.forgery));
  assert.deepEqual(await toolbarState(), toolbarBefore);

  // A page that got hold of the panel's buttons: clicks from its world do nothing.
  const badge = badgeByLabel(panel, SENSOR_LABEL);
  for (const node of [badge.toggle, badge.quotes[0], panel.button('Copy summary'), panel.button('History'),
    panel.button('Close Policy Badges')].filter(Boolean)) {
    await syntheticClick(node);
  }
  await sleep(500);
  panel = await readPanel(cdp);
  assert.ok(panel, 'an untrusted click on Close did not close the panel');
  assert.equal(panel.text, before, 'untrusted clicks expanded, copied or opened nothing');
  assert.equal(await page.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT), false, 'nor highlighted');

  // window.find() does search the panel's text, but Chromium retargets the selection to the document.
  const found = await page.evaluate(() => window.findIntoPanel('Privacy policy badges'));
  assert.equal(found.rootIsShadowRoot, false, `the selection gives no node of the panel: ${JSON.stringify(found)}`);

  // A person's click still works.
  await clickNode(page, cdp, badge.toggle);
  await waitForPanel(cdp, (p) => badgeByLabel(p, SENSOR_LABEL)?.expanded, { what: 'a real click to expand the badge' });
});

test('the page cannot reach the history of other sites: not in the panel, not from its content script, not on the History page', async () => {
  const otherSite = server.url(PATHS.clean).replace('127.0.0.1', 'localhost');
  const otherHost = new URL(otherSite).host;
  await page.goto(otherSite, { waitUntil: 'load' });
  await openPanel();
  await visit(PATHS.forgery);
  const panel = await openPanel();
  const before = await browser.inWorker(() => chrome.storage.local.get(null));
  assert.ok(before[`history:page:${otherSite}`], 'the other site is in the history');
  assert.ok(!panel.text.includes(otherHost), `the panel shows nothing of it: ${panel.text}`);

  const historyPage = `chrome-extension://${browser.extensionId}/extension/history.html`;
  const pried = await page.evaluate(([needles, url]) => window.pryForHistory(needles, 'Privacy policy badges', url),
    [[otherHost, otherSite, 'localhost'], historyPage]);
  assert.deepEqual(pried, { found: [], panelText: null, historyPage: 'refused' });

  // What the content script (or a compromised renderer speaking for it) can ask: nothing about the history.
  const asked = await inContentScriptWorld(async () => Promise.all([
    { type: 'history-list' },
    { type: 'history-forget', scope: 'all' },
    { type: 'history-forget', scope: 'site', origin: location.origin },
  ].map((message) => chrome.runtime.sendMessage(message).then((reply) => reply ?? 'ignored', () => 'ignored'))));
  assert.deepEqual(asked, ['ignored', 'ignored', 'ignored']);
  assert.deepEqual(await browser.inWorker(() => chrome.storage.local.get(null)), before, 'nothing was forgotten');
});

test('"Open the privacy policy": only http(s) links are offered, untrusted clicks do nothing, forged requests are refused', async () => {
  await visit(PATHS.fakeLinks);
  let panel = await openPanel();
  assert.match(panel.text, /This page doesn't look like a privacy policy/);
  assert.equal(panel.button('Open the privacy policy'), undefined,
    `javascript:, data:, file: and vbscript: links are not offered; panel: ${panel.text}`);

  // What a compromised content script could ask: the background navigates to http(s) only.
  await inContentScriptWorld(async () => {
    for (const url of ['javascript:window.forged = true', 'data:text/html,forged', 'file:///etc/passwd', 'chrome://settings']) {
      await chrome.runtime.sendMessage({ type: 'open-url', url }).catch(() => {});
    }
  });
  await sleep(500);
  assert.equal(page.url(), server.url(PATHS.fakeLinks));
  assert.equal(await page.evaluate(() => window.forged ?? false), false);

  await visit('/pages/news.html');
  panel = await openPanel();
  const offer = panel.button('Open the privacy policy');
  assert.ok(offer, `offers the http link; panel: ${panel.text}`);
  await syntheticClick(offer);
  await sleep(500);
  assert.equal(page.url(), server.url('/pages/news.html'), 'an untrusted click does not navigate');
  const problemsBefore = consoleProblems.length;
  await clickNode(page, cdp, offer);
  await page.waitForURL(server.url('/seed/activexperts-2012'));
  await sleep(500);
  assert.deepEqual(consoleProblems.slice(problemsBefore), [], 'following the link leaves no error behind');
});

test('the background hears only well-formed requests within the size limit', async () => {
  await visit(PATHS.clean);
  await openPanel();
  const answers = await inContentScriptWorld(async (max) => {
    const ask = (name, message) => new Promise((resolve) => {
      const port = chrome.runtime.connect({ name });
      port.onMessage.addListener((reply) => resolve(reply?.model ? 'answered' : `answered ${JSON.stringify(reply)}`));
      port.onDisconnect.addListener(() => resolve('refused'));
      port.postMessage(message);
      setTimeout(() => resolve('no answer'), 10_000);
    });
    const valid = { type: 'analyze', text: 'We sell your personal information to data brokers.', capped: false };
    return {
      valid: await ask('analyze', valid),
      oversize: await ask('analyze', { ...valid, text: 'x'.repeat(max + 1) }),
      textNotString: await ask('analyze', { ...valid, text: ['We sell your data.'] }),
      cappedNotBoolean: await ask('analyze', { ...valid, capped: 'no' }),
      otherPortName: await ask('history-forget', valid),
      overSendMessage: await chrome.runtime.sendMessage(valid).then((reply) => reply ?? 'ignored', () => 'ignored'),
    };
  }, MAX_TEXT_CHARS);
  assert.deepEqual(answers, {
    valid: 'answered',
    oversize: 'refused',
    textNotString: 'refused',
    cappedNotBoolean: 'refused',
    otherPortName: 'refused',
    overSendMessage: 'ignored',
  });
});

test('navigating away during the analysis leaves no error, and the toolbar button to the next page', async () => {
  const landing = server.url(PATHS.landing);
  const cases = [
    ...[0, 100, 400, 1_000].map((delay) => ({ who: 'the test', delay })),
    ...[50, 300, 800].map((delay) => ({ who: 'the page', delay })),
  ];
  for (const { who, delay } of cases) {
    await visit(PATHS.navigating);
    const problemsBefore = consoleProblems.length;
    if (who === 'the page') {
      await page.evaluate((ms) => window.navigateSoon(ms), delay);
      await browser.clickAction();
      await page.waitForURL(landing);
    } else {
      await browser.clickAction();
      await sleep(delay);
      await page.goto(landing, { waitUntil: 'load' });
    }
    await sleep(2_500); // the background finishes the analysis meanwhile
    assert.deepEqual(consoleProblems.slice(problemsBefore), [], `${who} navigating after ${delay} ms: no error or warning`);
    assert.deepEqual(await toolbarState(), DEFAULT_TOOLBAR,
      `${who} navigating after ${delay} ms: no stale count, no "can't read this page"`);
    assert.equal(await readPanel(cdp), null);
  }
});

test('a 10 MB page shows a "very long" notice and the tab stays responsive', async (t) => {
  await page.goto(server.url(PATHS.tenMegabytes), { waitUntil: 'load', timeout: 60_000 });
  const pageSize = await page.evaluate(() => document.documentElement.outerHTML.length);
  assert.ok(pageSize > 10_000_000, `the page holds ${pageSize} characters of HTML`);
  const started = Date.now();
  const panel = await openPanel({ timeout: 45_000 });
  const elapsed = Date.now() - started;
  assert.match(panel.text, /This page is very long: only the first [\d,]+ words were analyzed/);
  assert.ok(badgeByLabel(panel, SENSOR_LABEL), `panel: ${panel.text.slice(0, 500)}`);

  const ticks = () => page.evaluate(() => ({ frames: window.frames_, timer: window.timerTicks }));
  const first = await ticks();
  await sleep(1_000);
  const evaluated = Date.now();
  const second = await ticks();
  const evaluateMs = Date.now() - evaluated;
  assert.ok(second.timer - first.timer >= 10, `page timers keep ticking: ${first.timer} → ${second.timer}`);
  assert.ok(second.frames > first.frames, `animation frames keep coming: ${first.frames} → ${second.frames}`);
  assert.ok(evaluateMs < 1_000, `a page script answers in ${evaluateMs} ms`);
  const badge = badgeByLabel(panel, SENSOR_LABEL);
  await clickNode(page, cdp, badge.toggle);
  await waitForPanel(cdp, (p) => badgeByLabel(p, SENSOR_LABEL)?.expanded, { what: 'the panel to answer a click' });
  t.diagnostic(`10 MB page: panel in ${elapsed} ms, eval ${evaluateMs} ms`);
});

test('zero network requests: every target, the service worker included, fetched only the test pages and its own files', async () => {
  await network.settle();
  const own = `chrome-extension://${browser.extensionId}/`;
  const targets = network.targets();
  assert.ok(targets.some((t) => t.type === 'service_worker' && t.url.startsWith(own)),
    `the extension's service worker is recorded; targets: ${JSON.stringify(targets)}`);
  assert.ok(targets.some((t) => t.type === 'page'), 'the tab is recorded');

  const fromWorker = network.requests.filter((r) => r.targetType === 'service_worker');
  assert.ok(fromWorker.some((r) => r.url === `${own}pkg/policy_badges_bg.wasm`),
    `the recording saw the worker load the core: ${JSON.stringify(fromWorker.map((r) => r.url))}`);
  assert.deepEqual(fromWorker.filter((r) => !r.url.startsWith(own)), [], 'the worker fetched only its own files');
  assert.ok(network.requests.some((r) => r.targetType === 'page' && r.url === server.url(PATHS.forgery)),
    'the recording saw the page loads');
  const testServer = [server.url('/'), server.url('/').replace('127.0.0.1', 'localhost')];
  assert.deepEqual(
    network.requests.filter((r) => overTheNetwork(r.url) && !testServer.some((prefix) => r.url.startsWith(prefix))),
    [],
    'nothing went over the network but the test server\'s pages',
  );

  // Nor could it: the extension's CSP (default-src 'self') refuses any other address to its own code.
  const canary = server.url(`/canary-${Date.now()}`);
  const outcome = await browser.inWorker(
    (url) => fetch(url).then((response) => `fetched ${response.status}`, (error) => `refused: ${error.message}`),
    canary,
  );
  assert.match(outcome, /^refused/, `a fetch from the service worker to ${canary}`);
  await sleep(200);
  assert.ok(!network.requests.some((r) => r.url === canary), 'and no request for it was made');
});

test('no error or warning from the extension in the whole run', () => {
  const own = `chrome-extension://${browser.extensionId}/`;
  const ours = consoleProblems.filter((p) => (p.where === 'service worker' || p.url.includes(own) || p.text.includes('Policy Badges')) &&
    !p.text.includes('/canary-')); // the CSP's refusal, provoked by the network test
  assert.deepEqual(ours, []);
});
