/**
 * The same wasm core the extension ships (pkg/), loaded in node, so tests
 * can name badges by id and look up what the panel should call them.
 */
import { readFileSync } from 'node:fs';
import { initSync, limits, taxonomy } from '../../pkg/policy_badges.js';

initSync({ module: readFileSync(new URL('../../pkg/policy_badges_bg.wasm', import.meta.url)) });

/** The core's limits: `{max_input_bytes}`, the most UTF-8 bytes of text it reads. */
export const LIMITS = limits();

/** The core's taxonomy: `{groups: [{id, label}], badges: [{id, label, group, polarity, description}]}`. */
export const TAXONOMY = taxonomy();

/**
 * The panel label of a badge id.
 * @param {string} id
 * @returns {string}
 */
export function labelOf(id) {
  const badge = TAXONOMY.badges.find((b) => b.id === id);
  if (!badge) {
    throw new Error(`unknown badge id ${id}`);
  }
  return badge.label;
}

/**
 * The badge id of a panel label.
 * @param {string} label
 * @returns {string}
 */
export function idOf(label) {
  const badge = TAXONOMY.badges.find((b) => b.label === label);
  if (!badge) {
    throw new Error(`no badge is labelled ${label}`);
  }
  return badge.id;
}
