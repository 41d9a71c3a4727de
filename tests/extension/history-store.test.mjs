import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EVIDENCE_CHARS, HistoryStore, MAX_RECORD_CHARS, RECORD_VERSION, clipEvidence, compactBadges, fitRecord,
  hashText, originOf, pageKey,
} from '../../extension/history-store.js';
import { FakeStorage } from './fake-storage.mjs';

/** A record as history.js makes them, for `page` analyzed at `at`. */
function record(page, at, fields = {}) {
  return {
    v: RECORD_VERSION,
    page,
    analyzedAt: at,
    hash: 'a'.repeat(64),
    concerns: 1,
    evidenceChars: EVIDENCE_CHARS[0],
    badges: [{ id: 'location', evidence: ['We collect your location.'] }],
    change: null,
    ...fields,
  };
}

/** Stores a record for `url` analyzed at `at`, as the background does. */
function analyze(store, url, at, fields) {
  const page = pageKey(url);
  return store.update(page, () => record(page, at, fields));
}

const historyKeys = (storage) => [...storage.data.keys()].filter((key) => key.startsWith('history:')).sort();

test('a page is its origin and path: query and fragment are not part of it', () => {
  assert.equal(pageKey('https://example.org/privacy?utm_source=x&lang=en#sharing'), 'https://example.org/privacy');
  assert.equal(pageKey('https://Example.ORG:443/Privacy'), 'https://example.org/Privacy', 'host folded, path kept');
  assert.equal(pageKey('http://127.0.0.1:8080/legal/privacy/'), 'http://127.0.0.1:8080/legal/privacy/');
  assert.equal(pageKey('https://example.org'), 'https://example.org/');
  for (const url of ['file:///home/me/policy.html', 'chrome://settings', 'about:blank', 'data:text/html,x', 'not a url', '']) {
    assert.equal(pageKey(url), null, url);
  }
  assert.equal(originOf('https://example.org/privacy?x'), 'https://example.org');
});

test('the same page with another query or fragment updates the same record', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  await analyze(store, 'https://example.org/privacy?ref=footer', 1000);
  await analyze(store, 'https://example.org/privacy#cookies', 2000);
  const records = await store.list();
  assert.deepEqual(records.map((r) => [r.page, r.analyzedAt]), [['https://example.org/privacy', 2000]]);
  assert.deepEqual(historyKeys(storage), ['history:index', 'history:page:https://example.org/privacy']);
});

test('the text hash is SHA-256 of the text with whitespace collapsed', async () => {
  const hash = await hashText('We   collect\n\nyour email.  ');
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(hash, await hashText('We collect your email.'));
  // sha256("We collect your email.")
  const { createHash } = await import('node:crypto');
  assert.equal(hash, createHash('sha256').update('We collect your email.').digest('hex'));
  assert.notEqual(hash, await hashText('We collect your e-mail.'));
});

test('evidence is kept short, cut the same way whatever the order of cuts', () => {
  const long = `${'word '.repeat(100)}end.`;
  const cut = clipEvidence(long, 200);
  assert.equal(cut.length, 200);
  assert.ok(cut.endsWith('…'));
  assert.equal(clipEvidence(cut, 100), clipEvidence(long, 100), 'cutting a cut sentence shorter = cutting it short');
  assert.equal(clipEvidence(cut, 200), cut, 'idempotent');
  assert.equal(clipEvidence('Short\n sentence.', 200), 'Short sentence.');
  assert.equal(clipEvidence(long, 0), '');
  const emoji = `${'a'.repeat(8)}😀😀`; // the emoji straddles the cut
  assert.equal(clipEvidence(emoji, 10), `${'a'.repeat(8)}…`, 'no lone surrogate');
});

test('badges keep their ids and at most three evidence sentences each', () => {
  const badges = compactBadges([
    { id: 'location', label: 'Collects location', evidence: ['a', 'b', 'c', 'd'].map((text) => ({ text, start: 0, end: 1 })) },
    { id: 'no-sale', evidence: [] },
  ], 200);
  assert.deepEqual(badges, [{ id: 'location', evidence: ['a', 'b', 'c'] }, { id: 'no-sale', evidence: [] }]);
});

