/**
 * End-to-end tests that read the same in both browsers, written once:
 * chromium.test.mjs and firefox.test.mjs register them with their session
 * (chromium-session.mjs, lib/firefox-session.mjs) by `mirroredTests`. They
 * use only what both sessions offer (see MirroredSession) and what both
 * panel readings offer (`text`, `badges`, `badge(label)`, `button(name)`).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { TAXONOMY, idOf, labelOf } from './core.mjs';
import {
  FOLDED_BADGES, NOT_A_POLICY, NO_TEXT, SENSOR_LABEL, SENSOR_SENTENCE, SUGGESTED_SHORTCUT, VERY_LONG,
  assertHighlightInView, assertHostilePageFoiled, assertTaxonomyLayout, countOf, defaultTitle,
} from './expectations.mjs';
import { framePage } from './server.mjs';
import { waitFor } from './wait.mjs';
import { PANEL_STYLES, assertLooksLike, assertStyles } from './visual.mjs';

/**
 * @typedef {{text: string, badges: {label: string}[], badge: (label: string) => object | undefined}} MirroredPanel
 *
 * @typedef {object} MirroredSession  what these tests need of a session
 * @property {(path: string) => Promise<void>} visit
 * @property {() => Promise<MirroredPanel>} openPanel
 * @property {(what?: string) => Promise<void>} closePanel
 * @property {(what?: string) => Promise<void>} waitForNoPanel
 * @property {(panel: MirroredPanel, name: string) => Promise<void>} clickButton
 * @property {(key: string) => Promise<void>} press
 * @property {<T>(fn: () => T) => Promise<T>} inPage
 * @property {(name: string) => Promise<void>} screenshot
 * @property {'chromium'|'firefox'} browserName
 * @property {<T>(fn: () => Promise<T>) => Promise<T>} inDarkScheme
 * @property {(selector: string, properties: string[]) => Promise<Record<string, string>>} panelStyles
 * @property {(selector?: string) => Promise<{png: Buffer}>} panelScreenshot
 * @property {import('./server.mjs').TestServer} server
 * @property {(ready: (panel: MirroredPanel) => boolean, what: string) => Promise<MirroredPanel>} readyPanel
 * @property {(panel: MirroredPanel, label: string, sentence: string) => Promise<void>} clickQuote
 * @property {(panel: MirroredPanel, label: string) => Promise<MirroredPanel>} expandBadge
 * @property {() => Promise<void>} analyzeSelection
 * @property {(options?: {timeout?: number}) => Promise<string>} highlightedText
 * @property {() => Promise<{text: string, title: string, popup: string}>} toolbarState
 * @property {(path: string) => Promise<void>} extensionPage
 * @property {(selector: string) => Promise<void>} clickSelector
 * @property {() => Promise<Record<string, unknown>>} storedItems
 */

/**
 * Registers the tests of the ways a person closes the panel: the toolbar
 * button again, Escape (after Tab kept the focus in the panel), its close
 * button.
 * @param {MirroredSession} session
 */
function closingTests({ visit, openPanel, closePanel, waitForNoPanel, clickButton, press, inPage }) {
  test('clicking the toolbar button again closes the panel', async () => {
    await visit('/seed/activexperts-2012');
    await openPanel();
    await closePanel('the panel to close on the second click');
  });

  test('keyboard: focus moves into the panel, Tab stays in it, Escape closes it', async () => {
    await visit('/seed/activexperts-2012');
    await openPanel();
    const focused = () => inPage(() => document.activeElement?.localName);
    assert.equal(await focused(), 'policy-badges-panel', 'focus is in the panel');
    await press('Tab');
    assert.equal(await focused(), 'policy-badges-panel', 'Tab moves within the panel');
    await press('Escape');
    await waitForNoPanel('the panel to close on Escape');
  });

  test('the close button closes the panel', async () => {
    await visit('/seed/activexperts-2012');
    await clickButton(await openPanel(), 'Close Policy Badges');
    await waitForNoPanel('the panel to close on its close button');
  });
}

/**
 * Registers the tests of pages that are not plain policies: a strict
 * Content-Security-Policy, no text at all, more text than is analyzed.
 * @param {MirroredSession} session
 */
