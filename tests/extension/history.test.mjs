import './fake-browser.mjs'; // before the modules that use the browser's i18n
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze, diffBadges, initSync, taxonomy } from '../../pkg/policy_badges.js';
import { HistoryStore, hashText } from '../../extension/history-store.js';
import { changeView, forget, historyRows, historySites, nextRecord, rememberAnalysis } from '../../extension/history.js';
import { FakeStorage } from './fake-storage.mjs';

// The real core, as the extension ships it: the diff is the core's, not ours.
initSync({ module: readFileSync(new URL('../../pkg/policy_badges_bg.wasm', import.meta.url)) });
const TAXONOMY = taxonomy();
const seed = (name) => readFileSync(new URL(`../fixtures/seeds/${name}.md`, import.meta.url), 'utf8');
const EXPECTED = JSON.parse(readFileSync(new URL('../fixtures/seeds/expected.json', import.meta.url), 'utf8'))
  .changes['codesector-2012.md -> codesector-2018.md'];
const OLD = seed('codesector-2012');
const NEW = seed('codesector-2018');
const URL_2012 = 'https://codesector.example/privacy?from=footer';
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 1, 12, 0);
const UTC = { timeZone: 'UTC' };

/**
 * Analyzes `text` as the page at `url`, as the background does; resolves,
 * once the record is written, to the change section (null when none), or
 * to null when the page is not remembered.
 */
async function visit(store, url, text, now) {
  const remembered = await rememberAnalysis(store, {
    url, text, summary: analyze(text), taxonomy: TAXONOMY, diffBadges, now, timeZone: 'UTC',
  });
  await remembered?.saved;
  return remembered?.view ?? null;
}

const ids = (badges) => badges.map((badge) => badge.id).sort();

test('the first analysis of a page stores its record and shows no change', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  assert.equal(await visit(store, URL_2012, OLD, T0), null);
  const record = await store.get('https://codesector.example/privacy');
  const summary = analyze(OLD);
  assert.equal(record.hash, await hashText(OLD));
  assert.equal(record.analyzedAt, T0);
  assert.equal(record.concerns, summary.badges.filter((b) => b.polarity === 'bad').length);
  assert.deepEqual(ids(record.badges), ids(summary.badges));
  assert.deepEqual(record.badges.find((b) => b.id === 'card-not-stored').evidence,
    summary.badges.find((b) => b.id === 'card-not-stored').evidence.map((e) => e.text.replace(/\s+/g, ' ').trim().slice(0, 200)));
  assert.equal(record.change, null);
  assert.ok(JSON.stringify(record).length < 4000, `a small record: ${JSON.stringify(record).length} chars`);
});

test('Code Sector 2012 → 2018: the added and removed badges, as the core diffs them', async () => {
  const store = new HistoryStore(new FakeStorage());
  await visit(store, URL_2012, OLD, T0);
  const change = await visit(store, 'https://codesector.example/privacy', NEW, T0 + 3 * DAY);
  assert.equal(change.heading, 'Changed since Nov 1, 2026');
  assert.equal(change.since, new Date(T0).toISOString());
  assert.equal(change.note, 'Last read here on Nov 1, 2026, 12:00 PM; change found on Nov 4, 2026, 12:00 PM.');
  assert.deepEqual(ids(change.added), [...EXPECTED.added].sort());
  assert.deepEqual(ids(change.removed), [...EXPECTED.removed].sort());
  assert.equal(change.wordingOnly, false);

  const expectedDiff = diffBadges(analyze(OLD).badges, analyze(NEW).badges);
  assert.deepEqual(change.added.map((b) => b.id), expectedDiff.added, 'in the core\'s order');
  assert.deepEqual(change.changed.map((b) => b.id), expectedDiff.changed_evidence);

  const sensor = change.added.find((b) => b.id === 'sensor-data-shared');
  assert.deepEqual([sensor.label, sensor.polarity, sensor.mark, sensor.word], ['Sensor data shared', 'bad', '✕', 'concern']);
  assert.ok(sensor.evidence.some((e) => e.text.includes('SpeedView sends raw sensor data') && Number.isInteger(e.start)),
    'added badges carry their new evidence, with offsets to highlight it');
  const card = change.removed.find((b) => b.id === 'card-not-stored');
  assert.equal(card.label, 'Card not stored');
  assert.ok(card.evidence.length > 0 && card.evidence.every((e) => typeof e.text === 'string' && e.text.length <= 200),
    'removed badges carry the evidence they used to have');
  for (const badge of change.changed) {
    assert.ok(Array.isArray(badge.before) && badge.evidence.length > 0, badge.id);
  }

  const record = await store.get('https://codesector.example/privacy');
  assert.equal(record.hash, await hashText(NEW), 'the record is replaced by the new version');
  assert.equal(record.change.since, T0, 'and remembers the date of the previous one');
});

