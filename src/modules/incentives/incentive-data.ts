import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadRuleSet } from './engine/load-rules.ts';
import type { IncentiveRule } from './engine/rule.schema.ts';

// Node side: reads data/<region>/incentives/*.yaml from disk and hands the text to the pure engine.

export function readIncentiveRules(regionDir: string): IncentiveRule[] {
  const dir = path.join(regionDir, 'incentives');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return loadRuleSet(files.map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') })));
}

const outputsExpect = {
  amountEur: z.number().nullable().optional(),
  hours: z.number().nullable().optional(),
  days: z.number().nullable().optional(),
  costToBeneficiaryEur: z.number().nullable().optional(),
};
export const scenarioFileSchema = z
  .object({
    incentive: z.string(),
    scenarios: z
      .array(
        z
          .object({
            name: z.string().min(1),
            source: z.string().optional(),
            date: z.iso.date(),
            facts: z.unknown(),
            expect: z
              .object({
                status: z.enum(['eligible', 'not-eligible', 'undetermined']),
                ...outputsExpect,
                range: z.record(z.string(), z.object({ min: z.number(), max: z.number() }).strict()).optional(),
                /** ids that must be among the deciding conditions */
                deciding: z.array(z.string()).default([]),
                /** the exact set of missing facts, when given */
                missingFacts: z.array(z.string()).optional(),
                unknownParameters: z.array(z.string()).optional(),
              })
              .strict(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ScenarioFile = z.infer<typeof scenarioFileSchema> & { file: string };

/** Scenario files (OpenFisca-style YAML tests); anchors and merge keys (<<) are allowed. */
export function readScenarioFiles(regionDir: string): ScenarioFile[] {
  const dir = path.join(regionDir, 'incentives', 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const raw = parseYaml(readFileSync(path.join(dir, file), 'utf8'), { merge: true }) as unknown;
      const r = scenarioFileSchema.safeParse(raw);
      if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { ...r.data, file };
    });
}
