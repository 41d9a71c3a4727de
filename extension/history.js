/**
 * The policy history as the panel sees it: after each analysis of a policy,
 * remember the page (history-store.js) and, when its text changed since the
 * last visit, say how its badges changed, as the core's `diffBadges` finds.
 * Also what the History page lists (history.html), and forgetting.
 *
 * What a re-analysis shows: the record keeps the last change found until the
 * page's text changes again. So reopening the panel on a page whose policy
 * changed keeps showing "Changed since <date>" (with the day it was noticed),
 * and the next change of the text replaces it; the first analysis of a page,
 * and a page whose text has stayed the same since it was first read, show no
 * change section. A change of the text that changes no badge is still a
 * change: the section says only the wording changed.
 */
import {
  EVIDENCE_CHARS, RECORD_VERSION, compactBadges, forDiff, hashText, originOf, pageKey,
} from './history-store.js';
import { text } from './i18n.js';
import { badgeView, countText } from './present.js';

const LOCALE = 'en-US';

/**
 * @typedef {import('./history-store.js').HistoryRecord} HistoryRecord
 * @typedef {import('./history-store.js').HistoryStore} HistoryStore
 *
 * @typedef {import('./present.js').PanelBadge & {before?: string[]}} ChangeBadge  a badge
 *   of the change section: its evidence now (with offsets in the page, for
 *   highlighting), or, for a removed badge, the evidence it had (text
 *   only); `before`, for a badge whose evidence changed, the old sentences
 *
 * @typedef {object} ChangeView  the panel's "Changed since" section
 * @property {string} heading  "Changed since Nov 25, 2026"
 * @property {string} since  the previous version's date, ISO 8601
 * @property {string} note  when the previous version was last read, and when the change was found
 * @property {boolean} wordingOnly  the text changed, no badge did
 * @property {ChangeBadge[]} added
 * @property {ChangeBadge[]} removed
 * @property {ChangeBadge[]} changed
 *
 * @typedef {object} HistoryRow  one page of the History page
 * @property {string} page  origin + path
 * @property {string} analyzed  "Nov 25, 2026, 11:40 PM"
 * @property {string} analyzedAt  ISO 8601
 * @property {number} concerns
 * @property {string} concernsText  "5 concerns"
 * @property {boolean} changed
 * @property {string} changeText  "Changed since Nov 24, 2026" or "No change seen"
 *
 * @typedef {object} HistorySite  the pages of one site on the History page
 * @property {string} origin  e.g. `https://example.org`
 * @property {HistoryRow[]} rows
 */

/**
 * The record to keep after analyzing a page, given the one kept before.
 * @param {HistoryRecord|null} previous
 * @param {{page: string, hash: string, summary: object, now: number, diffBadges: Function}} analysis
 *   `summary` is the core's; `diffBadges` the core's function
 * @returns {HistoryRecord}
 */
export function nextRecord(previous, { page, hash, summary, now, diffBadges }) {
  const record = {
    v: RECORD_VERSION,
    page,
    analyzedAt: now,
    hash,
    concerns: summary.badges.filter((badge) => badge.polarity === 'bad').length,
    evidenceChars: EVIDENCE_CHARS[0],
    // Refreshed even when the text is the same: the baseline of the next
    // comparison is what the current core finds.
    badges: compactBadges(summary.badges, EVIDENCE_CHARS[0]),
    change: null,
  };
  if (previous === null) {
    return record;
  }
  if (previous.hash === hash) {
    return { ...record, change: previous.change ?? null };
  }
  // Both sides cut alike, so a sentence kept shorter last time still matches.
  const chars = Math.min(previous.evidenceChars, EVIDENCE_CHARS[0]);
  const before = compactBadges(previous.badges, chars);
  const after = compactBadges(summary.badges, chars);
  const found = diffBadges(forDiff(before), forDiff(after));
  const old = new Map(before.map((badge) => [badge.id, badge]));
  return {
    ...record,
    change: {
      since: previous.analyzedAt,
      noticedAt: now,
      added: [...found.added],
      removed: found.removed.map((id) => old.get(id) ?? { id, evidence: [] }),
      changed: found.changed_evidence.map((id) => old.get(id) ?? { id, evidence: [] }),
    },
  };
}

/**
 * Remembers an analyzed policy page and says what changed since last time.
 * Pages that are not policies, or not http(s), are not remembered.
 * @param {HistoryStore} store
 * @param {{url: string, text: string, summary: object, taxonomy: object, diffBadges: Function, now?: number,
 *   timeZone?: string, hiddenGroups?: string[], hash?: Promise<string>}} analysis  `hash`: the text's
 *   {@link hashText}, when the caller started it early
 * @returns {Promise<{view: ChangeView|null, saved: Promise<HistoryRecord>}|null>}  the
 *   change section (null when there is no change to show), and the write
 *   of the record; null when the page is not remembered
 */
