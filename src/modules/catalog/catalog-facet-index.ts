import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { START_WITHIN, type FacetName } from './catalog-search.schema.ts';
import type { FacetCount, Filters, HitRow, Near, PageRow, SearchPlan, TextPlan, TitleSuggestion } from './catalog-search.repository.ts';
import { buildCards, cardHits, readCardRows, type Cards } from './catalog-hit-cards.ts';
import { buildTitleIndex, suggestTitlesFrom, type TitleIndex } from './catalog-title-suggest.ts';
import { allRows, and, bitset, count, countAnd, fromRows, has, union, words, type Bits } from './catalog-facet-bits.ts';
import { buildTextIndex, matchText, readTextRows, type TextIndex } from './catalog-text-index.ts';
import { FORMATS, INCENTIVES, LANGUAGES, LEVELS, PRICE_BANDS, PROVIDER_KINDS, REGIONS, SCHEDULES } from './catalog-search.schema.ts';

// An in-process columnar copy of catalog_offer_search (+ each offer's coordinates and sort keys), one
// per database handle and catalogue version: filters, facet counts, distance, sorting and paging run
// in JavaScript over typed arrays with the same semantics as the SQL path (catalog-search.repository.ts),
// which on PGlite (WebAssembly, one statement at a time) spent hundreds of ms on the aggregate pass.
// The text match runs over posting lists of the stored vectors (catalog-text-index.ts).

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
  locPlace: Int32Array; // catalog_place id of each location
  day?: Day;
  text: TextIndex;
  cards: Cards;
  sets?: Sets;
  titles?: TitleIndex;
};

/** Date-dependent values of one day (computed once per day and index). */
type Day = {
  today: string;
  upcoming: Int32Array; // next session from today, NO_DAY if none
  vovOk: Uint8Array;
  flags: Uint8Array; // per row: bit 0 VOV valid today, bit 1 + k next session within START_WITHIN[k] weeks
  sets?: { vov: Bits; start: Bits[]; byStart: Int32Array; all?: Counts };
};

type LoadRow = { id: string; m: number; provinces: string[]; ns: number | null; st: string; vov: boolean; vf: number | null; vu: number | null; pr: number };

export async function loadFacetIndex(db: Db, version: string): Promise<FacetIndex> {
  // one snapshot for the rows and the locations
  const [rows, locs, textRows, cardRows] = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => [
    (await sql<LoadRow>`SELECT s.offer_id::text AS id, s.mask AS m, s.provinces,
        s.next_start - DATE '1970-01-01' AS ns,
        array_to_string(ARRAY(SELECT x - DATE '1970-01-01' FROM unnest(s.starts) x ORDER BY 1), ',') AS st,
        s.vov, s.vov_from - DATE '1970-01-01' AS vf, s.vov_until - DATE '1970-01-01' AS vu,
        dense_rank() OVER (ORDER BY s.price_eur ASC NULLS LAST)::int AS pr
      FROM catalog_offer_search s ORDER BY s.offer_id`.execute(trx)).rows,
    (await sql<{ id: string; lat: number; lng: number; place: number }>`SELECT offer_id::text AS id, lat, lng, place_id AS place FROM catalog_offer_location`.execute(trx)).rows,
    await readTextRows(trx),
    await readCardRows(trx),
  ]);
  const n = rows.length;
  if (n >= ROW_BITS) throw new Error(`facet index: ${n} offers exceed ${ROW_BITS}`);
  const ix: FacetIndex = {
    version, n, ids: new Array<string>(n), row: new Map(),
    lo: new Uint32Array(n), hi: new Uint32Array(n), provStart: new Int32Array(n + 1), provCodes: new Uint16Array(0), provinces: [],
    nextStart: new Int32Array(n), startsStart: new Int32Array(n + 1), starts: new Int32Array(0), vov: new Uint8Array(n),
    vovFrom: new Int32Array(n), vovUntil: new Int32Array(n), priceRank: new Int32Array(n),
    locStart: new Int32Array(n + 1), lat: new Float64Array(0), lng: new Float64Array(0), locPlace: new Int32Array(0),
    text: undefined as unknown as TextIndex, // once the rows are numbered
    cards: undefined as unknown as Cards,
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
  ix.locPlace = new Int32Array(ix.locStart[n]!);
  const fill = ix.locStart.slice(0, n);
  for (let k = 0; k < locs.length; k++) {
    const r = locRow[k]!;
    if (r < 0) continue;
    const at = fill[r]!++;
    ix.lat[at] = Number(locs[k]!.lat);
    ix.lng[at] = Number(locs[k]!.lng);
    ix.locPlace[at] = Number(locs[k]!.place);
  }
  ix.text = buildTextIndex(textRows, ix.row);
  ix.cards = buildCards(cardRows, ix.row);
  return ix;
}

