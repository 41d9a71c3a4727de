/**
 * How the panel, its "Changed since" section and the History page look, in
 * both browsers: computed styles that must hold (lists drawn as plain
 * stacks of framed badges, not bulleted, indented lists), and screenshots
 * compared with the reference images committed in reference/, with a small
 * tolerance. Each browser reads the styles and takes the screenshots its
 * own way, and hands them here.
 *
 * A reference image is written, instead of compared, when the test runs
 * with UPDATE_REFERENCES=1 (after a change of the look, checked by eye).
 * Otherwise a missing reference fails. On a mismatch, the screenshot and a
 * diff image are left in screenshots/ as <name>-actual.png and
 * <name>-diff.png.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const REFERENCE = new URL('./reference/', import.meta.url);
const SCREENSHOTS = new URL('./screenshots/', import.meta.url);

/**
 * The share of pixels that may differ from the reference (after the
 * per-pixel colour threshold and anti-aliasing are allowed for): enough for
 * a changed digit of a date, far from a row shifted by a bullet.
 */
const TOLERANCE = 0.005;

/**
 * @typedef {{x: number, y: number, width: number, height: number}} Rect  CSS px (device pixel ratio 1)
 */

/**
 * Checks a screenshot against the reference image of that name.
 * @param {string} name  e.g. 'chromium-panel-light' (reference/<name>.png)
 * @param {Buffer} png  the screenshot
 * @param {{masks?: Rect[]}} [options]  areas left out of the comparison, in
 *   the screenshot's own coordinates (text that changes from run to run:
 *   dates, the test server's port)
 */
