// Hardening tests in Debian's Chromium: hostile pages against the built
// extension (dist/), clicked for real from the toolbar, with every console
// (the page's and the extension service worker's) and every target's network
// requests recorded. Pages, and the checks both browsers make of them:
// hardening-pages.mjs. Mirrors hardening-firefox.test.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/hardening-chromium.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumSession } from './chromium-session.mjs';
import { LIMITS } from './core.mjs';
import { recordNetwork } from './chromium-network.mjs';
import { HIGHLIGHT, NOT_A_POLICY, SENSOR_LABEL, SENSOR_SENTENCE, VERY_LONG, defaultToolbar } from './expectations.mjs';
import {
  NAVIGATION_CASES, PATHS, assertCustomElementFoiled, assertForgeryFoiled, assertPageAnswers, assertTabResponsive,
  openOnHijackedPrototypes, servePages,
} from './hardening-pages.mjs';
import { callOnNode } from './panel-reader.mjs';

let network;
/** Errors and warnings: the page's console and uncaught errors, the service worker's console. */
const consoleProblems = [];

const session = chromiumSession({ serve: servePages, setup: recordEverything });
const { visit, openPanel, click, expandBadge, toolbarState, inPage } = session;

/** Starts recording every target's network requests and every console's errors and warnings. */
async function recordEverything({ browser, page }) {
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
}

/**
 * Clicks a panel element the way a page script would if it held a
 * reference to it: `click()` and a dispatched MouseEvent, from the page's
 * own (main) world. Both are untrusted events.
 */
async function syntheticClick(node) {
  await callOnNode(session.cdp, node, `function () {
    this.click();
    this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  }`);
}

/**
 * Runs `fn(arg)` in the tab's isolated world, the content script's, as the
 * extension may once the tab was clicked. The worker's code is sent as
 * source text (DevTools evaluation is not bound by the extension's CSP; a
 * `new Function` in the worker would be).
 */
async function inContentScriptWorld(fn, arg = null) {
  const { browser } = session;
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
  const panel = await openOnHijackedPrototypes(session);
  assert.equal(panel.shadowRootType, 'closed');
  const badge = panel.badge(SENSOR_LABEL);
  assert.ok(badge, `"${SENSOR_LABEL}" is shown; panel: ${panel.text}`);
  assert.equal(badge.tag, '✕ concern');
  assert.ok(badge.quotes.some((q) => q.text.includes(SENSOR_SENTENCE)), 'with its evidence sentence');

  await expandBadge(panel, SENSOR_LABEL);
  await click(panel.button('Close Policy Badges'));
  await session.waitForNoPanel('the panel to close');
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

  assert.ok(panel.badge(SENSOR_LABEL), `the sentence inside the clobbered form is analyzed; panel: ${panel.text}`);
  panel = await expandBadge(panel, SENSOR_LABEL);
  await click(panel.badge(SENSOR_LABEL).quotes.find((q) => q.text.includes(SENSOR_SENTENCE)));
  assert.equal(await session.highlightedText({ timeout: 5_000 }), SENSOR_SENTENCE, 'the sentence in the form is highlighted');
  await assertPageAnswers(inPage, 'the tab is not stuck walking up the clobbered form');
});

test('a page that defines <policy-badges-panel> itself cannot pre-empt or reach the shadow root', async () => {
  await visit(PATHS.customElement);
  const panel = await openPanel();
  assert.ok(panel.badge(SENSOR_LABEL), `panel: ${panel.text}`);
  assert.equal(panel.shadowRootType, 'closed');
  await assertCustomElementFoiled(inPage);
});

