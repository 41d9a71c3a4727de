/**
 * Reads the Policy Badges panel the way a person sees it, in Chromium: the
 * panel lives in a CLOSED shadow root, out of reach of page scripts and of
 * Playwright's selectors, but a page CDP session's
 * `DOM.getDocument({depth: -1, pierce: true})` includes closed shadow roots.
 */
import { waitFor } from './wait.mjs';

const HOST = 'policy-badges-panel';

/**
 * @typedef {object} PanelNode
 * @property {number} backendNodeId  stable id for CDP calls (clicks)
 * @property {string} name  local name
 * @property {Record<string, string>} attrs
 * @property {PanelNode[]} children  element children
 * @property {string} text  the text of all its descendants, whitespace-collapsed
 *
 * @typedef {object} PanelBadge  the same shape as lib/firefox-panel.mjs's BadgeView
 * @property {string} label
 * @property {string} word  'concern', 'protection' or 'fact'
 * @property {string} polarity  'bad' | 'good' | 'info' (the item's class)
 * @property {string} tag  the visible mark and word, e.g. "✕ concern"
 * @property {boolean} expanded  its toggle's aria-expanded
 * @property {PanelNode} toggle
 * @property {(PanelNode & {text: string})[]} quotes  evidence sentences (buttons), hidden or not;
 *   `text` without the quotation marks
 *
 * @typedef {object} PanelSnapshot
 * @property {string} shadowRootType  'closed' for our panel
 * @property {PanelNode} root  the dialog element
 * @property {string} text
 * @property {(predicate: (node: PanelNode) => boolean) => PanelNode[]} findAll
 * @property {(label: string) => PanelNode|undefined} button  a button by its text or aria-label
 * @property {{label: string, badges: PanelBadge[]}[]} groups
 * @property {PanelBadge[]} badges
 * @property {(label: string) => PanelBadge|undefined} badge  a badge by its label
 */

/**
 * The panel as it is now, or null when the page has none.
 * @param {import('playwright-core').CDPSession} cdp  a CDP session of the page
 * @returns {Promise<PanelSnapshot|null>}
 */
export async function readPanel(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const html = root.children?.find((node) => node.localName === 'html');
  const host = html?.children?.find((node) => node.localName === HOST);
  const shadowRoot = host?.shadowRoots?.[0];
  const dialog = shadowRoot?.children?.find((node) => node.attributes?.includes('dialog'));
  if (!dialog) {
    return null;
  }
  const tree = toPanelNode(dialog);
  const findAll = (predicate) => descendants(tree).filter(predicate);
  const badgesIn = (node) => descendants(node).filter((n) => hasClass(n, 'badge')).map(toBadge);
  return {
    shadowRootType: shadowRoot.shadowRootType,
    root: tree,
    text: tree.text,
    findAll,
    button: (label) => findAll((n) => n.name === 'button' && (n.text === label || n.attrs['aria-label'] === label))[0],
    groups: findAll((n) => n.name === 'section' && hasClass(n, 'group')).map((section) => ({
      label: section.children.find((n) => n.name === 'h3')?.text,
      badges: badgesIn(section),
    })),
    badges: badgesIn(tree),
    badge: (label) => badgesIn(tree).find((badge) => badge.label === label),
  };
}

/**
 * Polls the panel until `predicate` holds for it.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {(panel: PanelSnapshot|null) => boolean} predicate
 * @param {{timeout?: number, what?: string}} [options]
 * @returns {Promise<PanelSnapshot|null>} the snapshot that satisfied the predicate
 */
export function waitForPanel(cdp, predicate, { timeout = 10_000, what = 'the panel' } = {}) {
  return waitFor(() => readPanel(cdp), predicate, {
    timeout,
    interval: 100,
    message: (panel) => `timed out waiting for ${what}; panel text: ${panel?.text ?? '(no panel)'}`,
  });
}

/**
 * Clicks a panel element with the mouse, like a person: scrolls it into
 * view, then presses at the centre of its box. The click lands on whatever
 * is on top there, so it also proves the panel is visible and on top.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {PanelNode} node
 */
