import { badRequest } from '../../../platform/errors/problem.ts';
import { readMicrodata, type CsvInput, type Microdata } from './microdata-csv.ts';
import { buildDesign, type SurveyDesign } from './survey-design.ts';
import { compareLevels, domainsOf } from './survey-domains.ts';
import { SurveyDataError } from './survey-errors.ts';
import { Z975, linearise } from './survey-estimator.ts';
import { estimateOptionsSchema, type EstimateOptions, type EstimateRow, type ResolvedEstimateOptions } from './survey.schema.ts';

// Weighted survey estimates from uploaded microdata. The microdata only lives in memory for the
// call; what comes out are aggregates per cell (estimate, SE, 95 % CI, unweighted n, flags).
// Semantics (those of R's survey package, checked against it in the tests):
// - missing (NA or empty) analysis values: the row leaves the domain but stays in the design, as
//   svymean(..., na.rm = TRUE) and svyby do; a ratio needs both values. n counts the rows used.
// - a row with a missing breakdown value is in no domain (svyby drops NA groups); a domain whose
//   analysis values are all missing gives no row.
// - domains keep the whole design: PSUs without domain rows are zero score totals, n_h is the
//   design's; only strata the domain reaches take part (R subsets the design that way).
// - lonely PSU (a stratum with one PSU that is not self-representing by its fpc): 'fail' (default)
//   refuses before estimating, even if no domain reaches the stratum; 'certainty' and 'remove' give
//   it no variance; 'adjust' centres its PSU total at the mean PSU total of all reached PSUs (R ≥ 4.2);
//   'average' replaces it by the mean contribution of the other reached strata.
// - proportion: one row per category (sorted); n is the domain's respondents, n_category the category's.
// - flags: 'u' when n < minN (30 unless given).

export function resolveOptions(options: EstimateOptions): ResolvedEstimateOptions {
  const parsed = estimateOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw badRequest(
      'The estimate options are not valid.',
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'options', reason: i.message })),
    );
  }
  return parsed.data;
}

/** The columns an estimate reads, and as what. */
export function wantedColumns(o: ResolvedEstimateOptions) {
  const numeric = [o.weight, o.fpc, o.stat === 'proportion' ? undefined : o.variable, o.denominator].filter((c): c is string => !!c);
  const categorical = [o.strata, o.cluster, ...o.by, o.stat === 'proportion' ? o.variable : undefined].filter((c): c is string => !!c);
  return { numeric, categorical };
}

export function designOf(data: Microdata, o: ResolvedEstimateOptions): SurveyDesign {
  const cat = (name?: string) => (name ? { name, column: data.categorical.get(name)! } : undefined);
  const num = (name?: string) => (name ? { name, values: data.numeric.get(name)! } : undefined);
  return buildDesign({ n: data.n, weight: num(o.weight), strata: cat(o.strata), cluster: cat(o.cluster), fpc: num(o.fpc), lonelyPsu: o.lonelyPsu });
}

/** Estimates for columns already in memory (and a design already built, if given). */
export function estimateColumns(data: Microdata, o: ResolvedEstimateOptions, design: SurveyDesign = designOf(data, o)): EstimateRow[] {
  const domains = domainsOf(
    data.n,
    o.by.map((name) => ({ name, column: data.categorical.get(name)! })),
  );
  // proportions: one row per category, in sorted order (`order[j]` is the code of the j-th)
  let categories: string[] = [];
  let order = [0];
  if (o.stat === 'proportion') {
    categories = data.categorical.get(o.variable)!.levels;
    if (!categories.length) throw new SurveyDataError('no-data', `column "${o.variable}" has no values`, o.variable);
    order = [...categories.keys()].sort((a, b) => compareLevels(categories[a]!, categories[b]!));
  }
  const r = linearise(design, {
    stat: o.stat,
    y: o.stat === 'proportion' ? undefined : data.numeric.get(o.variable),
    x: o.denominator ? data.numeric.get(o.denominator) : undefined,
    codes: o.stat === 'proportion' ? data.categorical.get(o.variable)!.codes : undefined,
    K: categories.length,
    dom: domains.dom,
    D: domains.D,
  });
  const variable = o.stat === 'ratio' ? `${o.variable}/${o.denominator}` : o.variable;
  const out: EstimateRow[] = [];
  for (let d = 0; d < domains.D; d++) {
    const n = r.n[d]!;
    if (n === 0) continue; // every analysis value missing in this domain
    for (const k of order) {
      const estimate = r.estimate[d * r.K + k]!;
      const se = r.se[d * r.K + k]!;
      if (!Number.isFinite(estimate) || !Number.isFinite(se)) {
        const where = Object.entries(domains.keys[d]!).map(([c, v]) => `${c}=${v}`).join(', ') || 'the whole sample';
        throw new SurveyDataError('no-data', `the ${o.stat} of "${variable}" is undefined for ${where}: its denominator sums to 0`, o.denominator ?? o.variable);
      }
      out.push({
        by: domains.keys[d]!,
        variable,
        stat: o.stat,
        ...(o.stat === 'proportion' ? { category: categories[k]!, n_category: r.nk[d * r.K + k]! } : {}),
        estimate,
        se,
        ci_low: estimate - Z975 * se,
        ci_high: estimate + Z975 * se,
        n,
        flags: n < o.minN ? ['u'] : [],
      });
    }
  }
  if (!out.length) throw new SurveyDataError('no-data', `column "${o.variable}" has no non-missing values to estimate from`, o.variable);
  return out;
}

/** Parses the CSV (string, Buffer or stream) and returns one row per domain (and category). */
export async function estimate(csv: CsvInput, options: EstimateOptions): Promise<EstimateRow[]> {
  const o = resolveOptions(options);
  const data = await readMicrodata(csv, wantedColumns(o));
  return estimateColumns(data, o);
}