test('a record is small: at most MAX_RECORD_CHARS of JSON, evidence cut shorter as needed', () => {
  const sentence = 'We may share information about you with our partners, affiliates and other companies, '.repeat(4);
  const badges = Array.from({ length: 36 }, (_, i) => ({ id: `badge-${i}`, evidence: [sentence, sentence, sentence] }));
  const big = record('https://example.org/privacy', 1, {
    badges: compactBadges(badges, EVIDENCE_CHARS[0]),
    change: { since: 0, noticedAt: 1, added: ['badge-1'], removed: compactBadges(badges.slice(0, 10), EVIDENCE_CHARS[0]), changed: [] },
  });
  assert.ok(JSON.stringify(big).length > MAX_RECORD_CHARS, 'the test record starts too big');
  const fitted = fitRecord(big);
  assert.ok(JSON.stringify(fitted).length <= MAX_RECORD_CHARS, `fits: ${JSON.stringify(fitted).length}`);
  assert.ok(fitted.evidenceChars < EVIDENCE_CHARS[0]);
  assert.ok(fitted.badges.every((b) => b.evidence.every((text) => text.length <= fitted.evidenceChars)));
  assert.equal(fitted.badges.length, 36, 'no badge is dropped');
  assert.equal(fitted.change.removed.length, 10);

  const small = record('https://example.org/privacy', 1);
  assert.deepEqual(fitRecord(small), small, 'a small record is kept as it is');
  assert.deepEqual(Object.keys(small).sort(),
    ['analyzedAt', 'badges', 'change', 'concerns', 'evidenceChars', 'hash', 'page', 'v']);
});

test('the store holds at most `cap` pages, dropping the least recently analyzed', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage, { cap: 3 });
  await analyze(store, 'https://a.example/privacy', 1);
  await analyze(store, 'https://b.example/privacy', 2);
  await analyze(store, 'https://c.example/privacy', 3);
  await analyze(store, 'https://a.example/privacy', 4); // a analyzed again: now the most recent
  await analyze(store, 'https://d.example/privacy', 5); // b goes
  assert.deepEqual((await store.list()).map((r) => r.page),
    ['https://d.example/privacy', 'https://a.example/privacy', 'https://c.example/privacy']);
  assert.equal(await store.get('https://b.example/privacy'), null);
  assert.deepEqual(historyKeys(storage), [
    'history:index',
    'history:page:https://a.example/privacy',
    'history:page:https://c.example/privacy',
    'history:page:https://d.example/privacy',
  ], 'the dropped record is deleted, not only unlisted');
  assert.deepEqual(storage.data.get('history:index'),
    { 'https://c.example/privacy': 3, 'https://a.example/privacy': 4, 'https://d.example/privacy': 5 });
});

test('the default cap is 500 pages', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  assert.equal(store.cap, 500);
  for (let i = 0; i < 505; i++) {
    await analyze(store, `https://site${i}.example/privacy`, i);
  }
  const records = await store.list();
  assert.equal(records.length, 500);
  assert.equal(records.at(-1).page, 'https://site5.example/privacy');
  assert.equal(historyKeys(storage).length, 501);
});

test('the page just analyzed is kept even if the clock went back', async () => {
  const store = new HistoryStore(new FakeStorage(), { cap: 2 });
  await analyze(store, 'https://a.example/', 100);
  await analyze(store, 'https://b.example/', 200);
  await analyze(store, 'https://c.example/', 50);
  assert.deepEqual((await store.list()).map((r) => r.page), ['https://b.example/', 'https://c.example/']);
});

test('when storage is full, older pages make room', async () => {
  const one = FakeStorage.weigh(new Map([['history:page:https://x0.example/', record('https://x0.example/', 0)]]));
  const storage = new FakeStorage({ quota: one * 8 });
  const store = new HistoryStore(storage);
  for (let i = 0; i < 20; i++) {
    await analyze(store, `https://x${i}.example/`, i);
  }
  const pages = (await store.list()).map((r) => r.page);
  assert.equal(pages[0], 'https://x19.example/');
  assert.ok(pages.length < 20 && pages.length >= 4, `kept ${pages.length}`);
  assert.ok(storage.size <= storage.quota);
  assert.equal(historyKeys(storage).length, pages.length + 1, 'no orphan records');
});