// One index per database handle, loaded in the background: seconds at 100,000 offers (measured in
// bench P3), so a search of a newer catalogue version than the index holds is answered by the SQL
// engine (the same answers: catalog-facet-index.api.test.ts) until the reload is done.
type Held = { ready: FacetIndex | null; loading: Promise<FacetIndex> | null; wanted: string };
const indexes = new WeakMap<Db, Held>();
const newer = (a: string, b: string) => BigInt(a) > BigInt(b);

function startLoad(db: Db, held: Held): Promise<FacetIndex> {
  const version = held.wanted;
  const loading = loadFacetIndex(db, version).then(
    (ix) => {
      held.ready = ix;
      held.loading = null;
      if (newer(held.wanted, ix.version)) startLoad(db, held).catch(() => {}); // written to while loading
      return ix;
    },
    (err: unknown) => {
      held.loading = null;
      throw err;
    },
  );
  held.loading = loading;
  return loading;
}

function held(db: Db, version: string): Held {
  let h = indexes.get(db);
  if (!h) indexes.set(db, (h = { ready: null, loading: null, wanted: version }));
  if (newer(version, h.wanted)) h.wanted = version;
  return h;
}

/**
 * The index if it holds `version` (the service read it from catalog_search_version) or newer, else
 * null — and a reload is under way. (A request that read the version just before a write may use the
 * newer copy: it reads what it would read a moment later.)
 */
export function readyIndex(db: Db, version: string): FacetIndex | null {
  const h = held(db, version);
  if (h.ready && !newer(version, h.ready.version)) return h.ready;
  if (!h.loading) startLoad(db, h).catch(() => {}); // a failed load is tried again by the next search
  return null;
}

/** The index of `version` or newer, waiting for a load (KOERS_SEARCH_ENGINE=index, tests, the benchmark). */
export async function facetIndex(db: Db, version: string): Promise<FacetIndex> {
  const h = held(db, version);
  for (;;) {
    if (h.ready && !newer(version, h.ready.version)) return h.ready;
    await (h.loading ?? startLoad(db, h));
  }
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Today's date-dependent values: the next session from today (as the SQL's `upcoming`) and VOV valid today. */
function dayValues(ix: FacetIndex, today: string): Day {
  if (ix.day?.today === today) return ix.day;
  const t = dayNumber(today);
  const upcoming = new Int32Array(ix.n);
  const vovOk = new Uint8Array(ix.n);
  const flags = new Uint8Array(ix.n);
  const limits = START_WITHIN.map((w) => t + Number(w) * 7);
  for (let r = 0; r < ix.n; r++) {
    let u = NO_DAY;
    if (ix.nextStart[r]! >= t) u = ix.nextStart[r]!;
    else for (let k = ix.startsStart[r]!; k < ix.startsStart[r + 1]!; k++) if (ix.starts[k]! >= t) { u = ix.starts[k]!; break; }
    upcoming[r] = u;
    vovOk[r] = ix.vov[r]! && ix.vovFrom[r]! <= t && ix.vovUntil[r]! >= t ? 1 : 0;
    let f = vovOk[r]!;
    for (let k = 0; k < limits.length; k++) if (u <= limits[k]!) f |= 2 << k;
    flags[r] = f;
  }
  ix.day = { today, upcoming, vovOk, flags };
  if (ix.sets) copyFlags(ix.sets, flags);
  return ix.day;
}

