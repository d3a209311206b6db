import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../platform/config.ts';
import { readPlanData } from './plan.seed.ts';

// The bundled Flemish data must load and hang together: every source id defined, every code known.
describe('data/flanders/plan', () => {
  it('loads, and every reference inside it resolves', async () => {
    const d = await readPlanData(path.join(rootDir, 'data/flanders'));
    expect(d.goals.map((g) => g.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(d.flagships.map((f) => f.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(d.targetGroups).toHaveLength(4);
    expect(d.plan.announcedActionCount).toBe(47);
    expect(d.official.find((o) => o.year === 2022)?.counts).toEqual({ realised: 1, implementing: 27, launching: 9, preparing: 10 });

    const sourceIds = new Set(d.sources.map((s) => s.id));
    const cited = [
      ...d.goals, ...d.flagships, ...d.targetGroups, ...d.stakeholders, ...d.official, ...d.actions,
      ...d.actions.flatMap((a) => a.reports),
    ].flatMap((x) => x.sources);
    expect(cited.filter((id) => !sourceIds.has(id))).toEqual([]);

    const stakeholderIds = new Set(d.stakeholders.map((s) => s.id));
    const statusKeys = new Set(d.statuses.map((s) => s.key));
    const flagshipCodes = new Set(d.flagships.map((f) => f.code));
    for (const a of d.actions) {
      expect(a.stakeholders.filter((s) => !stakeholderIds.has(s.id)), a.reference).toEqual([]);
      for (const r of a.reports) {
        expect(r.year, a.reference).toBeGreaterThanOrEqual(2021);
        expect(r.year, a.reference).toBeLessThanOrEqual(2030);
        if (r.status) expect(statusKeys.has(r.status), `${a.reference} ${r.status}`).toBe(true);
      }
      const f = a.flagship ?? a.flagshipProposal;
      if (f) expect(flagshipCodes.has(f), a.reference).toBe(true);
      // the 47 numbered actions are not in our sources: recorded initiatives carry Koers ids
      expect(a.reference).toMatch(/^K-\d{2}$/);
    }
    expect(new Set(d.actions.map((a) => a.reference)).size).toBe(d.actions.length);
  });
});
