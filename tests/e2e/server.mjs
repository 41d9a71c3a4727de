/**
 * The local web server the end-to-end tests (Chromium and Firefox) browse:
 * fixture pages on 127.0.0.1 at a random port.
 *
 * Routes:
 * - `/seed/<name>`        a seed policy (tests/fixtures/seeds/<name>.md) as HTML
 * - `/strict-csp/<name>`  the same, under `Content-Security-Policy: default-src 'none'; script-src 'none'`
 * - `/hostile/<name>`     the same, with pages/hostile.js fighting extensions
 * - `/framed/<name>`      a short page holding the same in a same-origin iframe
 * - `/fixture/<case>`     tests/fixtures/pages/<case>/page.html, as it is
 * - `/huge`               a policy repeated to about 2.5 MB of text
 * - `/pages/<file>`       a hand-written page from tests/e2e/pages/
 * - `/privacy`            a switchable page (see `setPage`), codesector-2012 at first
 * - anything given to `setPage`
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { marked } from 'marked';

const SEEDS_DIR = new URL('../fixtures/seeds/', import.meta.url);
const PAGES_DIR = new URL('./pages/', import.meta.url);
const FIXTURES_DIR = new URL('../fixtures/pages/', import.meta.url);
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/i;
const STRICT_CSP = "default-src 'none'; script-src 'none'";
const HUGE_REPEATS = 550;
const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * @typedef {{seed: string} | {file: string} | {html: string}} PageSpec
 *   a seed policy by name, a file of tests/e2e/pages/, or literal HTML
 *
 * @typedef {object} TestServer
 * @property {(path: string) => string} url  the absolute URL of a path on the server
 * @property {(path: string) => string} otherSiteUrl  the same, on another site:
 *   localhost, another origin than 127.0.0.1
 * @property {(url: string) => boolean} serves  whether a URL is the server's, on either site
 * @property {(path: string, page: PageSpec) => void} setPage  serves `page` at
 *   `path` from now on (e.g. switch `/privacy` from one policy version to the next)
 * @property {() => Promise<void>} close
 */

/**
 * Starts the server on 127.0.0.1 at a free port.
 * @returns {Promise<TestServer>}
 */
export async function startServer() {
  const pages = new Map([['/privacy', { seed: 'codesector-2012' }]]);
  const server = createServer((request, response) => {
    respond(request, pages).then(
      ({ status = 200, headers = {}, body }) => {
        response.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
        response.end(body);
      },
      (error) => {
        const status = error.code === 'ENOENT' ? 404 : 500;
        response.writeHead(status, { 'Content-Type': 'text/plain' });
        response.end(String(error));
      },
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const url = (path) => `http://127.0.0.1:${port}${path}`;
  const otherSiteUrl = (path) => `http://localhost:${port}${path}`;
  return {
    url,
    otherSiteUrl,
    serves: (address) => address.startsWith(url('/')) || address.startsWith(otherSiteUrl('/')),
    setPage: (path, page) => pages.set(path, page),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The response for one request. */
async function respond(request, pages) {
  const { pathname } = new URL(request.url, 'http://localhost');
  if (pages.has(pathname)) {
    return servePage(pages.get(pathname));
  }
  const [, route, name] = pathname.match(/^\/([a-z-]+)\/([^/]+)$/) ?? [];
  if (name && !SAFE_NAME.test(name)) {
    return notFound();
  }
  switch (route ?? pathname) {
    case 'seed':
      return html(await seedPage(name));
    case 'strict-csp':
      return html(await seedPage(name), { 'Content-Security-Policy': STRICT_CSP });
    case 'hostile':
      return html(await seedPage(name, '<script src="/pages/hostile.js"></script>'));
    case 'framed':
      return html(document('Framed policy', framePage(`/seed/${name}`)));
    case 'fixture':
      return html(await readFile(new URL(`${name}/page.html`, FIXTURES_DIR)));
    case 'pages':
      return staticFile(name);
    case '/huge':
      return html(await hugePage());
    default:
      return notFound();
  }
}

async function servePage(page) {
  if ('seed' in page) {
    return html(await seedPage(page.seed));
  }
  if ('file' in page) {
    return staticFile(page.file);
  }
  return html(page.html);
}

/**
 * A seed policy (tests/fixtures/seeds/<name>.md) rendered from Markdown to HTML.
 * @param {string} name  the seed's file stem, e.g. 'codesector-2018'
 * @returns {Promise<{title: string, body: string}>} its first `# ` heading
 *   (the name when it has none), and the HTML
 */
export async function seedHtml(name) {
  const markdown = await readFile(new URL(`${name}.md`, SEEDS_DIR), 'utf8');
  return { title: markdown.match(/^# (.+)$/m)?.[1] ?? name, body: marked.parse(markdown) };
}

/** A seed policy rendered from Markdown into a standalone page. */
async function seedPage(name, head = '') {
  const { title, body } = await seedHtml(name);
  return document(title, body, head);
}

/**
 * The body of a page that shows another in an iframe, with a line of its own.
 * @param {string} src  the iframe's address
 * @returns {string}  HTML
 */
export function framePage(src) {
  return `<p>Our policy is shown below.</p>\n<iframe src="${src}" width="900" height="500" title="Policy"></iframe>`;
}

/** One policy repeated until the page holds about 2.5 million characters of text. */
async function hugePage() {
  const { body } = await seedHtml('codesector-2018');
  return document('Privacy Policy (very long)', body.repeat(HUGE_REPEATS));
}

/**
 * A standalone HTML page: the title (escaped), `head` in its head and `body`
 * in its `<main>`.
 * @param {string} title  plain text
 * @param {string} body  HTML
 * @param {string} [head]  HTML
 * @returns {string}
 */
export function document(title, body, head = '') {
  const escapedTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapedTitle}</title>\n${head}\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}

async function staticFile(name) {
  const type = CONTENT_TYPES[extname(name)];
  if (!type) {
    return notFound();
  }
  try {
    return { headers: { 'Content-Type': type }, body: await readFile(new URL(name, PAGES_DIR)) };
  } catch {
    return notFound();
  }
}

function html(body, headers = {}) {
  return { headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body };
}

function notFound() {
  return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'not found' };
}
