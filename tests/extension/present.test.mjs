import './fake-browser.mjs'; // before the modules that use the browser's i18n
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeView, countText, presentSummary } from '../../extension/present.js';
import { TAXONOMY, summaryWith } from './fixtures.mjs';

const PAGE = { title: 'example.org', capped: false };

test('badges are grouped in taxonomy order, concerns then protections then facts', () => {
  const model = presentSummary(summaryWith(['cookies', 'third-party-tracking', 'no-sale', 'shares-aggregate']), TAXONOMY, PAGE);
  assert.deepEqual(model.groups.map((g) => [g.label, g.badges.map((b) => b.id)]), [
    ['Tracking', ['third-party-tracking', 'cookies']],
    ['Sharing', ['no-sale', 'shares-aggregate']],
  ]);
});

test('every badge says its polarity with a mark and a word', () => {
  const model = presentSummary(summaryWith(['cookies', 'location', 'no-sale']), TAXONOMY, PAGE);
  const shown = model.groups.flatMap((g) => g.badges).map((b) => [b.id, b.mark, b.word]);
  assert.deepEqual(shown, [['cookies', 'i', 'fact'], ['location', '✕', 'concern'], ['no-sale', '✓', 'protection']]);
});

test('the summary line counts each polarity, singular or plural', () => {
  const model = presentSummary(summaryWith(['third-party-tracking', 'location', 'no-sale']), TAXONOMY, PAGE);
  assert.deepEqual(model.counts, { bad: 2, good: 1, info: 0 });
  assert.equal(model.countsText, '2 concerns · 1 protection · 0 facts');
});

test('a count of one polarity is said in words, singular only for one', () => {
  assert.deepEqual([[0, 'bad'], [1, 'bad'], [2, 'bad'], [1, 'good'], [3, 'good'], [1, 'info'], [0, 'info']]
    .map(([count, polarity]) => countText(count, polarity)),
  ['0 concerns', '1 concern', '2 concerns', '1 protection', '3 protections', '1 fact', '0 facts']);
});

test('badges carry their description and evidence', () => {
  const [badge] = presentSummary(summaryWith(['location']), TAXONOMY, PAGE).groups[0].badges;
  assert.equal(badge.description, 'Location.');
  assert.deepEqual(badge.evidence, [{ text: 'Sentence about location.\nSecond line.', start: 0, end: 5, section: 'Intro' }]);
});

test('a long page gets a notice, whether the core or the content script cut it', () => {
  const notice = 'This page is very long: only the first 1,234 words were analyzed';
  assert.equal(presentSummary(summaryWith([]), TAXONOMY, PAGE).notice, null);
  assert.equal(presentSummary(summaryWith([], { truncated: true }), TAXONOMY, PAGE).notice, notice);
  assert.equal(presentSummary(summaryWith([]), TAXONOMY, { ...PAGE, capped: true }).notice, notice);
});

test('a page that is not a policy keeps the core reason', () => {
  const model = presentSummary(summaryWith([], { is_policy: false, reason: 'no policy words' }), TAXONOMY, PAGE);
  assert.equal(model.kind, 'not-policy');
  assert.equal(model.reason, 'no policy words');
  assert.equal(model.title, 'example.org');
});

test('hidden groups are left out, and the counts are those of the badges shown', () => {
  const model = presentSummary(summaryWith(['cookies', 'third-party-tracking', 'no-sale']), TAXONOMY,
    { ...PAGE, hiddenGroups: ['tracking'] });
  assert.deepEqual(model.groups.map((g) => g.id), ['sharing']);
  assert.equal(model.countsText, '0 concerns · 1 protection · 0 facts');
});

test('a selection (excerpt) shows its badges even when the core would not call it a policy', () => {
  const model = presentSummary(summaryWith(['no-sale'], { is_policy: false, excerpt: true }), TAXONOMY, PAGE);
  assert.equal(model.kind, 'badges');
  assert.deepEqual(model.groups.map((g) => g.id), ['sharing']);
});

test('badgeView: one shape for the panel and the change section, description from the core', () => {
  assert.deepEqual(badgeView(TAXONOMY.badges[1], [{ text: 'They track.', start: 3, end: 14, section: null }]), {
    id: 'third-party-tracking', label: 'Third-party tracking', group: 'tracking', polarity: 'bad', mark: '✕',
    word: 'concern', description: 'Others track.', evidence: [{ text: 'They track.', start: 3, end: 14, section: null }],
  });
});
