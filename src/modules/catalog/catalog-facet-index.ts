import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { START_WITHIN, type FacetName } from './catalog-search.schema.ts';
import type { FacetCount, Filters, Near, PageRow, SearchPlan } from './catalog-search.repository.ts';
import { FORMATS, INCENTIVES, LANGUAGES, LEVELS, PRICE_BANDS, PROVIDER_KINDS, REGIONS, SCHEDULES } from './catalog-search.schema.ts';

// An in-process columnar copy of catalog_offer_search (+ each offer's coordinates and sort keys), one
// per database handle and catalogue version: filters, facet counts, distance, sorting and paging run
// in JavaScript over typed arrays with the same semantics as the SQL path (catalog-search.repository.ts),
// which on PGlite (WebAssembly, one statement at a time) spent hundreds of ms on the aggregate pass.
// Only the text match (GIN index, ranks) and the page's details stay in SQL.

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180; // = PostgreSQL's RADIANS_PER_DEGREE as a double
const ROW_BITS = 2 ** 21; // sort keys: (key << 21) + row, exact in a double for up to 2M rows
const NO_DAY = 2 ** 31 - 1; // no upcoming session: sorts last (NULLS LAST), fails startWithin
const NULL_LOW = -(2 ** 31); // a NULL date where `NULL >= x` must be false / coalesce(NULL <= x, TRUE) true

export type FacetIndex = {
  version: string;
  n: number;
  /** Offer ids in uuid (byte) order, as PostgreSQL sorts them: comparing rows compares ids. */
  ids: string[];
  row: Map<string, number>;
  lo: Uint32Array; // mask bits 0-31
  hi: Uint32Array; // mask bits 32-63
  provStart: Int32Array; // CSR: provinces of row r are provCodes[provStart[r] .. provStart[r + 1])
  provCodes: Uint16Array;
  provinces: string[];
  nextStart: Int32Array; // day numbers (days since 1970-01-01)
  startsStart: Int32Array;
  starts: Int32Array; // ascending per row
  vov: Uint8Array;
  vovFrom: Int32Array;
  vovUntil: Int32Array;
  priceRank: Int32Array; // dense rank of price_eur, NULL last (exact numeric order, computed by SQL)
  locStart: Int32Array;
  lat: Float64Array;
  lng: Float64Array;
  day?: { today: string; upcoming: Int32Array; vovOk: Uint8Array };
};

type LoadRow = { id: string; m: number; provinces: string[]; ns: number | null; st: string; vov: boolean; vf: number | null; vu: number | null; pr: number };

