import type { SurveyDesign } from './survey-design.ts';
import type { Stat } from './survey.schema.ts';

// Horvitz–Thompson estimates with Taylor-linearised variances, the way R's survey package
// computes them (svymean, svytotal, svyratio, svymean of a factor; svyby for domains):
//   every statistic is θ = A/B (a total: θ = A) with A = Σ w·a, B = Σ w·b over the domain;
//   its linearised score is z_i = w_i (a_i − θ b_i) / B (a total: w_i a_i), 0 outside the domain;
//   V = Σ_h (1 − f_h) n_h/(n_h − 1) Σ_{PSU j in h} (z_hj − z̄_h)², z_hj the PSU total of z,
//   with n_h the design's PSU count (a domain's absent PSUs count as zero totals), and only the
//   strata the domain reaches taking part (what R does when it subsets the design).
// Rows whose analysis value is missing are out of every domain (R's na.rm = TRUE).
// Typed arrays only, no allocation per row: one pass over the rows when there are clusters (sums
// per PSU and domain, then work on those), two when every row is its own PSU (totals, then scores).

export const Z975 = 1.959963984540054; // qnorm(0.975), as R's confint() uses

export interface Analysis {
  stat: Stat;
  /** mean, total, ratio: the variable; NaN = missing. */
  y?: Float64Array;
  /** ratio: the denominator variable; NaN = missing. */
  x?: Float64Array;
  /** proportion: category codes, −1 = missing; K categories. */
  codes?: Int32Array;
  K?: number;
  /** Domain per row, −1 = in no domain (a breakdown value is missing). D domains. */
  dom: Int32Array;
  D: number;
}

export interface Linearised {
  K: number;
  /** Per cell d*K + k. */
  estimate: Float64Array;
  se: Float64Array;
  /** Respondents per domain, and per domain and category (proportions). */
  n: Int32Array;
  nk: Int32Array;
}

const TOTAL = 0;
const MEAN = 1;
const RATIO = 2;
const PROPORTION = 3;
const modes: Record<Stat, number> = { total: TOTAL, mean: MEAN, ratio: RATIO, proportion: PROPORTION };

