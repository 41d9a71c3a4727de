/**
 * The panel a person sees. It lives in a closed shadow root on a host
 * element in the top layer (a manual popover), styled only by its own sheet
 * (../theme.css and ../panel.css, bundled into the content script as text),
 * so the page can neither restyle it nor read it. Every string from the page
 * or the policy goes in as a text node.
 */
import themeCss from '../theme.css';
import panelCss from '../panel.css';
import { append, attr, element, on, page, remove, replace, shadowHost } from './dom.js';
import { t } from './texts.js';

/** The panel's sheet: the palette and rules it shares with the extension's pages, then its own. */
const PANEL_CSS = `${themeCss}\n${panelCss}`;

/**
 * @typedef {object} Panel
 * @property {Element} host  the element in the page that holds the panel
 * @property {() => void} showLoading
 * @property {(message: string, detail?: string) => void} showMessage
 * @property {(model: object, actions: {onEvidence: Function, onCopy: Function, lead?: Node[], buttons?: Node[]}) => void} showBadges
 *   `lead`: shown above the badges (the history's change section); `buttons`: more buttons in the foot
 * @property {(model: object, link: {url: string, label: string}|null, onOpenLink: Function) => void} showNotPolicy
 * @property {(markdown: string) => void} showCopyFallback
 * @property {(message: string, options?: {visible?: boolean}) => void} setStatus  says
 *   `message` in the live status line; `visible: false` says it to screen readers only
 * @property {() => void} remove
 */

/**
 * Adds the panel to the page, shows it in its loading state and moves the
 * keyboard focus into it.
 * @param {{title: string, closeTitle: string, onClose: () => void}} options
 *   the site's name; the close button's tooltip; called on Escape or the
 *   close button
 * @returns {Panel}
 */
export function createPanel({ title, closeTitle, onClose }) {
  const { host, shadow } = shadowHost('policy-badges-panel');
  adoptStyle(shadow, PANEL_CSS);

  const heading = element('h2', { class: 'title' }, [title]);
  const counts = element('p', { class: 'counts' });
  const closeButton = element('button', {
    type: 'button', class: 'close', 'aria-label': t('panelCloseLabel'), title: closeTitle,
  }, ['×']);
  const body = element('div', { class: 'body' });
  const foot = element('div', { class: 'foot', hidden: '' });
  const status = element('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const dialog = element('div', {
    class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-label': dialogLabel(title), tabindex: '-1',
  }, [
    element('div', { class: 'head' }, [
      element('div', { class: 'heading' }, [
        element('p', { class: 'eyebrow' }, [t('panelEyebrow')]),
        heading,
        counts,
      ]),
      closeButton,
    ]),
    body,
    foot,
    status,
  ]);
  on(closeButton, 'click', onClose);
  on(dialog, 'keydown', (event) => {
    event.stopPropagation(); // keys typed in the panel are not the page's shortcuts
    if (event.key === 'Escape') {
      onClose();
    }
  });
  append(shadow, [dialog]);
  append(page.documentElement(), [host]);
  showInTopLayer(host);
  dialog.focus({ preventScroll: true });

  let copyBox = null;
  const setTitle = (site) => {
    heading.textContent = site;
    attr(dialog, 'aria-label', dialogLabel(site));
  };
  const setStatus = (message, { visible = true } = {}) => {
    status.classList.toggle('visually-hidden', !visible);
    status.textContent = message;
  };

  return {
    host,

    showLoading() {
      const message = t('panelAnalyzing');
      attr(dialog, 'aria-busy', 'true');
      replace(body, [element('p', { class: 'message' }, [message])]);
      setStatus(message, { visible: false });
    },

    showMessage(message, detail) {
      replace(body, [
        element('p', { class: 'message' }, [message]),
        ...(detail ? [element('p', { class: 'reason' }, [detail])] : []),
      ]);
      setStatus(message, { visible: false });
      attr(dialog, 'aria-busy', 'false');
    },

    showBadges(model, { onEvidence, onCopy, lead = [], buttons = [] }) {
      setTitle(model.title);
      counts.textContent = model.countsText;
      replace(body, [
        ...noticeOf(model),
        ...lead,
        ...(model.groups.length > 0
          ? model.groups.map((group) => groupSection(group, onEvidence))
          : [element('p', { class: 'message' }, [t('panelNoBadges')])]),
      ]);
      const copyButton = element('button', { type: 'button', class: 'secondary' }, [t('panelCopy')]);
      on(copyButton, 'click', onCopy);
      replace(foot, [copyButton, ...buttons]);
      foot.hidden = false;
      setStatus(t('panelFound', model.countsText), { visible: false });
      attr(dialog, 'aria-busy', 'false'); // last: the result is all there
    },

    showNotPolicy(model, link, onOpenLink) {
      setTitle(model.title);
      const offer = [];
      if (link) {
        const openButton = element('button', { type: 'button', class: 'primary' }, [t('panelOpenPolicy')]);
        on(openButton, 'click', () => onOpenLink(link.url));
        offer.push(openButton, element('p', { class: 'link-target' }, [t('panelLinkTarget', link.label, link.url)]));
      }
      const message = t('panelNotPolicy');
      replace(body, [
        element('p', { class: 'message' }, [message]),
        element('p', { class: 'reason' }, [model.reason]),
        ...noticeOf(model),
        ...offer,
      ]);
      setStatus(message, { visible: false });
      attr(dialog, 'aria-busy', 'false');
    },

    showCopyFallback(markdown) {
      copyBox ??= element('textarea', { class: 'copy-fallback', readonly: '', 'aria-label': t('panelCopyBox') });
      copyBox.value = markdown;
      append(foot, [copyBox]);
      copyBox.focus();
      copyBox.select();
    },

    setStatus,

    remove() {
      remove(host);
    },
  };
}

