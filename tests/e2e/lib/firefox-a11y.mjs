// Reads and clicks what a person sees in the selected tab through Firefox's
// accessibility tree, read from the browser's chrome context.
//
// Why the accessibility tree: the extension's panel lives in a CLOSED shadow
// root, which WebDriver content scripts cannot enter
// (`openOrClosedShadowRoot` is chrome-only, and with Fission the page runs in
// another process than the chrome context). The parent process does hold the
// page's accessibility tree, shadow content included; it is also what a
// screen reader announces, and it leaves out what is hidden (`hidden`,
// `display: none`), so a collapsed badge's evidence is not "seen".
//
// Gotchas:
// - Asking for the accessibility service starts accessibility in every
//   process; the first read after that (or right after a page load) is often
//   empty, so callers retry (`waitForPanel`).
// - Firefox shuts accessibility down again once nothing holds the service
//   (seen as an empty read every ~10 s, after a garbage collection): the
//   snapshot script keeps it alive on the browser window.
// - Bounds come in screen CSS px; a point in the page is a bound minus the
//   bounds of the tab's document accessible. Bounds ignore clipping: a badge
//   scrolled out of the panel's own scroll box still has "visible" bounds, so
//   clicks first scroll the node into view (`nsIAccessible.scrollTo`, which
//   runs asynchronously in the page's process) and wait for it to settle.
// - Reading a huge page's whole tree is slow (~26,000 nodes: 1 s per read),
//   so the panel is searched for in the browser and only its subtree is sent.
// - A block's text is split into one text leaf per inline run ("we share ",
//   "<mark>data</mark>", "."), so leaves are glued back per block (see
//   `linesOf`) instead of being joined with spaces.

import { waitFor } from '../wait.mjs';
import { clickAt, inChrome } from './firefox-driver.mjs';

/**
 * @typedef {object} AccessibleNode
 * @property {number} depth   0 for the tab's document; in a read of one
 *   subtree (see `readAccessibles`), 1 for that subtree's root
 * @property {number} parent  index of the parent node, -1 for the document
 * @property {number[]} path  child indexes leading to it from the document
 * @property {string} role    Firefox's role name: 'document', 'text leaf',
 *   'pushbutton', 'heading', 'link', 'dialog', 'region', 'statusbar', ...
 * @property {string} name    accessible name ('' when none)
 * @property {boolean | null} expanded  for expandable nodes, whether expanded
 * @property {boolean} busy   still being updated (`aria-busy="true"`)
 * @property {{x: number, y: number, width: number, height: number}} bounds
 *   in screen CSS px
 *
 * @typedef {object} AccessibleQuery  what to look for; omitted parts match anything
 * @property {string | string[]} [role]  role name(s)
 * @property {string} [name]  the exact accessible name
 *
 * @typedef {object} SubtreeQuery  a node found in the browser itself: plain strings only
 * @property {string} role
 * @property {string} [name]  exact accessible name
 */

/**
 * Start of every chrome-context script here: `service`, and `doc`, the
 * selected tab's document accessible (undefined while not ready).
 */
const DOCUMENT_PRELUDE = `
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  // Held by the window: once no one holds the service, Firefox shuts
  // accessibility down, and the next read starts it again and finds nothing.
  win.policyBadgesAccessibility ??=
    Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
  const service = win.policyBadgesAccessibility;
  const doc = service.getAccessibleFor(win.gBrowser.selectedBrowser)?.firstChild;
`;

/**
 * Chrome-context script: the selected tab's document accessible and, in
 * document order, either all its descendants or only the subtree of the
 * first node matching `arguments[0]` (a SubtreeQuery). Searching here and
 * sending one subtree keeps reads fast on huge pages (a 2.5 MB page has
 * ~26,000 accessibles: 0.1 s to search, 1 s to send them all).
 */
