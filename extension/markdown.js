/**
 * The "Copy summary" text: the panel's content as Markdown, with every
 * badge's evidence quoted.
 */
import { text } from './i18n.js';
import { collapseWhitespace } from './text.js';

/**
 * A Markdown summary of a panel model.
 * @param {import('./present.js').PanelModel} model
 * @param {string} url  the analyzed page's address
 * @returns {string}
 */
export function summaryMarkdown(model, url) {
  const lines = [`# ${text('markdownTitle', model.title)}`, '', `<${url}>`, '', model.countsText];
  if (model.notice) {
    lines.push('', `_${model.notice}._`);
  }
  for (const group of model.groups) {
    lines.push('', `## ${group.label}`, '');
    for (const badge of group.badges) {
      lines.push(`- ${badge.mark} **${badge.label}** (${badge.word})`);
      for (const evidence of badge.evidence) {
        // On one line, so it stays inside its quote.
        lines.push(`  > ${collapseWhitespace(evidence.text)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
