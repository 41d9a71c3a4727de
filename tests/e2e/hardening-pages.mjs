/**
 * Hostile fixture pages for the hardening tests (hardening-chromium.test.mjs,
 * hardening-firefox.test.mjs), served with server.mjs's `setPage`: seed
 * policies with scripts and markup that fight the extension, a page that
 * navigates away mid-analysis, and a 10 MB page; and the checks both
 * browsers' tests make of what those pages' scripts report.
 *
 * Every page script runs in the page's own world, as a site's would.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { document, seedHtml } from './server.mjs';

/** The paths the pages are served at (see `servePages`). */
export const PATHS = Object.freeze({
  clean: '/hardening/clean',
  prototypes: '/hardening/prototypes',
  clobbering: '/hardening/clobbering',
  customElement: '/hardening/custom-element',
  forgery: '/hardening/forgery',
  navigating: '/hardening/navigating',
  tenMegabytes: '/hardening/ten-megabytes',
  fakeLinks: '/hardening/fake-links',
  landing: '/hardening/landing',
});

/** About 10 MB of HTML. */
const TEN_MB = 10 * 1024 * 1024;

/**
 * Replaces, before the extension ever runs, the globals a content script
 * might lean on: the four the issue names and more. An isolated world never
 * sees these; `window.hijacked` lets the test check they were replaced.
 */
const PROTOTYPE_HIJACK = `
  Element.prototype.attachShadow = function attachShadow() { throw new Error('hostile page: attachShadow'); };
  Node.prototype.appendChild = function appendChild() { throw new Error('hostile page: appendChild'); };
  Node.prototype.insertBefore = function insertBefore() { throw new Error('hostile page: insertBefore'); };
  Element.prototype.replaceChildren = function replaceChildren() { throw new Error('hostile page: replaceChildren'); };
  Element.prototype.setAttribute = function setAttribute() { throw new Error('hostile page: setAttribute'); };
  Document.prototype.createElement = function createElement() { throw new Error('hostile page: createElement'); };
  Document.prototype.createTextNode = function createTextNode() { return null; };
  EventTarget.prototype.addEventListener = function addEventListener() {};
  JSON.parse = () => ({ hijacked: true });
  String.prototype.split = () => ['hijacked'];
  String.prototype.replace = () => 'hijacked';
  Array.prototype.map = () => [];
  Array.prototype.join = () => 'hijacked';
  Object.entries = () => [];
  Object.freeze = (value) => value;
  RegExp.prototype.test = () => false;
  Reflect.apply = () => undefined;
  window.browser = { runtime: { sendMessage: () => Promise.resolve({ model: 'forged' }), id: 'forged' } };
  window.chrome = { runtime: { sendMessage: () => undefined, connect: () => null, id: 'forged' } };
  window.policyBadges = { controller: { toggle() { window.hijackedToggle = true; } } };
  window.hijacked = JSON.parse('1')?.hijacked === true && 'a,b'.split(',')[0] === 'hijacked';
`;

/**
 * Named properties that Chrome shows to content scripts (Firefox's Xrays
 * hide them): `window.browser` and `window.policyBadges` become elements,
 * and the form around the sensor paragraph answers `nodeType`,
 * `childNodes`, `parentNode`… with its inputs. A content script reading
 * those naively loses its API, skips the form's text (the page hides a
 * clause from the analysis while showing it), or loops forever walking up
 * from the sentence.
 */
const CLOBBERING_MARKUP = `
  <form id="browser" hidden><input name="runtime"></form>
  <form id="policyBadges" hidden><input name="controller"><input name="toggle"></form>
  <img name="body" alt="" hidden>
  <form name="querySelectorAll" hidden></form>
  <form name="documentElement" hidden></form>
  <form name="activeElement" hidden></form>
  <form name="getSelection" hidden></form>
  <form name="implementation" hidden></form>
  <form name="adoptNode" hidden></form>
`;
const CLOBBERING_INPUTS = ['nodeType', 'childNodes', 'localName', 'parentNode', 'parentElement', 'shadowRoot',
  'isConnected', 'focus', 'scrollIntoView', 'host', 'data', 'textContent', 'getRootNode', 'open']
  .map((name) => `<input type="hidden" name="${name}">`).join('');

/**
 * Defines the panel's own element name before the extension runs. Its
 * constructor tries what a page would: attach its own (open) shadow root
 * first, and get ours through ElementInternals.
 */
