/**
 * The options page (options.html): whether policies are remembered for
 * "Changed since" (turning it off forgets them all), which badge groups the
 * panel shows, the toolbar button's keyboard shortcut, and a link to the
 * History page. The settings live in the background (settings.js), which
 * this page asks through runtime messages; only this page's address may
 * change them.
 */
import { text } from './i18n.js';
import { MessageType } from './messages.js';
import { element, pagesText, request } from './page-dom.js';
import { toolbarShortcut } from './shortcut.js';

const form = document.getElementById('settings');
const remember = document.getElementById('remember');
const groups = document.getElementById('groups');
const status = document.getElementById('status');

/** The settings the page shows now, as the background takes them. */
function chosen() {
  return {
    remember: remember.checked,
    hiddenGroups: [...groups.querySelectorAll('input')].filter((box) => !box.checked).map((box) => box.value),
  };
}

/** Shows a reply's settings: the remember box, and a box per badge group. */
function show({ settings, groups: list }) {
  remember.checked = settings.remember;
  remember.disabled = false;
  groups.replaceChildren(groups.querySelector('legend'), ...list.map(({ id, label }) => {
    const box = element('input', { type: 'checkbox', id: `group-${id}`, value: id });
    box.checked = !settings.hiddenGroups.includes(id);
    return element('p', { class: 'choice' }, [box, element('label', { for: `group-${id}` }, [String(label)])]);
  }));
  form.setAttribute('aria-busy', 'false');
}

/** Sends the settings shown to the background, and says what came of it. */
async function save() {
  const reply = await request({ type: MessageType.SETTINGS_SET, settings: chosen() });
  if (reply.error) {
    status.textContent = text('optionsNotSaved', String(reply.error));
    return;
  }
  show(reply);
  status.textContent = reply.forgotten === undefined
    ? text('optionsSaved')
    : text('optionsSavedForgotten', pagesText(reply.forgotten));
}

form.addEventListener('change', save);
toolbarShortcut().then((keys) => {
  document.getElementById('shortcut').textContent = keys ? text('optionsShortcut', keys) : text('optionsNoShortcut');
});
request({ type: MessageType.SETTINGS_GET }).then((reply) => {
  if (reply.error) {
    status.textContent = text('optionsNotSaved', String(reply.error));
  } else {
    show(reply);
  }
});