function dialogLabel(site) {
  return t('panelLabel', site);
}

/** The panel's sheet, parsed once for every panel of the page. */
let panelSheet = null;

/** The panel's stylesheet in its shadow root: adopted, or a <style> where adopting fails. */
function adoptStyle(shadow, css) {
  try {
    if (!panelSheet) {
      panelSheet = new CSSStyleSheet();
      panelSheet.replaceSync(css);
    }
    shadow.adoptedStyleSheets = [panelSheet];
    if (shadow.adoptedStyleSheets.length === 1) {
      return;
    }
  } catch {
    // Some content-script sandboxes cannot hand their sheets to the page.
  }
  append(shadow, [element('style', {}, [css])]);
}

/** Puts the host in the top layer, above anything the page stacks, where supported. */
function showInTopLayer(host) {
  if (typeof host.showPopover !== 'function') {
    return;
  }
  attr(host, 'popover', 'manual');
  try {
    host.showPopover();
  } catch {
    // Stays a fixed element at the highest z-index.
  }
}

function noticeOf(model) {
  return model.notice ? [element('p', { class: 'notice', role: 'note' }, [model.notice])] : [];
}

function groupSection(group, onEvidence) {
  const headingId = `pb-group-${group.id}`;
  return element('section', { class: 'group', 'aria-labelledby': headingId }, [
    element('h3', { id: headingId }, [group.label]),
    element('ul', { class: 'badges' }, group.badges.map((badge) => badgeItem(badge, onEvidence))),
  ]);
}

function badgeItem(badge, onEvidence) {
  const evidenceId = `pb-evidence-${badge.id}`;
  const toggle = element('button', {
    type: 'button', class: 'badge-toggle', 'aria-expanded': 'false', 'aria-controls': evidenceId,
  }, [
    element('span', { class: 'label' }, [badge.label]),
    badgeTag(badge),
    element('span', { class: 'chevron', 'aria-hidden': 'true' }),
  ]);
  const evidence = element('div', { class: 'evidence', id: evidenceId, hidden: '' }, [
    element('p', { class: 'description' }, [badge.description]),
    element('ul', { class: 'quotes' }, badge.evidence.map((item) => quoteItem(item, onEvidence))),
  ]);
  on(toggle, 'click', () => {
    const expand = toggle.getAttribute('aria-expanded') !== 'true';
    attr(toggle, 'aria-expanded', expand);
    evidence.hidden = !expand;
  });
  return element('li', { class: `badge ${badge.polarity}` }, [toggle, evidence]);
}

function quoteItem(item, onEvidence) {
  return element('li', {}, [
    quoteButton(item, onEvidence),
    ...(item.section ? [element('span', { class: 'section' }, [t('panelInSection', item.section)])] : []),
  ]);
}

/**
 * A badge's polarity as a tag: its mark (hidden from screen readers, which
 * read the word) and its word, e.g. "✕ concern". Also used by changes.js.
 * @param {{mark: string, word: string}} badge
 * @returns {HTMLElement}
 */
export function badgeTag(badge) {
  return element('span', { class: 'tag' }, [
    element('span', { 'aria-hidden': 'true' }, [`${badge.mark} `]),
    String(badge.word),
  ]);
}

/**
 * A sentence of the page as it is now: a button that shows it on the page.
 * Also used by changes.js.
 * @param {{text: string}} item  an evidence sentence
 * @param {(item: object) => void} onEvidence  highlights it on the page
 * @returns {HTMLElement}
 */
export function quoteButton(item, onEvidence) {
  const quote = element('button', { type: 'button', class: 'quote', title: t('panelShowSentence') }, [
    t('panelQuote', item.text),
  ]);
  on(quote, 'click', () => onEvidence(item));
  return quote;
}