export function linearise(design: SurveyDesign, a: Analysis): Linearised {
  const mode = modes[a.stat];
  const { n: rows, w, H, stratum } = design;
  const { dom, D } = a;
  const K = mode === PROPORTION ? a.K! : 1;
  const y = a.y ?? new Float64Array(0);
  const x = mode === RATIO ? a.x! : y;
  const codes = a.codes ?? new Int32Array(0);
  if (mode !== PROPORTION && !a.y) throw new Error('linearise: y is required');

  const A = new Float64Array(D * K);
  const B = new Float64Array(D);
  const n = new Int32Array(D);
  const nk = new Int32Array(D * K);
  const reached = new Uint8Array(D * H);
  const theta = new Float64Array(D * K);
  const inv = new Float64Array(D);
  const setTheta = () => {
    for (let d = 0; d < D; d++) {
      inv[d] = mode === TOTAL ? 1 : 1 / B[d]!;
      for (let k = 0; k < K; k++) theta[d * K + k] = mode === TOTAL ? 0 : A[d * K + k]! / B[d]!;
    }
  };

  // PSU totals of the scores are folded per (domain, stratum) into count, mean and sum of squared
  // deviations (Welford: no cancellation however large the totals)
  const cnt = new Int32Array(D * H);
  const mean = new Float64Array(D * H * K);
  const m2 = new Float64Array(D * H * K);
  const add = (dh: number, k: number, t: number) => {
    const j = dh * K + k;
    const delta = t - mean[j]!;
    mean[j]! += delta / cnt[dh]!;
    m2[j]! += delta * (t - mean[j]!);
  };
  const { psuStart, order, psuStratum, G } = design;
  if (!psuStart) {
    // every row is a PSU: pass 1 gives A, B, counts and strata reached; pass 2 the row scores
    for (let i = 0; i < rows; i++) {
      const d = dom[i]!;
      if (d < 0) continue;
      const wi = w[i]!;
      if (mode === PROPORTION) {
        const c = codes[i]!;
        if (c < 0) continue;
        A[d * K + c]! += wi;
        B[d]! += wi;
        nk[d * K + c]!++;
      } else {
        const yi = y[i]!;
        if (yi !== yi) continue;
        if (mode === RATIO) {
          const xi = x[i]!;
          if (xi !== xi) continue;
          B[d]! += wi * xi;
        } else B[d]! += wi;
        A[d]! += wi * yi;
      }
      n[d]!++;
      reached[d * H + stratum[i]!] = 1;
    }
    setTheta();
    for (let i = 0; i < rows; i++) {
      const d = dom[i]!;
      if (d < 0) continue;
      const dh = d * H + stratum[i]!;
      const wi = w[i]!;
      if (mode === PROPORTION) {
        const c = codes[i]!;
        if (c < 0) continue;
        cnt[dh]!++;
        for (let k = 0; k < K; k++) add(dh, k, (wi * ((c === k ? 1 : 0) - theta[d * K + k]!)) * inv[d]!);
      } else {
        const yi = y[i]!;
        if (yi !== yi) continue;
        const xi = x[i]!;
        if (mode === RATIO && xi !== xi) continue;
        cnt[dh]!++;
        const b = mode === RATIO ? xi : 1;
        add(dh, 0, wi * (yi - theta[d]! * b) * inv[d]!);
      }
    }
  } else {
    // One pass over the PSUs: per (PSU, domain) the sums Σw·a and Σw·b become entries; θ comes
    // from their totals, and each entry's score total is (Σw·a − θ Σw·b)/B. A mean's variable is
    // shifted by its first value first, so large values lose no precision in that difference.
    let shift = 0;
    if (mode === MEAN) for (let i = 0; i < rows && shift === 0; i++) if (dom[i]! >= 0 && y[i] === y[i]) shift = y[i]!;
    const cap = Math.max(1, Math.min(rows, G * D));
    const entD = new Int32Array(cap);
    const entH = new Int32Array(cap);
    const entA = new Float64Array(cap * K);
    const entB = new Float64Array(cap);
    let E = 0;
    const accA = new Float64Array(D * K);
    const accB = new Float64Array(D);
    const touched = new Uint8Array(D);
    const list = new Int32Array(D);
    for (let g = 0; g < G; g++) {
      const h = psuStratum[g]!;
      let m = 0;
      const end = psuStart[g + 1]!;
      for (let r = psuStart[g]!; r < end; r++) {
        const i = order ? order[r]! : r;
        const d = dom[i]!;
        if (d < 0) continue;
        const wi = w[i]!;
        if (mode === PROPORTION) {
          const c = codes[i]!;
          if (c < 0) continue;
          accA[d * K + c]! += wi;
          accB[d]! += wi;
          nk[d * K + c]!++;
        } else {
          const yi = y[i]!;
          if (yi !== yi) continue;
          if (mode === RATIO) {
            const xi = x[i]!;
            if (xi !== xi) continue;
            accA[d]! += wi * yi;
            accB[d]! += wi * xi;
          } else {
            accA[d]! += wi * (yi - shift);
            accB[d]! += wi;
          }
        }
        n[d]!++;
        if (!touched[d]) {
          touched[d] = 1;
          list[m++] = d;
        }
      }
      for (let j = 0; j < m; j++) {
        const d = list[j]!;
        entD[E] = d;
        entH[E] = h;
        for (let k = 0; k < K; k++) {
          entA[E * K + k] = accA[d * K + k]!;
          A[d * K + k]! += accA[d * K + k]!;
          accA[d * K + k] = 0;
        }
        entB[E] = accB[d]!;
        B[d]! += accB[d]!;
        accB[d] = 0;
        reached[d * H + h] = 1;
        touched[d] = 0;
        E++;
      }
    }
    setTheta();
    for (let e = 0; e < E; e++) {
      const d = entD[e]!;
      const dh = d * H + entH[e]!;
      cnt[dh]!++;
      for (let k = 0; k < K; k++) add(dh, k, (entA[e * K + k]! - theta[d * K + k]! * entB[e]!) * inv[d]!);
    }
    if (mode === MEAN) for (let d = 0; d < D; d++) theta[d]! += shift;
  }

  // variance per cell from the strata the domain reaches
  const se = new Float64Array(D * K);
  const { nPsu, scale, lonely, lonelyPsu } = design;
  for (let d = 0; d < D; d++) {
    let allPsu = 0;
    let strata = 0;
    let lonelyStrata = 0;
    for (let h = 0; h < H; h++) {
      if (!reached[d * H + h]) continue;
      allPsu += nPsu[h]!;
      strata++;
      if (lonely[h]) lonelyStrata++;
    }
    for (let k = 0; k < K; k++) {
      // 'adjust' centres a lonely PSU at the mean PSU total over all PSUs of the reached strata
      let sumT = 0;
      for (let h = 0; h < H; h++) sumT += cnt[d * H + h]! * mean[(d * H + h) * K + k]!;
      const centre = sumT / allPsu;
      let v = 0;
      for (let h = 0; h < H; h++) {
        const dh = d * H + h;
        if (!reached[dh] || scale[h]! < 1e-7) continue; // a self-representing stratum adds nothing
        const c = cnt[dh]!;
        const nh = nPsu[h]!;
        const mu = mean[dh * K + k]!;
        if (nh > 1) {
          // pad the PSUs the domain misses with zero totals
          const ss = m2[dh * K + k]! + (mu * mu * c * (nh - c)) / nh;
          v += (scale[h]! * nh * ss) / (nh - 1);
        } else if (lonelyPsu === 'adjust') {
          v += scale[h]! * (mu - centre) * (mu - centre);
        }
        // certainty, remove: 0; average: left out here, made up for below
      }
      if (lonelyPsu === 'average' && lonelyStrata > 0) v = lonelyStrata < strata ? (v * strata) / (strata - lonelyStrata) : 0;
      se[d * K + k] = Math.sqrt(v);
    }
  }

  const estimate = new Float64Array(D * K);
  for (let j = 0; j < D * K; j++) estimate[j] = mode === TOTAL ? A[j]! : theta[j]!;
  return { K, estimate, se, n, nk };
}