export async function clickNode(page, cdp, node) {
  const { backendNodeId } = node;
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
  const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId });
  if (!quads?.length) {
    throw new Error(`<${node.name}> "${node.text}" has no box on screen`);
  }
  const [x1, y1, , , x3, y3] = quads[0];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/**
 * Calls a function on a panel element, with the element as `this`, in the
 * page's main world (where the page's own scripts run).
 * @param {import('playwright-core').CDPSession} cdp
 * @param {PanelNode} node
 * @param {string} functionDeclaration  source text, e.g. 'function () { return this.id; }'
 * @returns {Promise<unknown>} what the function returned, by value
 */
export async function callOnNode(cdp, node, functionDeclaration) {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration, returnByValue: true });
  return result.value;
}

function toPanelNode(node) {
  const attrs = {};
  for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2) {
    attrs[node.attributes[i]] = node.attributes[i + 1];
  }
  const texts = [];
  const children = [];
  for (const child of node.children ?? []) {
    if (child.nodeType === 3) {
      texts.push(child.nodeValue);
    } else if (child.nodeType === 1 && child.localName !== 'style') {
      const element = toPanelNode(child);
      children.push(element);
      texts.push(element.text);
    }
  }
  const text = texts.join(' ').replace(/\s+/g, ' ').trim();
  return { backendNodeId: node.backendNodeId, name: node.localName, attrs, children, text };
}

/**
 * A node and all its element descendants, in document order.
 * @param {PanelNode} node
 * @returns {PanelNode[]}
 */
export function descendants(node) {
  return [node, ...node.children.flatMap(descendants)];
}

/**
 * Whether a node's class list holds `name`.
 * @param {PanelNode} node
 * @param {string} name
 * @returns {boolean}
 */
export function hasClass(node, name) {
  return (node.attrs.class ?? '').split(/\s+/).includes(name);
}

function toBadge(item) {
  const toggle = descendants(item).find((n) => hasClass(n, 'badge-toggle'));
  const tag = descendants(toggle).find((n) => hasClass(n, 'tag'))?.text ?? '';
  return {
    label: descendants(toggle).find((n) => hasClass(n, 'label'))?.text,
    word: tag.slice(tag.lastIndexOf(' ') + 1),
    polarity: ['bad', 'good', 'info'].find((p) => hasClass(item, p)),
    tag,
    expanded: toggle.attrs['aria-expanded'] === 'true',
    toggle,
    quotes: descendants(item).filter((n) => hasClass(n, 'quote')).map((n) => ({ ...n, text: n.text.slice(1, -1) })),
  };
}

/**
 * The DevTools node id of the first element `selector` matches in the
 * panel's (closed) shadow tree, or null when there is none.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} selector
 * @returns {Promise<number|null>}
 */
async function panelQuery(cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const html = root.children?.find((node) => node.localName === 'html');
  const shadowRoot = html?.children?.find((node) => node.localName === HOST)?.shadowRoots?.[0];
  if (!shadowRoot) {
    return null;
  }
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadowRoot.nodeId, selector });
  return nodeId || null;
}

/**
 * The computed values of some CSS properties of the first element
 * `selector` matches in the panel.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} selector
 * @param {string[]} properties
 * @returns {Promise<Record<string, string>>}
 */
export async function panelStyles(cdp, selector, properties) {
  const nodeId = await panelQuery(cdp, selector);
  if (nodeId === null) {
    throw new Error(`nothing in the panel matches ${selector}`);
  }
  const { object } = await cdp.send('DOM.resolveNode', { nodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: 'function (names) { const style = getComputedStyle(this); ' +
      'return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)])); }',
    arguments: [{ value: properties }],
    returnByValue: true,
  });
  return result.value;
}

/**
 * The border box of the first element `selector` matches in the panel, in
 * the viewport (CSS px).
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} selector
 * @returns {Promise<{x: number, y: number, width: number, height: number}>}
 */
export async function panelRect(cdp, selector) {
  const nodeId = await panelQuery(cdp, selector);
  if (nodeId === null) {
    throw new Error(`nothing in the panel matches ${selector}`);
  }
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
  const [x1, y1, , , x3, y3] = model.border;
  return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
}

/**
 * An attribute of the first element `selector` matches in the panel, or
 * null when it has none.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} selector
 * @param {string} name
 * @returns {Promise<string|null>}
 */
export async function panelAttribute(cdp, selector, name) {
  const nodeId = await panelQuery(cdp, selector);
  if (nodeId === null) {
    throw new Error(`nothing in the panel matches ${selector}`);
  }
  const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
  const at = attributes.findIndex((value, i) => i % 2 === 0 && value === name);
  return at < 0 ? null : attributes[at + 1];
}
