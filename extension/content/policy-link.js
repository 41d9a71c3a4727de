/**
 * On a page that is not a privacy policy, the link most likely to lead to
 * the site's policy.
 */
import { page } from './dom.js';

/** "Privacy" in the languages policies are commonly written in. */
const PRIVACY_WORDS =
  /privacy|privacid|privacit|privé|datenschutz|confidentialit|data[\s_-]*protection|protección de datos|protection des données|riservatezza|gegevensbescherming|integritet|personvern|prywatno/i;

/** Words that make a privacy link more likely to be the policy itself. */
const POLICY_WORDS = /polic|notice|statement|erklärung|politique|política|politica|hinweis|déclaration|verklaring/i;

/**
 * The best http(s) link to a privacy policy on the page, or null.
 * Links are scored on their text (and aria-label/title) first, then on
 * their path; javascript:, data: and other schemes are never offered.
 * Links are found with page.querySelectorAll (dom.js), which a
 * <form name="querySelectorAll"> cannot replace.
 * @param {Document} doc  the document (its links are those of `page`)
 * @returns {{url: string, label: string} | null}
 */
export function findPolicyLink(doc) {
  const here = withoutHash(doc.location.href);
  let best = null;
  for (const link of page.querySelectorAll('a[href], area[href]')) {
    const url = httpUrl(link.href);
    if (!url || withoutHash(url.href) === here) {
      continue;
    }
    const label = [link.textContent, link.getAttribute('aria-label'), link.getAttribute('title')]
      .filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    const score = (PRIVACY_WORDS.test(label) ? 4 : 0) +
      (PRIVACY_WORDS.test(decodeSafely(url.pathname + url.search)) ? 2 : 0) +
      (POLICY_WORDS.test(label) ? 1 : 0);
    if (score > 1 && score > (best?.score ?? 0)) {
      best = { url: url.href, label: label || url.href, score };
    }
  }
  return best && { url: best.url, label: best.label };
}

/** `href` as a URL when it is http(s), else null. */
function httpUrl(href) {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function withoutHash(href) {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

function decodeSafely(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
