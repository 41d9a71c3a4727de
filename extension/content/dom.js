/**
 * The content script's DOM helpers (the panel is built with them) and the
 * readers the other modules read the page's DOM with. Part of the content
 * script bundle (main.js), which runs in the page's isolated world.
 *
 * Content scripts run in an isolated world, so a page that replaces
 * Element.prototype.attachShadow, Node.prototype.appendChild, JSON.parse or
 * String.prototype.split changes only its own copies. The references are
 * still taken once, here, at injection time, and called through
 * Reflect.apply, so the panel never depends on what those globals hold later.
 *
 * What an isolated world does NOT shield is the DOM's named properties
 * (Chrome shows them to content scripts; Firefox's Xrays hide them): an
 * element with id="browser" is `window.browser`, and an
 * <input name="nodeType"> makes its form's `nodeType` that input. So the
 * extension's API is taken only from the global's own properties, and page
 * nodes are read through the prototypes' own getters (`page` below), which
 * named properties cannot shadow.
 *
 * Page text only ever enters the panel as text nodes: nothing here parses HTML.
 */
const { apply } = Reflect;
const { entries, freeze, getOwnPropertyDescriptor, hasOwn } = Object;
const getter = (prototype, name) => getOwnPropertyDescriptor(prototype, name)?.get;
const doc = document;
const createElement = Document.prototype.createElement;
const createTextNode = Document.prototype.createTextNode;
const adoptNode = Document.prototype.adoptNode;
const getImplementation = getter(Document.prototype, 'implementation');
const createHTMLDocument = DOMImplementation.prototype.createHTMLDocument;
const appendChild = Node.prototype.appendChild;
const replaceChildren = Element.prototype.replaceChildren;
const removeElement = Element.prototype.remove;
const setAttribute = Element.prototype.setAttribute;
const attachShadow = Element.prototype.attachShadow;
const addEventListener = EventTarget.prototype.addEventListener;

// Readers of page nodes.
const getBody = getter(Document.prototype, 'body');
const getDocumentElement = getter(Document.prototype, 'documentElement');
const getActiveElement = getter(Document.prototype, 'activeElement');
const getSelection = Document.prototype.getSelection;
const querySelectorAll = Document.prototype.querySelectorAll;
const getElementsByTagName = Document.prototype.getElementsByTagName;
const getLength = getter(HTMLCollection.prototype, 'length');
const getNodeType = getter(Node.prototype, 'nodeType');
const getChildNodes = getter(Node.prototype, 'childNodes');
const getParentNode = getter(Node.prototype, 'parentNode');
const getParentElement = getter(Node.prototype, 'parentElement');
const getIsConnected = getter(Node.prototype, 'isConnected');
const getLocalName = getter(Element.prototype, 'localName');
const getAttribute = Element.prototype.getAttribute;
const getContentDocument = getter(HTMLIFrameElement.prototype, 'contentDocument');
const getTitle = getter(Document.prototype, 'title');
const getShadowRoot = getter(Element.prototype, 'shadowRoot');
const getShadowHost = getter(ShadowRoot.prototype, 'host');
const scrollIntoView = Element.prototype.scrollIntoView;
const focusHtml = HTMLElement.prototype.focus;
const focusSvg = globalThis.SVGElement?.prototype.focus;
const { ELEMENT_NODE } = Node;

/**
 * The WebExtension API: Firefox's `browser`, else Chrome's `chrome`.
 * Only own properties of the content script's global count: a page
 * element with id="browser" is a named property of the window, which
 * Chrome shows to content scripts as `globalThis.browser`.
 */
export const api = hasOwn(globalThis, 'browser') ? globalThis.browser : globalThis.chrome;

/** Firefox's chrome-only getter (Chrome has `api.dom.openOrClosedShadowRoot` instead). */
const getOpenOrClosedShadowRoot = getter(Element.prototype, 'openOrClosedShadowRoot');

/**
 * A text node holding `value` verbatim.
 * @param {string} value
 * @returns {Text}
 */
function text(value) {
  return apply(createTextNode, doc, [String(value)]);
}

/**
 * A new element with attributes and children (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, string|number|boolean>} [attributes]
 * @param {(Node|string)[]} [children]
 * @returns {HTMLElement}
 */
export function element(tag, attributes = {}, children = []) {
  const node = apply(createElement, doc, [tag]);
  for (const [name, value] of entries(attributes)) {
    apply(setAttribute, node, [name, String(value)]);
  }
  append(node, children);
  return node;
}

/**
 * Appends children (strings become text nodes) to a node.
 * @param {Node} parent
 * @param {(Node|string)[]} children
 */
export function append(parent, children) {
  for (const child of children) {
    apply(appendChild, parent, [typeof child === 'string' ? text(child) : child]);
  }
}

/**
 * Replaces an element's children.
 * @param {Element} parent
 * @param {(Node|string)[]} children
 */
export function replace(parent, children) {
  apply(replaceChildren, parent, []);
  append(parent, children);
}

/**
 * Sets one attribute.
 * @param {Element} node
 * @param {string} name
 * @param {string|number|boolean} value
 */
export function attr(node, name, value) {
  apply(setAttribute, node, [name, String(value)]);
}

