// The toolbar click (extension/click.js) against a fake browser: a refused
// script injection is tried again while the tab still shows the clicked
// page, reported as "can't read this page" only when it stays refused, and
// forgotten when the tab has left the page.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { getMessage } from './fake-i18n.mjs';

const PAGE = 'https://example.org/privacy';

/** What the fake browser was asked, and how it answers. */
const browser = {
  refusals: 0,
  injected: false,
  toggles: 0,
  attempts: 0,
  asks: 0,
  badges: [],
  /** What the last click asked of the content script. */
  request: null,
  tab: { status: 'complete', url: PAGE },
  updateListeners: new Set(),
};

globalThis.chrome = {
  runtime: {
    getURL: (path) => `chrome-extension://fake/${path}`,
  },
  i18n: { getMessage },
  commands: { getAll: async () => [] },
  scripting: {
    async executeScript({ files }) {
      browser.attempts++;
      if (browser.refusals > 0) {
        browser.refusals--;
        throw new Error('Cannot access contents of the page.');
      }
      assert.deepEqual(files, ['extension/content.js']);
      browser.injected = true;
      return [{ result: undefined }];
    },
    async insertCSS() {},
  },
  tabs: {
    async sendMessage(tabId, message, { frameId }) {
      browser.asks++;
      assert.deepEqual([message.type, frameId], ['panel', 0]);
      if (!browser.injected) {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      browser.toggles++;
      browser.request = message.request;
      return true;
    },
    async get() {
      if (browser.tab === null) {
        throw new Error('No tab with id 1');
      }
      return { id: 1, ...browser.tab };
    },
    onUpdated: {
      addListener: (listener) => browser.updateListeners.add(listener),
      removeListener: (listener) => browser.updateListeners.delete(listener),
    },
  },
  action: {
    async setBadgeText({ text }) {
      browser.badges.push(text);
    },
    async setBadgeBackgroundColor() {},
    async setTitle() {},
    async setPopup() {},
    async openPopup() {},
  },
};

const { handleClick } = await import('../../extension/click.js');
const { forgetTab } = await import('../../extension/inject.js');
const CLICKED = { id: 1, windowId: 1, url: PAGE };
const TOGGLE = { action: 'toggle', closeTitle: 'Close (Esc)' };

beforeEach(() => {
  forgetTab(1);
  Object.assign(browser, {
    refusals: 0, injected: false, toggles: 0, attempts: 0, asks: 0, badges: [], request: null, tab: { status: 'complete', url: PAGE },
  });
  browser.updateListeners.clear();
});

/** Finishes the tab's load, at `url`, as tabs.onUpdated reports it. */
function finishLoading(url) {
  browser.tab = { status: 'complete', url };
  for (const listener of [...browser.updateListeners]) {
    listener(1, { status: 'complete' });
  }
}

test('a click on an open page injects the content script and opens the panel', async () => {
  await handleClick(CLICKED, TOGGLE);
  assert.equal(browser.toggles, 1);
  assert.deepEqual(browser.badges, []);
});

test('a page\'s first click injects at once; the next click only asks the content script', async () => {
  await handleClick(CLICKED, TOGGLE);
  assert.deepEqual([browser.attempts, browser.asks], [1, 1], 'the script, then the request');
  await handleClick(CLICKED, TOGGLE);
  assert.deepEqual([browser.attempts, browser.asks], [1, 2], 'the request alone');
  assert.equal(browser.toggles, 2);
  forgetTab(1); // the tab loads another page
  browser.injected = false;
  await handleClick(CLICKED, TOGGLE);
  assert.deepEqual([browser.attempts, browser.asks], [2, 3]);
});

test('the content script gets what the click asks for', async () => {
  const request = { action: 'open', closeTitle: 'Close (Esc)', selection: 'We sell your data.' };
  await handleClick(CLICKED, request);
  assert.deepEqual(browser.request, { ...request, url: PAGE }, 'with the address of the page clicked');
});

test('an injection refused right after the click is tried again, and the panel opens', async () => {
  browser.refusals = 2;
  await handleClick(CLICKED, TOGGLE);
  assert.equal(browser.toggles, 1);
  assert.deepEqual(browser.badges, [], 'no "can\'t read this page"');
});

test('a page that stays refused gets "!" once the tries are used up', async () => {
  browser.refusals = Infinity;
  await handleClick(CLICKED, TOGGLE);
  assert.equal(browser.attempts, 4, 'the click and three more tries');
  assert.deepEqual(browser.badges, ['!']);
});

test('a refused click whose tab left the page, or closed, is dropped without a word', async () => {
  browser.refusals = Infinity;
  browser.tab = { status: 'complete', url: undefined }; // another page, which activeTab does not cover
  await handleClick(CLICKED, TOGGLE);
  browser.tab = null;
  await handleClick(CLICKED, TOGGLE);
  assert.equal(browser.attempts, 2, 'no more tries');
  assert.deepEqual(browser.badges, []);
});

test('a refusal while the tab is loading waits for the load to end before judging', async () => {
  browser.refusals = 1;
  browser.tab = { status: 'loading', url: PAGE };
  const click = handleClick(CLICKED, TOGGLE);
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(browser.toggles, 0, 'still waiting');
  finishLoading(PAGE);
  await click;
  assert.equal(browser.toggles, 1, 'the same page, loaded: the panel opens');

  forgetTab(1); // a new load of the page: no content script in it
  Object.assign(browser, { refusals: Infinity, attempts: 0, injected: false, tab: { status: 'loading', url: PAGE } });
  const lost = handleClick(CLICKED, TOGGLE);
  await new Promise((resolve) => setTimeout(resolve, 30));
  finishLoading('https://example.org/next');
  await lost;
  assert.equal(browser.attempts, 1, 'a navigation took the page away: no more tries');
  assert.deepEqual(browser.badges, []);
});
