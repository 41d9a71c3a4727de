// The Policy Badges panel as a person perceives it in Firefox, built from its
// accessibility tree (see firefox-a11y.mjs): the same questions the Chromium
// tests ask of their DOM reading (panel-reader.mjs), answered from what a
// screen reader would announce.
//
// What the panel looks like there: a `dialog` named after the site; one
// `region` per taxonomy group, named by its heading (in capitals: Firefox
// applies the heading's `text-transform`); in it, one expandable
// `pushbutton` per badge named "<label> <word>" ("Sensor data shared
// concern": the ✕/✓/i mark is aria-hidden, the word says the polarity);
// once expanded, the badge's evidence sentences are `pushbutton`s named
// “<sentence>”.

import { findAccessible, readPanel, subtree, waitForPanel } from './firefox-a11y.mjs';
import { waitFor } from '../wait.mjs';

/** How a person tells a badge's polarity: the word after its label. */
const POLARITY_OF_WORD = { concern: 'bad', protection: 'good', fact: 'info' };

/** How the tests find the panel: the only dialog on the fixture pages. */
export const PANEL = { role: 'dialog' };

/**
 * @typedef {object} BadgeView
 * @property {string} label     e.g. "Sensor data shared"
 * @property {string} word      'concern', 'protection' or 'fact'
 * @property {'bad' | 'good' | 'info'} polarity
 * @property {boolean} expanded
 * @property {number} toggle    index of its button in the view's nodes
 * @property {{text: string, index: number}[]} quotes  its evidence sentences
 *   (without the quotation marks); empty while collapsed
 *
 * @typedef {import('./firefox-a11y.mjs').PanelView & {
 *   groups: {label: string, badges: BadgeView[]}[],
 *   badges: BadgeView[],
 *   button: (name: string) => number | undefined,
 *   badge: (label: string) => BadgeView | undefined,
 * }} PanelModel
 */

/**
 * Interprets a reading of the panel.
 *
 * @param {import('./firefox-a11y.mjs').PanelView} view a shown panel
 * @returns {PanelModel} `button(name)` gives the index of the panel's button
 *   with that accessible name (undefined if none); `badge(label)` a badge by label
 */
function panelModel(view) {
  const { nodes, root } = view;
  const badgesIn = (start) => subtree(nodes, start)
    .filter((index) => nodes[index].role === 'pushbutton' && nodes[index].expanded !== null)
    .map((toggle) => badgeAt(nodes, toggle));
  const groups = subtree(nodes, root)
    .filter((index) => nodes[index].role === 'region')
    .map((index) => ({ label: nodes[index].name, badges: badgesIn(index) }));
  const badges = badgesIn(root);
  return {
    ...view,
    groups,
    badges,
    button: (name) => {
      const index = findAccessible(nodes, { role: 'pushbutton', name }, root);
      return index < 0 ? undefined : index;
    },
    badge: (label) => badges.find((badge) => badge.label === label),
  };
}

/** The badge whose toggle button is `nodes[toggle]`. */
function badgeAt(nodes, toggle) {
  const { name, expanded, parent } = nodes[toggle];
  const word = name.slice(name.lastIndexOf(' ') + 1);
  const quotes = subtree(nodes, parent)
    .filter((index) => nodes[index].role === 'pushbutton' && /^“.*”$/s.test(nodes[index].name))
    .map((index) => ({ text: nodes[index].name.slice(1, -1), index }));
  return {
    label: name.slice(0, name.lastIndexOf(' ')),
    word,
    polarity: POLARITY_OF_WORD[word],
    expanded,
    toggle,
    quotes,
  };
}

/**
 * Waits until the panel is shown and done, and either shows every expected
 * string or satisfies a condition; then interprets it.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {string[] | ((panel: PanelModel) => boolean)} until
 * @param {string} [what] what a condition waits for, for the failure message
 * @returns {Promise<PanelModel>}
 */
export async function waitForPanelModel(driver, until, what = 'the panel') {
  if (Array.isArray(until)) return panelModel(await waitForPanel(driver, PANEL, until));
  return waitFor(
    async () => {
      const view = await readPanel(driver, PANEL);
      return view.root < 0 ? null : panelModel(view);
    },
    (panel) => panel !== null && !panel.nodes[panel.root].busy && until(panel),
    { timeout: 15_000, message: (panel) => `timed out waiting for ${what}; panel text:\n${panel?.text ?? '(not shown)'}` },
  );
}