const SNAPSHOT = `${DOCUMENT_PRELUDE}
  if (!doc) return [];
  const query = arguments[0];
  const roleOf = (accessible) => service.getStringRole(accessible.role);
  const matches = (accessible) => roleOf(accessible) === query.role &&
    (query.name == null || accessible.name === query.name);
  const find = (accessible, path) => {
    if (matches(accessible)) return { accessible, path };
    let index = 0;
    for (let child = accessible.firstChild; child; child = child.nextSibling) {
      const found = find(child, [...path, index++]);
      if (found) return found;
    }
    return null;
  };
  const nodes = [];
  const add = (accessible, depth, parent, path) => {
    const [x, y, width, height] = [{}, {}, {}, {}];
    accessible.getBoundsInCSSPixels(x, y, width, height);
    const [state, extraState] = [{}, {}];
    accessible.getState(state, extraState);
    const expandable = (extraState.value & Ci.nsIAccessibleStates.EXT_STATE_EXPANDABLE) !== 0;
    return nodes.push({
      depth,
      parent,
      path,
      role: roleOf(accessible),
      name: accessible.name ?? '',
      expanded: expandable ? (state.value & Ci.nsIAccessibleStates.STATE_EXPANDED) !== 0 : null,
      busy: (state.value & Ci.nsIAccessibleStates.STATE_BUSY) !== 0,
      bounds: { x: x.value, y: y.value, width: width.value, height: height.value },
    }) - 1;
  };
  const addTree = (accessible, depth, parent, path) => {
    const index = add(accessible, depth, parent, path);
    let childIndex = 0;
    for (let child = accessible.firstChild; child; child = child.nextSibling) {
      addTree(child, depth + 1, index, [...path, childIndex++]);
    }
  };
  if (!query) {
    addTree(doc, 0, -1, []);
    return nodes;
  }
  add(doc, 0, -1, []);
  const root = find(doc, []);
  if (root && root.accessible !== doc) addTree(root.accessible, 1, 0, root.path);
  return nodes;
`;

/**
 * Reads the accessibility tree of the selected tab's page.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {SubtreeQuery} [within] read only the document node and the
 *   subtree of the first node matching this (at index 1 when found)
 * @returns {Promise<AccessibleNode[]>} in document order, the document
 *   first; empty while the tree is not ready
 */
async function readAccessibles(driver, within) {
  return /** @type {AccessibleNode[]} */ (await inChrome(driver, SNAPSHOT, within ?? null));
}

/** Roles of inline content: their text belongs to the surrounding block's line. */
const INLINE_ROLES = new Set([
  'text leaf', 'link', 'mark', 'text', 'strong', 'emphasis', 'code',
  'subscript', 'superscript', 'time', 'content deletion', 'content insertion',
]);

/**
 * Indexes of a node and all its descendants (a contiguous run, since the
 * nodes are in document order).
 *
 * @param {AccessibleNode[]} nodes as returned by `readAccessibles`
 * @param {number} root index of the subtree's root
 * @returns {number[]}
 */
export function subtree(nodes, root) {
  let end = root + 1;
  while (end < nodes.length && nodes[end].depth > nodes[root].depth) end++;
  return Array.from({ length: end - root }, (_, offset) => root + offset);
}

/**
 * The first node of a subtree with the given role and name.
 *
 * @param {AccessibleNode[]} nodes as returned by `readAccessibles`
 * @param {AccessibleQuery} query
 * @param {number} [root] search only this node's subtree (default: the document)
 * @returns {number} the node's index, -1 when there is none
 */
export function findAccessible(nodes, { role, name }, root = 0) {
  if (nodes.length === 0) return -1;
  const roles = role === undefined ? null : [role].flat();
  return subtree(nodes, root).find((index) => {
    const node = nodes[index];
    return (!roles || roles.includes(node.role)) &&
      (name === undefined || node.name === name);
  }) ?? -1;
}

/**
 * The text of a subtree as lines, one per block: the text leaves of one block
 * glued together, whitespace collapsed.
 *
 * @param {AccessibleNode[]} nodes as returned by `readAccessibles`
 * @param {number} [root] the subtree's root (default: the document)
 * @returns {string[]}
 */
