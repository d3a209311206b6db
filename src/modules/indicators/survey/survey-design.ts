import type { CategoricalColumn } from './microdata-csv.ts';
import { SurveyDataError, lineOf } from './survey-errors.ts';
import type { LonelyPsu } from './survey.schema.ts';

// A one-stage (stratified, clustered) design as R's svydesign(id=~cluster, strata=~strata,
// weights=~weight, fpc=~fpc) builds it: PSUs are nested in strata, n_h counts the PSUs of
// stratum h in the whole file, and the fpc is a population size per stratum (any value > 1)
// or a sampling fraction (all values ≤ 1). Without weights, weights are N_h / n_h.

export interface DesignColumns {
  n: number;
  weight?: { name: string; values: Float64Array };
  strata?: { name: string; column: CategoricalColumn };
  cluster?: { name: string; column: CategoricalColumn };
  fpc?: { name: string; values: Float64Array };
  lonelyPsu: LonelyPsu;
}

export interface SurveyDesign {
  n: number;
  w: Float64Array;
  /** Strata: H of them, `stratum[i]` per row. */
  H: number;
  strataLevels: string[];
  stratum: Int32Array;
  /** PSUs: G of them. Without a cluster column every row is its own PSU and the next three are null. */
  G: number;
  psuStratum: Int32Array;
  /** Rows of PSU g are order[psuStart[g] .. psuStart[g+1]) — or, when order is null, the rows themselves. */
  psuStart: Int32Array | null;
  order: Int32Array | null;
  /** n_h: PSUs per stratum in the design (the whole file, whatever a domain keeps). */
  nPsu: Int32Array;
  /** 1 − f_h per stratum (1 without fpc). */
  scale: Float64Array;
  /** 1 for a stratum with a single PSU that is not self-representing (f_h < 1). */
  lonely: Uint8Array;
  lonelyPsu: LonelyPsu;
}

function codesOf(col: { name: string; column: CategoricalColumn }, what: string): Int32Array {
  const { codes } = col.column;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i]! < 0) throw new SurveyDataError('missing-design-value', `${what} column "${col.name}", line ${lineOf(i)}: the value is missing; every respondent needs one`, col.name, lineOf(i));
  }
  return codes;
}

