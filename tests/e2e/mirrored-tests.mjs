/**
 * End-to-end tests that read the same in both browsers, written once:
 * chromium.test.mjs and firefox.test.mjs register them with their session
 * (chromium-session.mjs, lib/firefox-session.mjs) where they want them in
 * their run. They use only what both sessions offer (see MirroredSession)
 * and what both panel readings offer (`text`, `badge(label)`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_TEXT, SENSOR_LABEL, VERY_LONG } from './expectations.mjs';
import { PANEL_STYLES, assertLooksLike, assertStyles } from './visual.mjs';

/**
 * @typedef {{text: string, badge: (label: string) => object | undefined}} MirroredPanel
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
 */

/**
 * Registers the tests of the ways a person closes the panel: the toolbar
 * button again, Escape (after Tab kept the focus in the panel), its close
 * button.
 * @param {MirroredSession} session
 */
export function closingTests({ visit, openPanel, closePanel, waitForNoPanel, clickButton, press, inPage }) {
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
export function unusualPageTests({ visit, openPanel, screenshot }) {
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
export function lookTests({ browserName, visit, openPanel, closePanel, inDarkScheme, panelStyles, panelScreenshot }) {
  test('the panel looks as it should, light and dark: plain badge lists, as in the reference images', async () => {
    await visit('/seed/codesector-2018');
    await openPanel();
    await assertStyles(PANEL_STYLES, panelStyles);
    assertLooksLike(`${browserName}-panel-light`, (await panelScreenshot()).png);
    await closePanel();
    await inDarkScheme(async () => {
      await visit('/seed/codesector-2018');
      await openPanel();
      await assertStyles(PANEL_STYLES, panelStyles);
      assertLooksLike(`${browserName}-panel-dark`, (await panelScreenshot()).png);
      await closePanel();
    });
  });
}