export async function rememberAnalysis(store, {
  url, text, summary, taxonomy, diffBadges, now = Date.now(), timeZone, hiddenGroups, hash: hashing,
}) {
  const page = pageKey(url);
  if (page === null || !summary.is_policy) {
    return null;
  }
  const hash = await (hashing ?? hashText(text));
  // The view is made from the record as soon as it is computed: the panel
  // need not wait for the storage area to write it (a failed write is
  // reported by the returned `saved`).
  let saved;
  const record = await new Promise((resolve, reject) => {
    saved = store.update(page, (previous) => {
      const next = nextRecord(previous, { page, hash, summary, now, diffBadges });
      resolve(next);
      return next;
    });
    saved.catch(reject);
  });
  return { view: changeView(record, summary, taxonomy, { timeZone, hiddenGroups }), saved };
}

/**
 * The change section for a record, or null when it has no change.
 * @param {HistoryRecord} record
 * @param {object} summary  the core's Summary of the page as it is now
 * @param {{badges: {id: string, label: string, group: string, polarity: string, description: string}[]}} taxonomy
 * @param {{timeZone?: string, hiddenGroups?: string[]}} [options]  `hiddenGroups`:
 *   badge groups the panel does not show (settings.js)
 * @returns {ChangeView|null}
 */
export function changeView(record, summary, taxonomy, { timeZone, hiddenGroups = [] } = {}) {
  const { change } = record;
  if (!change) {
    return null;
  }
  const known = new Map(taxonomy.badges.map((badge) => [badge.id, badge]));
  const now = new Map(summary.badges.map((badge) => [badge.id, badge]));
  const describe = (id, evidence) => badgeView(
    known.get(id) ?? { id, label: id, group: '', polarity: 'info', description: '' }, evidence);
  const shown = (badge) => !hiddenGroups.includes(badge.group);
  const evidenceNow = (id) => now.get(id)?.evidence ?? [];
  const oldEvidence = (texts) => texts.map((text) => ({ text }));
  const since = formatDate(change.since, { timeZone });
  const view = {
    heading: text('changedSince', since),
    since: new Date(change.since).toISOString(),
    note: text('changesNote', formatDateTime(change.since, { timeZone }), formatDateTime(change.noticedAt, { timeZone })),
    wordingOnly: change.added.length + change.removed.length + change.changed.length === 0,
    added: change.added.map((id) => describe(id, evidenceNow(id))).filter(shown),
    removed: change.removed.map(({ id, evidence }) => describe(id, oldEvidence(evidence))).filter(shown),
    changed: change.changed.map(({ id, evidence }) => ({ ...describe(id, evidenceNow(id)), before: evidence }))
      .filter(shown),
  };
  return view;
}

/**
 * The History page's rows, in the order of `records`.
 * @param {HistoryRecord[]} records  most recently analyzed first, as
 *   `HistoryStore.list()` returns them (they are not sorted again here)
 * @param {{timeZone?: string}} [options]
 * @returns {HistoryRow[]}
 */
export function historyRows(records, { timeZone } = {}) {
  return records
    .map((record) => ({
      page: record.page,
      analyzed: formatDateTime(record.analyzedAt, { timeZone }),
      analyzedAt: new Date(record.analyzedAt).toISOString(),
      concerns: record.concerns,
      concernsText: countText(record.concerns, 'bad'),
      changed: Boolean(record.change),
      changeText: record.change ? text('changedSince', formatDate(record.change.since, { timeZone })) : text('noChangeSeen'),
    }));
}

/**
 * The History page's sites: the rows grouped by origin, the site analyzed
 * most recently first, each with its own pages most recently analyzed first.
 * @param {HistoryRecord[]} records  most recently analyzed first, as
 *   `HistoryStore.list()` returns them
 * @param {{timeZone?: string}} [options]
 * @returns {HistorySite[]}
 */
export function historySites(records, options) {
  const sites = new Map();
  for (const row of historyRows(records, options)) {
    const origin = originOf(row.page);
    if (origin === null) {
      continue;
    }
    if (!sites.has(origin)) {
      sites.set(origin, { origin, rows: [] });
    }
    sites.get(origin).rows.push(row);
  }
  return [...sites.values()];
}

/**
 * Forgets every page of one origin, or everything.
 * @param {HistoryStore} store
 * @param {{scope: 'all'} | {scope: 'site', origin: string}} what
 * @returns {Promise<number>}  how many pages were forgotten
 */
export function forget(store, what) {
  return what.scope === 'all' ? store.forgetAll() : store.forgetOrigin(what.origin);
}

function formatDate(ms, { timeZone } = {}) {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone }).format(ms);
}

function formatDateTime(ms, { timeZone } = {}) {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}