export async function loadFacetIndex(db: Db, version: string): Promise<FacetIndex> {
  // one snapshot for the rows and the locations
  const [rows, locs] = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => [
    (await sql<LoadRow>`SELECT s.offer_id::text AS id, s.mask AS m, s.provinces,
        s.next_start - DATE '1970-01-01' AS ns,
        array_to_string(ARRAY(SELECT x - DATE '1970-01-01' FROM unnest(s.starts) x ORDER BY 1), ',') AS st,
        s.vov, s.vov_from - DATE '1970-01-01' AS vf, s.vov_until - DATE '1970-01-01' AS vu,
        dense_rank() OVER (ORDER BY s.price_eur ASC NULLS LAST)::int AS pr
      FROM catalog_offer_search s ORDER BY s.offer_id`.execute(trx)).rows,
    (await sql<{ id: string; lat: number; lng: number }>`SELECT offer_id::text AS id, lat, lng FROM catalog_offer_location`.execute(trx)).rows,
  ]);
  const n = rows.length;
  if (n >= ROW_BITS) throw new Error(`facet index: ${n} offers exceed ${ROW_BITS}`);
  const ix: FacetIndex = {
    version, n, ids: new Array<string>(n), row: new Map(),
    lo: new Uint32Array(n), hi: new Uint32Array(n), provStart: new Int32Array(n + 1), provCodes: new Uint16Array(0), provinces: [],
    nextStart: new Int32Array(n), startsStart: new Int32Array(n + 1), starts: new Int32Array(0), vov: new Uint8Array(n),
    vovFrom: new Int32Array(n), vovUntil: new Int32Array(n), priceRank: new Int32Array(n),
    locStart: new Int32Array(n + 1), lat: new Float64Array(0), lng: new Float64Array(0),
  };
  const provCode = new Map<string, number>();
  const provCodes: number[] = [];
  const starts: number[] = [];
  rows.forEach((r, i) => {
    ix.ids[i] = r.id;
    ix.row.set(r.id, i);
    const m = Number(r.m);
    ix.lo[i] = m % 2 ** 32;
    ix.hi[i] = Math.floor(m / 2 ** 32);
    for (const p of r.provinces ?? []) {
      let c = provCode.get(p);
      if (c === undefined) provCode.set(p, (c = ix.provinces.push(p) - 1));
      provCodes.push(c);
    }
    ix.provStart[i + 1] = provCodes.length;
    ix.nextStart[i] = r.ns === null ? NULL_LOW : Number(r.ns);
    if (r.st) for (const d of r.st.split(',')) starts.push(Number(d));
    ix.startsStart[i + 1] = starts.length;
    ix.vov[i] = r.vov ? 1 : 0;
    ix.vovFrom[i] = r.vf === null ? NULL_LOW : Number(r.vf);
    ix.vovUntil[i] = r.vu === null ? NO_DAY : Number(r.vu);
    ix.priceRank[i] = Number(r.pr);
  });
  ix.provCodes = Uint16Array.from(provCodes);
  ix.starts = Int32Array.from(starts);
  // locations in CSR order: count per row, then place
  const locRow = new Int32Array(locs.length);
  for (let k = 0; k < locs.length; k++) {
    const r = ix.row.get(locs[k]!.id) ?? -1;
    locRow[k] = r;
    if (r >= 0) ix.locStart[r + 1]!++;
  }
  for (let r = 0; r < n; r++) ix.locStart[r + 1]! += ix.locStart[r]!;
  ix.lat = new Float64Array(ix.locStart[n]!);
  ix.lng = new Float64Array(ix.locStart[n]!);
  const fill = ix.locStart.slice(0, n);
  for (let k = 0; k < locs.length; k++) {
    const r = locRow[k]!;
    if (r < 0) continue;
    const at = fill[r]!++;
    ix.lat[at] = Number(locs[k]!.lat);
    ix.lng[at] = Number(locs[k]!.lng);
  }
  return ix;
}

// One index per database handle: the newest version asked for (a load in progress is shared).
const indexes = new WeakMap<Db, { version: string; index: Promise<FacetIndex> }>();

/** The index of `version` (the service read it from catalog_search_version): reloaded when the catalogue changed. */
export function facetIndex(db: Db, version: string): Promise<FacetIndex> {
  const held = indexes.get(db);
  // a request that read the version just before a write may use the newer copy (it reads what it would read a moment later)
  if (held && BigInt(held.version) >= BigInt(version)) return held.index;
  const index = loadFacetIndex(db, version);
  const entry = { version, index };
  indexes.set(db, entry);
  index.catch(() => indexes.get(db) === entry && indexes.delete(db));
  return index;
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Today's date-dependent values: the next session from today (as the SQL's `upcoming`) and VOV valid today. */
function dayValues(ix: FacetIndex, today: string): NonNullable<FacetIndex['day']> {
  if (ix.day?.today === today) return ix.day;
  const t = dayNumber(today);
  const upcoming = new Int32Array(ix.n);
  const vovOk = new Uint8Array(ix.n);
  for (let r = 0; r < ix.n; r++) {
    let u = NO_DAY;
    if (ix.nextStart[r]! >= t) u = ix.nextStart[r]!;
    else for (let k = ix.startsStart[r]!; k < ix.startsStart[r + 1]!; k++) if (ix.starts[k]! >= t) { u = ix.starts[k]!; break; }
    upcoming[r] = u;
    vovOk[r] = ix.vov[r]! && ix.vovFrom[r]! <= t && ix.vovUntil[r]! >= t ? 1 : 0;
  }
  return (ix.day = { today, upcoming, vovOk });
}

// ---- facets: the bits of mask (see the migration 202611291500) ----

const FACET_KEYS = ['format', 'level', 'language', 'schedule', 'province', 'region', 'priceBand', 'startWithin', 'incentive', 'providerKind', 'shortage'] as const satisfies readonly FacetName[];
const FB = Object.fromEntries(FACET_KEYS.map((k, i) => [k, 1 << i])) as Record<FacetName, number>;
const MASK_FACETS: Array<{ facet: FacetName; values: readonly string[]; first: number }> = [
  { facet: 'format', values: FORMATS, first: 0 },
  { facet: 'level', values: LEVELS, first: 3 },
  { facet: 'language', values: LANGUAGES, first: 11 },
  { facet: 'schedule', values: SCHEDULES, first: 15 },
  { facet: 'priceBand', values: PRICE_BANDS, first: 18 },
  { facet: 'incentive', values: ['vouchers', 'training-credit', 'kmo'], first: 24 },
  { facet: 'providerKind', values: PROVIDER_KINDS, first: 27 },
  { facet: 'shortage', values: ['true', 'false'], first: 35 },
  { facet: 'region', values: REGIONS, first: 37 },
];
const SPEC = Object.fromEntries(MASK_FACETS.map((s) => [s.facet, s])) as Record<string, (typeof MASK_FACETS)[number]>;