// ---- facets: the bits of mask (see the migration 202611291500) ----

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

/**
 * Each mask bit's rows, each province's rows, all rows; the rows by price; and each row's facet
 * values as counter numbers (mask bit, or 64 + province code) in a record of `stride` bytes per row
 * (their count, the numbers, and in its last byte the row's flags of the current day), so that
 * counting a row reads one cache line: counting the matches of a search is bound by memory reads
 * (a random read ≈ 40 ns here), not by arithmetic (computed once per index).
 */
type Sets = { mask: Bits[]; province: Bits[]; all: Bits; byPrice?: Int32Array; rec: Uint8Array; stride: number };

function sets(ix: FacetIndex): Sets {
  if (ix.sets) return ix.sets;
  const mask = Array.from({ length: 64 }, () => new Uint32Array(words(ix.n)));
  const province = ix.provinces.map(() => new Uint32Array(words(ix.n)));
  if (64 + ix.provinces.length > 256) throw new Error(`facet index: ${ix.provinces.length} provinces exceed a byte`);
  const codesOf = (r: number) => {
    const codes: number[] = [];
    for (let x = ix.lo[r]!; x !== 0; x &= x - 1) codes.push(31 - Math.clz32(x & -x));
    for (let x = ix.hi[r]!; x !== 0; x &= x - 1) codes.push(63 - Math.clz32(x & -x));
    for (let j = ix.provStart[r]!; j < ix.provStart[r + 1]!; j++) codes.push(64 + ix.provCodes[j]!);
    return codes;
  };
  let most = 0;
  for (let r = 0; r < ix.n; r++) most = Math.max(most, codesOf(r).length);
  const stride = 2 ** Math.ceil(Math.log2(most + 2)); // 16 or 32 in practice
  const rec = new Uint8Array(ix.n * stride);
  for (let r = 0; r < ix.n; r++) {
    const codes = codesOf(r);
    rec[r * stride] = codes.length;
    codes.forEach((code, j) => {
      rec[r * stride + 1 + j] = code;
      bitset(code < 64 ? mask[code]! : province[code - 64]!, r);
    });
  }
  ix.sets = { mask, province, all: allRows(ix.n), rec, stride };
  if (ix.day) copyFlags(ix.sets, ix.day.flags);
  return ix.sets;
}

function copyFlags(S: Sets, flags: Uint8Array) {
  for (let r = 0, at = S.stride - 1; r < flags.length; r++, at += S.stride) S.rec[at] = flags[r]!;
}

/** Rows sorted by key · 2^21 + row (the key, then offer id), for paging without words or place. */
function sortedRows(n: number, key: (r: number) => number): Int32Array {
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) keys[r] = key(r) * ROW_BITS + r;
  keys.sort();
  return Int32Array.from(keys, (k) => k % ROW_BITS);
}

/** Today's sets: VOV valid today, next session within each startWithin value; rows by next session. */
function daySets(ix: FacetIndex, day: Day): NonNullable<Day['sets']> {
  if (day.sets) return day.sets;
  const t = dayNumber(day.today);
  const vov = fromRows(ix.n, [...day.vovOk.keys()].filter((r) => day.vovOk[r]));
  const start = START_WITHIN.map((w) => startSet(ix, day, t + Number(w) * 7));
  return (day.sets = { vov, start, byStart: sortedRows(ix.n, (r) => day.upcoming[r]!) });
}

function startSet(ix: FacetIndex, day: Day, limit: number): Bits {
  const b = new Uint32Array(words(ix.n));
  for (let r = 0; r < ix.n; r++) if (day.upcoming[r]! <= limit) bitset(b, r);
  return b;
}

