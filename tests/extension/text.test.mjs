import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseWhitespace } from '../../extension/text.js';

test('whitespace runs become one space, and the ends are trimmed', () => {
  assert.equal(collapseWhitespace('  We  collect\n\tyour\u00a0location.\r\n'), 'We collect your location.');
  assert.equal(collapseWhitespace(' \n '), '');
  assert.equal(collapseWhitespace('one'), 'one');
});
