/**
 * The History page (history.html): the policies analyzed on this device,
 * grouped by site, and the buttons that forget one site or everything. It is
 * an extension page, so no web page can reach its document; the history
 * itself stays in the background (history-service.js), which this page asks
 * through runtime messages. Every string from the history enters the page as
 * a text node.
 */
import { MessageType } from './messages.js';
import { text } from './i18n.js';
import { element, pagesText, request } from './page-dom.js';

const sites = document.getElementById('sites');
const status = document.getElementById('status');
const heading = document.getElementById('history-heading');
const forgetAllButton = document.getElementById('forget-all');

/** Set while a request to forget is under way: one at a time. */
let busy = false;

/** Shows the sites of a reply, or why there are none. */
function show(reply) {
  sites.setAttribute('aria-busy', 'false');
  if (reply.error) {
    sites.replaceChildren(
      element('p', { class: 'message' }, [text('historyUnreadable')]),
      element('p', { class: 'reason' }, [String(reply.error)]),
    );
    return;
  }
  const list = Array.isArray(reply.sites) ? reply.sites : [];
  sites.replaceChildren(...(list.length === 0
    ? [element('p', { class: 'message' }, [text('historyEmpty')])]
    : list.map(siteSection)));
}

/**
 * One site: its origin as a heading, a "Forget this site" button (named
 * after the site too, for screen readers), and its pages.
 */
function siteSection({ origin, rows }, index) {
  const headingId = `site-${index}`;
  const buttonId = `forget-site-${index}`;
  const forgetSite = element('button', {
    type: 'button', class: 'secondary', id: buttonId, 'aria-labelledby': `${buttonId} ${headingId}`,
  }, [text('historyForgetSite')]);
  forgetSite.addEventListener('click', () => forget({ scope: 'site', origin: String(origin) }));
  return element('section', { class: 'site', 'aria-labelledby': headingId }, [
    element('div', { class: 'site-head' }, [
      element('h2', { id: headingId }, [String(origin)]),
      forgetSite,
    ]),
    element('ul', { class: 'pages', 'aria-labelledby': headingId }, (Array.isArray(rows) ? rows : []).map(pageItem)),
  ]);
}

function pageItem(row) {
  return element('li', { class: 'page-item' }, [
    element('p', { class: 'page-address' }, [String(row.page)]),
    element('p', { class: 'page-meta' }, [
      text('historyRowMeta', row.analyzed, row.concernsText),
      element('span', { class: row.changed ? 'change changed' : 'change' }, [String(row.changeText)]),
    ]),
  ]);
}

/**
 * Forgets one site or everything, shows what is left, and says what was
 * forgotten. The focus goes to the page's heading: the button pressed may be
 * gone with its site.
 * @param {{scope: 'all'} | {scope: 'site', origin: string}} what
 */
async function forget(what) {
  if (busy) {
    return;
  }
  busy = true;
  try {
    const reply = await request({ type: MessageType.HISTORY_FORGET, ...what });
    show(reply);
    if (!reply.error) {
      const pages = pagesText(reply.forgotten);
      heading.focus();
      status.textContent = what.scope === 'all' ? text('historyForgotAll', pages) : text('historyForgotSite', pages, what.origin);
    }
  } finally {
    busy = false;
  }
}

forgetAllButton.addEventListener('click', () => forget({ scope: 'all' }));
request({ type: MessageType.HISTORY_LIST }).then(show);