export function assertLooksLike(name, png, { masks = [] } = {}) {
  const reference = new URL(`${name}.png`, REFERENCE);
  if (process.env.UPDATE_REFERENCES === '1') {
    writeFileSync(reference, png);
    return;
  }
  assert.ok(existsSync(reference), `no reference image ${name}.png: run with UPDATE_REFERENCES=1 and check it by eye`);
  const expected = PNG.sync.read(readFileSync(reference));
  const actual = PNG.sync.read(png);
  const keep = () => writeFileSync(new URL(`${name}-actual.png`, SCREENSHOTS), png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    keep();
    assert.fail(`${name}: ${actual.width}×${actual.height}, the reference is ${expected.width}×${expected.height}`);
  }
  const { width, height } = actual;
  const diff = new PNG({ width, height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, width, height, {
    threshold: 0.1,
    ignoreMask: maskOf(masks, width, height),
  });
  const ratio = differing / (width * height);
  if (ratio > TOLERANCE) {
    keep();
    writeFileSync(new URL(`${name}-diff.png`, SCREENSHOTS), PNG.sync.write(diff));
    assert.fail(`${name}: ${differing} pixels (${(ratio * 100).toFixed(2)}%) differ from the reference ` +
      `(at most ${TOLERANCE * 100}%): see screenshots/${name}-diff.png`);
  }
}

/** One byte per pixel, non-zero inside the masks. */
function maskOf(masks, width, height) {
  const mask = new Uint8Array(width * height);
  for (const { x, y, width: w, height: h } of masks) {
    for (let row = Math.max(0, Math.floor(y)); row < Math.min(height, Math.ceil(y + h)); row++) {
      mask.fill(1, row * width + Math.max(0, Math.floor(x)), row * width + Math.min(width, Math.ceil(x + w)));
    }
  }
  return mask;
}

/**
 * A rectangle in the coordinates of a screenshot clipped to `clip`.
 * @param {Rect} rect  in the viewport
 * @param {Rect} clip  in the viewport
 * @returns {Rect}
 */
export function within(rect, clip) {
  return { x: rect.x - clip.x, y: rect.y - clip.y, width: rect.width, height: rect.height };
}

/**
 * The computed styles the panel's lists and badge rows must have, by
 * selector in the panel's shadow tree: badge, quote and change lists are
 * plain stacks (no marker, no indent, no frame); each badge row is framed,
 * with its polarity's thick left border; evidence is indented by padding,
 * in the body's colour.
 */
export const PANEL_STYLES = Object.freeze({
  '.badges': { 'list-style-type': 'none', 'padding-left': '0px', 'margin-top': '0px', 'border-top-width': '0px' },
  '.badge': { 'border-left-width': '4px', 'border-top-width': '1px', 'padding-left': '0px' },
  '.badge-toggle': { display: 'flex' },
  '.evidence': { 'padding-left': '12px', 'font-size': '14px' },
  '.evidence .quotes': { 'list-style-type': 'none', 'padding-left': '0px', 'border-top-width': '0px' },
  '.description': { 'font-size': '12px' },
});

/** The same for the "Changed since" section's lists. */
export const CHANGE_STYLES = Object.freeze({
  '.change-items': { 'list-style-type': 'none', 'padding-left': '0px', 'margin-top': '0px', 'border-top-width': '0px' },
  '.change-item': { 'border-left-width': '4px', 'border-top-width': '1px' },
});

/**
 * Checks styles read from the panel against what they must be.
 * @param {Record<string, Record<string, string>>} expected  PANEL_STYLES or CHANGE_STYLES
 * @param {(selector: string, properties: string[]) => Promise<Record<string, string>>} read
 *   the computed values of the first element `selector` matches in the panel
 */
export async function assertStyles(expected, read) {
  for (const [selector, properties] of Object.entries(expected)) {
    const actual = await read(selector, Object.keys(properties));
    assert.deepEqual(actual, properties, `computed style of ${selector}`);
  }
}

/**
 * The part of a screenshot inside `rect` (rounded to whole pixels).
 * @param {Buffer} png
 * @param {Rect} rect  in the screenshot
 * @returns {Buffer}
 */
export function crop(png, rect) {
  const source = PNG.sync.read(png);
  const x = Math.max(0, Math.round(rect.x));
  const y = Math.max(0, Math.round(rect.y));
  const width = Math.min(source.width - x, Math.round(rect.width));
  const height = Math.min(source.height - y, Math.round(rect.height));
  const out = new PNG({ width, height });
  PNG.bitblt(source, out, x, y, width, height, 0, 0);
  return PNG.sync.write(out);
}

/**
 * The panel host's box in the viewport, as the page sees it (the host is the
 * page's element; what it holds is not).
 * @param {<T>(fn: () => T) => Promise<T>} inPage
 * @returns {Promise<Rect>}
 */
export async function panelBox(inPage) {
  return inPage(() => {
    const { x, y, width, height } = document.querySelector('policy-badges-panel').getBoundingClientRect();
    return { x, y, width, height };
  });
}

/**
 * Checks the "Changed since" section as shown: the computed styles of its
 * lists, and a screenshot against the reference image (its dated heading
 * and note left out).
 * @param {{browserName: string, panelStyles: Function, panelRect: Function, panelScreenshot: Function}} session
 */
export async function assertChangeSectionLooks({ browserName, panelStyles, panelRect, panelScreenshot }) {
  await assertStyles(CHANGE_STYLES, panelStyles);
  const { png, clip } = await panelScreenshot('.changes');
  const masks = [];
  for (const selector of ['.changes-heading', '.changes-note']) {
    masks.push(await panelRect(selector)); // one at a time: each DevTools read renumbers the nodes
  }
  assertLooksLike(`${browserName}-change`, png, { masks: masks.map((rect) => within(rect, clip)) });
}

/**
 * Checks the History page as shown against the reference image, what
 * changes from run to run left out: the test server's port in the
 * addresses, and the dates.
 * @param {string} browserName
 * @param {{png: Buffer, clip: Rect}} shot  the page's main element
 * @param {Rect[]} variable  the boxes of its origins, addresses and dates
 */
export function assertHistoryPageLooks(browserName, { png, clip }, variable) {
  assertLooksLike(`${browserName}-history-page`, png, { masks: variable.map((rect) => within(rect, clip)) });
}

/** The History page's elements whose text changes from run to run. */
export const HISTORY_PAGE_VARIABLE = Object.freeze(['h2', '.page-address', '.page-meta']);