export function buildDesign(c: DesignColumns): SurveyDesign {
  const n = c.n;
  const stratum = c.strata ? codesOf(c.strata, 'strata') : new Int32Array(n);
  const strataLevels = c.strata ? c.strata.column.levels : [''];
  const H = strataLevels.length;
  const nPsu = new Int32Array(H);

  let G: number;
  let psuStratum: Int32Array;
  let psuStart: Int32Array | null = null;
  let order: Int32Array | null = null;
  if (c.cluster) {
    const cl = codesOf(c.cluster, 'cluster');
    const L = c.cluster.column.levels.length;
    // (stratum, cluster) → PSU id in order of first appearance
    const dense = H * L <= 1 << 24 ? new Int32Array(H * L).fill(-1) : null;
    const sparse = dense ? null : new Map<number, number>();
    const psuOf = new Int32Array(n);
    const strat: number[] = [];
    let contiguous = true;
    for (let i = 0; i < n; i++) {
      const key = stratum[i]! * L + cl[i]!;
      let g = dense ? dense[key]! : (sparse!.get(key) ?? -1);
      if (g < 0) {
        g = strat.length;
        strat.push(stratum[i]!);
        nPsu[stratum[i]!]!++;
        if (dense) dense[key] = g;
        else sparse!.set(key, g);
      } else if (contiguous && g !== psuOf[i - 1]) contiguous = false;
      psuOf[i] = g;
    }
    G = strat.length;
    psuStratum = Int32Array.from(strat);
    psuStart = new Int32Array(G + 1);
    for (let i = 0; i < n; i++) psuStart[psuOf[i]! + 1]!++;
    for (let g = 0; g < G; g++) psuStart[g + 1]! += psuStart[g]!;
    if (!contiguous) {
      // counting sort of the rows by PSU (stable), so each PSU is one run of `order`
      order = new Int32Array(n);
      const next = psuStart.slice(0, G);
      for (let i = 0; i < n; i++) order[next[psuOf[i]!]!++] = i;
    }
  } else {
    G = n;
    psuStratum = stratum;
    for (let i = 0; i < n; i++) nPsu[stratum[i]!]!++;
  }

  const scale = new Float64Array(H).fill(1);
  const popsize = new Float64Array(H);
  if (c.fpc) {
    const { name, values } = c.fpc;
    let anyBig = false;
    let anySmall = false;
    const seen = new Int32Array(H).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) throw new SurveyDataError('bad-fpc', `fpc column "${name}", line ${lineOf(i)}: the value is missing`, name, lineOf(i));
      if (v <= 0) throw new SurveyDataError('bad-fpc', `fpc column "${name}", line ${lineOf(i)}: ${v} is not a population size (> 1) or a sampling fraction (0 < f ≤ 1)`, name, lineOf(i));
      if (v > 1) anyBig = true;
      if (v < 1) anySmall = true;
      const h = stratum[i]!;
      if (seen[h]! < 0) seen[h] = i;
      else if (values[seen[h]!] !== v) {
        throw new SurveyDataError('bad-fpc', `fpc column "${name}", line ${lineOf(i)}: ${v} differs from ${values[seen[h]!]} on line ${lineOf(seen[h]!)}; the fpc must be constant within stratum "${strataLevels[h]}"`, name, lineOf(i));
      }
    }
    if (anyBig && anySmall) throw new SurveyDataError('bad-fpc', `fpc column "${name}": give population sizes (all ≥ 1) or sampling fractions (all ≤ 1), not both`, name);
    for (let h = 0; h < H; h++) {
      const v = values[seen[h]!]!;
      popsize[h] = anyBig ? v : nPsu[h]! / v;
      if (popsize[h]! < nPsu[h]!) {
        throw new SurveyDataError('bad-fpc', `fpc column "${name}": stratum "${strataLevels[h]}" has ${nPsu[h]} sampled ${c.cluster ? 'clusters' : 'rows'} but a population of ${popsize[h]}`, name, lineOf(seen[h]!));
      }
      scale[h] = (popsize[h]! - nPsu[h]!) / popsize[h]!;
    }
  }

  let w: Float64Array;
  if (c.weight) {
    const { name, values } = c.weight;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (!(v > 0)) {
        const why = Number.isNaN(v) ? 'is missing' : `is ${v}; weights must be greater than 0`;
        throw new SurveyDataError('bad-weight', `weight column "${name}", line ${lineOf(i)}: the weight ${why}`, name, lineOf(i));
      }
    }
    w = values;
  } else if (c.fpc) {
    w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[i] = popsize[stratum[i]!]! / nPsu[stratum[i]!]!;
  } else {
    throw new SurveyDataError('bad-weight', 'give a weight column, or an fpc column to derive the weights from', 'weight');
  }

  const lonely = new Uint8Array(H);
  for (let h = 0; h < H; h++) lonely[h] = nPsu[h] === 1 && scale[h]! >= 1e-7 ? 1 : 0;
  if (c.lonelyPsu === 'fail') {
    const h = lonely.indexOf(1);
    if (h >= 0) {
      const where = c.strata ? `stratum "${strataLevels[h]}" (column "${c.strata.name}")` : 'the design';
      throw new SurveyDataError(
        'lonely-psu',
        `${where} has a single ${c.cluster ? 'cluster' : 'respondent'} (PSU), so its variance cannot be estimated; merge strata, give an fpc if it was sampled with certainty, or choose a lonely-PSU rule (certainty, remove, adjust, average)`,
        c.strata?.name ?? c.cluster?.name,
        lineOf(stratum.indexOf(h)),
      );
    }
  }
  return { n, w, H, strataLevels, stratum, G, psuStratum, psuStart, order, nPsu, scale, lonely, lonelyPsu: c.lonelyPsu };
}
