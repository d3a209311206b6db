import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { OCCUPATION_BONUS, PHRASE_BONUS, RANK_HALF, WEIGHT_POINTS } from './catalog-text-index.ts';
import { INCENTIVES, FORMATS, LANGUAGES, LEVELS, PRICE_BANDS, PROVIDER_KINDS, REGIONS, SCHEDULES, START_WITHIN, type FacetName } from './catalog-search.schema.ts';

// SQL of catalogue search. Raw SQL (Kysely's `sql`): the statements are built from fixed fragments
// and parameters only — user text never becomes SQL or tsquery syntax (plainto_tsquery reads words).

export const TEXT_CONFIGS = ['dutch', 'french', 'english', 'simple'] as const;
const EARTH_KM = 6371.0088;

export type Place = { name: string; postal_code: string; lat: number; lng: number };
export type Near = { lat: number; lng: number; km: number };

/** Filters as the service resolved them: empty arrays mean "not filtered". */
export type Filters = {
  format: string[];
  level: number[];
  language: string[];
  schedule: string[];
  province: string[];
  region: string[];
  priceBand: string[];
  incentive: string[];
  providerKind: string[];
  startWithin: number | null; // weeks
  shortage: boolean | null;
};

/** A text query: groups of alternative words (a word and its typo corrections), all groups required. */
export type TextPlan = {
  groups: string[][];
  phrase: string;
  occupationUris: string[];
  /** The groups as one tsquery text, each distinct stem once: what the SQL engine matches with. */
  matchTsquery: string | null;
  /** Per group, its alternatives (a word or near word in one configuration), each the lexemes it needs: what the index matches and both engines rank with. */
  stems: string[][][];
};

export type SearchPlan = {
  text: TextPlan | null; // null: no q; groups = [] with q: nothing searchable → no match
  near: Near | null;
  filters: Filters;
  today: string; // YYYY-MM-DD
  sort: 'relevance' | 'start' | 'distance' | 'price';
  limit: number;
  offset: number;
};

// ---- places ----

export async function findPlace(db: Db, near: string): Promise<Place | null> {
  const m = /^([1-9][0-9]{3})(?:\s+(.+))?$/.exec(near);
  const r = m
    ? await sql<Place>`SELECT name, postal_code, lat, lng FROM catalog_place WHERE postal_code = ${m[1]}
        ORDER BY (lower(name) = lower(${m[2] ?? ''})) DESC, id LIMIT 1`.execute(db)
    : await sql<Place>`SELECT name, postal_code, lat, lng FROM catalog_place WHERE lower(name) = lower(${near})
        ORDER BY postal_code, id LIMIT 1`.execute(db);
  return r.rows[0] ?? null;
}

/** The catalogue's search version (bumped by every write a search could see; see the migration). */
export async function searchVersion(db: Db): Promise<string> {
  const r = await sql<{ version: string }>`SELECT version::text AS version FROM catalog_search_version WHERE id = 1`.execute(db);
  return r.rows[0]?.version ?? '0';
}

// ---- query words ----

/** `tsq`: the distinct non-empty tsqueries of the word and its near words in every configuration (as text). */
export type WordInfo = { w: string; stop: boolean; known: boolean; near: string[]; tsq: string[] };

/**
 * For each query word: is it a stop word in one of the languages (then it is dropped), is it a word
 * of the catalogue, and if not, its nearest catalogue words by trigram similarity (typo correction:
 * "lasen" → "lassen") or word similarity (a typo inside a compound: "heftruk" → "heftruckchauffeur").
 */