const CUSTOM_ELEMENT = `
  window.customElementReport = { constructed: 0, internals: false, ownShadowAttached: false };
  customElements.define('policy-badges-panel', class extends HTMLElement {
    constructor() {
      super();
      const report = window.customElementReport;
      report.constructed++;
      try {
        window.panelInternals = this.attachInternals();
        report.internals = true;
      } catch {
        // Not allowed: fine.
      }
      try {
        this.attachShadow({ mode: 'open' });
        report.ownShadowAttached = true;
      } catch {
        // The extension's shadow root is there already.
      }
    }
  });
`;

/**
 * Everything a page script can try against the panel and the extension's
 * messaging, as `window.forge(extensionId, panelText)`; returns what it saw
 * (`panelText`: a string the panel shows, to look for in the page).
 */
const FORGERY = `
  window.forge = async (extensionId, panelText) => {
    const seen = {
      chromeRuntime: typeof window.chrome?.runtime?.sendMessage,
      browserRuntime: typeof window.browser?.runtime?.sendMessage,
      sendMessageAnswers: [],
      shadowRoots: 0,
      dialogs: document.querySelectorAll('[role="dialog"], dialog').length,
      panelTextInPage: false,
    };
    // Messages, if the browser exposes runtime.sendMessage to the page at all.
    const runtime = window.chrome?.runtime ?? window.browser?.runtime;
    for (const message of [
      { type: 'analyze', text: 'We sell your data.', capped: false },
      { type: 'open-url', url: 'javascript:window.forged = true' },
      { type: 'history-forget', scope: 'all' },
    ]) {
      if (typeof runtime?.sendMessage === 'function') {
        try {
          seen.sendMessageAnswers.push(await new Promise((resolve) => {
            const answer = runtime.sendMessage(extensionId, message, (reply) => resolve(reply ?? null));
            Promise.resolve(answer).then(resolve, (error) => resolve('error: ' + error.message));
            setTimeout(() => resolve('no answer'), 1000);
          }));
        } catch (error) {
          seen.sendMessageAnswers.push('threw: ' + error.message);
        }
      }
      window.postMessage(message, '*');
      document.dispatchEvent(new CustomEvent('policy-badges', { detail: message, bubbles: true }));
    }
    // Synthetic events on everything the page can reach (but its links,
    // which a synthetic click follows).
    const targets = [window, document, ...document.querySelectorAll('*')]
      .filter((target) => !target.closest?.('a[href], area[href]'));
    for (const target of targets) {
      if (target.shadowRoot) {
        seen.shadowRoots++;
      }
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      for (const key of ['Escape', 'Enter', ' ', 'Tab']) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      }
      if (typeof target.click === 'function') {
        target.click();
      }
    }
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    const host = document.querySelector('policy-badges-panel');
    seen.host = Boolean(host);
    seen.hostShadowRoot = host ? host.shadowRoot : 'no host';
    seen.hostChildren = host ? host.childNodes.length : -1;
    // What serializing or reading the document shows.
    const needle = panelText;
    const html = typeof document.documentElement.getHTML === 'function'
      ? document.documentElement.getHTML({ serializableShadowRoots: true })
      : document.documentElement.outerHTML;
    seen.panelTextInPage = html.includes(needle) || document.documentElement.textContent.includes(needle) ||
      document.documentElement.innerText.includes(needle);
    return seen;
  };

  /**
   * window.find() searches the panel's text too; what matters is whether
   * the selection it makes hands the page a node inside the closed shadow
   * root. Returns the root node the selection ends up in.
   */
  window.findIntoPanel = (needle) => {
    getSelection().removeAllRanges();
    const found = window.find(needle, false, false, true);
    const node = getSelection().anchorNode;
    const root = node ? node.getRootNode() : null;
    const result = {
      found,
      rootIsShadowRoot: typeof ShadowRoot === 'function' && root instanceof ShadowRoot,
      panelText: root instanceof ShadowRoot ? root.textContent : null,
    };
    getSelection().removeAllRanges();
    return result;
  };

  /** Whether the page can load an address (an extension page): 'refused', or what it got. */
  window.tryLoad = async (url) => {
    try {
      const response = await fetch(url);
      return 'fetched ' + response.status;
    } catch {
      return 'refused';
    }
  };

  /**
   * Everything a page can try to learn the sites the person analyzed
   * elsewhere: whether window.find() finds any of \`needles\` (on the page or
   * in the panel), the panel's whole text where the selection reaches it
   * (Firefox; found by \`panelText\`, a string it shows), and whether it can
   * load the extension's History page.
   */
  window.pryForHistory = async (needles, panelText, historyPageUrl) => {
    const found = needles.filter((needle) => {
      getSelection().removeAllRanges();
      const hit = window.find(needle, false, false, true);
      getSelection().removeAllRanges();
      return hit;
    });
    let historyPage;
    try {
      const response = await fetch(historyPageUrl);
      historyPage = 'fetched ' + response.status + ': ' + (await response.text()).slice(0, 200);
    } catch (error) {
      historyPage = 'refused';
    }
    return { found, panelText: window.findIntoPanel(panelText).panelText, historyPage };
  };
`;

