import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { applyReform } from '../engine/reform.ts';
import type { IncentiveRule, OutputKey } from '../engine/rule.schema.ts';
import type { ColumnStore } from './columns.ts';
import { employerRows, syntheticPopulation } from './population.ts';
import { compileRules, type Aggregate } from './vector-evaluate.ts';

// `koers incentives simulate`: every incentive over a (synthetic) population with the vectorised
// evaluator, and with a reform the difference per incentive. Employer-beneficiary incentives count
// only adults who have an employer (one employer per adult row; see docs/incentives-simulation.md).

export interface SimulationRow extends Aggregate {
  incentive: string;
  beneficiary: IncentiveRule['beneficiary'];
  units: Partial<Record<OutputKey, string>>;
}

export class PopulationSpecError extends Error {}

/** "synthetic:4000000" → 4,000,000 synthetic adults; only synthetic populations exist for now. */
export function parsePopulationSpec(spec: string): { n: number } {
  const m = /^synthetic:(\d[\d_]*)$/.exec(spec.trim());
  const n = m ? Number(m[1]!.replaceAll('_', '')) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 50_000_000) {
    throw new PopulationSpecError(`--population: expected synthetic:<adults> with 1 to 50,000,000 adults, e.g. synthetic:4000000 (got "${spec}")`);
  }
  return { n };
}

export function makePopulation(n: number, seed: number, referenceDate: string): ColumnStore {
  return syntheticPopulation({ n, seed, referenceDate });
}

export function simulate(rules: readonly IncentiveRule[], store: ColumnStore, referenceDate: string): SimulationRow[] {
  const scope = employerRows(store);
  return compileRules(rules, store, referenceDate).map((c) => ({
    incentive: c.rule.id,
    beneficiary: c.rule.beneficiary,
    units: Object.fromEntries(c.outputKeys.map((k) => [k, c.rule.outputs[k]!.unit])),
    ...c.aggregate(c.rule.beneficiary === 'employer' ? scope : null),
  }));
}

/** The rules with a reform file applied; errors name the file and the path inside it. */
export function rulesWithReform(rules: readonly IncentiveRule[], file: string): IncentiveRule[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`--reform: cannot read ${file}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return applyReform(rules, doc, file);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const fmtInt = (x: number) => Math.round(x).toLocaleString('en');
const fmtNum = (x: number) => round2(x).toLocaleString('en', { maximumFractionDigits: 2 });
const signed = (x: number, f: (x: number) => string) => (x > 0 ? `+${f(x)}` : x < 0 ? `-${f(-x)}` : '0');

function table(head: string[], body: string[][], right: Set<number>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

const outputCell = (r: SimulationRow, k: OutputKey) => {
  const o = r.outputs[k]!;
  return `${fmtNum(o.sum)} ${r.units[k]}${o.open ? ` (+${fmtInt(o.open)} open)` : ''}`;
};

/** The per-incentive table: eligible, undetermined, and the total of each output. */
export function simulationTable(rows: readonly SimulationRow[]): string {
  const body = rows.flatMap((r) => {
    const keys = Object.keys(r.outputs) as OutputKey[];
    const first = [r.incentive + (r.beneficiary === 'employer' ? ' *' : ''), fmtInt(r.eligible), fmtInt(r.undetermined), keys[0] ? `${keys[0]}: ${outputCell(r, keys[0])}` : '-'];
    return [first, ...keys.slice(1).map((k) => ['', '', '', `${k}: ${outputCell(r, k)}`])];
  });
  return table(['incentive', 'eligible', 'undetermined', 'total (eligible with one value; open = a range)'], body, new Set([1, 2]));
}

/** Baseline against reform: the difference per incentive. */
export function differenceTable(base: readonly SimulationRow[], reform: readonly SimulationRow[]): string {
  const body = base.flatMap((b) => {
    const r = reform.find((x) => x.incentive === b.incentive)!;
    const keys = Object.keys(b.outputs) as OutputKey[];
    const cell = (k: OutputKey) => `${k}: ${fmtNum(b.outputs[k]!.sum)} → ${fmtNum(r.outputs[k]!.sum)} (${signed(r.outputs[k]!.sum - b.outputs[k]!.sum, fmtNum)} ${b.units[k]})`;
    const first = [b.incentive, `${fmtInt(b.eligible)} → ${fmtInt(r.eligible)}`, signed(r.eligible - b.eligible, fmtInt), keys[0] ? cell(keys[0]) : '-'];
    return [first, ...keys.slice(1).map((k) => ['', '', '', cell(k)])];
  });
  return table(['incentive', 'eligible (before → after)', 'difference', 'total before → after (difference)'], body, new Set([2]));
}