function unusualPageTests({ visit, openPanel, screenshot }) {
  test('a page with a strict Content-Security-Policy still gets its panel', async () => {
    await visit('/strict-csp/codesector-2018');
    const panel = await openPanel();
    assert.ok(panel.badge(SENSOR_LABEL), `panel:\n${panel.text}`);
    await screenshot('strict-csp');
  });

  test('an empty page says there is no text to analyze', async () => {
    await visit('/pages/empty.html');
    const panel = await openPanel();
    assert.match(panel.text, NO_TEXT);
    await screenshot('empty');
  });

  test('a huge page is cut, and the panel says how much was analyzed', async () => {
    await visit('/huge');
    const started = Date.now();
    const panel = await openPanel();
    const elapsed = Date.now() - started;
    assert.match(panel.text, VERY_LONG);
    assert.ok(panel.badge(SENSOR_LABEL), `panel:\n${panel.text}`);
    assert.ok(elapsed < 15_000, `analyzed in ${elapsed} ms`);
    await screenshot('huge');
  });
}

/**
 * Registers the test of how the panel looks, light and dark: the computed
 * styles of its lists and badge rows, and screenshots against the
 * reference images (visual.mjs).
 * @param {MirroredSession} session
 */
function lookTests({
  browserName, visit, openPanel, closePanel, inPage, inDarkScheme, panelStyles, panelScreenshot, screenshot,
}) {
  /** Opens the panel on Code Sector 2018 and checks it in the scheme pages are in now. */
  const check = async ({ scheme, background }) => {
    await visit('/seed/codesector-2018');
    assert.equal(await inPage(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
    await openPanel();
    assert.equal((await panelStyles('.panel', ['background-color']))['background-color'], background,
      `the ${scheme} palette reaches the shadow root`);
    await assertStyles(PANEL_STYLES, panelStyles);
    assertLooksLike(`${browserName}-panel-${scheme}`, (await panelScreenshot()).png);
    await screenshot(scheme === 'dark' ? 'codesector-2018-dark' : 'codesector-2018');
    await closePanel();
  };

  test('the panel looks as it should, light and dark: plain badge lists, as in the reference images', async () => {
    await check({ scheme: 'light', background: 'rgb(255, 255, 255)' });
    await inDarkScheme(() => check({ scheme: 'dark', background: 'rgb(28, 33, 40)' }));
  });
}

const FIXTURE_PAGES = new URL('../fixtures/pages/', import.meta.url);

/**
 * Registers one test per fixture page (tests/fixtures/pages/<case>/): a
 * real toolbar click on page.html shows what expected.json says, the same
 * as the CLI's HTML reader gives the core (crate tests): whether it is a
 * policy, and then exactly which badges.
 * @param {MirroredSession} session
 */
function fixturePageTests({ visit, openPanel, closePanel }) {
  const cases = readdirSync(FIXTURE_PAGES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name } of cases) {
    test(`fixture page ${name}: the panel shows what expected.json says`, async () => {
      const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, FIXTURE_PAGES), 'utf8'));
      await visit(`/fixture/${name}`);
      const panel = await openPanel();
      if (expected.is_policy) {
        assert.doesNotMatch(panel.text, NOT_A_POLICY);
        assert.deepEqual(panel.badges.map((badge) => idOf(badge.label)).sort(), [...expected.badges].sort(),
          `badges of ${name}; panel:\n${panel.text}`);
      } else {
        assert.match(panel.text, NOT_A_POLICY);
      }
      await closePanel();
    });
  }
}

/**
 * Registers the tests of what the page hides from a click on the toolbar:
 * a selection analyzed from the context menu, same-origin and cross-origin
 * iframes.
 * @param {MirroredSession} session
 */