/** Counts animation frames and timer ticks, so a test can tell the tab is not hung. */
const TICKER = `
  window.frames_ = 0;
  window.timerTicks = 0;
  const frame = () => { window.frames_++; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  setInterval(() => { window.timerTicks++; }, 20);
`;

/**
 * Builds the pages and serves them on `server`.
 * @param {import('./server.mjs').TestServer} server
 * @returns {Promise<void>}
 */
export async function servePages(server) {
  const { body: policy } = await seedHtml('codesector-2018');
  const sensorParagraph = policy.match(/<p>[^<]*SpeedView sends raw sensor data[\s\S]*?<\/p>/)?.[0];
  if (!sensorParagraph) {
    throw new Error('codesector-2018 no longer has the SpeedView paragraph');
  }
  const clobbered = policy.replace(sensorParagraph, `<form class="clobbered">${CLOBBERING_INPUTS}${sensorParagraph}</form>`);

  server.setPage('/favicon.ico', { html: '' }); // no 404 in the console
  server.setPage(PATHS.clean, { html: document('Clean policy', policy) });
  server.setPage(PATHS.prototypes, { html: document('Hijacked prototypes', policy, script(PROTOTYPE_HIJACK)) });
  server.setPage(PATHS.clobbering, { html: document('Clobbering', CLOBBERING_MARKUP + clobbered) });
  server.setPage(PATHS.customElement, { html: document('Custom element', policy, script(CUSTOM_ELEMENT)) });
  server.setPage(PATHS.forgery, { html: document('Forgery', policy, script(FORGERY)) });
  server.setPage(PATHS.landing, { html: document('Landing', '<p>You navigated here.</p>') });
  // Long enough that the analysis is still running when the page leaves.
  server.setPage(PATHS.navigating, {
    html: document('Navigating', policy.repeat(400), script(`
      window.navigateSoon = (ms) => setTimeout(() => { location.href = ${JSON.stringify(PATHS.landing)}; }, ms);
    `)),
  });
  server.setPage(PATHS.tenMegabytes, {
    html: document('Ten megabytes', policy.repeat(Math.ceil(TEN_MB / policy.length)), script(TICKER)),
  });
  server.setPage(PATHS.fakeLinks, {
    html: document('Fake links', `
      <h1>Local council approves new bike lanes</h1>
      <p>The city council voted on Tuesday to add protected bike lanes along the river road.</p>
      <p>Construction is expected to start in the spring and last about four months.</p>
      <footer>
        <a href="javascript:window.forged = true">Privacy Policy</a>
        <a href="data:text/html,<script>alert(1)</script>">Privacy notice</a>
        <a href="file:///etc/passwd">Privacy statement</a>
        <a href="vbscript:msgbox(1)">Datenschutzerklärung</a>
      </footer>`),
  });
}

function script(source) {
  return `<script>(() => {\n${source}\n})();</script>`;
}

/**
 * Runs a function in the page's own world and resolves to its result (the
 * sessions' `inPage`).
 * @typedef {<T>(fn: (arg: any) => T, arg?: any) => Promise<T>} InPage
 */

/**
 * When PATHS.navigating leaves for PATHS.landing, after the toolbar click:
 * the test navigating the tab `delay` ms after it, or the page itself
 * (`window.navigateSoon`, told right after the click) `delay` ms after it.
 * The page is told after the click, not before: a click that reaches the
 * browser once the tab shows the landing page is that page's click.
 */
