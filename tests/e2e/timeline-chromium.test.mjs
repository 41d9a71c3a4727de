// The chart of `policy-badges timeline --html` in Debian's Chromium. The
// test makes a git repository holding three versions of one policy (with
// the git command: the CLI itself reads it in-process), charts it with the
// release CLI, and opens the page from disk with every target's network
// requests and every console error recorded. The third version carries
// markup in an evidence sentence, which must stay text.
// Run: node --test --test-reporter=tap tests/e2e/timeline-chromium.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { recordNetwork } from './chromium-network.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const ENV = { ...process.env, PATH: `${join(homedir(), '.cargo', 'bin')}:${process.env.PATH}` };
const POLICY_PATH = 'Acme/Privacy Policy.md';
const HOSTILE = 'All data is encrypted in transit using SSL <img src="https://tracker.example/pixel.png" '
  + 'onerror="document.title=`pwned`">.';

/** The policy's versions and their commit dates (UTC). */
const VERSIONS = (() => {
  const v1 = `# Privacy Policy

Acme Widgets respects your privacy. This policy explains what we collect and why.

## Information we collect

We collect your name and email address when you create an account. We use cookies to remember your preferences.

## Sharing

We never sell your personal information to anyone.

## Contact

Questions about this policy can be sent to privacy@acme.example.
`;
  const v2 = v1.replace('We never sell your personal information to anyone.',
    'We may sell your personal information to advertising partners.');
  const v3 = v2.replace('We use cookies to remember your preferences.',
    `We use cookies to remember your preferences. ${HOSTILE}`);
  return [
    { text: v1, date: '2020-01-01T12:00:00Z' },
    { text: v2, date: '2021-06-01T12:00:00Z' },
    { text: v3, date: '2022-03-01T12:00:00Z' },
  ];
})();

let dir;
let browser;
let page;
let network;
let events;
const consoleErrors = [];