function linesOf(nodes, root = 0) {
  const blockOf = (index) => {
    let current = index;
    while (current !== root && INLINE_ROLES.has(nodes[current].role)) current = nodes[current].parent;
    return current;
  };
  const lines = [];
  let lastBlock = -1;
  for (const index of nodes.length ? subtree(nodes, root) : []) {
    if (nodes[index].role !== 'text leaf') continue;
    const block = blockOf(index);
    if (block === lastBlock) {
      lines[lines.length - 1] += nodes[index].name;
    } else {
      lines.push(nodes[index].name);
      lastBlock = block;
    }
  }
  return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * @typedef {object} PanelView
 * @property {AccessibleNode[]} nodes  the document, then the panel's subtree
 * @property {number} root  index of the panel's root node, -1 when not shown
 * @property {string[]} lines  the panel's text, one line per block
 * @property {string} text  `lines` joined with newlines
 */

/**
 * Reads the panel of the selected tab, if it is shown.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {SubtreeQuery} panel how to recognise the panel's root node
 * @returns {Promise<PanelView>}
 */
export async function readPanel(driver, panel) {
  const nodes = await readAccessibles(driver, panel);
  const root = nodes.length > 1 ? 1 : -1;
  const lines = root < 0 ? [] : linesOf(nodes, root);
  return { nodes, root, lines, text: lines.join('\n') };
}

/**
 * Waits until the panel is shown, done (not busy) and its text contains
 * every expected string, or until it is gone (`expected: null`).
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {SubtreeQuery} panel how to recognise the panel's root node
 * @param {string[] | null} expected strings the panel must show, or null to wait for it to close
 * @param {{timeout?: number}} [options]
 * @returns {Promise<PanelView>} the last reading
 * @throws {Error} on time-out, quoting the panel's text as last read
 */
export function waitForPanel(driver, panel, expected, { timeout = 15_000 } = {}) {
  const accept = expected === null
    ? (view) => view.root < 0 && view.nodes.length > 0
    : (view) => view.root >= 0 && !view.nodes[view.root].busy &&
      expected.every((part) => view.text.includes(part));
  return waitFor(() => readPanel(driver, panel), accept, {
    timeout,
    message: (view) => (expected === null
      ? `panel still shown after ${timeout} ms; it reads:\n${view.text}`
      : `panel ${view.root < 0 ? 'not shown' : 'busy or lacking some of the expected text'} after ${timeout} ms.\n` +
        `Missing: ${JSON.stringify(expected.filter((part) => !view.text.includes(part)))}\n` +
        `Panel text:\n${view.text || '(none)'}`),
  });
}

/**
 * Chrome-context script: scrolls the accessible at path `arguments[0]` into
 * view, as a person scrolls to what they want to click.
 */
const SCROLL_INTO_VIEW = `${DOCUMENT_PRELUDE}
  let accessible = doc;
  for (const index of arguments[0]) accessible = accessible?.getChildAt(index);
  accessible?.scrollTo(Ci.nsIAccessibleScrollType.SCROLL_TYPE_ANYWHERE);
`;

/**
 * Chrome-context script: the bounds of the document and of the accessible at
 * path `arguments[0]`, in screen CSS px, or null when either is gone.
 */
const BOUNDS = `${DOCUMENT_PRELUDE}
  let accessible = doc;
  for (const index of arguments[0]) accessible = accessible?.getChildAt(index);
  if (!doc || !accessible) return null;
  const boundsOf = (target) => {
    const [x, y, width, height] = [{}, {}, {}, {}];
    target.getBoundsInCSSPixels(x, y, width, height);
    return { x: x.value, y: y.value, width: width.value, height: height.value };
  };
  return { viewport: boundsOf(doc), target: boundsOf(accessible) };
`;

/**
 * Scrolls a node into view and clicks its middle with the mouse, as a person
 * would.
 *
 * @param {import('./firefox-driver.mjs').WebDriver} driver
 * @param {AccessibleNode[]} nodes as returned by `readAccessibles`
 * @param {number} index the node to click
 * @returns {Promise<void>}
 * @throws {Error} when the node is gone, or its middle stays out of view
 */
export async function clickAccessible(driver, nodes, index) {
  const { path, role, name } = nodes[index];
  await inChrome(driver, SCROLL_INTO_VIEW, path);
  // Scrolling happens in the page's process: wait until the bounds settle.
  let previous = null;
  const { viewport, target } = await waitFor(
    () => inChrome(driver, BOUNDS, path),
    (bounds) => {
      const settled = bounds !== null && JSON.stringify(bounds) === JSON.stringify(previous);
      previous = bounds;
      return settled;
    },
    { timeout: 5_000, interval: 50, message: () => `${role} "${name}" is gone or keeps moving` },
  );
  const point = {
    x: target.x - viewport.x + target.width / 2,
    y: target.y - viewport.y + target.height / 2,
  };
  if (point.x < 0 || point.y < 0 || point.x >= viewport.width || point.y >= viewport.height) {
    throw new Error(`${role} "${name}" is outside the ${viewport.width}×${viewport.height} viewport, ` +
      `at (${point.x}, ${point.y}), even after scrolling to it`);
  }
  await clickAt(driver, point);
}
