import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { rootDir } from '../../platform/config.ts';
import { evaluate, type IncentiveResult } from '../../modules/incentives/engine/evaluate.ts';
import { FactsError, validateFacts } from '../../modules/incentives/engine/facts.schema.ts';
import { RuleFileError } from '../../modules/incentives/engine/load-rules.ts';
import { readIncentiveRules } from '../../modules/incentives/incentive-data.ts';
import { SYNTHETIC_LABEL } from '../../modules/incentives/simulate/population.ts';
import {
  differenceTable, makePopulation, parsePopulationSpec, rulesWithReform, simulate, simulationTable,
} from '../../modules/incentives/simulate/simulate.service.ts';
import { fail } from '../context.ts';

// `koers incentives evaluate` (one profile, the scalar engine with explanations) and
// `koers incentives simulate` (a synthetic population, the vectorised evaluator, optionally a reform).

const today = () => new Date().toISOString().slice(0, 10);
const langs = ['nl', 'fr', 'en'] as const;
type Lang = (typeof langs)[number];

function checkDate(d: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
    fail(`--date: expected a date YYYY-MM-DD (got "${d}")`);
  }
  return d;
}

function rules() {
  const region = process.env.KOERS_REGION || 'flanders';
  try {
    return readIncentiveRules(path.join(rootDir, 'data', region));
  } catch (e) {
    if (e instanceof RuleFileError) fail(`rule files are invalid:\n${e.message}`);
    throw e;
  }
}

/** The shape printed by --json and answered by POST /api/v1/incentives/evaluate. */
function brief(r: IncentiveResult) {
  return {
    incentive: r.incentive,
    status: r.status,
    ...(r.amountEur !== undefined ? { amountEur: r.amountEur } : {}),
    ...(r.hours !== undefined ? { hours: r.hours } : {}),
    ...(r.days !== undefined ? { days: r.days } : {}),
    missingFacts: r.missingFacts,
    explanation: r.explanation,
  };
}

function summary(results: IncentiveResult[], lang: Lang, date: string): string {
  const mark = { eligible: 'YES', 'not-eligible': 'no ', undetermined: '?  ' } as const;
  const lines = [`Reference date ${date}`];
  for (const r of results) {
    const out = (['amountEur', 'hours', 'days'] as const)
      .flatMap((k) => {
        if (r[k] !== undefined) return [`${r[k]} ${r.units[k]}`];
        const range = r.ranges[k];
        return range ? [`${range.min}–${range.max} ${r.units[k]}`] : [];
      })
      .join(', ');
    lines.push('', `${mark[r.status]} ${r.name[lang]} (${r.incentive}): ${r.status}${out ? ` — ${out}` : ''}`);
    for (const e of r.explanation) lines.push(`    ${e.status === 'met' ? '+' : e.status === 'not-met' ? '-' : '?'} ${e.text[lang]}`);
    if (r.missingFacts.length) lines.push(`    still to answer: ${r.missingFacts.join(', ')}`);
    if (r.status === 'eligible') lines.push(`    apply: ${r.apply.url}`);
  }
  return lines.join('\n');
}

export function registerIncentives(program: Command): void {
  const incentives = program.command('incentives').description('Signpost: training incentives — evaluate a profile, simulate a population and reforms');

  incentives
    .command('evaluate')
    .description('which incentives a profile gets, how much and why (the same engine as the web page)')
    .requiredOption('--facts <file.json>', 'JSON facts: {"person": {…}, "employer": {…}, "training": {…}} (see /api/v1/incentives/facts-schema)')
    .option('--date <YYYY-MM-DD>', 'reference date (default: today)')
    .option('--lang <lang>', 'language of the readable summary: nl, fr or en', 'en')
    .option('--json', 'print a JSON array of {incentive, status, amountEur?, hours?, days?, missingFacts, explanation}')
    .action((opts: { facts: string; date?: string; lang: string; json?: boolean }) => {
      const date = checkDate(opts.date ?? today());
      if (!langs.includes(opts.lang as Lang)) fail(`--lang: expected nl, fr or en (got "${opts.lang}")`);
      let text: string;
      try {
        text = fs.readFileSync(opts.facts, 'utf8');
      } catch {
        fail(`--facts: cannot read ${opts.facts}`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        fail(`--facts: ${opts.facts} is not valid JSON (${(e as Error).message})`);
      }
      let input;
      try {
        input = validateFacts({ referenceDate: date, facts: raw });
      } catch (e) {
        if (e instanceof FactsError) fail(`--facts: ${opts.facts}:\n${e.errors.map((x) => `  ${x.fact}: ${x.reason}`).join('\n')}`);
        throw e;
      }
      const results = evaluate(rules(), input.facts, input.referenceDate);
      if (opts.json) process.stdout.write(`${JSON.stringify(results.map(brief), null, 2)}\n`);
      else process.stdout.write(`${summary(results, opts.lang as Lang, date)}\n`);
    });

  incentives
    .command('simulate')
    .description('every incentive over a SYNTHETIC population: the number eligible and the total cost, hours or days; with --reform the difference')
    .requiredOption('--population <spec>', 'synthetic:<adults>, e.g. synthetic:4000000 (a generated population, not official statistics)')
    .option('--date <YYYY-MM-DD>', 'reference date (default: today)')
    .option('--reform <file.yaml>', 'a reform: changed parameters or conditions (see data/flanders/incentives/reforms/)')
    .option('--seed <n>', 'seed of the synthetic population (same seed, size and date: the same adults)', '42')
    .option('--json', 'print the figures as JSON')
    .action((opts: { population: string; date?: string; reform?: string; seed: string; json?: boolean }) => {
      const date = checkDate(opts.date ?? today());
      let n: number;
      try {
        n = parsePopulationSpec(opts.population).n;
      } catch (e) {
        fail((e as Error).message);
      }
      const seed = Number(opts.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) fail(`--seed: expected a whole number ≥ 0 (got "${opts.seed}")`);
      const base = rules();
      let reformed;
      if (opts.reform) {
        try {
          reformed = rulesWithReform(base, opts.reform);
        } catch (e) {
          fail(e instanceof RuleFileError ? `reform is invalid:\n${e.message}` : (e as Error).message);
        }
      }
      const t0 = performance.now();
      const pop = makePopulation(n, seed, date);
      const t1 = performance.now();
      const before = simulate(base, pop, date);
      const after = reformed ? simulate(reformed, pop, date) : undefined;
      const t2 = performance.now();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ population: { kind: 'synthetic', adults: n, seed, label: SYNTHETIC_LABEL }, referenceDate: date, baseline: before, ...(after ? { reform: after, reformFile: opts.reform } : {}) }, null, 2)}\n`);
        return;
      }
      const out = [
        `${SYNTHETIC_LABEL}: ${n.toLocaleString('en')} adults, seed ${seed}, reference date ${date}.`,
        'Every adult is given one planned training, so totals are what-if upper bounds at full take-up, not forecasts.',
        '',
        simulationTable(before),
        '',
        '* employer incentive: counted per adult with an employer (the employer\'s subsidy for that adult\'s training).',
      ];
      if (after) out.push('', `Reform ${opts.reform}:`, '', differenceTable(before, after));
      out.push('', `generated in ${((t1 - t0) / 1000).toFixed(1)} s, evaluated in ${((t2 - t1) / 1000).toFixed(2)} s (vectorised evaluator)`);
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