export async function analyseWords(db: Db, words: string[]): Promise<WordInfo[]> {
  if (!words.length) return [];
  const r = await sql<WordInfo>`
    SELECT a.*, ARRAY(SELECT DISTINCT q::text FROM unnest(a.w || a.near) x,
        unnest(${sql.raw(`ARRAY[${TEXT_CONFIGS.map((c) => `'${c}'`).join(', ')}]::regconfig[]`)}) cfg, plainto_tsquery(cfg, x) q
      WHERE numnode(q) > 0 ORDER BY 1) AS tsq
    FROM (SELECT t.i, t.w,
      (numnode(plainto_tsquery('simple', t.w)) = 0 OR numnode(plainto_tsquery('dutch', t.w)) = 0
        OR numnode(plainto_tsquery('french', t.w)) = 0 OR numnode(plainto_tsquery('english', t.w)) = 0) AS stop,
      EXISTS (SELECT 1 FROM catalog_search_word v WHERE v.word = t.w) AS known,
      ARRAY(SELECT v.word FROM catalog_search_word v
            WHERE length(t.w) >= 4 AND (v.word % t.w OR t.w <% v.word)
              AND (similarity(v.word, t.w) >= 0.45 OR word_similarity(t.w, v.word) >= 0.7)
              AND NOT EXISTS (SELECT 1 FROM catalog_search_word k WHERE k.word = t.w)
            ORDER BY greatest(similarity(v.word, t.w), word_similarity(t.w, v.word) - 0.1) DESC, v.word LIMIT 3) AS near
    FROM unnest(${words}::text[]) WITH ORDINALITY AS t(w, i)) a
    ORDER BY a.i`.execute(db);
  return r.rows;
}

// ---- the search statement ----
//
// Over catalog_offer_search (migration 202611291500): one narrow row per published offer with every
// date-independent facet value as a bit of `mask`. A search materialises its candidates (text and
// distance matches, or all published offers) once with a `fail` bitmask — which facet filters the
// row fails — and then reads them twice: one aggregate pass for the total and every facet count, one
// ordered pass for the page. A facet's counts are over the rows failing no filter but its own.

const anyText = (xs: string[]) => sql`${xs}::text[]`;

/** Points of a group's lexemes in o.search_tsv (catalog-text-index.ts: WEIGHT_POINTS), as s / (s + RANK_HALF). */
function groupRank(lexemes: string[]): RawBuilder<unknown> {
  const points = sql`(SELECT coalesce(sum(CASE w WHEN 'A' THEN ${sql.lit(WEIGHT_POINTS.A)} WHEN 'B' THEN ${sql.lit(WEIGHT_POINTS.B)}
      WHEN 'C' THEN ${sql.lit(WEIGHT_POINTS.C)} ELSE ${sql.lit(WEIGHT_POINTS.D)} END), 0)
    FROM unnest(o.search_tsv) u, unnest(u.weights) w WHERE u.lexeme = ANY (${anyText(lexemes)}))`;
  return sql`(${points}::float8 / (${points} + ${sql.lit(RANK_HALF)})::float8)`;
}

const haversine = (lat: RawBuilder<unknown>, lng: RawBuilder<unknown>, near: Near) =>
  sql`(2 * ${EARTH_KM}::float8 * asin(sqrt(power(sin(radians(${lat} - ${near.lat}::float8) / 2), 2)
    + cos(radians(${near.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - ${near.lng}::float8) / 2), 2))))`;

/** Half the sides of the bounding box around `near`, in degrees. */
function box(near: Near) {
  return { dLat: near.km / 111.2, dLng: near.km / (111.32 * Math.max(0.2, Math.cos((near.lat * Math.PI) / 180))) };
}

/** Offers within `near.km`: a bounding box on the (lat, lng) index, then the exact great-circle distance. */
function nearSubquery(near: Near) {
  const { dLat, dLng } = box(near);
  const dist = haversine(sql.ref('l.lat'), sql.ref('l.lng'), near);
  return sql`(SELECT l.offer_id, min(${dist}) AS km FROM catalog_offer_location l
    WHERE l.lat BETWEEN ${near.lat - dLat}::float8 AND ${near.lat + dLat}::float8
      AND l.lng BETWEEN ${near.lng - dLng}::float8 AND ${near.lng + dLng}::float8
    GROUP BY l.offer_id HAVING min(${dist}) <= ${near.km}::float8)`;
}

