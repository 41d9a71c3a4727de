/*
 * Content script, part 7 of 7: the controller. The background calls
 * `policyBadges.controller.toggle(config)` on every click of the toolbar
 * button (see ../inject.js): it opens the panel, sends the page's text to the
 * background for analysis and shows the result, or closes the panel.
 */
(() => {
  'use strict';

  const ns = globalThis.policyBadges;
  const { api, page } = ns;
  const { element, on } = ns.dom;

  const COULD_NOT_ANALYZE = "Policy Badges couldn't analyze this page";

  /** Set while the panel is open. */
  let session = null;

  /**
   * @typedef {object} Config  sent by the background on every click
   * @property {string} css  the panel's stylesheet
   * @property {number} maxChars  the most text to extract
   * @property {{ANALYZE: string, OPEN_URL: string, OPEN_HISTORY: string}} types
   *   message types (../messages.js)
   */

  /**
   * Opens the panel, or closes it when it is open.
   * @param {Config} config
   */
  function toggle(config) {
    if (session) {
      close();
    } else {
      open(config);
    }
  }

  function open(config) {
    const current = { returnFocusTo: page.activeElement(), panel: null, extraction: null };
    session = current;
    current.panel = ns.createPanel({ css: config.css, title: location.hostname || 'This page', onClose: close });
    current.panel.showLoading();
    analyze(current, config).catch((error) => {
      if (session === current) {
        current.panel.showMessage(COULD_NOT_ANALYZE, error.message);
      }
    });
  }

  /** Extracts the page's text, has the background analyze it, and shows the result. */
  async function analyze(current, config) {
    await afterNextPaint(); // the panel shows before a long page's extraction
    if (session !== current) {
      return;
    }
    current.extraction = ns.extractText(page.body() ?? page.documentElement(), {
      maxChars: config.maxChars,
      skip: current.panel.host,
    });
    if (!/\S/.test(current.extraction.text)) {
      current.panel.showMessage('This page has no text to analyze');
      return;
    }
    const reply = await requestAnalysis(config, current.extraction);
    if (session !== current) {
      return; // closed while the core was working
    }
    if (reply.error) {
      current.panel.showMessage(COULD_NOT_ANALYZE, reply.error);
    } else if (reply.model.kind === 'not-policy') {
      current.panel.showNotPolicy(reply.model, ns.findPolicyLink(document), (url) => {
        api.runtime.sendMessage({ type: config.types.OPEN_URL, url });
      });
    } else {
      showResult(current, config, reply);
    }
  }

  /**
   * Shows the badges, below the "Changed since" section when the policy
   * changed since the last visit (changes.js), with a History button.
   */
  function showResult(current, config, reply) {
    const onEvidence = (evidence) => showEvidence(current, evidence);
    const historyButton = element('button', {
      type: 'button', class: 'secondary', title: 'Open the History page in a new tab',
    }, ['History']);
    on(historyButton, 'click', () => openHistory(current, config));
    current.panel.showBadges(reply.model, {
      onEvidence,
      onCopy: () => copySummary(current, reply.markdown),
      lead: reply.change ? [ns.changeSection(reply.change, onEvidence)] : [],
      buttons: [historyButton],
    });
    if (reply.change) {
      current.panel.setStatus(`${reply.change.heading}. Found ${reply.model.countsText}`, { visible: false });
    }
  }

  /**
   * Has the background open the History page in a new tab. The history is
   * never shown in the page: a page can reach into the panel's shadow tree
   * (Firefox hands it to window.find() and the selection), and must not
   * learn which other sites were analyzed.
   */
  async function openHistory({ panel }, config) {
    let reply;
    try {
      reply = await api.runtime.sendMessage({ type: config.types.OPEN_HISTORY });
    } catch (error) {
      reply = { error: error.message };
    }
    if (session?.panel === panel) {
      panel.setStatus(reply?.opened ? 'History opened in a new tab.' : "Couldn't open the history.");
    }
  }

  /**
   * Resolves once the browser has painted a frame (rAF, then a task), or
   * after 100 ms if it paints none (a tab in the background).
   */
  function afterNextPaint() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, 100);
    });
  }

  /**
   * The background's answer: `{model, markdown, change}` or `{error}`. Asked
   * on a port of its own rather than with runtime.sendMessage: if the page
   * goes away during the analysis, the port just closes, where a pending
   * sendMessage promise would be settled in an unloaded page (Firefox logs
   * that as an error), and the background knows the page is gone.
   */
  function requestAnalysis(config, extraction) {
    const noAnswer = { error: 'No answer from the extension.' };
    return new Promise((resolve) => {
      try {
        const port = api.runtime.connect({ name: config.types.ANALYZE });
        port.onMessage.addListener((reply) => {
          resolve(reply ?? noAnswer);
          port.disconnect();
        });
        port.onDisconnect.addListener(() => {
          void api.runtime.lastError; // read, so Chrome does not report it as unchecked
          resolve(noAnswer);
        });
        // eslint-disable-next-line no-restricted-properties -- a runtime.Port's, not a window's
        port.postMessage({ type: config.types.ANALYZE, text: extraction.text, capped: extraction.capped });
      } catch (error) {
        resolve({ error: error.message });
      }
    });
  }

  function close() {
    if (!session) {
      return;
    }
    const { panel, returnFocusTo } = session;
    session = null;
    panel.remove();
    ns.clearEvidence();
    if (returnFocusTo && page.isConnected(returnFocusTo) && returnFocusTo !== page.body()) {
      page.focus(returnFocusTo, { preventScroll: true });
    }
  }

  function showEvidence({ panel, extraction }, evidence) {
    const shown = ns.showEvidence(extraction.segments, evidence.start, evidence.end);
    panel.setStatus({
      shown: 'Highlighted on the page.',
      hidden: 'Highlighted, but this part of the page is hidden (open its section to read it).',
      missing: 'This sentence is no longer on the page.',
    }[shown]);
  }

  async function copySummary({ panel }, markdown) {
    try {
      await navigator.clipboard.writeText(markdown);
      panel.setStatus('Summary copied to the clipboard.');
    } catch {
      panel.showCopyFallback(markdown);
      panel.setStatus("The page doesn't allow copying: the summary is selected below, press Ctrl+C (⌘C on a Mac).");
    }
  }

  ns.controller = Object.freeze({ toggle });
})();