test('page scripts cannot forge messages, find the panel, or press its buttons', async () => {
  const { page, server } = session;
  await visit(PATHS.forgery);
  let panel = await openPanel();
  const before = panel.text;
  const toolbarBefore = await toolbarState();

  assertForgeryFoiled(await inPage(([id, text]) => window.forge(id, text), [session.browser.extensionId, 'Privacy policy badges']));

  await sleep(500);
  panel = await session.readPanel();
  assert.ok(panel, 'synthetic Escape and clicks did not close the panel');
  assert.equal(panel.text, before, 'nor change anything in it');
  assert.ok(panel.badges.every((badge) => !badge.expanded));
  assert.equal(page.url(), server.url(PATHS.forgery));
  assert.deepEqual(await toolbarState(), toolbarBefore);

  // A page that got hold of the panel's buttons: clicks from its world do nothing.
  const badge = panel.badge(SENSOR_LABEL);
  for (const node of [badge.toggle, badge.quotes[0], panel.button('Copy summary'), panel.button('History'),
    panel.button('Close Policy Badges')].filter(Boolean)) {
    await syntheticClick(node);
  }
  await sleep(500);
  panel = await session.readPanel();
  assert.ok(panel, 'an untrusted click on Close did not close the panel');
  assert.equal(panel.text, before, 'untrusted clicks expanded, copied or opened nothing');
  assert.equal(await inPage((name) => CSS.highlights.has(name), HIGHLIGHT), false, 'nor highlighted');

  // window.find() does search the panel's text, but Chromium retargets the selection to the document.
  const found = await inPage(() => window.findIntoPanel('Privacy policy badges'));
  assert.equal(found.rootIsShadowRoot, false, `the selection gives no node of the panel: ${JSON.stringify(found)}`);

  // A person's click still works.
  await expandBadge(panel, SENSOR_LABEL, 'a real click to expand the badge');
});