/** Commits each version of the policy, dated, into a new repository at `repo`. */
async function makeRepository(repo) {
  await mkdir(join(repo, 'Acme'), { recursive: true });
  const git = (args, date) => execFileSync('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Archive Bot',
      GIT_AUTHOR_EMAIL: 'bot@example.org',
      GIT_COMMITTER_NAME: 'Archive Bot',
      GIT_COMMITTER_EMAIL: 'bot@example.org',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
  git(['init', '--quiet', '--initial-branch=main']);
  for (const [i, { text, date }] of VERSIONS.entries()) {
    await writeFile(join(repo, POLICY_PATH), text);
    git(['add', '--all'], date);
    git(['commit', '--quiet', '--message', `Record version ${i + 1}`], date);
  }
}

/** Builds the release CLI (a no-op after `npm start`) and returns its path. */
function cli() {
  execFileSync('cargo', ['build', '--release', '--quiet', '-p', 'policy-badges-cli'], { cwd: ROOT, env: ENV, stdio: 'inherit' });
  return join(ROOT, 'target/release/policy-badges');
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-badges-timeline-'));
  const repo = join(dir, 'repo');
  await makeRepository(repo);
  const chart = join(dir, 'chart.html');
  const jsonl = execFileSync(cli(), ['timeline', repo, '--path', POLICY_PATH, '--html', chart], { encoding: 'utf8' });
  events = jsonl.trim().split('\n').map((line) => JSON.parse(line));

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  network = await recordNetwork(await browser.newBrowserCDPSession());
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await network.settle();
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(pathToFileURL(chart).href, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  if (dir) {
    await rm(dir, { recursive: true, force: true });
  }
});

/** The badges the history ever had: those of the first version, and those that appeared. */
function badgesEverPresent() {
  return new Set(events.filter((e) => e.change !== 'disappeared').map((e) => e.badge));
}

/** A bar's `left` and `width`, in percent of its track. */
async function barBox(badge) {
  const style = await page.locator(`.row[data-badge="${badge}"] .bar`).first().getAttribute('style');
  const [, left, width] = style.match(/left:([\d.]+)%;width:([\d.]+)%/);
  return { left: Number(left), width: Number(width) };
}

test('the CLI found the changes the chart draws', () => {
  const changes = events.filter((e) => e.change !== 'initial').map((e) => `${e.date.slice(0, 10)} ${e.change} ${e.badge}`);
  assert.ok(changes.includes('2021-06-01 appeared sells-data'), changes.join('\n'));
  assert.ok(changes.includes('2021-06-01 disappeared no-sale'), changes.join('\n'));
  assert.ok(changes.includes('2022-03-01 appeared encryption'), changes.join('\n'));
});

test('one chart with a row per badge the policy ever had, every bar visible', async () => {
  assert.equal(await page.locator('section.file').count(), 1);
  assert.match(await page.locator('section.file h2').innerText(), /^Acme/);
  assert.equal(await page.locator('section.file h2 .doc').innerText(), 'Privacy Policy.md');
  const rows = await page.locator('.row[data-badge]').evaluateAll((nodes) => nodes.map((n) => n.dataset.badge));
  assert.deepEqual(new Set(rows), badgesEverPresent());
  assert.equal(rows.length, badgesEverPresent().size, 'one row each');
  for (const bar of await page.locator('.row[data-badge] .bar').all()) {
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.dataset.title, {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    assert.equal(hit, await bar.getAttribute('data-title'), 'the bar is what a pointer finds there');
    assert.ok(box.width >= 4 && box.height >= 10, `${hit}: a bar of some size`);
  }
  assert.equal(await page.locator('.tick').count(), VERSIONS.length, 'a tick per version');
});

/** Where a commit date sits on the chart's axis, in percent. */
async function axisPercent(date) {
  const axis = page.locator('.axis .track');
  const [start, end] = await Promise.all([axis.getAttribute('data-start'), axis.getAttribute('data-end')]);
  return (100 * (Date.parse(date) / 1000 - Number(start))) / (Number(end) - Number(start));
}

test('bars start and end where the badges came and went', async () => {
  assert.equal(await axisPercent(VERSIONS[0].date), 0, 'the axis starts with the first version');
  const second = await axisPercent(VERSIONS[1].date);
  const third = await axisPercent(VERSIONS[2].date);
  const sells = await barBox('sells-data');
  const noSale = await barBox('no-sale');
  const encryption = await barBox('encryption');
  const near = (a, b) => Math.abs(a - b) < 0.01;
  assert.ok(near(sells.left, second), `sells-data starts on 2021-06-01: ${sells.left} vs ${second}`);
  assert.ok(near(sells.left + sells.width, 100), 'and is still there at the end');
  assert.ok(noSale.left === 0 && near(noSale.width, second), 'no-sale ends where sells-data starts');
  assert.ok(near(encryption.left, third) && third < 99, `encryption comes with the third version, with room to show`);
});

test('hovering a bar shows its evidence, and markup in it stays text', async () => {
  await page.locator('.row[data-badge="encryption"] .bar').hover();
  const tip = page.locator('#tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.locator('strong').innerText(), /^Encrypted in transit: since 2022-03-01$/);
  assert.equal(await tip.locator('q').innerText(), HOSTILE);
  assert.equal(await page.locator('img').count(), 0, 'no element made from policy text');
  assert.notEqual(await page.title(), 'pwned');
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden' });
});

test('the keyboard reaches the bars and their evidence', async () => {
  await page.locator('details.index summary').focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('.row')?.dataset.badge);
  assert.ok(focused, 'a bar has the focus');
  assert.ok(await page.locator('#tip').isVisible());
  await page.keyboard.press('Shift+Tab');
});

test('the filter hides files that do not match', async () => {
  const section = page.locator('section.file');
  await page.locator('#filter').fill('sells-data');
  assert.ok(await section.isVisible());
  await page.locator('#filter').fill('no-such-badge');
  assert.ok(await section.isHidden());
  await page.locator('#filter').fill('');
});

test('screenshots in the light and dark schemes', async () => {
  await page.evaluate(() => document.querySelector('.file details')?.setAttribute('open', ''));
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.locator('.row[data-badge="sells-data"] .bar').hover();
    const name = colorScheme === 'light' ? 'timeline-chart' : 'timeline-chart-dark';
    await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

/** Whether a request left the machine (or would have). */
const overTheNetwork = (url) => /^(https?|wss?|ftp):/i.test(url);

test('the page loads nothing, runs no blocked code and logs no error', async () => {
  await network.settle();
  const pageUrl = page.url();
  const fromPage = network.requests.filter((r) => r.targetType === 'page');
  assert.ok(fromPage.some((r) => r.url === pageUrl), `the recording saw the chart load: ${JSON.stringify(fromPage)}`);
  assert.deepEqual(fromPage.filter((r) => r.url !== pageUrl), [], 'the page fetched nothing but itself');
  assert.deepEqual(network.requests.filter((r) => overTheNetwork(r.url)), [], 'nothing went over the network');
  assert.deepEqual(consoleErrors, [], 'no error, no CSP refusal');
  const html = await readFile(fileURLToPath(pageUrl), 'utf8');
  assert.ok(html.includes(
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">',
  ));
});