/** A 64-bit mask as two 32-bit halves. */
type Bits = { lo: number; hi: number };
function bitsOf(facet: FacetName, values: readonly string[]): Bits {
  const spec = SPEC[facet];
  const b = { lo: 0, hi: 0 };
  for (const v of values) {
    const i = spec ? spec.values.indexOf(v) : -1;
    if (i < 0) continue;
    const bit = spec!.first + i;
    if (bit < 32) b.lo = (b.lo | (1 << bit)) >>> 0;
    else b.hi = (b.hi | (1 << (bit - 32))) >>> 0;
  }
  return b;
}
/** For each facet's fail bit: the mask bits holding its values (0 for province and startWithin). */
const GROUP_LO = new Uint32Array(FACET_KEYS.length);
const GROUP_HI = new Uint32Array(FACET_KEYS.length);
FACET_KEYS.forEach((f, i) => {
  const b = bitsOf(f, SPEC[f]?.values ?? []);
  GROUP_LO[i] = b.lo;
  GROUP_HI[i] = b.hi;
});
const I_PROVINCE = FACET_KEYS.indexOf('province');
const I_START = FACET_KEYS.indexOf('startWithin');
const I_INCENTIVE = FACET_KEYS.indexOf('incentive');

type MaskTest = { fail: number; lo: number; hi: number; vov: boolean };

type Compiled = { tests: MaskTest[]; province: Uint8Array | null; startLimit: number | null };

function compile(ix: FacetIndex, f: Filters, today: string): Compiled {
  const tests: MaskTest[] = [];
  const add = (facet: FacetName, values: readonly string[], vov = false) => {
    if (values.length) tests.push({ fail: FB[facet], ...bitsOf(facet, values), vov });
  };
  add('format', f.format);
  add('level', f.level.map(String));
  add('language', f.language);
  add('schedule', f.schedule);
  add('region', f.region);
  add('priceBand', f.priceBand);
  add('incentive', f.incentive, f.incentive.includes('vov'));
  add('providerKind', f.providerKind);
  if (f.shortage !== null) add('shortage', [String(f.shortage)]);
  let province: Uint8Array | null = null;
  if (f.province.length) {
    province = new Uint8Array(ix.provinces.length);
    for (const p of f.province) {
      const c = ix.provinces.indexOf(p);
      if (c >= 0) province[c] = 1;
    }
  }
  return { tests, province, startLimit: f.startWithin ? dayNumber(today) + f.startWithin * 7 : null };
}

/** Text matches from SQL (published offers matching q, with their rank); null: no words in the query. */
export type TextMatch = { id: string; rank: number };

type Candidates = { rows: Int32Array; rank: Float64Array | null; dist: Float64Array | null; count: number };

function box(near: Near) {
  return { dLat: near.km / 111.2, dLng: near.km / (111.32 * Math.max(0.2, Math.cos((near.lat * Math.PI) / 180))) };
}

/** The candidates: the text matches (or every offer), within the distance (nearest location inside the box). */
function candidates(ix: FacetIndex, text: TextMatch[] | null, near: Near | null): Candidates {
  const size = text ? text.length : ix.n;
  const rows = new Int32Array(size);
  const rank = text ? new Float64Array(size) : null;
  const dist = near ? new Float64Array(size) : null;
  let count = 0;
  const b = near && box(near);
  const cosNear = near ? Math.cos(near.lat * RAD) : 0;
  for (let k = 0; k < size; k++) {
    let r = k;
    if (text) {
      const found = ix.row.get(text[k]!.id);
      if (found === undefined) continue;
      r = found;
    }
    if (near) {
      let best = Infinity;
      for (let j = ix.locStart[r]!; j < ix.locStart[r + 1]!; j++) {
        const lat = ix.lat[j]!, lng = ix.lng[j]!;
        if (lat < near.lat - b!.dLat || lat > near.lat + b!.dLat || lng < near.lng - b!.dLng || lng > near.lng + b!.dLng) continue;
        // the SQL's formula, term for term
        const s1 = Math.sin(((lat - near.lat) * RAD) / 2);
        const s2 = Math.sin(((lng - near.lng) * RAD) / 2);
        const d = 2 * EARTH_KM * Math.asin(Math.sqrt(s1 * s1 + cosNear * Math.cos(lat * RAD) * (s2 * s2)));
        if (d < best) best = d;
      }
      if (!(best <= near.km)) continue;
      dist![count] = best;
    }
    rows[count] = r;
    if (rank) rank[count] = text![k]!.rank;
    count++;
  }
  return { rows, rank, dist, count };
}