// Bit numbers of catalog_offer_search.mask (see the migration): the first bit of each facet, in schema order.
const FIRST_BIT: Partial<Record<FacetName, { values: readonly string[]; first: number }>> = {
  format: { values: FORMATS, first: 0 },
  level: { values: LEVELS, first: 3 },
  language: { values: LANGUAGES, first: 11 },
  schedule: { values: SCHEDULES, first: 15 },
  priceBand: { values: PRICE_BANDS, first: 18 },
  providerKind: { values: PROVIDER_KINDS, first: 27 },
  shortage: { values: ['true', 'false'], first: 35 },
  region: { values: REGIONS, first: 37 },
};
const INCENTIVE_BIT: Record<string, number> = { vouchers: 24, 'training-credit': 25, kmo: 26 };
/** The mask of some values of a facet (values outside the facet's list add nothing). */
function bitsOf(facet: FacetName, values: string[]): bigint {
  const spec = FIRST_BIT[facet];
  let m = 0n;
  for (const v of values) {
    const i = spec ? spec.values.indexOf(v) : -1;
    if (i >= 0) m |= 1n << BigInt(spec!.first + i);
    else if (facet === 'incentive' && INCENTIVE_BIT[v] !== undefined) m |= 1n << BigInt(INCENTIVE_BIT[v]);
  }
  return m;
}
// computed from fixed lists, never from user text: safe as literals (and they keep the statement's plan cheap)
const maskHas = (m: bigint) => sql.raw(`(c.mask & ${m}::int8) <> 0`);
const startPred = (today: string, weeks: number) => sql`c.upcoming <= ${today}::date + ${weeks * 7}::int`;

const FACET_KEYS = ['format', 'level', 'language', 'schedule', 'province', 'region', 'priceBand', 'startWithin', 'incentive', 'providerKind', 'shortage'] as const satisfies readonly FacetName[];
const FACET_BIT = Object.fromEntries(FACET_KEYS.map((k, i) => [k, 1 << i])) as Record<FacetName, number>;

/** The predicate of each active facet filter over a candidate row (alias c). */
function activeFilters(f: Filters, today: string): Array<{ facet: FacetName; pred: RawBuilder<unknown> }> {
  const out: Array<{ facet: FacetName; pred: RawBuilder<unknown> }> = [];
  const bits = (facet: FacetName, values: string[]) => values.length && out.push({ facet, pred: maskHas(bitsOf(facet, values)) });
  bits('format', f.format);
  bits('level', f.level.map(String));
  bits('language', f.language);
  bits('schedule', f.schedule);
  if (f.province.length) out.push({ facet: 'province', pred: sql`c.provinces && ${anyText(f.province)}` });
  bits('region', f.region);
  bits('priceBand', f.priceBand);
  if (f.startWithin) out.push({ facet: 'startWithin', pred: startPred(today, f.startWithin) });
  if (f.incentive.length) {
    const m = bitsOf('incentive', f.incentive);
    const parts = [m ? maskHas(m) : null, f.incentive.includes('vov') ? sql`c.vov` : null].filter((x): x is RawBuilder<unknown> => !!x);
    out.push({ facet: 'incentive', pred: sql`(${sql.join(parts, sql` OR `)})` });
  }
  bits('providerKind', f.providerKind);
  if (f.shortage !== null) bits('shortage', [String(f.shortage)]);
  return out;
}

/** Every value of the fixed facets with its predicate (province and region are counted apart). */
function facetValues(today: string): Array<{ facet: FacetName; value: string; pred: RawBuilder<unknown> }> {
  const fixed = (facet: FacetName, values: readonly string[]) => values.map((value) => ({ facet, value, pred: maskHas(bitsOf(facet, [value])) }));
  return [
    ...fixed('format', FORMATS),
    ...fixed('level', LEVELS),
    ...fixed('language', LANGUAGES),
    ...fixed('schedule', SCHEDULES),
    ...fixed('priceBand', PRICE_BANDS),
    ...START_WITHIN.map((value) => ({ facet: 'startWithin' as const, value, pred: startPred(today, Number(value)) })),
    ...INCENTIVES.map((value) => ({ facet: 'incentive' as const, value, pred: value === 'vov' ? sql`c.vov` : maskHas(bitsOf('incentive', [value])) })),
    ...fixed('providerKind', PROVIDER_KINDS),
    ...fixed('shortage', ['true', 'false']),
    ...fixed('region', REGIONS),
  ];
}

