/**
 * What the extension weighs: raw and gzip bytes (zlib level 9, as `gzip -9`)
 * of the wasm module, of wasm-bindgen's JS, of all the JS in dist/ (each file
 * gzipped on its own, then summed), and of each packed zip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url);

/**
 * @typedef {object} Size
 * @property {string} id  wasm, bindgen-js, extension-js, chrome-zip or firefox-zip
 * @property {string} name
 * @property {number} raw  bytes
 * @property {number} gzip  bytes
 * @property {number} [files]  how many files are summed
 */

/**
 * Measures the built extension (dist/) and its zips (build/).
 * @returns {Size[]}
 */
export function measureSizes() {
  const dist = new URL('dist/', ROOT);
  const distJs = readdirSync(dist, { recursive: true })
    .filter((file) => file.endsWith('.js'))
    .sort();
  return [
    sizeOf('wasm', '.wasm (dist/pkg/policy_badges_bg.wasm)', [new URL('pkg/policy_badges_bg.wasm', dist)]),
    sizeOf('bindgen-js', 'wasm-bindgen JS (dist/pkg/policy_badges.js)', [new URL('pkg/policy_badges.js', dist)]),
    sizeOf('extension-js', `all extension JS (${distJs.length} .js files in dist/)`, distJs.map((file) => new URL(file, dist))),
    sizeOf('chrome-zip', 'build/policy-badges-chrome.zip', [new URL('build/policy-badges-chrome.zip', ROOT)]),
    sizeOf('firefox-zip', 'build/policy-badges-firefox.zip', [new URL('build/policy-badges-firefox.zip', ROOT)]),
  ];
}

/** Raw and gzip bytes of some files, summed. */
function sizeOf(id, name, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return files.length > 1 ? { id, name, raw, gzip, files: files.length } : { id, name, raw, gzip };
}