function reachTests(session) {
  const { visit, openPanel, closePanel, inPage, readyPanel, clickQuote, analyzeSelection, toolbarState } = session;

  test('"Analyze selected text": a selected paragraph gets the panel (not refused as "not a policy"), its evidence highlighted', async () => {
    await visit('/seed/codesector-2018');
    await openPanel();
    const counted = await toolbarState();
    await closePanel();
    const selected = await inPage((sentence) => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent.includes(sentence));
      getSelection().selectAllChildren(paragraph);
      return String(getSelection());
    }, SENSOR_SENTENCE);
    assert.ok(selected.includes(SENSOR_SENTENCE));
    await analyzeSelection();
    const panel = await readyPanel((p) => p.text.includes('Selected text') && p.badges.length > 0, 'the selection\'s panel');
    assert.doesNotMatch(panel.text, NOT_A_POLICY);
    assert.ok(panel.badge(SENSOR_LABEL), `panel:\n${panel.text}`);
    assert.ok(panel.badges.length < 6, `only what the paragraph says: ${panel.badges.map((b) => b.label)}`);
    assert.deepEqual(await toolbarState(), counted, 'a selection does not change the page\'s count');
    await session.screenshot('selection');
    await clickQuote(panel, SENSOR_LABEL, 'SpeedView sends raw sensor data');
    await readyPanel((p) => p.text.includes('Highlighted on the page.'), 'the highlight');
    await closePanel();
  });

  test('a table row\'s evidence is highlighted across its cells, the synthetic " | " left out', async () => {
    await session.visit('/fixture/retention-table');
    const panel = await openPanel();
    await clickQuote(panel, labelOf('retention-limited'), 'Driver locations | We delete location history after 90 days.');
    assert.equal(await session.highlightedText(), 'Driver locations We delete location history after 90 days.',
      'one range per cell, nothing of the marker');
    await closePanel();
  });

  test('a policy in a same-origin iframe is read with the page, and its evidence shown there; a frame from another site is not read', async () => {
    await visit('/framed/codesector-2018');
    await waitFor(() => inPage(() => document.querySelector('iframe').contentDocument?.readyState ?? null),
      (state) => state === 'complete', { message: (state) => `the frame is ${state}` });
    const panel = await openPanel();
    assert.ok(panel.badge(SENSOR_LABEL), `the frame's policy is read; panel:\n${panel.text}`);
    await clickQuote(panel, SENSOR_LABEL, 'SpeedView sends raw sensor data');
    await readyPanel((p) => p.text.includes('Highlighted on the page.'), 'the highlight in the frame');
    assert.equal(await inPage(() => String(document.querySelector('iframe').contentWindow.getSelection())), SENSOR_SENTENCE,
      'the sentence is selected in the frame');
    await closePanel();

    const { server } = session;
    server.setPage('/framed-elsewhere', { html: `<!doctype html><title>Framed</title>${framePage(server.otherSiteUrl('/seed/codesector-2018'))}` });
    await visit('/framed-elsewhere');
    assert.match((await openPanel()).text, NOT_A_POLICY, 'a frame of another site is out of reach');
    await closePanel();
  });
}

/**
 * Registers the test of the options page: hiding a badge group, and
 * turning "remember" off, which forgets every policy remembered.
 * @param {MirroredSession} session
 */
