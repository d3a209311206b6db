import fs from 'node:fs';
import type { Command } from 'commander';
import { HttpProblem } from '../../platform/errors/problem.ts';
import { estimate } from '../../modules/indicators/survey/survey.service.ts';
import type { EstimateOptions, EstimateRow } from '../../modules/indicators/survey/survey.schema.ts';
import { fail } from '../context.ts';

interface Opts {
  file: string;
  weight?: string;
  strata?: string;
  cluster?: string;
  fpc?: string;
  var: string;
  stat: string;
  denominator?: string;
  by?: string;
  minN: string;
  lonelyPsu: string;
  json?: boolean;
}

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(7))) : '-');

export function estimateTable(rows: EstimateRow[]): string {
  const byCols = Object.keys(rows[0]?.by ?? {});
  const withCategory = rows.some((r) => r.category !== undefined);
  const head = [...byCols, 'variable', 'stat', ...(withCategory ? ['category'] : []), 'estimate', 'se', 'ci_low', 'ci_high', 'n', 'flags'];
  const body = rows.map((r) => [
    ...byCols.map((b) => r.by[b] ?? ''),
    r.variable,
    r.stat,
    ...(withCategory ? [r.category ?? ''] : []),
    fmt(r.estimate),
    fmt(r.se),
    fmt(r.ci_low),
    fmt(r.ci_high),
    String(r.n),
    r.flags.join(' '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const numeric = new Set(['estimate', 'se', 'ci_low', 'ci_high', 'n']);
  const line = (row: string[]) => row.map((c, i) => (numeric.has(head[i]!) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

export function registerIndicatorsEstimate(indicators: Command): void {
  indicators
    .command('estimate')
    .description(
      'weighted survey estimates (mean, total, proportion, ratio) with Taylor-linearised standard errors and 95 % CIs, ' +
        "per breakdown, as R's survey package computes them; the microdata is read locally and never printed row by row",
    )
    .requiredOption('--file <csv>', 'microdata CSV: a header row, one row per respondent; NA or empty = missing')
    .option('--weight <col>', 'sampling weight column; may be left out when --fpc is given (weights are then N_h / n_h, as R derives them)')
    .option('--strata <col>', 'stratum column')
    .option('--cluster <col>', 'cluster (PSU) column, one-stage sampling; without it every row is its own PSU')
    .option('--fpc <col>', 'finite population correction: population size per stratum (in PSUs), or the sampling fraction (all values ≤ 1)')
    .requiredOption('--var <col>', 'the variable to estimate (numeric; categorical for --stat proportion)')
    .option('--stat <stat>', 'mean, total, proportion (one row per category) or ratio (--var / --denominator)', 'mean')
    .option('--denominator <col>', 'denominator variable of a ratio')
    .option('--by <cols>', 'breakdown column(s), comma-separated: one estimate per combination (domain estimation)')
    .option('--min-n <n>', 'flag cells with fewer unweighted respondents with u', '30')
    .option('--lonely-psu <rule>', 'a stratum with one PSU: fail, certainty, remove, adjust or average (R survey.lonely.psu)', 'fail')
    .option('--json', 'print a JSON array of {by, variable, stat, category?, estimate, se, ci_low, ci_high, n, flags}')
    .action(async (opts: Opts) => {
      if (!fs.existsSync(opts.file)) fail(`--file: cannot read ${opts.file}`);
      const options: EstimateOptions = {
        weight: opts.weight,
        strata: opts.strata,
        cluster: opts.cluster,
        fpc: opts.fpc,
        variable: opts.var,
        stat: opts.stat as EstimateOptions['stat'],
        denominator: opts.denominator,
        by: opts.by ? opts.by.split(',').map((s) => s.trim()).filter(Boolean) : [],
        minN: opts.minN as unknown as number,
        lonelyPsu: opts.lonelyPsu as EstimateOptions['lonelyPsu'],
      };
      let rows: EstimateRow[];
      try {
        rows = await estimate(fs.createReadStream(opts.file), options);
      } catch (e) {
        if (!(e instanceof HttpProblem)) throw e;
        const cli: Record<string, string> = { variable: '--var', minN: '--min-n', lonelyPsu: '--lonely-psu' };
        const fields = (e.errors ?? []).filter((f) => f.reason !== e.message).map((f) => `--${cli[f.field]?.slice(2) ?? f.field}: ${f.reason}`);
        fail(fields.length ? `${e.message.replace(/\.$/, '')}: ${fields.join('; ')}` : e.message);
      }
      process.stdout.write(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : `${estimateTable(rows)}\n`);
    });
}
