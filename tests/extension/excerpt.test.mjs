// Finding a selection's sentence in the page's extracted text
// (extension/content/excerpt.js), whatever its spacing and the extraction's
// structure markers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findExcerpt } from '../../extension/content/excerpt.js';

const PAGE = '# Privacy\n## Sharing\n- We share your e-mail address\nwith partners (for ads).\nKept | 30 days\n';

test('a sentence is found across line breaks and spacing', () => {
  const sentence = 'We share your e-mail   address with partners (for ads).';
  const found = findExcerpt(PAGE, sentence);
  assert.equal(PAGE.slice(found.start, found.end), 'We share your e-mail address\nwith partners (for ads).');
});

test('markers between words are skipped, and the match never starts on one', () => {
  const found = findExcerpt(PAGE, 'Sharing We share');
  assert.equal(PAGE.slice(found.start, found.end), 'Sharing\n- We share');
  assert.equal(PAGE.slice(findExcerpt(PAGE, 'Kept 30 days').start).startsWith('Kept'), true);
});

test('a sentence that is not on the page, or no words at all: null', () => {
  assert.equal(findExcerpt(PAGE, 'We sell your data.'), null);
  assert.equal(findExcerpt(PAGE, '   '), null);
  assert.equal(findExcerpt(PAGE, 'ads).*'), null, 'regular expression characters are literal');
});