function optionsTests({ visit, openPanel, closePanel, inPage, extensionPage, clickSelector, storedItems, screenshot }) {
  const historyKeys = async () => Object.keys(await storedItems()).filter((key) => key.startsWith('history:'));
  const openOptions = async () => {
    await extensionPage('extension/options.html');
    await waitFor(() => inPage(() => document.getElementById('settings').getAttribute('aria-busy')),
      (busy) => busy === 'false', { message: () => 'the options page never showed the settings' });
  };
  const change = async (selector, status) => {
    await clickSelector(selector);
    return waitFor(() => inPage(() => document.getElementById('status').textContent), (text) => status.test(text),
      { message: (text) => `status "${text}" after clicking ${selector}` });
  };
  const collection = TAXONOMY.groups.find((group) => group.id === 'collection');

  test('the options page hides badge groups, and turning "remember" off forgets every policy', async () => {
    await visit('/seed/codesector-2018');
    await openPanel();
    await closePanel();
    assert.ok((await historyKeys()).length > 0, 'a policy is remembered');

    await openOptions();
    const page = await inPage(() => ({
      groups: [...document.querySelectorAll('#groups input')].map((box) => [box.value, box.checked]),
      remember: document.getElementById('remember').checked,
      history: document.getElementById('history-link').getAttribute('href'),
      shortcut: document.getElementById('shortcut').textContent,
    }));
    assert.deepEqual(page.groups, TAXONOMY.groups.map((group) => [group.id, true]));
    assert.equal(page.remember, true);
    assert.equal(page.history, 'history.html');
    assert.match(page.shortcut, /keyboard shortcut/i);
    await screenshot('options');

    await change(`#group-${collection.id}`, /^Saved\.$/);
    await visit('/seed/codesector-2018');
    let panel = await openPanel();
    assert.ok(!panel.badge(labelOf('location')), `"${collection.label}" hidden; panel:\n${panel.text}`);
    assert.ok(panel.badge(labelOf('shares-data')), 'the other groups still shown');
    await closePanel();

    await openOptions();
    await change('#remember', /^Saved\. Forgot \d+ pages?\.$/);
    assert.deepEqual(await historyKeys(), [], 'the history is gone');
    await visit('/seed/codesector-2018');
    panel = await openPanel();
    assert.ok(panel.badge(labelOf('shares-data')));
    await closePanel();
    assert.deepEqual(await historyKeys(), [], 'and nothing new is remembered');

    await openOptions();
    await change('#remember', /^Saved\.$/);
    await change(`#group-${collection.id}`, /^Saved\.$/);
  });
}

const MANIFEST = JSON.parse(readFileSync(new URL('../../dist/manifest.json', import.meta.url), 'utf8'));

/**
 * Registers the test of the keyboard shortcut: suggested in the manifest,
 * and named, when the browser gave one, in the toolbar button's tooltip and
 * the panel's close button.
 * @param {MirroredSession} session
 */
function shortcutTests(session) {
  test('the keyboard shortcut is suggested, and named in the toolbar button\'s tooltip and the close button\'s', async () => {
    assert.equal(MANIFEST.commands._execute_action.suggested_key.default, SUGGESTED_SHORTCUT);
    await session.visit('/seed/activexperts-2012');
    assert.equal((await session.toolbarState()).title, defaultTitle(session.shortcut));
    await session.openPanel();
    assert.equal(await session.panelAttribute('.close', 'title'),
      session.shortcut ? `Close (Esc or ${session.shortcut})` : 'Close (Esc)');
    await session.closePanel();
  });
}

/**
 * Registers the tests of what the panel says: its layout, a protection, the
 * toolbar count, a page that is not a policy.
 * @param {MirroredSession} session
 */
