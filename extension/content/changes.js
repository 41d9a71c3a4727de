/**
 * The "Changed since" section shown above the
 * badges when this page's policy changed since the last visit, built from
 * the background's answer (a ChangeView of ../history.js), as text nodes.
 * It speaks only of this page: the list of the sites analyzed is on the
 * History page (../history.html), an extension page no web page can reach.
 */
import { element } from './dom.js';
import { badgeTag, quoteButton } from './panel.js';
import { t } from './texts.js';
const { isArray } = Array;


/**
 * The lists of the change section: which badges, whether to show their
 * evidence on the page now, and which field holds the sentences they had.
 */
const CHANGE_LISTS = [
  { key: 'added', heading: 'changesAdded', current: true, old: null },
  { key: 'removed', heading: 'changesRemoved', current: false, old: 'evidence' },
  { key: 'changed', heading: 'changesEvidence', current: true, old: 'before' },
];

/**
 * The "Changed since <date>" section (a ChangeView of ../history.js).
 * @param {object} change
 * @param {(evidence: object) => void} onEvidence  highlights a sentence on the page
 * @returns {HTMLElement}
 */
export function changeSection(change, onEvidence) {
  const headingId = 'pb-changes-heading';
  const lists = CHANGE_LISTS
    .filter(({ key }) => listOf(change[key]).length > 0)
    .map((list) => changeList(list, listOf(change[list.key]), onEvidence));
  return element('section', { class: 'changes', 'aria-labelledby': headingId }, [
    element('h3', { id: headingId, class: 'changes-heading' }, [String(change.heading)]),
    element('p', { class: 'changes-note' }, [String(change.note)]),
    ...(change.wordingOnly ? [element('p', { class: 'changes-none' }, [t('changesWordingOnly')])] : []),
    ...lists,
  ]);
}

function changeList({ key, heading, current, old }, badges, onEvidence) {
  const headingId = `pb-changes-${key}`;
  return element('div', { class: `change-list ${key}` }, [
    element('h4', { id: headingId }, [t(heading, String(badges.length))]),
    element('ul', { class: 'change-items', 'aria-labelledby': headingId },
      badges.map((badge) => changeItem(badge, { current, old }, onEvidence))),
  ]);
}

/** One badge of the change section: its label, and its evidence on demand. */
function changeItem(badge, { current, old }, onEvidence) {
  const details = [];
  if (current) {
    details.push(element('p', { class: 'change-caption' }, [t('changesNowEarned')]),
      quoteList(listOf(badge.evidence).filter((item) => typeof item?.text === 'string'),
        (item) => quoteButton(item, onEvidence)));
  }
  if (old) {
    const texts = listOf(badge[old]).map((item) => (typeof item === 'string' ? item : item?.text));
    details.push(element('p', { class: 'change-caption' }, [t('changesUsedToBe')]),
      quoteList(texts.filter((text) => typeof text === 'string'),
        (text) => element('p', { class: 'old-quote' }, [t('panelQuote', text)])));
  }
  const polarity = ['bad', 'good', 'info'].includes(badge.polarity) ? badge.polarity : 'info';
  return element('li', { class: `change-item ${polarity}` }, [
    element('details', {}, [
      element('summary', {}, [
        element('span', { class: 'label' }, [String(badge.label)]),
        badgeTag(badge),
      ]),
      element('div', { class: 'change-evidence' }, details),
    ]),
  ]);
}

function quoteList(items, render) {
  const kept = items.filter((item) => (typeof item === 'string' ? item : item.text).length > 0);
  if (kept.length === 0) {
    return element('p', { class: 'old-quote none' }, [t('changesNoSentence')]);
  }
  return element('ul', { class: 'quotes' }, kept.map((item) => element('li', {}, [render(item)])));
}

function listOf(value) {
  return isArray(value) ? value : [];
}