/** The mask bits of some values of a facet (values outside its list add none: the filter then matches nothing). */
function maskBits(facet: FacetName, values: readonly string[]): number[] {
  const spec = SPEC[facet];
  return values.flatMap((v) => {
    const i = spec ? spec.values.indexOf(v) : -1;
    return i < 0 ? [] : [spec!.first + i];
  });
}

/** Each active facet filter as the set of rows passing it. */
function filterSets(ix: FacetIndex, f: Filters, day: Day): Array<{ facet: FacetName; rows: Bits }> {
  const S = sets(ix);
  const out: Array<{ facet: FacetName; rows: Bits }> = [];
  const add = (facet: FacetName, values: readonly string[], extra: Bits[] = []) => {
    if (values.length) out.push({ facet, rows: union(ix.n, [...maskBits(facet, values).map((b) => S.mask[b]!), ...extra]) });
  };
  add('format', f.format);
  add('level', f.level.map(String));
  add('language', f.language);
  add('schedule', f.schedule);
  add('region', f.region);
  add('priceBand', f.priceBand);
  add('incentive', f.incentive, f.incentive.includes('vov') ? [daySets(ix, day).vov] : []);
  add('providerKind', f.providerKind);
  if (f.shortage !== null) add('shortage', [String(f.shortage)]);
  if (f.province.length) {
    const codes = f.province.map((p) => ix.provinces.indexOf(p)).filter((c) => c >= 0);
    out.push({ facet: 'province', rows: union(ix.n, codes.map((c) => S.province[c]!)) });
  }
  if (f.startWithin) {
    const w = START_WITHIN.indexOf(String(f.startWithin) as (typeof START_WITHIN)[number]);
    out.push({ facet: 'startWithin', rows: w >= 0 ? daySets(ix, day).start[w]! : startSet(ix, day, dayNumber(day.today) + f.startWithin * 7) });
  }
  return out;
}

/** Text matches (rows ascending, with their rank); null: no words in the query. */
export type TextMatch = { rows: Int32Array; rank: Float64Array };

/** The offers matching a text plan, with their rank (catalog-text-index.ts). */
export function textMatches(ix: FacetIndex, t: TextPlan): TextMatch {
  return matchText(ix.text, ix.n, t);
}

type Candidates = { rows: Int32Array; rank: Float64Array | null; dist: Float64Array | null; count: number };

function box(near: Near) {
  return { dLat: near.km / 111.2, dLng: near.km / (111.32 * Math.max(0.2, Math.cos((near.lat * Math.PI) / 180))) };
}

/** The candidates: the text matches (or every offer), within the distance (nearest location inside the box). */
function candidates(ix: FacetIndex, text: TextMatch | null, near: Near | null): Candidates {
  const size = text ? text.rows.length : ix.n;
  const rows = new Int32Array(size);
  const rank = text ? new Float64Array(size) : null;
  const dist = near ? new Float64Array(size) : null;
  let count = 0;
  const b = near && box(near);
  for (let k = 0; k < size; k++) {
    const r = text ? text.rows[k]! : k;
    if (near) {
      let best = Infinity;
      for (let j = ix.locStart[r]!; j < ix.locStart[r + 1]!; j++) {
        const lat = ix.lat[j]!, lng = ix.lng[j]!;
        if (lat < near.lat - b!.dLat || lat > near.lat + b!.dLat || lng < near.lng - b!.dLng || lng > near.lng + b!.dLng) continue;
        const d = km(near, lat, lng);
        if (d < best) best = d;
      }
      if (!(best <= near.km)) continue;
      dist![count] = best;
    }
    rows[count] = r;
    if (rank) rank[count] = text!.rank[k]!;
    count++;
  }
  return { rows, rank, dist, count };
}

type Matched = { c: Candidates | null; matches: Bits; base: (facet: FacetName) => Bits };

/**
 * The rows matching words, place and every filter, and for each facet the rows matching all but its
 * own filter (prefix and suffix intersections: 2k set operations for k filters).
 */
