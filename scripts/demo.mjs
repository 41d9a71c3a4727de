#!/usr/bin/env node
// The end of `npm start`: shows the main job on a bundled real policy with
// the CLI, then says where the built extension is and how to load it.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const policy = 'tests/fixtures/seeds/codesector-2018.md';

console.log(`\n== Demo: policy-badges analyze --format text ${policy}\n`);
execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'policy-badges', '--', 'analyze', '--format', 'text', policy], {
  cwd: root,
  stdio: 'inherit',
});

const dist = join(root, 'dist');
const zips = ['build/policy-badges-chrome.zip', 'build/policy-badges-firefox.zip'].filter((z) => existsSync(join(root, z)));
console.log(`
== The extension is built: ${dist}
   Packages: ${zips.join(', ') || '(none found: run npm run build)'}

   Chrome / Chromium: open chrome://extensions, turn on "Developer mode",
     click "Load unpacked" and choose ${dist}
   Firefox: open about:debugging#/runtime/this-firefox, click
     "Load Temporary Add-on..." and choose ${join(dist, 'manifest.json')}
     (or run: npx web-ext run -s dist)

   Then open a privacy policy and click the Policy Badges toolbar icon.
   Run every test with: npm test
`);