/** The fail bits of every candidate (a bit per facet filter it fails). */
function failBits(ix: FacetIndex, c: Candidates, f: Compiled, day: NonNullable<FacetIndex['day']>): Int32Array {
  const fail = new Int32Array(c.count);
  const { tests, province, startLimit } = f;
  for (let k = 0; k < c.count; k++) {
    const r = c.rows[k]!;
    const lo = ix.lo[r]!, hi = ix.hi[r]!;
    let x = 0;
    for (const t of tests) if ((lo & t.lo) === 0 && (hi & t.hi) === 0 && !(t.vov && day.vovOk[r])) x |= t.fail;
    if (province) {
      let hit = false;
      for (let j = ix.provStart[r]!; j < ix.provStart[r + 1]! && !hit; j++) hit = province[ix.provCodes[j]!] === 1;
      if (!hit) x |= FB.province;
    }
    if (startLimit !== null && !(day.upcoming[r]! <= startLimit)) x |= FB.startWithin;
    fail[k] = x;
  }
  return fail;
}

function countBits(x: number, counts: Float64Array, offset: number) {
  while (x !== 0) {
    const low = x & -x;
    counts[offset + 31 - Math.clz32(low)]!++;
    x ^= low;
  }
}

/** The same answer as repo.searchPage: total, the page, and every facet's counts (each over all the other filters). */
export function searchIndex(ix: FacetIndex, plan: SearchPlan, text: TextMatch[] | null): { total: number; page: PageRow[]; facets: FacetCount[] } {
  const day = dayValues(ix, plan.today);
  const c = candidates(ix, text, plan.near);
  const fail = failBits(ix, c, compile(ix, plan.filters, plan.today), day);
  const t = dayNumber(plan.today);
  const weeks = START_WITHIN.map((w) => t + Number(w) * 7);
  const bitCounts = new Float64Array(64);
  const startCounts = new Float64Array(weeks.length);
  const provCounts = new Float64Array(ix.provinces.length);
  let vovCount = 0;
  let total = 0;
  const matches = new Int32Array(c.count); // candidate positions with fail = 0
  for (let k = 0; k < c.count; k++) {
    const x = fail[k]!;
    if (x & (x - 1)) continue; // fails two filters or more: counts nowhere
    const r = c.rows[k]!;
    const g = x === 0 ? -1 : 31 - Math.clz32(x); // the one failed facet, whose values alone it counts in
    if (x === 0) matches[total++] = k;
    countBits(g < 0 ? ix.lo[r]! : ix.lo[r]! & GROUP_LO[g]!, bitCounts, 0);
    countBits(g < 0 ? ix.hi[r]! : ix.hi[r]! & GROUP_HI[g]!, bitCounts, 32);
    if ((g < 0 || g === I_INCENTIVE) && day.vovOk[r]) vovCount++;
    if (g < 0 || g === I_START) {
      const u = day.upcoming[r]!;
      for (let w = 0; w < weeks.length; w++) if (u <= weeks[w]!) startCounts[w]!++;
    }
    if (g < 0 || g === I_PROVINCE) for (let j = ix.provStart[r]!; j < ix.provStart[r + 1]!; j++) provCounts[ix.provCodes[j]!]!++;
  }
  // facets in the SQL path's order (the service keeps fixed facets in this order)
  const facets: FacetCount[] = [];
  const fixed = (facet: FacetName, values: readonly string[]) =>
    values.forEach((value, i) => facets.push({ facet, value, count: bitCounts[SPEC[facet]!.first + i]! }));
  fixed('format', FORMATS);
  fixed('level', LEVELS);
  fixed('language', LANGUAGES);
  fixed('schedule', SCHEDULES);
  fixed('priceBand', PRICE_BANDS);
  START_WITHIN.forEach((value, w) => facets.push({ facet: 'startWithin', value, count: startCounts[w]! }));
  for (const value of INCENTIVES) {
    facets.push({ facet: 'incentive', value, count: value === 'vov' ? vovCount : bitCounts[SPEC.incentive!.first + SPEC.incentive!.values.indexOf(value)]! });
  }
  fixed('providerKind', PROVIDER_KINDS);
  fixed('shortage', ['true', 'false']);
  REGIONS.forEach((value, i) => {
    const count = bitCounts[SPEC.region!.first + i]!;
    if (count > 0) facets.push({ facet: 'region', value, count });
  });
  ix.provinces.forEach((value, p) => provCounts[p]! > 0 && facets.push({ facet: 'province', value, count: provCounts[p]! }));
  return { total, page: page(ix, plan, c, matches.subarray(0, total), day), facets };
}