test('an identical re-analysis still shows the last change; the next change of the text replaces it', async () => {
  const store = new HistoryStore(new FakeStorage());
  await visit(store, URL_2012, OLD, T0);
  const first = await visit(store, URL_2012, NEW, T0 + DAY);
  const again = await visit(store, URL_2012, `  ${NEW.replace(/\n/g, '\n\n')}  `, T0 + 2 * DAY); // whitespace only
  // Offsets in the page moved with the whitespace; everything else is the same.
  const withoutOffsets = (view) => JSON.parse(JSON.stringify(view, (key, value) => (key === 'start' || key === 'end' ? undefined : value)));
  assert.deepEqual(withoutOffsets(again), withoutOffsets(first), 'same text: same change section, same dates');
  assert.equal((await store.get('https://codesector.example/privacy')).analyzedAt, T0 + 2 * DAY, 'but the visit is recorded');

  // A new edit of the text that changes no badge: the wording-only section, dated from the last visit.
  const edited = `${NEW}\n\nThis policy was last reviewed by our editors.`;
  const wording = await visit(store, URL_2012, edited, T0 + 5 * DAY);
  assert.equal(wording.heading, 'Changed since Nov 3, 2026');
  assert.equal(wording.wordingOnly, true);
  assert.deepEqual([wording.added, wording.removed, wording.changed], [[], [], []]);

  // Back to the 2012 text: the reverse change.
  const back = await visit(store, URL_2012, OLD, T0 + 6 * DAY);
  assert.deepEqual(ids(back.added), [...EXPECTED.removed].sort());
  assert.deepEqual(ids(back.removed), [...EXPECTED.added].sort());
});

test('pages that are not policies, or not on the web, are not remembered', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  assert.equal(await visit(store, 'https://news.example/today', 'The weather today is sunny with a light breeze.', T0), null);
  assert.equal(await visit(store, 'file:///home/me/policy.html', OLD, T0), null);
  assert.deepEqual(await storage.get(null), {});
});

test('evidence kept shorter last time still compares equal', () => {
  const summary = analyze(NEW);
  const page = 'https://codesector.example/privacy';
  const first = nextRecord(null, { page, hash: 'h1', summary, now: T0, diffBadges });
  const shortened = { ...first, evidenceChars: 40, badges: first.badges.map((b) => ({ ...b, evidence: b.evidence.map((t) => (t.length > 40 ? `${t.slice(0, 39)}…` : t)) })) };
  const next = nextRecord(shortened, { page, hash: 'h2', summary, now: T0 + DAY, diffBadges });
  assert.deepEqual([next.change.added, next.change.removed, next.change.changed], [[], [], []]);
});

test('changeView names unknown badges by id and has nothing to say without a change', () => {
  const summary = analyze(NEW);
  const record = nextRecord(null, { page: 'https://x.example/', hash: 'h', summary, now: T0, diffBadges });
  assert.equal(changeView(record, summary, TAXONOMY), null);
  const view = changeView({ ...record, change: { since: T0, noticedAt: T0, added: [], removed: [{ id: 'retired-badge', evidence: ['Old.'] }], changed: [] } },
    summary, TAXONOMY, UTC);
  assert.deepEqual(view.removed, [{
    id: 'retired-badge', label: 'retired-badge', group: '', polarity: 'info', mark: 'i', word: 'fact', description: '',
    evidence: [{ text: 'Old.', start: undefined, end: undefined, section: undefined }],
  }]);
});

test('the History page: sites, their pages, when, how many concerns, whether the policy changed', async () => {
  const store = new HistoryStore(new FakeStorage());
  await visit(store, URL_2012, OLD, T0);
  await visit(store, 'https://other.example/privacy', seed('activexperts-2012'), T0 + DAY);
  await visit(store, 'https://codesector.example/legal', OLD, T0 + DAY / 2);
  await visit(store, URL_2012, NEW, T0 + 2 * DAY);
  const sites = historySites(await store.list(), UTC);
  assert.deepEqual(sites.map((site) => [site.origin, site.rows.map((row) => row.page)]), [
    ['https://codesector.example', ['https://codesector.example/privacy', 'https://codesector.example/legal']],
    ['https://other.example', ['https://other.example/privacy']],
  ], 'the site analyzed last first; in a site, the page analyzed last first');
  const concerns = analyze(NEW).badges.filter((b) => b.polarity === 'bad').length;
  assert.deepEqual(sites[0].rows[0], {
    page: 'https://codesector.example/privacy',
    analyzed: 'Nov 3, 2026, 12:00 PM',
    analyzedAt: new Date(T0 + 2 * DAY).toISOString(),
    concerns,
    concernsText: `${concerns} ${concerns === 1 ? 'concern' : 'concerns'}`,
    changed: true,
    changeText: 'Changed since Nov 1, 2026',
  });
  assert.equal(sites[1].rows[0].changeText, 'No change seen');
  const [row] = historyRows([{ page: 'https://p.example/', analyzedAt: 0, concerns: 1, change: null }], UTC);
  assert.equal(row.concernsText, '1 concern');
});

test('historyRows does not sort again: its rows keep the order of the records (list() gives newest first)', () => {
  const records = [3, 1, 2].map((day) => ({ page: `https://d${day}.example/`, analyzedAt: T0 + day * DAY, concerns: 0, change: null }));
  assert.deepEqual(historyRows(records, UTC).map((row) => [row.page, row.concernsText]),
    [['https://d3.example/', '0 concerns'], ['https://d1.example/', '0 concerns'], ['https://d2.example/', '0 concerns']]);
});

test('forgetting one site, or everything', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  await visit(store, URL_2012, OLD, T0);
  await visit(store, 'https://codesector.example/legal/privacy', NEW, T0);
  await visit(store, 'https://other.example/privacy', NEW, T0);
  assert.equal(await forget(store, { scope: 'site', origin: 'https://codesector.example' }), 2);
  assert.deepEqual((await store.list()).map((r) => r.page), ['https://other.example/privacy']);
  assert.equal(await forget(store, { scope: 'site', origin: 'https://nowhere.example' }), 0);
  assert.equal(await forget(store, { scope: 'all' }), 1);
  assert.deepEqual(await storage.get(null), {});
});
