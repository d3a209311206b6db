import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../../platform/config.ts';
import { readIncentiveRules, readScenarioFiles } from '../incentive-data.ts';
import { evaluateIncentive } from './evaluate.ts';
import { validateFacts } from './facts.schema.ts';
import { outputKeys } from './rule.schema.ts';

// Runs every YAML scenario in data/flanders/incentives/scenarios (OpenFisca-style test cases).
const region = path.join(rootDir, 'data/flanders');
const rules = readIncentiveRules(region);
const files = readScenarioFiles(region);

describe('incentive scenarios', () => {
  it('cover every incentive with at least 10 scenarios', () => {
    for (const r of rules) {
      const n = files.filter((f) => f.incentive === r.id).reduce((s, f) => s + f.scenarios.length, 0);
      expect(n, `scenarios for ${r.id}`).toBeGreaterThanOrEqual(10);
    }
  });

  for (const f of files) {
    describe(f.file, () => {
      const rule = rules.find((r) => r.id === f.incentive);
      it.each(f.scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
        const where = `${f.file} › "${s.name}"`;
        expect(rule, `${f.file}: unknown incentive ${f.incentive}`).toBeDefined();
        const input = validateFacts({ referenceDate: s.date, facts: s.facts ?? {} });
        const r = evaluateIncentive(rule!, input.facts, input.referenceDate);
        const seen = `status ${r.status}, explanation [${r.explanation.map((e) => `${e.id}:${e.status}`).join(', ')}], missing [${r.missingFacts.join(', ')}]`;
        expect(r.status, `${where}: ${seen}`).toBe(s.expect.status);
        for (const key of outputKeys) {
          const want = s.expect[key];
          if (want !== undefined) expect(r[key] ?? null, `${where}: ${key} (ranges ${JSON.stringify(r.ranges)})`).toBe(want);
        }
        if (s.expect.range) expect(r.ranges, `${where}: ranges`).toEqual(s.expect.range);
        const deciding = r.explanation.map((e) => e.id);
        for (const id of s.expect.deciding) expect(deciding, `${where}: deciding conditions (${seen})`).toContain(id);
        if (s.expect.missingFacts) expect([...r.missingFacts].sort(), `${where}: missing facts`).toEqual([...s.expect.missingFacts].sort());
        if (s.expect.unknownParameters) expect(r.unknownParameters.map((p) => p.name).sort(), `${where}: unknown parameters`).toEqual([...s.expect.unknownParameters].sort());
        // every explanation line carries text in the three languages
        for (const e of r.explanation) expect(e.text.nl && e.text.fr && e.text.en, `${where}: text of ${e.id}`).toBeTruthy();
      });
    });
  }
});
