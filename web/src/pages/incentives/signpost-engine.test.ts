import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIncentiveRules } from '../../../../src/modules/incentives/incentive-data.ts';
import { factCatalogue, outcome } from './signpost-engine.ts';
import en from '../../i18n/locales/en/incentives.json';

// The browser's questionnaire logic over the bundled Flemish rules.
const rules = readIncentiveRules(path.resolve(import.meta.dirname, '../../../../data/flanders'));
const date = '2026-11-29';

describe('signpost outcome', () => {
  it('asks a citizen first about the facts that decide the most, and never about employer facts', () => {
    const o = outcome(rules, 'person', {}, new Set(), date);
    expect(o.deciding[0]).toBe('person.employmentStatus');
    expect(o.results.every((r) => r.beneficiary === 'person' && r.status === 'undetermined')).toBe(true);
    expect(o.deciding.some((f) => f.startsWith('employer.'))).toBe(false);
  });

  it('skips what the user does not know, and moves on to the next most useful fact', () => {
    const o = outcome(rules, 'person', {}, new Set(['person.employmentStatus']), date);
    expect(o.deciding).not.toContain('person.employmentStatus');
    expect(o.deciding.length).toBeGreaterThan(0);
  });

  it('gives an employer the KMO-portefeuille and the federal training days of one full-time employee', () => {
    const facts = {
      employer: { headcount: 25, turnoverEur: 3_000_000, balanceTotalEur: 2_000_000, region: 'flanders' as const, naceCode: '62.01', legalForm: 'bv' as const, publicParticipation: 0, jointCommittee: '124' },
      training: { costEur: 1000, theme: 'digitalisation' as const, providerRegisteredKmo: true },
    };
    const o = outcome(rules, 'employer', facts, new Set(), date);
    expect(o.results.map((r) => r.incentive).sort()).toEqual(['federaal-opleidingsrecht', 'kmo-portefeuille']);
    const federal = o.results.find((r) => r.incentive === 'federaal-opleidingsrecht')!;
    expect(federal.status).toBe('eligible');
    expect(federal.days).toBeGreaterThan(0);
    // without a headcount the obligation waits for it, asked as the employer's fact
    const open = outcome(rules, 'employer', {}, new Set(), date);
    expect([...open.deciding, ...open.refining]).toContain('employer.headcount');
    expect([...open.deciding, ...open.refining].some((f) => f.startsWith('person.'))).toBe(false);
  });

  it('has a question and a label in the locale files for every fact the engine can ask', () => {
    const facts = en.incentives.facts as Record<string, Record<string, { question: string; label: string; options?: Record<string, string> }>>;
    for (const [pathName, info] of factCatalogue) {
      const [entity, key] = pathName.split('.') as [string, string];
      const entry = facts[entity]?.[key];
      expect(entry?.question, pathName).toBeTruthy();
      expect(entry?.label, pathName).toBeTruthy();
      for (const v of info.values ?? []) expect(entry?.options?.[v], `${pathName}=${v}`).toBeTruthy();
    }
  });
});