function match(ix: FacetIndex, plan: SearchPlan, text: TextMatch | null, day: Day): Matched {
  const c = text || plan.near ? candidates(ix, text, plan.near) : null;
  const start = c ? fromRows(ix.n, c.rows, c.count) : sets(ix).all;
  const active = filterSets(ix, plan.filters, day);
  const prefix = [start];
  for (const a of active) prefix.push(and(prefix.at(-1)!, a.rows));
  const others = new Map<FacetName, Bits>();
  let suffix: Bits | null = null; // rows passing the filters after j
  for (let j = active.length - 1; j >= 0; j--) {
    others.set(active[j]!.facet, suffix ? and(prefix[j]!, suffix) : prefix[j]!);
    suffix = suffix ? and(active[j]!.rows, suffix) : active[j]!.rows;
  }
  const matches = prefix.at(-1)!;
  return { c, matches, base: (facet) => others.get(facet) ?? matches };
}

/** The same answer as repo.searchPage: total, the page, and every facet's counts (each over all the other filters). */
export function searchIndex(ix: FacetIndex, plan: SearchPlan, text: TextMatch | null): { total: number; page: PageRow[]; facets: FacetCount[] } {
  const day = dayValues(ix, plan.today);
  const S = sets(ix);
  const D = daySets(ix, day);
  const m = match(ix, plan, text, day);
  // facets in the SQL path's order (the service keeps fixed facets in this order)
  const facets: FacetCount[] = [];
  const tally = tallies(ix, S, D);
  const fixed = (facet: FacetName, values: readonly string[]) => {
    const base = m.base(facet);
    values.forEach((value, i) => {
      const bit = SPEC[facet]!.first + i;
      facets.push({ facet, value, count: tally(base, (c) => c.bits[bit]!, S.mask[bit]!) });
    });
  };
  fixed('format', FORMATS);
  fixed('level', LEVELS);
  fixed('language', LANGUAGES);
  fixed('schedule', SCHEDULES);
  fixed('priceBand', PRICE_BANDS);
  START_WITHIN.forEach((value, w) => facets.push({ facet: 'startWithin', value, count: tally(m.base('startWithin'), (c) => c.start[w]!, D.start[w]!) }));
  for (const value of INCENTIVES) {
    const bit = SPEC.incentive!.first + SPEC.incentive!.values.indexOf(value);
    const count = value === 'vov' ? tally(m.base('incentive'), (c) => c.vov, D.vov) : tally(m.base('incentive'), (c) => c.bits[bit]!, S.mask[bit]!);
    facets.push({ facet: 'incentive', value, count });
  }
  fixed('providerKind', PROVIDER_KINDS);
  fixed('shortage', ['true', 'false']);
  REGIONS.forEach((value, i) => {
    const bit = SPEC.region!.first + i;
    const count = tally(m.base('region'), (c) => c.bits[bit]!, S.mask[bit]!);
    if (count > 0) facets.push({ facet: 'region', value, count });
  });
  ix.provinces.forEach((value, p) => {
    const count = tally(m.base('province'), (c) => c.prov[p]!, S.province[p]!);
    if (count > 0) facets.push({ facet: 'province', value, count });
  });
  const total = count(m.matches);
  if (!m.c) return { total, page: pageOfAll(ix, plan, m.matches, D), facets };
  const positions = new Int32Array(total);
  let t = 0;
  for (let k = 0; k < m.c.count; k++) if (has(m.matches, m.c.rows[k]!)) positions[t++] = k;
  return { total, page: page(ix, plan, m.c, positions, day), facets };
}

/** Every facet value's count over one set of rows. */
type Counts = { bits: Int32Array; prov: Int32Array; vov: number; start: Float64Array };

/**
 * Counting facet values over a set of rows, the cheaper way for its size: all rows (no words, place
 * or other filter) once per day; a small set (≤ n/16 rows) in one pass over its rows; a large one by
 * intersecting with each value's set.
 */
