// Assembles the extension from manifest.json, _locales/, extension/ and the
// wasm core in pkg/ (made by scripts/build-wasm.sh) into dist/, which both
// browsers load unpacked, then packs it as build/policy-badges-{chrome,firefox}.zip.
// One manifest serves both browsers, so the two zips hold the same files.
//
// The content script is bundled by esbuild from extension/content/main.js
// and the modules it imports (the message types, the panel's stylesheets as
// text) into one classic script, dist/extension/content.js, not minified.
// Its cap on the text it extracts is the core's own (`limits()`, read here
// from pkg/), so no file of the extension states that number.
import { access, copyFile, cp, mkdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import webExt from 'web-ext';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist`;
const BUILD = `${ROOT}build`;
const PKG_FILES = ['pkg/policy_badges.js', 'pkg/policy_badges_bg.wasm'];
const CONTENT_ENTRY = 'extension/content/main.js';
const CONTENT_BUNDLE = 'extension/content.js';
const FIREFOX_ZIP = 'policy-badges-firefox.zip';
const CHROME_ZIP = 'policy-badges-chrome.zip';

/** Throws with a hint when the wasm core has not been built. */
async function checkPkg() {
  for (const file of PKG_FILES) {
    try {
      await access(`${ROOT}${file}`);
    } catch {
      throw new Error(`${file} is missing: run npm run build:wasm first`);
    }
  }
}

/** The core's limits, from the wasm module in pkg/: `{max_input_bytes}`. */
async function coreLimits() {
  const { initSync, limits } = await import(`${ROOT}pkg/policy_badges.js`);
  initSync({ module: await readFile(`${ROOT}pkg/policy_badges_bg.wasm`) });
  return limits();
}

/** Recreates dist/ with exactly the files the extension ships. */
async function assembleDist(maxInputBytes) {
  await rm(DIST, { recursive: true, force: true });
  await mkdir(`${DIST}/pkg`, { recursive: true });
  await copyFile(`${ROOT}manifest.json`, `${DIST}/manifest.json`);
  await cp(`${ROOT}_locales`, `${DIST}/_locales`, { recursive: true });
  await cp(`${ROOT}extension`, `${DIST}/extension`, {
    recursive: true,
    filter: (source) => !source.startsWith(`${ROOT}extension/content`),
  });
  for (const file of PKG_FILES) {
    await copyFile(`${ROOT}${file}`, `${DIST}/${file}`);
  }
  await build({
    entryPoints: [`${ROOT}${CONTENT_ENTRY}`],
    outfile: `${DIST}/${CONTENT_BUNDLE}`,
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    loader: { '.css': 'text' },
    define: { __MAX_INPUT_BYTES__: String(maxInputBytes) },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Packs dist/ into the two zips, manifest.json at their root. */
async function packZips() {
  await mkdir(BUILD, { recursive: true });
  await webExt.cmd.build(
    { sourceDir: DIST, artifactsDir: BUILD, filename: FIREFOX_ZIP, overwriteDest: true },
    { shouldExitProgram: false },
  );
  await copyFile(`${BUILD}/${FIREFOX_ZIP}`, `${BUILD}/${CHROME_ZIP}`);
}

try {
  await checkPkg();
  const { max_input_bytes: maxInputBytes } = await coreLimits();
  await assembleDist(maxInputBytes);
  await packZips();
  console.log(`built ${DIST} (text cap ${maxInputBytes} bytes, from the core), ${BUILD}/${CHROME_ZIP} and ${BUILD}/${FIREFOX_ZIP}`);
} catch (error) {
  console.error(`build-extension: ${error.message}`);
  process.exit(1);
}
