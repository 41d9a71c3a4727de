#!/usr/bin/env node
// Rewrites the README's badge list from the taxonomy in the core
// (`policy-badges badges`), between the badges:start/end markers. A Rust
// test (crate/core/tests/readme.rs) fails when the README is out of date.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = join(root, 'README.md');
const table = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'policy-badges', '--', 'badges'], {
  cwd: root,
  encoding: 'utf8',
});
const text = readFileSync(readme, 'utf8');
const updated = text.replace(
  /(<!-- badges:start -->\n)[\s\S]*?(<!-- badges:end -->)/,
  (_, start, end) => `${start}${table}${end}`,
);
if (updated === text && !text.includes(table)) {
  throw new Error('README.md has no <!-- badges:start --> ... <!-- badges:end --> section');
}
writeFileSync(readme, updated);
console.log('README.md badge list updated');