function tallies(ix: FacetIndex, S: Sets, D: NonNullable<Day['sets']>) {
  const held = new Map<Bits, Counts | null>();
  const counts = (base: Bits): Counts | null => {
    let c = held.get(base);
    if (c !== undefined) return c;
    if (base === S.all) c = D.all ??= rowCounts(ix, base);
    else c = count(base) <= ix.n / 16 ? rowCounts(ix, base) : null;
    held.set(base, c);
    return c;
  };
  return (base: Bits, pick: (c: Counts) => number, values: Bits) => {
    const c = counts(base);
    return c ? pick(c) : countAnd(base, values);
  };
}

/** Every facet value's count over the rows of `base`, on the day of ix.day (whose flags the records hold). */
function rowCounts(ix: FacetIndex, base: Bits): Counts {
  const { rec, stride } = sets(ix);
  const acc = new Int32Array(64 + ix.provinces.length); // mask bits, then provinces
  const byFlag = new Int32Array(256); // rows per combination of the day's flags
  for (let w = 0; w < base.length; w++) {
    for (let x = base[w]! | 0; x !== 0; x &= x - 1) {
      const at = ((w << 5) + 31 - Math.clz32(x & -x)) * stride;
      for (let j = at + 1, end = at + 1 + rec[at]!; j < end; j++) acc[rec[j]!]!++;
      byFlag[rec[at + stride - 1]!]!++;
    }
  }
  let vov = 0;
  const start = new Float64Array(START_WITHIN.length);
  for (let f = 0; f < 256; f++) {
    if (!byFlag[f]) continue;
    if (f & 1) vov += byFlag[f]!;
    for (let k = 0; k < start.length; k++) if (f & (2 << k)) start[k]! += byFlag[f]!;
  }
  return { bits: acc.subarray(0, 64), prov: acc.subarray(64), vov, start };
}

/** Without words or place: walk the rows in start (or price) order and take the page's matches. */
function pageOfAll(ix: FacetIndex, plan: SearchPlan, matches: Bits, D: NonNullable<Day['sets']>): PageRow[] {
  const S = sets(ix);
  // relevance without words: every rank is 0, so the start order decides (as the SQL's ORDER BY)
  const order = plan.sort === 'price' ? (S.byPrice ??= sortedRows(ix.n, (r) => ix.priceRank[r]!)) : D.byStart;
  const out: PageRow[] = [];
  let skip = plan.offset;
  for (let i = 0; i < order.length && out.length < plan.limit; i++) {
    const r = order[i]!;
    if (!has(matches, r)) continue;
    if (skip > 0) skip--;
    else out.push({ id: ix.ids[r]!, rank: 0, distance_km: null });
  }
  return out;
}

/** The matching rows sorted as the SQL's ORDER BY (ties: start date, then offer id), one page of them. */
function page(ix: FacetIndex, plan: SearchPlan, c: Candidates, matches: Int32Array, day: Day): PageRow[] {
  const end = Math.min(matches.length, plan.offset + plan.limit);
  if (plan.offset >= end) return [];
  let cmp: (a: number, b: number) => number; // over indexes into `matches`
  if (plan.sort === 'start' || plan.sort === 'price') {
    // one exact numeric key per row: (start day or price rank) · 2^21 + row number (= id order)
    const keys = new Float64Array(matches.length);
    const primary = plan.sort === 'start' ? day.upcoming : ix.priceRank;
    for (let i = 0; i < matches.length; i++) {
      const r = c.rows[matches[i]!]!;
      keys[i] = primary[r]! * ROW_BITS + r;
    }
    cmp = (a, b) => keys[a]! - keys[b]!;
  } else if (plan.sort === 'relevance') {
    const rank = c.rank;
    cmp = (i, j) => {
      const a = matches[i]!, b = matches[j]!;
      const ra = rank ? rank[a]! : 0, rb = rank ? rank[b]! : 0;
      if (ra !== rb) return rb - ra;
      const ua = day.upcoming[c.rows[a]!]!, ub = day.upcoming[c.rows[b]!]!;
      return ua !== ub ? ua - ub : c.rows[a]! - c.rows[b]!;
    };
  } else {
    const dist = c.dist!;
    cmp = (i, j) => {
      const a = matches[i]!, b = matches[j]!;
      return dist[a] !== dist[b] ? dist[a]! - dist[b]! : c.rows[a]! - c.rows[b]!;
    };
  }
  const first = smallest(matches.length, end, cmp); // the first `end` of `matches`, in page order
  const out: PageRow[] = [];
  for (let i = plan.offset; i < end; i++) {
    const k = matches[first[i]!]!;
    out.push({ id: ix.ids[c.rows[k]!]!, rank: c.rank ? c.rank[k]! : 0, distance_km: c.dist ? c.dist[k]! : null });
  }
  return out;
}