/**
 * Removes an element from the document.
 * @param {Element} node
 */
export function remove(node) {
  apply(removeElement, node, []);
}

/**
 * Listens for events a person causes. Events a script dispatches
 * (`isTrusted` false), the page's included, are ignored: a page that got
 * hold of a panel element could not press its buttons with
 * `dispatchEvent(new MouseEvent('click'))` or `element.click()`. A click
 * by mouse, keyboard or assistive technology is trusted.
 * @param {EventTarget} target
 * @param {string} type
 * @param {(event: Event) => void} listener
 */
export function on(target, type, listener) {
  apply(addEventListener, target, [type, (event) => {
    if (event.isTrusted) {
      listener(event);
    }
  }]);
}

/** The inert document hosts are made in, made on first use. */
let inert = null;

/**
 * A new element holding a closed shadow root: the page cannot reach what
 * is inside. The element is made, and its shadow root attached, in an
 * inert document (one without a window, where no custom element is
 * defined) and only then adopted by the page's document. So a page that
 * defines a custom element of the same name gets no say: its constructor
 * does not run before the shadow root is attached (it could attach one of
 * its own first, or, through `attachInternals()`, read ours from
 * `ElementInternals.shadowRoot`); if it upgrades the element once it is in
 * the page, ours is already there and not "available to element internals".
 * @param {string} tag
 * @returns {{host: HTMLElement, shadow: ShadowRoot}}  the host is not in the page yet
 */
export function shadowHost(tag) {
  inert ??= apply(createHTMLDocument, apply(getImplementation, doc, []), ['']);
  const host = apply(createElement, inert, [tag]);
  const shadow = apply(attachShadow, host, [{ mode: 'closed' }]);
  apply(adoptNode, doc, [host]);
  return { host, shadow };
}

/**
 * The page's DOM, read through getters and methods taken from the
 * prototypes at injection time (see the top of this file).
 */
export const page = freeze({
  /** @returns {HTMLElement|null} */
  body: () => apply(getBody, doc, []),
  /** @returns {Element|null} */
  documentElement: () => apply(getDocumentElement, doc, []),
  /** @returns {string} the document's title, trimmed */
  title: () => apply(getTitle, doc, []).trim(),
  /** @returns {Element|null} */
  activeElement: () => apply(getActiveElement, doc, []),
  /** @returns {Selection|null} */
  selection: () => apply(getSelection, doc, []),
  /** @param {string} selectors  @returns {NodeList} elements of the document */
  querySelectorAll: (selectors) => apply(querySelectorAll, doc, [selectors]),
  /** @returns {number} how many elements the document holds */
  elementCount: () => apply(getLength, apply(getElementsByTagName, doc, ['*']), []),
  /** @param {Node} node  @returns {number} */
  nodeType: (node) => apply(getNodeType, node, []),
  /** @param {Node} node  @returns {NodeList} */
  childNodes: (node) => apply(getChildNodes, node, []),
  /** @param {Node} node  @returns {Element|null} */
  parentElement: (node) => apply(getParentElement, node, []),
  /** @param {Element} element  @param {string} name  @returns {string|null} */
  attribute: (element, name) => apply(getAttribute, element, [name]),
  /**
   * The document of an iframe the content script may read (same origin as
   * the page), else null.
   * @param {HTMLIFrameElement} frame
   * @returns {Document|null}
   */
  frameDocument: (frame) => {
    try {
      return apply(getContentDocument, frame, []) ?? null;
    } catch {
      return null;
    }
  },
  /** @param {Node} node  @returns {boolean} */
  isConnected: (node) => apply(getIsConnected, node, []),
  /** @param {Node} node  @returns {string|null} an element's local name, null for other nodes */
  localName: (node) => (apply(getNodeType, node, []) === ELEMENT_NODE ? apply(getLocalName, node, []) : null),
  /**
   * A node's parent, or a shadow root's host: the way up across shadow roots.
   * @param {Node} node
   * @returns {Node|null}
   */
  parentOrHost: (node) => apply(getParentNode, node, []) ?? (node instanceof ShadowRoot ? apply(getShadowHost, node, []) : null),
  /**
   * An element's shadow root, open or closed (content scripts may see closed ones).
   * @param {Element} element
   * @returns {ShadowRoot|null}
   */
  shadowRoot: (element) => {
    const open = apply(getShadowRoot, element, []);
    if (open) {
      return open;
    }
    if (api.dom?.openOrClosedShadowRoot) {
      return api.dom.openOrClosedShadowRoot(element) ?? null; // Chrome
    }
    return getOpenOrClosedShadowRoot ? apply(getOpenOrClosedShadowRoot, element, []) ?? null : null; // Firefox
  },
  /** @param {Element} element  @param {ScrollIntoViewOptions} options */
  scrollIntoView: (element, options) => apply(scrollIntoView, element, [options]),
  /**
   * Moves the focus to an HTML or SVG element; false when it cannot take it.
   * @param {Element} element
   * @param {FocusOptions} options
   * @returns {boolean}
   */
  focus: (element, options) => {
    for (const focus of [focusHtml, focusSvg]) {
      try {
        apply(focus, element, [options]);
        return true;
      } catch {
        // Not an element of that kind: try the next.
      }
    }
    return false;
  },
});

