/**
 * The policy history: for each policy page analyzed, a small record of what
 * it said last time, kept in `storage.local` on this device only.
 *
 * Layout in the storage area (every key starts with `history:`):
 * - `history:index`: `{[page]: analyzedAt}` for every page remembered, read to
 *   list, count and evict pages without loading their records;
 * - `history:page:<page>`: that page's {@link HistoryRecord}.
 * A page is its URL's origin and path, without query or fragment
 * (`https://example.org/privacy`). Only the background reads or writes the
 * store; its changes run one at a time, in the order they were asked for.
 */

import { collapseWhitespace } from './text.js';

/** Storage keys. */
const INDEX_KEY = 'history:index';
const PAGE_PREFIX = 'history:page:';
const PREFIX = 'history:';

/** The record format; records of any other version are ignored. */
export const RECORD_VERSION = 1;

/** How many pages are remembered: past that, the least recently analyzed go. */
const DEFAULT_CAP = 500;

/** The most evidence sentences kept per badge (the core gives at most 3). */
const MAX_EVIDENCE_PER_BADGE = 3;

/**
 * How long a kept evidence sentence may be, longest first: a record that is
 * still over {@link MAX_RECORD_CHARS} with one length is cut to the next.
 */
export const EVIDENCE_CHARS = Object.freeze([200, 100, 40, 0]);

/** The most a record may weigh, as JSON (UTF-16 code units). */
export const MAX_RECORD_CHARS = 12_000;

/**
 * @typedef {{id: string, evidence: string[]}} BadgeMemory  a badge and its
 *   evidence sentences, whitespace collapsed and cut to the record's
 *   `evidenceChars`
 *
 * @typedef {object} ChangeMemory  what changed the last time the page's text did
 * @property {number} since  when the previous version was last analyzed (ms since the epoch)
 * @property {number} noticedAt  when the change was found
 * @property {string[]} added  ids of badges the new version earned
 * @property {BadgeMemory[]} removed  badges it lost, with the evidence they had
 * @property {BadgeMemory[]} changed  badges earned by other sentences, with the old ones
 *
 * @typedef {object} HistoryRecord
 * @property {number} v  {@link RECORD_VERSION}
 * @property {string} page  origin + path
 * @property {number} analyzedAt  last analysis (ms since the epoch)
 * @property {string} hash  SHA-256 (hex) of the analyzed text, whitespace collapsed
 * @property {number} concerns  how many badges were concerns
 * @property {number} evidenceChars  the length evidence sentences were cut to
 * @property {BadgeMemory[]} badges
 * @property {ChangeMemory|null} change  the last change, kept until the text changes again
 */

/**
 * The page a URL is remembered under: origin and path, no query or fragment.
 * @param {string} url
 * @returns {string|null}  null for anything but http(s) URLs
 */
export function pageKey(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return null;
  }
  return `${parsed.origin}${parsed.pathname}`;
}

/**
 * The origin of a URL or page key, or null.
 * @param {string} url
 * @returns {string|null}
 */
export function originOf(url) {
  const page = pageKey(url);
  return page === null ? null : new URL(page).origin;
}

/**
 * SHA-256 of the text with its whitespace collapsed (so re-flowed or
 * re-indented text is the same text), in hex.
 * @param {string} text
 * @returns {Promise<string>}
 */
export async function hashText(text) {
  const bytes = new TextEncoder().encode(collapseWhitespace(text));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One evidence sentence as kept: whitespace collapsed, and cut to `chars`
 * (ending in "…") when longer. Cutting is idempotent and monotone: cutting
 * to 200 then to 100 gives what cutting to 100 gives, so two records kept
 * with different lengths compare equal once cut to the shorter one.
 * @param {string} text
 * @param {number} chars
 * @returns {string}
 */
export function clipEvidence(text, chars) {
  const flat = collapseWhitespace(text);
  if (flat.length <= chars) {
    return flat;
  }
  if (chars <= 0) {
    return '';
  }
  let end = chars - 1;
  const last = flat.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    end--; // do not split a surrogate pair
  }
  return `${flat.slice(0, end)}…`;
}