/**
 * With text, the few thousand text matches lead: each looks up its search row and, with a place, its
 * nearest location inside the bounding box by primary key (OFFSET 0 keeps the planner from turning
 * these lookups into a hash of the whole table).
 */
function textRows(near: Near | null) {
  const s = sql`JOIN LATERAL (SELECT * FROM catalog_offer_search s WHERE s.offer_id = t.id OFFSET 0) s ON TRUE`;
  if (!near) return sql`t ${s}`;
  const { dLat, dLng } = box(near);
  const dist = haversine(sql.ref('l.lat'), sql.ref('l.lng'), near);
  return sql`t ${s} JOIN LATERAL (SELECT min(${dist}) AS km FROM catalog_offer_location l WHERE l.offer_id = t.id
      AND l.lat BETWEEN ${near.lat - dLat}::float8 AND ${near.lat + dLat}::float8
      AND l.lng BETWEEN ${near.lng - dLng}::float8 AND ${near.lng + dLng}::float8) n ON n.km <= ${near.km}::float8`;
}

/** Published offers matching a text plan, with their rank (GIN on search_tsv, or the ESCO occupation URIs). */
function textMatchSelect(t: TextPlan) {
  const groups = t.stems.map((alternatives) => [...new Set(alternatives.flat())]);
  const byOccupation = t.occupationUris.length ? sql`o.occupations && ${anyText(t.occupationUris)}` : null;
  const matchTsq = t.matchTsquery ? sql`o.search_tsv @@ ${t.matchTsquery}::tsquery` : null;
  const parts = [matchTsq, byOccupation].filter((x): x is RawBuilder<unknown> => !!x);
  const phrase = t.phrase.replace(/[\\%_]/g, (c) => `\\${c}`);
  // the same operations in the same order as matchText (catalog-text-index.ts), so both engines rank alike
  const textRank = sql`(${groups.length ? sql`(${sql.join(groups.map(groupRank), sql` + `)}) / ${sql.lit(groups.length)}::float8` : sql`0::float8`}
    + CASE WHEN ${phrase} <> '' AND o.title_text LIKE '%' || ${phrase} || '%' THEN ${sql.lit(PHRASE_BONUS)}::float8 ELSE 0::float8 END
    + ${byOccupation ? sql`CASE WHEN ${byOccupation} THEN ${sql.lit(OCCUPATION_BONUS)}::float8 ELSE 0::float8 END` : sql`0::float8`})`;
  return sql`SELECT o.id, ${textRank} AS rank FROM catalog_offer o
    WHERE o.status = 'published' AND ${parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`}`;
}

/** Only the text matches and their ranks (the facet index does filters, counts, distance and order in process). */
export async function textMatches(db: Db, t: TextPlan): Promise<Array<{ id: string; rank: number }>> {
  const r = await sql<{ id: string; rank: number }>`${textMatchSelect(t)}`.execute(db);
  return r.rows.map((x) => ({ id: x.id, rank: Number(x.rank) }));
}

/**
 * The candidates: published offers matching the text (GIN on search_tsv, through a tsquery without
 * repeated words so that the planner's estimate stays close) and the distance, with the date-dependent
 * values of today and `fail`, the bits of the facet filters the row fails.
 */
function candidates(plan: SearchPlan, materialized = true) {
  const today = sql`${plan.today}::date`;
  const t = plan.text;
  const filters = activeFilters(plan.filters, plan.today);
  const fail = filters.length
    ? sql.join(filters.map((x) => sql`CASE WHEN ${x.pred} THEN 0 ELSE ${sql.raw(String(FACET_BIT[x.facet]))} END`), sql` + `)
    : sql`0`;
  let text = sql``; // the text matches' CTE
  let rank = sql`0::float8`;
  if (t) {
    // materialised first: the text index gives a few thousand offers, which then meet the distance and the search rows
    text = sql`t AS MATERIALIZED (${textMatchSelect(t)}),`;
    rank = sql`t.rank`;
  }
  return sql`
    WITH ${text} c AS ${materialized ? sql`MATERIALIZED` : sql`NOT MATERIALIZED`} (SELECT c.*, (${fail}) AS fail FROM (
      SELECT s.offer_id AS id, s.mask, s.provinces, s.price_eur,
        CASE WHEN s.next_start >= ${today} THEN s.next_start ELSE (SELECT min(x) FROM unnest(s.starts) x WHERE x >= ${today}) END AS upcoming,
        (s.vov AND coalesce(s.vov_from <= ${today}, TRUE) AND coalesce(s.vov_until >= ${today}, TRUE)) AS vov,
        ${rank} AS rank, ${plan.near ? sql`n.km` : sql`NULL::float8`} AS distance_km
      FROM ${t ? textRows(plan.near) : plan.near ? sql`catalog_offer_search s JOIN ${nearSubquery(plan.near)} n ON n.offer_id = s.offer_id` : sql`catalog_offer_search s`}
    ) c)`;
}

function orderBy(sort: SearchPlan['sort']) {
  switch (sort) {
    case 'relevance': return sql`rank DESC, upcoming ASC NULLS LAST, id`;
    case 'distance': return sql`distance_km ASC, id`;
    case 'price': return sql`price_eur ASC NULLS LAST, id`;
    default: return sql`upcoming ASC NULLS LAST, id`;
  }
}

export type PageRow = { id: string; rank: number; distance_km: number | null };
export type FacetCount = { facet: FacetName; value: string; count: number };

type PageResult = { total: number; page: PageRow[] | null; counts: number[] | null; provinces: Array<{ value: string; n: number }> | null };

/** One statement: total, the page's ids, and every facet's counts (each facet over all the other filters). */
export async function searchPage(db: Db, plan: SearchPlan): Promise<{ total: number; page: PageRow[]; facets: FacetCount[] }> {
  const values = facetValues(plan.today);
  const r = await searchPageQuery(plan).execute(db);
  const row = r.rows[0]!;
  const facets: FacetCount[] = [];
  values.forEach((v, i) => {
    const count = Number(row.counts?.[i] ?? 0);
    if (v.facet !== 'region' || count > 0) facets.push({ facet: v.facet, value: v.value, count }); // regions: the values found
  });
  for (const p of row.provinces ?? []) facets.push({ facet: 'province', value: p.value, count: Number(p.n) });
  return { total: Number(row.total ?? 0), page: row.page ?? [], facets };
}

export function searchPageQuery(plan: SearchPlan) {
  const values = facetValues(plan.today);
  // a row counts in facet F's values when it fails no filter but F's own
  const others = (f: FacetName) => sql.raw(`(c.fail & ${~FACET_BIT[f]}) = 0`);
  const counts = sql.join(values.map((v) => sql`count(*) FILTER (WHERE ${others(v.facet)} AND ${v.pred})`), sql`, `);
  return sql<PageResult>`
    ${candidates(plan)}
    SELECT a.total, a.counts,
      (SELECT json_agg(json_build_object('id', x.id, 'rank', x.rank, 'distance_km', x.distance_km)) FROM (
        SELECT id, rank, distance_km FROM c WHERE fail = 0
        ORDER BY ${orderBy(plan.sort)} LIMIT ${plan.limit} OFFSET ${plan.offset}) x) AS page,
      (SELECT json_agg(json_build_object('value', p.value, 'n', p.n)) FROM (
        SELECT pv AS value, count(*)::int AS n FROM c, unnest(c.provinces) pv WHERE ${others('province')} GROUP BY pv) p) AS provinces
    FROM (
      -- a row failing two filters or more counts nowhere: skipped before the filtered counts
      SELECT count(*) FILTER (WHERE c.fail = 0)::int AS total, json_build_array(${counts}) AS counts
      FROM c WHERE c.fail & (c.fail - 1) = 0
    ) a`;
}

/** Only the number of matching offers (for "relax this filter" suggestions): inlined, so only what the filters read is computed. */
export async function countMatches(db: Db, plan: SearchPlan): Promise<number> {
  const r = await sql<{ n: number }>`${candidates(plan, false)} SELECT count(*)::int AS n FROM c WHERE c.fail = 0`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export type HitRow = {
  id: string; title: Record<string, string>; summary: Record<string, string>; kind: string; level_eqf: number | null; language: string; format: string;
  provider_id: string; provider_name: string; provider_kind: string; price_eur: number | null; contact_hours: number | null; study_credits: number | null;
  schedules: string[]; vouchers: boolean; training_credit: boolean; shortage: boolean; synthetic: boolean; vov: boolean; kmo: boolean;
  next_session: { starts_on: string; ends_on: string; schedule: string; seats_left: number | null } | null;
  place: { name: string; postal_code: string } | null;
};

/** What a result list shows of the offers on one page. */
export async function hitDetails(db: Db, ids: string[], today: string, near: Near | null): Promise<HitRow[]> {
  if (!ids.length) return [];
  const placeOrder = near ? haversine(sql.ref('l.lat'), sql.ref('l.lng'), near) : sql`pl.postal_code, pl.name`;
  const r = await sql<HitRow>`
    SELECT o.id, o.title, o.summary, o.kind, o.level_eqf, o.language, o.format, o.provider_id, o.provider_name, o.provider_kind,
      o.price_eur, o.contact_hours, o.study_credits, o.schedules, o.vouchers, o.training_credit, o.shortage, o.synthetic,
      (o.incentive_db_id IS NOT NULL AND coalesce(o.incentive_db_valid_from <= ${today}::date, TRUE)
        AND coalesce(o.incentive_db_valid_until >= ${today}::date, TRUE)) AS vov,
      p.kmo_registered AS kmo,
      (SELECT row_to_json(s) FROM (SELECT starts_on, ends_on, schedule, seats_left FROM catalog_session
         WHERE offer_id = o.id AND starts_on >= ${today}::date ORDER BY starts_on, id LIMIT 1) s) AS next_session,
      (SELECT row_to_json(x) FROM (SELECT pl.name, pl.postal_code FROM catalog_offer_location l
         JOIN catalog_place pl ON pl.id = l.place_id WHERE l.offer_id = o.id ORDER BY ${placeOrder} LIMIT 1) x) AS place
    FROM catalog_offer o JOIN catalog_provider p ON p.id = o.provider_id
    WHERE o.id = ANY (${ids}::uuid[])`.execute(db);
  return r.rows;
}

// ---- autocomplete ----

export type TitleSuggestion = { label: string; lang: string; count: number };

/** Distinct published titles that start with `prefix` or have a word that does (≥ 3 characters: via the trigram index). */
export async function suggestTitles(db: Db, prefix: string, limit: number): Promise<TitleSuggestion[]> {
  const p = prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  const starts = sql`${p} || '%'`;
  const where = prefix.length >= 3
    ? sql`o.title_text LIKE '%' || ${p} || '%'`
    : sql`(lower(o.title ->> 'nl') LIKE ${starts} OR lower(o.title ->> 'fr') LIKE ${starts} OR lower(o.title ->> 'en') LIKE ${starts})`;
  const r = await sql<TitleSuggestion & { prefix: boolean }>`
    SELECT t.label, t.lang, count(*)::int AS count, bool_or(lower(t.label) LIKE ${starts}) AS prefix
    FROM (SELECT o.title FROM catalog_offer o WHERE o.status = 'published' AND ${where} LIMIT 2000) o
    CROSS JOIN LATERAL (VALUES (o.title ->> 'nl', 'nl'), (o.title ->> 'fr', 'fr'), (o.title ->> 'en', 'en')) t(label, lang)
    WHERE t.label IS NOT NULL AND ' ' || regexp_replace(lower(t.label), '[[:punct:]]', ' ', 'g') LIKE '% ' || ${starts}
    GROUP BY t.label, t.lang
    ORDER BY prefix DESC, count DESC, length(t.label), t.label
    LIMIT ${limit}`.execute(db);
  return r.rows.map(({ label, lang, count }) => ({ label, lang, count: Number(count) }));
}
