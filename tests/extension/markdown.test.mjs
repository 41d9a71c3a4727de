import './fake-browser.mjs'; // before the modules that use the browser's i18n
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summaryMarkdown } from '../../extension/markdown.js';
import { presentSummary } from '../../extension/present.js';
import { TAXONOMY, summaryWith } from './fixtures.mjs';

test('the summary has a title, the counts, and badges by group with quoted evidence', () => {
  const model = presentSummary(summaryWith(['cookies', 'third-party-tracking']), TAXONOMY, { title: 'example.org', capped: true });
  assert.equal(summaryMarkdown(model, 'https://example.org/privacy'), [
    '# Privacy policy badges: example.org',
    '',
    '<https://example.org/privacy>',
    '',
    '1 concern · 0 protections · 1 fact',
    '',
    '_This page is very long: only the first 1,234 words were analyzed._',
    '',
    '## Tracking',
    '',
    '- ✕ **Third-party tracking** (concern)',
    '  > Sentence about third-party-tracking. Second line.',
    '- i **Uses cookies** (fact)',
    '  > Sentence about cookies. Second line.',
    '',
  ].join('\n'));
});
