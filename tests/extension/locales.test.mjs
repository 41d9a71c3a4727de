// The extension's texts (_locales/en/messages.json) against the code that
// says them: every message the code names exists, and every message is
// named somewhere (the manifest's __MSG_…__, a text() or t() call, a
// data-message attribute, or a table of message names).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url);
const MESSAGES = JSON.parse(readFileSync(new URL('_locales/en/messages.json', ROOT), 'utf8'));

/** The text of every file the extension ships from source, and the manifest. */
function sources() {
  const files = readdirSync(new URL('extension/', ROOT), { recursive: true })
    .filter((name) => /\.(js|html)$/.test(name))
    .map((name) => readFileSync(new URL(`extension/${name}`, ROOT), 'utf8'));
  return [...files, readFileSync(new URL('manifest.json', ROOT), 'utf8')].join('\n');
}

const SOURCE = sources();

test('every message the code names by a literal exists', () => {
  const named = [
    ...SOURCE.matchAll(/\b(?:text|t)\('([A-Za-z0-9_]+)'/g),
    ...SOURCE.matchAll(/data-message="([A-Za-z0-9_]+)"/g),
    ...SOURCE.matchAll(/__MSG_([A-Za-z0-9_]+)__/g),
  ].map((match) => match[1]);
  assert.ok(named.length > 40, `found ${named.length} uses`);
  assert.deepEqual(named.filter((name) => !(name in MESSAGES)), []);
});

test('every message is used', () => {
  const unused = Object.keys(MESSAGES).filter((name) => !new RegExp(`['"_]${name}['"_]`).test(SOURCE));
  assert.deepEqual(unused, []);
});

test('every placeholder of a message is defined, and only those', () => {
  for (const [name, { message, placeholders = {} }] of Object.entries(MESSAGES)) {
    const used = [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1].toLowerCase()).sort();
    assert.deepEqual(used, Object.keys(placeholders).sort(), name);
  }
});