export const NAVIGATION_CASES = Object.freeze([
  ...[0, 100, 400, 1_000].map((delay) => ({ who: 'the test', delay })),
  ...[50, 300, 800].map((delay) => ({ who: 'the page', delay })),
]);

/**
 * Opens the panel on PATHS.clean, then on PATHS.prototypes, and checks that
 * the page did replace its globals before the click, that the panel reads
 * the same on both, and that the page's fake `policyBadges` was not called.
 * @param {{visit: (path: string) => Promise<void>, openPanel: () => Promise<{text: string}>, inPage: InPage}} session
 * @returns {Promise<any>} the panel on PATHS.prototypes
 */
export async function openOnHijackedPrototypes({ visit, openPanel, inPage }) {
  await visit(PATHS.clean);
  const clean = await openPanel();

  await visit(PATHS.prototypes);
  assert.equal(await inPage(() => window.hijacked), true, 'the page replaced its globals before the click');
  const panel = await openPanel();
  assert.equal(panel.text, clean.text, 'the same panel as on the same policy without the hostile script');
  assert.equal(await inPage(() => window.hijackedToggle ?? false), false, "the page's fake policyBadges was not called");
  return panel;
}

/**
 * Checks, on PATHS.customElement with the panel open, that the page's own
 * <policy-badges-panel> ran on the host but got no shadow root: neither one
 * of its own first, nor ours through ElementInternals or the host.
 * @param {InPage} inPage
 */
export async function assertCustomElementFoiled(inPage) {
  const report = await inPage(() => ({
    ...window.customElementReport,
    internalsShadowRoot: window.panelInternals?.shadowRoot ?? null,
    hostShadowRoot: document.querySelector('policy-badges-panel').shadowRoot,
  }));
  assert.ok(report.constructed >= 1, "the page's constructor ran on the host (it was upgraded)");
  assert.equal(report.ownShadowAttached, false, 'it could not attach a shadow root of its own first');
  assert.equal(report.internalsShadowRoot, null, 'ElementInternals.shadowRoot does not give ours away');
  assert.equal(report.hostShadowRoot, null);
}

/**
 * Checks what `window.forge` (PATHS.forgery) saw with the panel open: no
 * messaging API, no answer to its messages, and nothing of the panel in the
 * page's tree or text.
 * @param {Record<string, unknown>} seen  what `window.forge` returned
 */
export function assertForgeryFoiled(seen) {
  assert.equal(seen.chromeRuntime, 'undefined', 'no externally_connectable: pages get no runtime.sendMessage');
  assert.equal(seen.browserRuntime, 'undefined');
  assert.deepEqual(seen.sendMessageAnswers, []);
  assert.equal(seen.shadowRoots, 0, 'no element of the page shows a shadow root');
  assert.equal(seen.host, true);
  assert.equal(seen.hostShadowRoot, null);
  assert.equal(seen.hostChildren, 0);
  assert.equal(seen.dialogs, 0, "the panel's dialog is not in the page's tree");
  assert.equal(seen.panelTextInPage, false, 'serializing or reading the document shows none of the panel');
}

/**
 * Checks that a page script answers within a second (the tab is not stuck).
 * @param {InPage} inPage
 * @param {string} message  what a slow answer would mean
 */
export async function assertPageAnswers(inPage, message) {
  const started = Date.now();
  assert.equal(await inPage(() => 1 + 1), 2);
  assert.ok(Date.now() - started < 1_000, message);
}

/**
 * Checks, on PATHS.tenMegabytes, that the tab is not hung: over a second,
 * the page's timers tick and its animation frames come, and a page script
 * answers within a second.
 * @param {InPage} inPage
 * @returns {Promise<number>} how long the page script took to answer, in ms
 */
export async function assertTabResponsive(inPage) {
  const ticks = () => inPage(() => ({ frames: window.frames_, timer: window.timerTicks }));
  const first = await ticks();
  await sleep(1_000);
  const evaluated = Date.now();
  const second = await ticks();
  const evaluateMs = Date.now() - evaluated;
  assert.ok(second.timer - first.timer >= 10, `page timers keep ticking: ${first.timer} → ${second.timer}`);
  assert.ok(second.frames > first.frames, `animation frames keep coming: ${first.frames} → ${second.frames}`);
  assert.ok(evaluateMs < 1_000, `a page script answers in ${evaluateMs} ms`);
  return evaluateMs;
}