function readingTests(session) {
  const {
    visit, openPanel, screenshot, toolbarState, clickButton, currentUrl, inPage, expandBadge, clickQuote, readyPanel,
  } = session;

  test('Code Sector 2018: "Sensor data shared" with its evidence sentence, in a closed shadow root', async () => {
    await visit('/seed/codesector-2018');
    const panel = await openPanel();
    assert.deepEqual(await inPage(() => {
      const host = document.querySelector('policy-badges-panel');
      return { host: Boolean(host), shadowRoot: host?.shadowRoot ?? null };
    }), { host: true, shadowRoot: null }, 'the page sees the host, not what it holds');
    assert.match(panel.text, /127\.0\.0\.1/, 'titled with the host name');
    const badge = panel.badge(SENSOR_LABEL);
    assert.ok(badge, `"Sensor data shared" is shown; panel:\n${panel.text}`);
    assert.equal(badge.polarity, 'bad');
    assert.equal(badge.word, 'concern', 'polarity is said in words, not colour alone');
    const quotes = (await expandBadge(panel, SENSOR_LABEL)).badge(SENSOR_LABEL).quotes.map((q) => q.text);
    assert.ok(quotes.some((text) => text.includes(SENSOR_SENTENCE)), `evidence: ${quotes.join(' | ')}`);
  });

  test('expanding a badge and clicking its sentence highlights it on the page', async () => {
    await visit('/seed/codesector-2018');
    const panel = await openPanel();
    await inPage(() => window.scrollTo(0, 0));
    await clickQuote(panel, SENSOR_LABEL, 'SpeedView sends raw sensor data');
    assert.equal(await session.highlightedText(), SENSOR_SENTENCE);
    await assertHighlightInView(inPage);
    await readyPanel((p) => p.text.includes('Highlighted on the page.'), 'the status line');
    await screenshot('evidence-highlight');
  });

  test('a hostile page cannot hide, break or read the panel', async () => {
    await visit('/hostile/codesector-2018');
    await waitFor(() => inPage(() => window.hostileReport?.messagesSent ?? 0), (sent) => sent > 0);
    // A real mouse click lands on the panel: it is visible and on top.
    await expandBadge(await openPanel(), SENSOR_LABEL);
    await assertHostilePageFoiled(inPage);
    await screenshot('hostile');
  });

  test('text folded into closed details, hidden panels and shadow roots is analyzed', async () => {
    await visit('/pages/folded.html');
    const panel = await openPanel();
    for (const id of FOLDED_BADGES) {
      assert.ok(panel.badge(labelOf(id)), `${id} found; panel:\n${panel.text}`);
    }
    await clickQuote(panel, labelOf('no-cookies'), 'We do not use browser cookies');
    await session.highlightedText();
    assert.equal(await inPage(() => document.getElementById('cookies-section').open), true,
      'the closed <details> holding the sentence is opened');
    // A sentence in a panel the page keeps hidden: highlighted, and the person is told why it is not in view.
    await clickQuote(await readyPanel(() => true, 'the panel'), labelOf('device-info'), 'Internet Protocol address');
    await readyPanel((p) => p.text.includes('this part of the page is hidden'), 'the hidden-text notice');
    await screenshot('folded');
  });

  test('summary line, grouping and order follow the taxonomy', async () => {
    await visit('/seed/centercode-2014');
    // Firefox reads the headings as displayed (capitals): compare without case.
    assertTaxonomyLayout(await openPanel(), { ignoreCase: true });
    await screenshot('centercode-2014');
  });

  test('ActiveXperts shows "No cookies"', async () => {
    await visit('/seed/activexperts-2012');
    const badge = (await openPanel()).badge(labelOf('no-cookies'));
    assert.ok(badge, '"No cookies" is shown');
    assert.equal(badge.word, 'protection', 'polarity is said in words, not colour alone');
    await screenshot('activexperts-2012');
  });

  test('the toolbar badge counts the concerns, and clears when the tab navigates', async () => {
    await visit('/seed/codesector-2018');
    const panel = await openPanel();
    const concerns = countOf(panel.badges, 'bad');
    assert.ok(concerns > 0, `some concerns; panel:\n${panel.text}`);
    assert.match(panel.text, new RegExp(`\\b${concerns} concerns?\\b`), 'the summary line says as many');
    const badgeReads = (text) => waitFor(toolbarState, (state) => state.text === text,
      { timeout: 5_000, message: (state) => `the toolbar badge reads "${state.text}", not "${text}"` });
    await badgeReads(String(concerns));
    await visit('/pages/news.html');
    await badgeReads('');
  });

  test('a page that is not a policy says so and offers the policy it links to', async () => {
    await visit('/pages/news.html');
    const panel = await openPanel();
    assert.match(panel.text, NOT_A_POLICY);
    assert.ok(panel.button('Open the privacy policy') !== undefined, `offers the policy link; panel:\n${panel.text}`);
    assert.match(panel.text, /\/seed\/activexperts-2012/, 'names the http link, not the javascript: or data: ones');
    await screenshot('not-a-policy');
    await clickButton(panel, 'Open the privacy policy');
    const policy = session.server.url('/seed/activexperts-2012');
    await waitFor(currentUrl, (url) => url === policy, { message: (url) => `"Open the privacy policy" led to ${url}` });
  });
}

/**
 * Registers every test of this file, in this order, with a browser's
 * session (chromium.test.mjs and firefox.test.mjs call it once).
 * @param {MirroredSession} session
 */
export function mirroredTests(session) {
  closingTests(session);
  readingTests(session);
  unusualPageTests(session);
  lookTests(session);
  fixturePageTests(session);
  reachTests(session);
  optionsTests(session);
  shortcutTests(session);
}
