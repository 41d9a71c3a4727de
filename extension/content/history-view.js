/*
 * Content script, the policy history's part (injected after panel.js, before
 * content.js; see CONTENT_FILES in ../inject.js): the "Changed since" section
 * shown above the badges when the page's policy changed since the last visit,
 * and the History view with its "Forget" buttons. The history itself lives in
 * the background (../history.js): this file only asks for it through
 * runtime messages and shows the answers, as text nodes.
 */
(() => {
  'use strict';

  const ns = globalThis.policyBadges;
  const { api } = ns;
  const { element, on, replace } = ns.dom;
  const { isArray } = Array;

  const WORDING_ONLY =
    'Only the wording changed: no badge was added or removed, and every badge rests on the same sentences.';

  /**
   * The lists of the change section: which badges, whether to show their
   * evidence on the page now, and which field holds the sentences they had.
   */
  const CHANGE_LISTS = [
    { key: 'added', heading: 'Added', current: true, old: null },
    { key: 'removed', heading: 'Removed', current: false, old: 'evidence' },
    { key: 'changed', heading: 'Evidence changed', current: true, old: 'before' },
  ];

  /**
   * The "Changed since <date>" section (a ChangeView of ../history.js).
   * @param {object} change
   * @param {(evidence: object) => void} onEvidence  highlights a sentence on the page
   * @returns {HTMLElement}
   */
  function changeSection(change, onEvidence) {
    const headingId = 'pb-changes-heading';
    const lists = CHANGE_LISTS
      .filter(({ key }) => listOf(change[key]).length > 0)
      .map((list) => changeList(list, listOf(change[list.key]), onEvidence));
    return element('section', { class: 'changes', 'aria-labelledby': headingId }, [
      element('h3', { id: headingId, class: 'changes-heading' }, [String(change.heading)]),
      element('p', { class: 'changes-note' }, [String(change.note)]),
      ...(change.wordingOnly ? [element('p', { class: 'changes-none' }, [WORDING_ONLY])] : []),
      ...lists,
    ]);
  }

  function changeList({ key, heading, current, old }, badges, onEvidence) {
    const headingId = `pb-changes-${key}`;
    return element('div', { class: `change-list ${key}` }, [
      element('h4', { id: headingId }, [`${heading} (${badges.length})`]),
      element('ul', { class: 'change-items', 'aria-labelledby': headingId },
        badges.map((badge) => changeItem(badge, { current, old }, onEvidence))),
    ]);
  }

  /** One badge of the change section: its label, and its evidence on demand. */
  function changeItem(badge, { current, old }, onEvidence) {
    const details = [];
    if (current) {
      details.push(element('p', { class: 'change-caption' }, ['Now earned by:']),
        quoteList(listOf(badge.evidence).filter((item) => typeof item?.text === 'string'),
          (item) => quoteButton(item, onEvidence)));
    }
    if (old) {
      const texts = listOf(badge[old]).map((item) => (typeof item === 'string' ? item : item?.text));
      details.push(element('p', { class: 'change-caption' }, ['Used to be earned by:']),
        quoteList(texts.filter((text) => typeof text === 'string'),
          (text) => element('p', { class: 'old-quote' }, [`“${text}”`])));
    }
    const polarity = ['bad', 'good', 'info'].includes(badge.polarity) ? badge.polarity : 'info';
    return element('li', { class: `change-item ${polarity}` }, [
      element('details', {}, [
        element('summary', {}, [
          element('span', { class: 'label' }, [String(badge.label)]),
          element('span', { class: 'tag' }, [
            element('span', { 'aria-hidden': 'true' }, [`${badge.mark} `]),
            String(badge.word),
          ]),
        ]),
        element('div', { class: 'change-evidence' }, details),
      ]),
    ]);
  }

  function quoteList(items, render) {
    const kept = items.filter((item) => (typeof item === 'string' ? item : item.text).length > 0);
    if (kept.length === 0) {
      return element('p', { class: 'old-quote none' }, ['(no sentence kept)']);
    }
    return element('ul', { class: 'quotes' }, kept.map((item) => element('li', {}, [render(item)])));
  }

  /** A sentence of the page as it is now: a button that shows it on the page. */
  function quoteButton(item, onEvidence) {
    const quote = element('button', { type: 'button', class: 'quote', title: 'Show this sentence on the page' }, [
      `“${item.text}”`,
    ]);
    on(quote, 'click', () => onEvidence(item));
    return quote;
  }

  /**
   * The panel's "History" button.
   * @param {() => void} onClick
   * @returns {HTMLButtonElement}
   */
  function historyButton(onClick) {
    const button = element('button', { type: 'button', class: 'secondary' }, ['History']);
    on(button, 'click', onClick);
    return button;
  }

  /**
   * Shows the History view in the panel: the pages analyzed on this device,
   * and the buttons that forget them.
   * @param {object} panel  see panel.js
   * @param {{types: {HISTORY_LIST: string, HISTORY_FORGET: string}, onBack: () => void}} options
   */
  function openHistory(panel, { types, onBack }) {
    const headingId = 'pb-history-heading';
    const heading = element('h3', { id: headingId, class: 'history-heading', tabindex: '-1' }, ['History']);
    const list = element('div', { class: 'history-list' }, [element('p', { class: 'message' }, ['Loading…'])]);
    const siteNote = element('p', { class: 'reason' });
    const forgetSite = element('button', { type: 'button', class: 'secondary' }, ['Forget this site']);
    const forgetAll = element('button', { type: 'button', class: 'secondary danger' }, ['Forget everything']);
    const back = element('button', { type: 'button', class: 'secondary' }, ['Back to badges']);
    on(back, 'click', onBack);

    let busy = false;
    const show = (reply) => {
      if (reply.error) {
        replace(list, [
          element('p', { class: 'message' }, ["Couldn't read the history"]),
          element('p', { class: 'reason' }, [String(reply.error)]),
        ]);
        return;
      }
      const rows = listOf(reply.rows);
      replace(list, rows.length === 0
        ? [element('p', { class: 'message' }, ['No pages remembered.'])]
        : [element('ul', { class: 'history-items', 'aria-labelledby': headingId }, rows.map(historyItem))]);
      replace(siteNote, reply.site ? [`“Forget this site” forgets every page of ${new URL(reply.site).host}.`] : []);
    };
    const forget = async (scope) => {
      if (busy) {
        return;
      }
      busy = true;
      try {
        const reply = await request({ type: types.HISTORY_FORGET, scope });
        show(reply);
        if (!reply.error) {
          const pages = `${reply.forgotten} ${reply.forgotten === 1 ? 'page' : 'pages'}`;
          panel.setStatus(scope === 'all' ? `Forgot everything (${pages}).` : `Forgot ${pages} of this site.`);
        }
      } finally {
        busy = false;
      }
    };
    on(forgetSite, 'click', () => forget('site'));
    on(forgetAll, 'click', () => forget('all'));

    panel.showView({
      nodes: [element('section', { class: 'history', 'aria-labelledby': headingId }, [
        heading,
        element('p', { class: 'reason' }, [
          'Policies analyzed in this browser, kept only on this device, so that Policy Badges can tell you when one changes.',
        ]),
        list,
        element('div', { class: 'history-actions' }, [forgetSite, forgetAll]),
        siteNote,
      ])],
      buttons: [back],
      status: 'History',
      focus: heading,
    });
    request({ type: types.HISTORY_LIST }).then(show);
  }

  function historyItem(row) {
    return element('li', { class: 'history-item' }, [
      element('p', { class: 'history-page' }, [String(row.page)]),
      element('p', { class: 'history-meta' }, [
        `Analyzed ${row.analyzed} · ${row.concernsText} · `,
        element('span', { class: row.changed ? 'history-change changed' : 'history-change' }, [String(row.changeText)]),
      ]),
    ]);
  }

  /** The background's answer to a history message, or `{error}`. */
  async function request(message) {
    try {
      return (await api.runtime.sendMessage(message)) ?? { error: 'No answer from the extension.' };
    } catch (error) {
      return { error: error.message };
    }
  }

  function listOf(value) {
    return isArray(value) ? value : [];
  }

  ns.history = Object.freeze({ changeSection, button: historyButton, open: openHistory });
})();
