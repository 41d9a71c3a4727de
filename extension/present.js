/**
 * Turns the core's Summary into what the panel shows: badges grouped in the
 * taxonomy's group order, concerns first within a group, with the words and
 * marks that say each badge's polarity without relying on colour.
 */
import { text } from './i18n.js';

/**
 * How each polarity is shown: a mark, and the names of its word and of its
 * counts in _locales (one, and more than one).
 */
const POLARITY = Object.freeze({
  bad: Object.freeze({ mark: '✕', word: 'wordConcern', one: 'countConcern', many: 'countConcerns' }),
  good: Object.freeze({ mark: '✓', word: 'wordProtection', one: 'countProtection', many: 'countProtections' }),
  info: Object.freeze({ mark: 'i', word: 'wordFact', one: 'countFact', many: 'countFacts' }),
});

const POLARITY_ORDER = ['bad', 'good', 'info'];

const WORD_COUNT = new Intl.NumberFormat('en-US');

/**
 * A number of badges of one polarity, in words: "1 concern", "5 concerns".
 * @param {number} count
 * @param {'good'|'bad'|'info'} polarity
 * @returns {string}
 */
export function countText(count, polarity) {
  const { one, many } = POLARITY[polarity];
  return text(count === 1 ? one : many, String(count));
}

/**
 * @typedef {object} PanelBadge  a badge as the panel, its change section and the summary show it
 * @property {string} id
 * @property {string} label
 * @property {string} group
 * @property {'good'|'bad'|'info'} polarity
 * @property {string} mark  '✕', '✓' or 'i'
 * @property {string} word  'concern', 'protection' or 'fact'
 * @property {string} description  what earns the badge, from the core
 * @property {{text: string, start?: number, end?: number, section?: string|null}[]} evidence
 *   the sentences that earn it, with their place in the analyzed text when
 *   they are in it (a removed badge of the change section keeps only text)
 *
 * @typedef {object} PanelModel
 * @property {'badges'|'not-policy'} kind
 * @property {string} title  the site's name
 * @property {string} reason  the core's reason for calling it a policy or not
 * @property {string|null} notice  set when only part of the page was analyzed
 * @property {{bad: number, good: number, info: number}} counts
 * @property {string} countsText  "5 concerns · 8 protections · 6 facts"
 * @property {{id: string, label: string, badges: PanelBadge[]}[]} groups
 */

/**
 * A badge as shown: the core's badge (from a Summary or the taxonomy) with
 * the mark and word of its polarity, and its evidence.
 * @param {{id: string, label: string, group: string, polarity: string, description: string}} badge
 * @param {{text: string, start?: number, end?: number, section?: string|null}[]} evidence
 * @returns {PanelBadge}
 */
export function badgeView({ id, label, group, polarity, description }, evidence) {
  const shown = POLARITY[polarity] ? polarity : 'info';
  return {
    id,
    label,
    group,
    polarity: shown,
    mark: POLARITY[shown].mark,
    word: text(POLARITY[shown].word),
    description,
    evidence: evidence.map(({ text, start, end, section }) => ({ text, start, end, section })),
  };
}

/**
 * The panel's content for one analyzed page, or one selection of it.
 * @param {object} summary  the core's Summary for the text
 * @param {{groups: {id: string, label: string}[]}} taxonomy
 * @param {{title: string, capped: boolean, hiddenGroups?: string[]}} page  the
 *   site's name; whether the content script cut the text short; the badge
 *   groups not to show (settings.js)
 * @returns {PanelModel}
 */
export function presentSummary(summary, taxonomy, { title, capped, hiddenGroups = [] }) {
  const badges = summary.badges
    .filter((badge) => !hiddenGroups.includes(badge.group))
    .map((badge) => badgeView(badge, badge.evidence));
  const counts = { bad: 0, good: 0, info: 0 };
  for (const badge of badges) {
    counts[badge.polarity]++;
  }
  return {
    kind: summary.is_policy || summary.excerpt ? 'badges' : 'not-policy',
    title,
    reason: summary.reason,
    notice: summary.truncated || capped
      ? text('noticeLong', WORD_COUNT.format(summary.words))
      : null,
    counts,
    countsText: POLARITY_ORDER
      .map((p) => countText(counts[p], p))
      .join(' · '),
    groups: groupBadges(badges, taxonomy.groups),
  };
}

/** Badges grouped in taxonomy order (empty groups dropped), concerns first. */
function groupBadges(badges, groups) {
  const byPolarity = (a, b) => POLARITY_ORDER.indexOf(a.polarity) - POLARITY_ORDER.indexOf(b.polarity);
  const known = groups.map(({ id, label }) => ({
    id,
    label,
    badges: badges.filter((b) => b.group === id).sort(byPolarity),
  }));
  return known.filter((group) => group.badges.length > 0);
}