/**
 * Badges as kept: ids and at most {@link MAX_EVIDENCE_PER_BADGE} evidence
 * sentences each, cut to `chars`; empty sentences dropped.
 * @param {{id: string, evidence: ({text: string}|string)[]}[]} badges  the
 *   core's badges, or kept ones
 * @param {number} chars
 * @returns {BadgeMemory[]}
 */
export function compactBadges(badges, chars) {
  return badges.map((badge) => ({
    id: badge.id,
    evidence: badge.evidence
      .slice(0, MAX_EVIDENCE_PER_BADGE)
      .map((item) => clipEvidence(typeof item === 'string' ? item : item.text, chars))
      .filter((text) => text.length > 0),
  }));
}

/**
 * Badges in the shape the core's `diffBadges` takes: `[{id, evidence: [{text}]}]`.
 * @param {BadgeMemory[]} badges
 * @returns {{id: string, evidence: {text: string}[]}[]}
 */
export function forDiff(badges) {
  return badges.map(({ id, evidence }) => ({ id, evidence: evidence.map((text) => ({ text })) }));
}

/**
 * The record cut down until it weighs at most {@link MAX_RECORD_CHARS}:
 * evidence is cut shorter and shorter, down to none.
 * @param {HistoryRecord} record  kept with the longest evidence allowed
 * @returns {HistoryRecord}
 */
export function fitRecord(record) {
  let fitted = record;
  for (const chars of EVIDENCE_CHARS) {
    if (chars > record.evidenceChars) {
      continue;
    }
    const cut = (list) => compactBadges(list, chars);
    fitted = {
      ...record,
      evidenceChars: chars,
      badges: cut(record.badges),
      change: record.change && { ...record.change, removed: cut(record.change.removed), changed: cut(record.change.changed) },
    };
    if (JSON.stringify(fitted).length <= MAX_RECORD_CHARS) {
      break;
    }
  }
  return fitted;
}

/**
 * Whether a stored value is a record this version can use.
 * @param {unknown} value
 * @returns {value is HistoryRecord}
 */
function isRecord(value) {
  return value !== null && typeof value === 'object' && value.v === RECORD_VERSION &&
    typeof value.page === 'string' && Number.isFinite(value.analyzedAt) &&
    typeof value.hash === 'string' && Array.isArray(value.badges) &&
    Number.isInteger(value.evidenceChars);
}

/**
 * The history kept in one storage area.
 */
export class HistoryStore {
  /**
   * @param {{get: Function, set: Function, remove: Function}} storage  a
   *   `storage.local`-like area (promise-based)
   * @param {{cap?: number}} [options]  how many pages to remember
   */
  constructor(storage, { cap = DEFAULT_CAP } = {}) {
    this.storage = storage;
    this.cap = cap;
    this.queue = Promise.resolve();
    /**
     * What this store last read or wrote, so that analyzing a page again
     * does not read the storage area first: the index (null until read),
     * and the records of the pages seen. Only this store writes its keys.
     */
    this.known = { index: null, records: new Map() };
  }