test('the page cannot reach the history of other sites: not in the panel, not from its content script, not on the History page', async () => {
  const { browser } = session;
  const otherSite = session.server.otherSiteUrl(PATHS.clean);
  const otherHost = new URL(otherSite).host;
  await session.page.goto(otherSite, { waitUntil: 'load' });
  await openPanel();
  await visit(PATHS.forgery);
  const panel = await openPanel();
  const before = await browser.inWorker(() => chrome.storage.local.get(null));
  assert.ok(before[`history:page:${otherSite}`], 'the other site is in the history');
  assert.ok(!panel.text.includes(otherHost), `the panel shows nothing of it: ${panel.text}`);

  const historyPage = `chrome-extension://${browser.extensionId}/extension/history.html`;
  const pried = await inPage(([needles, url]) => window.pryForHistory(needles, 'Privacy policy badges', url),
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

test('the settings are out of the page\'s reach: the content script cannot read or change them, the page cannot load the options page', async () => {
  const { browser } = session;
  await visit(PATHS.clean);
  await openPanel();
  await visit(PATHS.forgery);
  await openPanel();
  const before = await browser.inWorker(() => chrome.storage.local.get(null));
  assert.ok(Object.keys(before).some((key) => key.startsWith('history:page:')), 'a policy is remembered');
  const asked = await inContentScriptWorld(async () => Promise.all([
    { type: 'settings-get' },
    { type: 'settings-set', settings: { remember: false, hiddenGroups: [] } },
  ].map((message) => chrome.runtime.sendMessage(message).then((reply) => reply ?? 'ignored', () => 'ignored'))));
  assert.deepEqual(asked, ['ignored', 'ignored']);
  assert.deepEqual(await browser.inWorker(() => chrome.storage.local.get(null)), before, 'nothing changed or was forgotten');
  const optionsPage = `chrome-extension://${browser.extensionId}/extension/options.html`;
  assert.equal(await inPage((url) => window.tryLoad(url), optionsPage), 'refused');
});

test('"Open the privacy policy": only http(s) links are offered, untrusted clicks do nothing, forged requests are refused', async () => {
  const { page, server } = session;
  await visit(PATHS.fakeLinks);
  let panel = await openPanel();
  assert.match(panel.text, NOT_A_POLICY);
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
  assert.equal(await inPage(() => window.forged ?? false), false);

  await visit('/pages/news.html');
  panel = await openPanel();
  const offer = panel.button('Open the privacy policy');
  assert.ok(offer, `offers the http link; panel: ${panel.text}`);
  await syntheticClick(offer);
  await sleep(500);
  assert.equal(page.url(), server.url('/pages/news.html'), 'an untrusted click does not navigate');
  const problemsBefore = consoleProblems.length;
  await click(offer);
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
    const valid = { type: 'analyze', text: 'We sell your personal information to data brokers.', capped: false, excerpt: false };
    return {
      valid: await ask('analyze', valid),
      oversize: await ask('analyze', { ...valid, text: 'x'.repeat(max + 1) }),
      oversizeInBytes: await ask('analyze', { ...valid, text: 'é'.repeat(max / 2 + 1) }),
      excerptNotBoolean: await ask('analyze', { ...valid, excerpt: 'yes' }),
      textNotString: await ask('analyze', { ...valid, text: ['We sell your data.'] }),
      cappedNotBoolean: await ask('analyze', { ...valid, capped: 'no' }),
      otherPortName: await ask('history-forget', valid),
      overSendMessage: await chrome.runtime.sendMessage(valid).then((reply) => reply ?? 'ignored', () => 'ignored'),
    };
  }, LIMITS.max_input_bytes);
  assert.deepEqual(answers, {
    valid: 'answered',
    oversize: 'refused',
    oversizeInBytes: 'refused',
    excerptNotBoolean: 'refused',
    textNotString: 'refused',
    cappedNotBoolean: 'refused',
    otherPortName: 'refused',
    overSendMessage: 'ignored',
  });
});

test('navigating away during the analysis leaves no error, and the toolbar button to the next page', async () => {
  const { browser, page } = session;
  const landing = session.server.url(PATHS.landing);
  for (const { who, delay } of NAVIGATION_CASES) {
    await visit(PATHS.navigating);
    const problemsBefore = consoleProblems.length;
    if (who === 'the page') {
      await browser.clickAction();
      await inPage((ms) => window.navigateSoon(ms), delay);
      await page.waitForURL(landing);
    } else {
      await browser.clickAction();
      await sleep(delay);
      await page.goto(landing, { waitUntil: 'load' });
    }
    await sleep(2_500); // the background finishes the analysis meanwhile
    assert.deepEqual(consoleProblems.slice(problemsBefore), [], `${who} navigating after ${delay} ms: no error or warning`);
    assert.deepEqual(await toolbarState(), defaultToolbar(session.shortcut),
      `${who} navigating after ${delay} ms: no stale count, no "can't read this page"`);
    assert.equal(await session.readPanel(), null);
  }
});

test('a 10 MB page shows a "very long" notice and the tab stays responsive', async (t) => {
  await visit(PATHS.tenMegabytes, { timeout: 60_000 });
  const pageSize = await inPage(() => document.documentElement.outerHTML.length);
  assert.ok(pageSize > 10_000_000, `the page holds ${pageSize} characters of HTML`);
  const started = Date.now();
  const panel = await openPanel({ timeout: 45_000 });
  const elapsed = Date.now() - started;
  assert.match(panel.text, VERY_LONG);
  assert.ok(panel.badge(SENSOR_LABEL), `panel: ${panel.text.slice(0, 500)}`);

  const evaluateMs = await assertTabResponsive(inPage);
  await expandBadge(panel, SENSOR_LABEL, 'the panel to answer a click');
  t.diagnostic(`10 MB page: panel in ${elapsed} ms, eval ${evaluateMs} ms`);
});

test('zero network requests: every target, the service worker included, fetched only the test pages and its own files', async () => {
  const { browser, server } = session;
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
  assert.deepEqual(
    network.requests.filter((r) => overTheNetwork(r.url) && !server.serves(r.url)),
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
  const own = `chrome-extension://${session.browser.extensionId}/`;
  const ours = consoleProblems.filter((p) => (p.where === 'service worker' || p.url.includes(own) || p.text.includes('Policy Badges')) &&
    !p.text.includes('/canary-')); // the CSP's refusal, provoked by the network test
  assert.deepEqual(ours, []);
});