/**
 * The first `k` of 0 .. n-1 in the order of `cmp` (a strict order: no ties), first first: a bounded
 * max-heap, so a page near the start costs one pass over the matches instead of sorting all of them.
 */
export function smallest(n: number, k: number, cmp: (a: number, b: number) => number): Int32Array {
  if (k * 4 >= n) return Int32Array.from({ length: n }, (_, i) => i).sort(cmp).subarray(0, k);
  const heap = new Int32Array(k); // max-heap under cmp
  let size = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < size && cmp(heap[l]!, heap[m]!) > 0) m = l;
      if (r < size && cmp(heap[r]!, heap[m]!) > 0) m = r;
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
        if (cmp(heap[p]!, heap[j]!) >= 0) break;
        const t = heap[p]!; heap[p] = heap[j]!; heap[j] = t;
        j = p;
      }
    } else if (cmp(i, heap[0]!) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.subarray(0, size).sort(cmp);
}

/** What the result list shows of a page's offers (the index engine's repo.hitDetails). */
export function pageHits(ix: FacetIndex, ids: string[], today: string, near: Near | null): HitRow[] {
  const rows = ids.flatMap((id) => (ix.row.has(id) ? [ix.row.get(id)!] : []));
  return cardHits(ix.cards, rows, dayNumber(today), dayValues(ix, today).vovOk, (r) => nearestPlace(ix, r, near));
}

/** The place of an offer's location nearest to `near`, else the one with the lowest postal code, then name. */
function nearestPlace(ix: FacetIndex, r: number, near: Near | null): number | null {
  let best: number | null = null;
  let bestKm = Infinity;
  let bestKey = '';
  for (let j = ix.locStart[r]!; j < ix.locStart[r + 1]!; j++) {
    const id = ix.locPlace[j]!;
    if (near) {
      const d = km(near, ix.lat[j]!, ix.lng[j]!);
      if (d < bestKm) [best, bestKm] = [id, d];
    } else {
      const p = ix.cards.places.get(id);
      const key = p ? `${p.postal_code}\u0000${p.name}` : '';
      if (best === null || key < bestKey) [best, bestKey] = [id, key];
    }
  }
  return best;
}

/** Great-circle distance: the SQL's formula, term for term. */
function km(near: { lat: number; lng: number }, lat: number, lng: number): number {
  const s1 = Math.sin(((lat - near.lat) * RAD) / 2);
  const s2 = Math.sin(((lng - near.lng) * RAD) / 2);
  return 2 * EARTH_KM * Math.asin(Math.sqrt(s1 * s1 + Math.cos(near.lat * RAD) * Math.cos(lat * RAD) * (s2 * s2)));
}

/** Autocomplete: titles with a word starting with `prefix` (catalog-title-suggest.ts). */
export function suggestIndex(ix: FacetIndex, prefix: string, limit: number): TitleSuggestion[] {
  return suggestTitlesFrom((ix.titles ??= buildTitleIndex(ix.cards)), prefix, limit);
}

/** Only the number of matches (the "relax this filter" suggestions). */
export function countIndex(ix: FacetIndex, plan: SearchPlan, text: TextMatch | null): number {
  return count(match(ix, plan, text, dayValues(ix, plan.today)).matches);
}