/** The matching rows sorted as the SQL's ORDER BY (ties: start date, then offer id), one page of them. */
function page(ix: FacetIndex, plan: SearchPlan, c: Candidates, matches: Int32Array, day: NonNullable<FacetIndex['day']>): PageRow[] {
  const end = Math.min(matches.length, plan.offset + plan.limit);
  if (plan.offset >= end) return [];
  let order: ArrayLike<number>; // candidate positions in page order
  if (plan.sort === 'start' || plan.sort === 'price') {
    // one exact numeric key per row: (start day or price rank) · 2^21 + row number (= id order)
    const keys = new Float64Array(matches.length);
    const primary = plan.sort === 'start' ? day.upcoming : ix.priceRank;
    for (let i = 0; i < matches.length; i++) {
      const r = c.rows[matches[i]!]!;
      keys[i] = primary[r]! * ROW_BITS + r;
    }
    const first = smallest(keys, end); // the first `end` positions of `matches`, in key order
    const out: number[] = [];
    for (let i = plan.offset; i < end; i++) out.push(matches[first[i]!]!);
    order = out;
  } else {
    const pos = Array.from(matches);
    if (plan.sort === 'relevance') {
      const rank = c.rank;
      pos.sort((a, b) => {
        const ra = rank ? rank[a]! : 0, rb = rank ? rank[b]! : 0;
        if (ra !== rb) return rb - ra;
        const ua = day.upcoming[c.rows[a]!]!, ub = day.upcoming[c.rows[b]!]!;
        return ua !== ub ? ua - ub : c.rows[a]! - c.rows[b]!;
      });
    } else {
      const dist = c.dist!;
      pos.sort((a, b) => (dist[a] !== dist[b] ? dist[a]! - dist[b]! : c.rows[a]! - c.rows[b]!));
    }
    order = pos.slice(plan.offset, end);
  }
  return Array.from(order, (k) => ({ id: ix.ids[c.rows[k]!]!, rank: c.rank ? c.rank[k]! : 0, distance_km: c.dist ? c.dist[k]! : null }));
}

/**
 * The positions of the `k` smallest keys (all distinct), smallest first: a bounded max-heap, so a
 * page near the start costs one pass over the matches instead of sorting all of them.
 */
export function smallest(keys: Float64Array, k: number): Int32Array {
  const n = keys.length;
  if (k * 4 >= n) return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!).subarray(0, k);
  const heap = new Int32Array(k); // max-heap on keys
  let size = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < size && keys[heap[l]!]! > keys[heap[m]!]!) m = l;
      if (r < size && keys[heap[r]!]! > keys[heap[m]!]!) m = r;
      if (m === i) return;
      const t = heap[i]!; heap[i] = heap[m]!; heap[m] = t;
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      let j = size++;
      heap[j] = i;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (keys[heap[p]!]! >= keys[heap[j]!]!) break;
        const t = heap[p]!; heap[p] = heap[j]!; heap[j] = t;
        j = p;
      }
    } else if (keys[i]! < keys[heap[0]!]!) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.subarray(0, size).sort((a, b) => keys[a]! - keys[b]!);
}

/** Only the number of matches (the "relax this filter" suggestions). */
export function countIndex(ix: FacetIndex, plan: SearchPlan, text: TextMatch[] | null): number {
  const c = candidates(ix, text, plan.near);
  const fail = failBits(ix, c, compile(ix, plan.filters, plan.today), dayValues(ix, plan.today));
  let n = 0;
  for (let k = 0; k < c.count; k++) if (fail[k] === 0) n++;
  return n;
}
