// Assembles the extension from manifest.json, extension/ and the wasm core in
// pkg/ (made by scripts/build-wasm.sh) into dist/, which both browsers load
// unpacked, then packs it as build/policy-badges-{chrome,firefox}.zip.
// One manifest serves both browsers, so the two zips hold the same files.
import { access, copyFile, cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist`;
const BUILD = `${ROOT}build`;
const PKG_FILES = ['pkg/policy_badges.js', 'pkg/policy_badges_bg.wasm'];
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

/** Recreates dist/ with exactly the files the extension ships. */
async function assembleDist() {
  await rm(DIST, { recursive: true, force: true });
  await mkdir(`${DIST}/pkg`, { recursive: true });
  await copyFile(`${ROOT}manifest.json`, `${DIST}/manifest.json`);
  await cp(`${ROOT}extension`, `${DIST}/extension`, { recursive: true });
  for (const file of PKG_FILES) {
    await copyFile(`${ROOT}${file}`, `${DIST}/${file}`);
  }
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
  await assembleDist();
  await packZips();
  console.log(`built ${DIST}, ${BUILD}/${CHROME_ZIP} and ${BUILD}/${FIREFOX_ZIP}`);
} catch (error) {
  console.error(`build-extension: ${error.message}`);
  process.exit(1);
}
