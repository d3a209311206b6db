import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { rootDir } from '../../../platform/config.ts';

// Test helpers: the shared reference data, and a deliberately plain textbook estimator
// (objects and explicit loops over the rows) to check the typed-array one against.

export const surveyDataDir = path.resolve(rootDir, 'data/reference/survey');
export const readSurveyFile = (name: string) => fs.readFileSync(path.join(surveyDataDir, name));
export type Row = Record<string, string>;
export const rowsOf = (file: string): Row[] => parse(readSurveyFile(file), { columns: true, bom: true }) as Row[];

export interface PlainDesign {
  weight: (r: Row) => number;
  stratum: (r: Row) => string;
  psu: (r: Row) => string;
  /** 1 − f_h for the stratum (1 without fpc). */
  oneMinusF: (h: string) => number;
}

/**
 * Domain estimate of mean (b = 1), ratio (b = x) or total (b = 0) by the textbook:
 * θ = Σ_d w a / Σ_d w b; z_i = w_i (a_i − θ b_i) / Σ_d w b inside the domain, 0 outside;
 * V = Σ_h (1 − f_h) n_h/(n_h − 1) Σ_j (z_hj − z̄_h)² over every PSU j of stratum h.
 */
export function textbook(rows: Row[], d: PlainDesign, inDomain: (r: Row) => boolean, a: (r: Row) => number, b: ((r: Row) => number) | null) {
  let A = 0;
  let B = 0;
  for (const r of rows) {
    if (!inDomain(r)) continue;
    A += d.weight(r) * a(r);
    B += b ? d.weight(r) * b(r) : 0;
  }
  const theta = b ? A / B : A;
  const psuTotals = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const h = d.stratum(r);
    if (!psuTotals.has(h)) psuTotals.set(h, new Map());
    const psus = psuTotals.get(h)!;
    const z = !inDomain(r) ? 0 : b ? (d.weight(r) * (a(r) - theta * b(r))) / B : d.weight(r) * a(r);
    psus.set(d.psu(r), (psus.get(d.psu(r)) ?? 0) + z);
  }
  let v = 0;
  for (const [h, psus] of psuTotals) {
    const t = [...psus.values()];
    const nh = t.length;
    const mean = t.reduce((s, x) => s + x, 0) / nh;
    v += (d.oneMinusF(h) * nh * t.reduce((s, x) => s + (x - mean) ** 2, 0)) / (nh - 1);
  }
  return { estimate: theta, se: Math.sqrt(v) };
}

export const num = (s: string | undefined) => (s === undefined || s === 'NA' || s === '' ? NaN : Number(s));

// The example of the survey package's lonely-PSU documentation page (one certainty PSU in stratum 2).
export function unempCsv(withFpc: boolean): string {
  const rows = [
    [1, 2, 1, 1, 26881, 4123, 33786],
    [3, 1, 10, 1.004, 9230, 1623, 13727],
    [4, 1, 4, 1.893, 4896, 760, 5919],
    [5, 1, 7, 2.173, 4264, 767, 5823],
    [6, 1, 32, 2.971, 3119, 568, 4011],
    [7, 1, 26, 4.762, 1946, 331, 2543],
    [8, 1, 18, 6.335, 1463, 187, 1448],
    [9, 1, 13, 13.73, 675, 129, 927],
  ];
  const head = 'id,str,clu,wt,hou85,ue91,lab91' + (withFpc ? ',fpc' : '');
  return [head, ...rows.map((r) => r.join(',') + (withFpc ? (r[1] === 2 ? ',1' : ',31') : ''))].join('\n') + '\n';
}
