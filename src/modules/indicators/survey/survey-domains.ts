import type { CategoricalColumn } from './microdata-csv.ts';

// Domains (subpopulations) from one or more breakdown columns: one domain per combination that
// occurs, in sorted order (numbers numerically, then text). A row with a missing breakdown value
// is in no domain. With no breakdown there is one domain: everyone.

export interface Domains {
  dom: Int32Array;
  D: number;
  keys: Array<Record<string, string>>;
}

const collator = new Intl.Collator('en', { numeric: true });
export const compareLevels = (a: string, b: string) => {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return collator.compare(a, b);
};

/** Level codes → rank in sorted order. */
export function sortedRanks(levels: string[]): { rank: Int32Array; sorted: string[] } {
  const sorted = [...levels].sort(compareLevels);
  const pos = new Map(sorted.map((s, i) => [s, i]));
  return { rank: Int32Array.from(levels, (s) => pos.get(s)!), sorted };
}

export function domainsOf(n: number, by: Array<{ name: string; column: CategoricalColumn }>): Domains {
  if (!by.length) return { dom: new Int32Array(n), D: 1, keys: [{}] };
  const ranked = by.map((b) => sortedRanks(b.column.levels));
  if (by.length === 1) {
    // one breakdown: the domain is the sorted rank of the code, for the levels that occur
    const { codes, levels } = by[0]!.column;
    const { rank, sorted } = ranked[0]!;
    const used = new Uint8Array(levels.length);
    for (let i = 0; i < n; i++) if (codes[i]! >= 0) used[codes[i]!] = 1;
    const id = new Int32Array(levels.length).fill(-1);
    const keys: Array<Record<string, string>> = [];
    const byRank = new Int32Array(levels.length);
    for (let c = 0; c < levels.length; c++) byRank[rank[c]!] = c;
    for (let j = 0; j < sorted.length; j++) {
      const code = byRank[j]!;
      if (used[code]) id[code] = keys.push({ [by[0]!.name]: sorted[j]! }) - 1;
    }
    const dom = new Int32Array(n);
    for (let i = 0; i < n; i++) dom[i] = codes[i]! < 0 ? -1 : id[codes[i]!]!;
    return { dom, D: keys.length, keys };
  }
  const radix = by.map((b) => b.column.levels.length);
  const combos = radix.reduce((a, b) => a * b, 1);
  const dom = new Int32Array(n);
  let seen: number[];
  if (combos <= 1 << 24) {
    // mixed-radix key of the sorted ranks, looked up in a dense table: no hashing per row
    const key = new Int32Array(n);
    for (let j = 0; j < by.length; j++) {
      const codes = by[j]!.column.codes;
      const rank = ranked[j]!.rank;
      const r = radix[j]!;
      for (let i = 0; i < n; i++) {
        const c = codes[i]!;
        const k = key[i]!;
        key[i] = c < 0 || k < 0 ? -1 : k * r + rank[c]!;
      }
    }
    const id = new Int32Array(combos).fill(-1);
    for (let i = 0; i < n; i++) if (key[i]! >= 0) id[key[i]!] = 0;
    seen = [];
    for (let k = 0; k < combos; k++) if (id[k] === 0) id[k] = seen.push(k) - 1;
    for (let i = 0; i < n; i++) dom[i] = key[i]! < 0 ? -1 : id[key[i]!]!;
  } else {
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (let j = 0; j < by.length; j++) {
        const c = by[j]!.column.codes[i]!;
        if (c < 0) {
          k = -1;
          break;
        }
        k = k * radix[j]! + ranked[j]!.rank[c]!;
      }
      key[i] = k;
    }
    seen = [...new Set(key)].filter((k) => k >= 0).sort((a, b) => a - b);
    const id = new Map(seen.map((k, d) => [k, d]));
    for (let i = 0; i < n; i++) dom[i] = key[i]! < 0 ? -1 : id.get(key[i]!)!;
  }
  const keys = seen.map((k) => {
    const out: Record<string, string> = {};
    for (let j = by.length - 1; j >= 0; j--) {
      out[by[j]!.name] = ranked[j]!.sorted[k % radix[j]!]!;
      k = Math.floor(k / radix[j]!);
    }
    return Object.fromEntries(by.map((b) => [b.name, out[b.name]!]));
  });
  return { dom, D: seen.length, keys };
}