test('when storage is full, each page made room for is removed once', async () => {
  const one = FakeStorage.weigh(new Map([['history:page:https://x0.example/', record('https://x0.example/', 0)]]));
  const storage = new FakeStorage({ quota: one * 8 });
  const removed = [];
  const remove = storage.remove.bind(storage);
  storage.remove = (keys) => {
    removed.push(...[keys].flat());
    return remove(keys);
  };
  const store = new HistoryStore(storage);
  for (let i = 0; i < 20; i++) {
    await analyze(store, `https://x${i}.example/`, i);
  }
  assert.ok(removed.length > 0);
  assert.equal(new Set(removed).size, removed.length, `removed twice: ${removed}`);
  const pages = (await store.list()).map((r) => r.page);
  assert.equal(historyKeys(storage).length, pages.length + 1, 'no orphan records');
  assert.equal(removed.length + pages.length, 20, 'every page other than those kept was removed');
});

test('update sees the previous record, and concurrent updates run one at a time', async () => {
  const store = new HistoryStore(new FakeStorage());
  const page = 'https://example.org/privacy';
  const bump = () => store.update(page, (previous) => record(page, (previous?.analyzedAt ?? 0) + 1));
  await Promise.all([bump(), bump(), bump(), bump()]);
  assert.equal((await store.get(page)).analyzedAt, 4);
});

test('records of another format are ignored', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  await storage.set({
    'history:index': { 'https://example.org/': 1, 'https://old.example/': 2 },
    'history:page:https://example.org/': { v: 0, page: 'https://example.org/' },
    'history:page:https://old.example/': 'junk',
  });
  assert.deepEqual(await store.list(), []);
  assert.equal(await store.get('https://example.org/'), null);
});

test('"Forget this site" deletes every page of that origin, and only those', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  await analyze(store, 'https://example.org/privacy', 1);
  await analyze(store, 'https://example.org/legal/cookies', 2);
  await analyze(store, 'http://example.org/privacy', 3);
  await analyze(store, 'https://example.org:8443/privacy', 4);
  await analyze(store, 'https://other.example/privacy', 5);
  assert.equal(await store.forgetOrigin('https://example.org'), 2);
  assert.deepEqual((await store.list()).map((r) => r.page),
    ['https://other.example/privacy', 'https://example.org:8443/privacy', 'http://example.org/privacy']);
  assert.ok(historyKeys(storage).every((key) => !key.startsWith('history:page:https://example.org/')));
  assert.deepEqual(Object.keys(storage.data.get('history:index')).sort(),
    ['http://example.org/privacy', 'https://example.org:8443/privacy', 'https://other.example/privacy']);
  assert.equal(await store.forgetOrigin('https://nothing.example'), 0);
});

test('"Forget this site" also deletes pages the index does not list, reading the area once', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  await analyze(store, 'https://example.org/privacy', 1);
  await analyze(store, 'https://other.example/privacy', 2);
  await storage.set({ 'history:page:https://example.org/orphan': record('https://example.org/orphan', 0) });
  const gets = storage.calls.get;
  assert.equal(await store.forgetOrigin('https://example.org'), 2);
  assert.equal(storage.calls.get - gets, 1);
  assert.deepEqual(historyKeys(storage), ['history:index', 'history:page:https://other.example/privacy']);
  assert.deepEqual(storage.data.get('history:index'), { 'https://other.example/privacy': 2 });
});

test('"Forget everything" deletes every history key, listed or not, and nothing else', async () => {
  const storage = new FakeStorage();
  const store = new HistoryStore(storage);
  await analyze(store, 'https://a.example/privacy', 1);
  await analyze(store, 'https://b.example/privacy', 2);
  await storage.set({ 'history:page:https://orphan.example/': record('https://orphan.example/', 0), 'settings': { theme: 'dark' } });
  assert.equal(await store.forgetAll(), 3);
  assert.deepEqual(await storage.get(null), { settings: { theme: 'dark' } });
  assert.deepEqual(await store.list(), []);
  // And the store works again afterwards.
  await analyze(store, 'https://c.example/privacy', 3);
  assert.deepEqual((await store.list()).map((r) => r.page), ['https://c.example/privacy']);
});