  /**
   * Runs `task` once every change asked for before it has finished.
   * @template T
   * @param {() => Promise<T>} task
   * @returns {Promise<T>}
   */
  serialize(task) {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * A page's record, or null.
   * @param {string} page
   * @returns {Promise<HistoryRecord|null>}
   */
  async get(page) {
    const key = PAGE_PREFIX + page;
    const { [key]: record } = await this.storage.get(key);
    return isRecord(record) ? record : null;
  }

  /**
   * Replaces a page's record with what `update` makes of the current one,
   * as one change: no other change of the store runs in between. The page
   * becomes the most recently analyzed; the least recently analyzed ones are
   * dropped past the cap.
   * @param {string} page
   * @param {(previous: HistoryRecord|null) => HistoryRecord} update
   * @returns {Promise<HistoryRecord>}  the record stored
   */
  update(page, update) {
    return this.serialize(async () => {
      const pageKey = PAGE_PREFIX + page;
      const { known } = this;
      const wanted = [...(known.records.has(page) ? [] : [pageKey]), ...(known.index ? [] : [INDEX_KEY])];
      const stored = wanted.length > 0 ? await this.storage.get(wanted) : {};
      const previous = known.records.has(page) ? known.records.get(page) : stored[pageKey];
      const record = fitRecord(update(isRecord(previous) ? previous : null));
      const index = known.index ? { ...known.index } : indexFrom(stored);
      this.forgetKnown(); // until the writes below are done
      delete index[page];
      // This page stays whatever the clock says: the others make room for it.
      const evicted = leastRecent(index, this.cap - 1);
      for (const old of evicted) {
        delete index[old];
      }
      index[page] = record.analyzedAt;
      try {
        await this.storage.set({ [PAGE_PREFIX + page]: record, [INDEX_KEY]: index });
      } catch (error) {
        // Out of room (Chrome's storage.local holds 10 MB): make room by
        // forgetting the least recently analyzed quarter, and try once more.
        const more = leastRecent(index, Math.floor((Object.keys(index).length * 3) / 4))
          .filter((old) => old !== page);
        if (more.length === 0) {
          throw error;
        }
        for (const old of more) {
          delete index[old];
        }
        await this.storage.remove(more.map((old) => PAGE_PREFIX + old));
        await this.storage.set({ [PAGE_PREFIX + page]: record, [INDEX_KEY]: index });
      }
      if (evicted.length > 0) {
        await this.storage.remove(evicted.map((old) => PAGE_PREFIX + old));
      }
      known.index = index;
      known.records.set(page, record);
      return record;
    });
  }

  /** Drops what the store remembers of the storage area: the next change reads it again. */
  forgetKnown() {
    this.known.index = null;
    this.known.records.clear();
  }

  /**
   * Every record, most recently analyzed first.
   * @returns {Promise<HistoryRecord[]>}
   */
  async list() {
    await this.queue;
    const index = await this.readIndex();
    const pages = Object.keys(index);
    if (pages.length === 0) {
      return [];
    }
    const stored = await this.storage.get(pages.map((page) => PAGE_PREFIX + page));
    return pages
      .map((page) => stored[PAGE_PREFIX + page])
      .filter(isRecord)
      .sort((a, b) => b.analyzedAt - a.analyzedAt);
  }

  /**
   * Deletes every page of one origin.
   * @param {string} origin  e.g. `https://example.org`
   * @returns {Promise<number>}  how many pages were forgotten
   */
  forgetOrigin(origin) {
    return this.serialize(async () => {
      this.forgetKnown();
      const all = await this.storage.get(null);
      const pages = historyKeysFrom(all)
        .filter((key) => key.startsWith(PAGE_PREFIX))
        .map((key) => key.slice(PAGE_PREFIX.length))
        .filter((page) => originOf(page) === origin);
      const index = indexFrom(all);
      for (const page of pages) {
        delete index[page];
      }
      await this.storage.remove(pages.map((page) => PAGE_PREFIX + page));
      await this.storage.set({ [INDEX_KEY]: index });
      return pages.length;
    });
  }

  /**
   * Deletes the whole history.
   * @returns {Promise<number>}  how many pages were forgotten
   */
  forgetAll() {
    return this.serialize(async () => {
      this.forgetKnown();
      const keys = await this.historyKeys();
      await this.storage.remove(keys);
      return keys.filter((key) => key.startsWith(PAGE_PREFIX)).length;
    });
  }

  /** `{[page]: analyzedAt}`, a fresh object. */
  async readIndex() {
    return indexFrom(await this.storage.get(INDEX_KEY));
  }

  /**
   * Every key of the store in the storage area, whether the index knows it
   * or not: forgetting deletes what is really there.
   */
  async historyKeys() {
    return historyKeysFrom(await this.storage.get(null));
  }
}

/** The index in `items` (what `storage.get` gave) as `{[page]: analyzedAt}`, a fresh object. */
function indexFrom({ [INDEX_KEY]: index }) {
  const copy = {};
  if (index !== null && typeof index === 'object') {
    for (const [page, at] of Object.entries(index)) {
      if (Number.isFinite(at)) {
        copy[page] = at;
      }
    }
  }
  return copy;
}

/** The store's keys among `items` (what `storage.get(null)` gave). */
function historyKeysFrom(items) {
  return Object.keys(items).filter((key) => key.startsWith(PREFIX));
}

/** The pages of `index` past the `keep` most recently analyzed. */
function leastRecent(index, keep) {
  const pages = Object.keys(index).sort((a, b) => index[b] - index[a]);
  return pages.slice(Math.max(keep, 0));
}
