import type { Ranking } from '../../api/indicator-types.ts';

export type RankingBar = {
  key: string;
  label: string;
  value: number;
  kind: 'region' | 'home' | 'reference';
  rank: number | null;
};

/**
 * The bars of the ranking chart: every ranked region in rank order, with each reference (EU-27, the
 * country and its regions) slotted in where its value would rank, so it reads as a marker in the list.
 */
export function rankingBars(ranking: Pick<Ranking, 'rows' | 'references'>, referenceLabel: (name: string) => string): RankingBar[] {
  const bars: RankingBar[] = ranking.rows.map((row) => ({
    key: row.geo,
    label: row.name ?? row.geo,
    value: row.value,
    kind: row.highlighted ? 'home' : 'region',
    rank: row.rank,
  }));
  // Rows come ranked; whether high is first follows from the rows themselves.
  const descending = (ranking.rows[0]?.value ?? 0) >= (ranking.rows.at(-1)?.value ?? 0);
  const rankedCodes = new Set(bars.map((bar) => bar.key));
  for (const reference of ranking.references) {
    if (reference.value === null) continue;
    const value = reference.value;
    const bar: RankingBar = {
      key: rankedCodes.has(reference.geo) ? `ref:${reference.geo}` : reference.geo,
      label: referenceLabel(reference.name ?? reference.geo),
      value,
      kind: 'reference',
      rank: null,
    };
    const at = bars.findIndex((other) => other.kind !== 'reference' && (descending ? other.value < value : other.value > value));
    bars.splice(at === -1 ? bars.length : at, 0, bar);
  }
  return bars;
}
