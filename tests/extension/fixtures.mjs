/** A small taxonomy and Summary in the core's shapes, for the glue's unit tests. */

/** Three groups, in display order. */
export const TAXONOMY = {
  groups: [
    { id: 'tracking', label: 'Tracking' },
    { id: 'collection', label: 'Data collected' },
    { id: 'sharing', label: 'Sharing' },
  ],
  badges: [
    { id: 'cookies', label: 'Uses cookies', group: 'tracking', polarity: 'info', description: 'Sets cookies.' },
    { id: 'third-party-tracking', label: 'Third-party tracking', group: 'tracking', polarity: 'bad', description: 'Others track.' },
    { id: 'location', label: 'Collects location', group: 'collection', polarity: 'bad', description: 'Location.' },
    { id: 'no-sale', label: 'Does not sell your data', group: 'sharing', polarity: 'good', description: 'No sale.' },
    { id: 'shares-aggregate', label: 'Shares aggregate data', group: 'sharing', polarity: 'info', description: 'Aggregates.' },
  ],
};

/**
 * A Summary with the given badge ids, in the core's display order (group,
 * then id), one evidence sentence each.
 * @param {string[]} ids
 * @param {object} [fields]  Summary fields to override
 */
export function summaryWith(ids, fields = {}) {
  const groupIndex = (badge) => TAXONOMY.groups.findIndex((g) => g.id === badge.group);
  const badges = TAXONOMY.badges
    .filter((b) => ids.includes(b.id))
    .sort((a, b) => groupIndex(a) - groupIndex(b) || a.id.localeCompare(b.id))
    .map(({ id, label, group, polarity, description }, i) => ({
      id,
      label,
      group,
      polarity,
      description,
      evidence: [{ text: `Sentence about ${id}.\nSecond line.`, start: i * 10, end: i * 10 + 5, section: i === 0 ? 'Intro' : null }],
    }));
  return { is_policy: true, policy_score: 0.9, reason: 'reads like a policy', words: 1234, truncated: false, badges, ...fields };
}
