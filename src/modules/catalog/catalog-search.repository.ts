import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { INCENTIVES, FORMATS, LANGUAGES, LEVELS, PRICE_BANDS, PROVIDER_KINDS, SCHEDULES, START_WITHIN, type FacetName } from './catalog-search.schema.ts';

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
export type TextPlan = { groups: string[][]; phrase: string; occupationUris: string[] };

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

// ---- query words ----

export type WordInfo = { w: string; stop: boolean; known: boolean; near: string[] };

/**
 * For each query word: is it a stop word in one of the languages (then it is dropped), is it a word
 * of the catalogue, and if not, its nearest catalogue words by trigram similarity (typo correction:
 * "lasen" → "lassen") or word similarity (a typo inside a compound: "heftruk" → "heftruckchauffeur").
 */
export async function analyseWords(db: Db, words: string[]): Promise<WordInfo[]> {
  if (!words.length) return [];
  const r = await sql<WordInfo>`
    SELECT t.w,
      (numnode(plainto_tsquery('simple', t.w)) = 0 OR numnode(plainto_tsquery('dutch', t.w)) = 0
        OR numnode(plainto_tsquery('french', t.w)) = 0 OR numnode(plainto_tsquery('english', t.w)) = 0) AS stop,
      EXISTS (SELECT 1 FROM catalog_search_word v WHERE v.word = t.w) AS known,
      ARRAY(SELECT v.word FROM catalog_search_word v
            WHERE length(t.w) >= 4 AND (v.word % t.w OR t.w <% v.word)
              AND (similarity(v.word, t.w) >= 0.45 OR word_similarity(t.w, v.word) >= 0.7)
              AND NOT EXISTS (SELECT 1 FROM catalog_search_word k WHERE k.word = t.w)
            ORDER BY greatest(similarity(v.word, t.w), word_similarity(t.w, v.word) - 0.1) DESC, v.word LIMIT 3) AS near
    FROM unnest(${words}::text[]) WITH ORDINALITY AS t(w, i)
    ORDER BY t.i`.execute(db);
  return r.rows;
}

// ---- the search statement ----

const anyText = (xs: string[]) => sql`${xs}::text[]`;

function tsqueryOf(groups: string[][]): RawBuilder<unknown> {
  const group = (words: string[]) =>
    sql`(${sql.join(words.flatMap((w) => TEXT_CONFIGS.map((c) => sql`plainto_tsquery(${sql.lit(c)}, ${w})`)), sql` || `)})`;
  return sql.join(groups.map(group), sql` && `);
}

const haversine = (lat: RawBuilder<unknown>, lng: RawBuilder<unknown>, near: Near) =>
  sql`(2 * ${EARTH_KM}::float8 * asin(sqrt(power(sin(radians(${lat} - ${near.lat}::float8) / 2), 2)
    + cos(radians(${near.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - ${near.lng}::float8) / 2), 2))))`;

/** Offers within `near.km`: a bounding box on the (lat, lng) index, then the exact great-circle distance. */
function nearSubquery(near: Near) {
  const dLat = near.km / 111.2;
  const dLng = near.km / (111.32 * Math.max(0.2, Math.cos((near.lat * Math.PI) / 180)));
  const dist = haversine(sql.ref('l.lat'), sql.ref('l.lng'), near);
  return sql`(SELECT l.offer_id, min(${dist}) AS km FROM catalog_offer_location l
    WHERE l.lat BETWEEN ${near.lat - dLat}::float8 AND ${near.lat + dLat}::float8
      AND l.lng BETWEEN ${near.lng - dLng}::float8 AND ${near.lng + dLng}::float8
    GROUP BY l.offer_id HAVING min(${dist}) <= ${near.km}::float8)`;
}

/** Published offers matching text and distance (not the facet filters), with what facets need. */
function baseRows(plan: SearchPlan) {
  const today = sql`${plan.today}::date`;
  const t = plan.text;
  const tsq = t && t.groups.length ? tsqueryOf(t.groups) : null;
  const byOccupation = t && t.occupationUris.length ? sql`o.occupations && ${anyText(t.occupationUris)}` : null;
  let match = sql`TRUE`;
  let rank = sql`0::float8`;
  if (t) {
    const parts = [tsq && sql`o.search_tsv @@ (${tsq})`, byOccupation].filter((x): x is RawBuilder<unknown> => !!x);
    match = parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
    const phrase = t.phrase.replace(/[\\%_]/g, (c) => `\\${c}`);
    rank = sql`(${tsq ? sql`ts_rank(o.search_tsv, ${tsq})` : sql`0`}
      + CASE WHEN ${phrase} <> '' AND o.title_text LIKE '%' || ${phrase} || '%' THEN 0.5 ELSE 0 END
      + ${byOccupation ? sql`CASE WHEN ${byOccupation} THEN 0.3 ELSE 0 END` : sql`0`})::float8`;
  }
  return sql`
    SELECT o.id, o.format, o.level_eqf, o.language, o.schedules, o.price_eur, o.provider_kind, o.shortage,
      o.vouchers, o.training_credit, p.kmo_registered AS kmo,
      (o.incentive_db_id IS NOT NULL AND coalesce(o.incentive_db_valid_from <= ${today}, TRUE)
        AND coalesce(o.incentive_db_valid_until >= ${today}, TRUE)) AS vov,
      CASE WHEN o.next_start >= ${today} THEN o.next_start
        ELSE (SELECT min(s.starts_on) FROM catalog_session s WHERE s.offer_id = o.id AND s.starts_on >= ${today}) END AS upcoming,
      ${rank} AS rank,
      ${plan.near ? sql`n.km` : sql`NULL::float8`} AS distance_km
    FROM catalog_offer o
    JOIN catalog_provider p ON p.id = o.provider_id
    ${plan.near ? sql`JOIN ${nearSubquery(plan.near)} n ON n.offer_id = o.id` : sql``}
    WHERE o.status = 'published' AND ${match}`;
}

type Pred = RawBuilder<unknown>;
const orOf = (ps: Pred[]) => (ps.length ? sql`(${sql.join(ps, sql` OR `)})` : sql`FALSE`);

// One predicate per value of each facet, over a row of baseRows (alias b).
const priceBandPred: Record<string, Pred> = {
  free: sql`b.price_eur = 0`,
  'lt-100': sql`(b.price_eur > 0 AND b.price_eur < 100)`,
  '100-500': sql`(b.price_eur >= 100 AND b.price_eur < 500)`,
  '500-1000': sql`(b.price_eur >= 500 AND b.price_eur < 1000)`,
  'gte-1000': sql`b.price_eur >= 1000`,
  unknown: sql`b.price_eur IS NULL`,
};
const incentivePred: Record<string, Pred> = { vov: sql`b.vov`, vouchers: sql`b.vouchers`, 'training-credit': sql`b.training_credit`, kmo: sql`b.kmo` };
const startPred = (today: string, weeks: number) => sql`b.upcoming <= ${today}::date + ${weeks * 7}::int`;

/** Static facets: every value with its predicate. province and region are counted by a grouped join. */
function staticFacets(today: string): Array<{ facet: FacetName; value: string; pred: Pred }> {
  return [
    ...FORMATS.map((v) => ({ facet: 'format' as const, value: v, pred: sql`b.format = ${v}` })),
    ...LEVELS.map((v) => ({ facet: 'level' as const, value: v, pred: sql`b.level_eqf = ${Number(v)}::int` })),
    ...LANGUAGES.map((v) => ({ facet: 'language' as const, value: v, pred: sql`b.language = ${v}` })),
    ...SCHEDULES.map((v) => ({ facet: 'schedule' as const, value: v, pred: sql`${v} = ANY (b.schedules)` })),
    ...PRICE_BANDS.map((v) => ({ facet: 'priceBand' as const, value: v, pred: priceBandPred[v]! })),
    ...START_WITHIN.map((v) => ({ facet: 'startWithin' as const, value: v, pred: startPred(today, Number(v)) })),
    ...INCENTIVES.map((v) => ({ facet: 'incentive' as const, value: v, pred: incentivePred[v]! })),
    ...PROVIDER_KINDS.map((v) => ({ facet: 'providerKind' as const, value: v, pred: sql`b.provider_kind = ${v}` })),
    ...['true', 'false'].map((v) => ({ facet: 'shortage' as const, value: v, pred: sql`b.shortage = ${v === 'true'}` })),
  ];
}

/** The filter of each facet as a predicate over b; TRUE when the facet is not filtered. */
function facetFilters(f: Filters, today: string): Record<FacetName, Pred> {
  const loc = (col: 'province' | 'region', xs: string[]) =>
    sql`EXISTS (SELECT 1 FROM catalog_offer_location l WHERE l.offer_id = b.id AND ${sql.ref(`l.${col}`)} = ANY (${anyText(xs)}))`;
  return {
    format: f.format.length ? sql`b.format = ANY (${anyText(f.format)})` : sql`TRUE`,
    level: f.level.length ? sql`b.level_eqf = ANY (${f.level}::int[])` : sql`TRUE`,
    language: f.language.length ? sql`b.language = ANY (${anyText(f.language)})` : sql`TRUE`,
    schedule: f.schedule.length ? sql`b.schedules && ${anyText(f.schedule)}` : sql`TRUE`,
    province: f.province.length ? loc('province', f.province) : sql`TRUE`,
    region: f.region.length ? loc('region', f.region) : sql`TRUE`,
    priceBand: f.priceBand.length ? orOf(f.priceBand.map((v) => priceBandPred[v]!)) : sql`TRUE`,
    startWithin: f.startWithin ? startPred(today, f.startWithin) : sql`TRUE`,
    incentive: f.incentive.length ? orOf(f.incentive.map((v) => incentivePred[v]!)) : sql`TRUE`,
    providerKind: f.providerKind.length ? sql`b.provider_kind = ANY (${anyText(f.providerKind)})` : sql`TRUE`,
    shortage: f.shortage === null ? sql`TRUE` : sql`b.shortage = ${f.shortage}`,
  };
}

const FACET_KEYS = Object.keys({ format: 0, level: 0, language: 0, schedule: 0, province: 0, region: 0, priceBand: 0, startWithin: 0, incentive: 0, providerKind: 0, shortage: 0 }) as FacetName[];
const okCol = (f: FacetName) => sql.ref(`ok_${f}`);
const isActive = (f: Filters, k: FacetName) => {
  const v = f[k];
  return Array.isArray(v) ? v.length > 0 : v !== null;
};
/** The conjunction of the active filters' flags, but one: the statement stays small (PGlite plans every request). */
const allButOf = (active: FacetName[], except: FacetName | null) => {
  const cols = active.filter((k) => k !== except).map(okCol);
  return cols.length ? sql.join(cols, sql` AND `) : sql`TRUE`;
};

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

type PageResult = { total: number; page: PageRow[] | null; counts: number[]; geo: Array<{ facet: FacetName; value: string; n: number }> | null };

/** One statement: total, the page's ids, and every facet's counts (each facet over all the other filters). */
export async function searchPage(db: Db, plan: SearchPlan): Promise<{ total: number; page: PageRow[]; facets: FacetCount[] }> {
  const statics = staticFacets(plan.today);
  const r = await searchPageQuery(plan).execute(db);
  const row = r.rows[0]!;
  const facets: FacetCount[] = statics.map((s, i) => ({ facet: s.facet, value: s.value, count: Number(row.counts[i]) }));
  for (const g of row.geo ?? []) facets.push({ facet: g.facet, value: g.value, count: Number(g.n) });
  return { total: Number(row.total), page: row.page ?? [], facets };
}

export function searchPageQuery(plan: SearchPlan) {
  const filters = facetFilters(plan.filters, plan.today);
  const active = FACET_KEYS.filter((k) => isActive(plan.filters, k));
  const allBut = (except: FacetName | null) => allButOf(active, except);
  const statics = staticFacets(plan.today);
  const counts = sql.join(statics.map((s) => sql`count(*) FILTER (WHERE ${allBut(s.facet)} AND ${s.pred})`), sql`, `);
  // a row failing two filters or more counts in no facet: skip it before the 42 filtered counts
  const nearlyAll = active.length > 1 ? sql`(${sql.join(active.map((k) => sql`(NOT ${okCol(k)})::int`), sql` + `)}) <= 1` : sql`TRUE`;
  const geo = (col: 'province' | 'region') => sql`
    SELECT ${sql.lit(col)} AS facet, ${sql.ref(`l.${col}`)} AS value, count(DISTINCT f.id)::int AS n
    FROM f JOIN catalog_offer_location l ON l.offer_id = f.id
    WHERE ${allBut(col)} AND ${sql.ref(`l.${col}`)} IS NOT NULL GROUP BY 2`;
  return sql<PageResult>`
    WITH b AS MATERIALIZED (${baseRows(plan)}),
    f AS MATERIALIZED (
      SELECT b.*${sql.join(active.map((k) => sql`, ${filters[k]} AS ${okCol(k)}`), sql``)} FROM b
    )
    SELECT
      (SELECT count(*)::int FROM f WHERE ${allBut(null)}) AS total,
      (SELECT json_agg(json_build_object('id', x.id, 'rank', x.rank, 'distance_km', x.distance_km)) FROM (
        SELECT id, rank, distance_km FROM f WHERE ${allBut(null)}
        ORDER BY ${orderBy(plan.sort)} LIMIT ${plan.limit} OFFSET ${plan.offset}) x) AS page,
      (SELECT json_build_array(${counts}) FROM f b WHERE ${nearlyAll}) AS counts,
      (SELECT json_agg(json_build_object('facet', g.facet, 'value', g.value, 'n', g.n)) FROM (${geo('province')} UNION ALL ${geo('region')}) g) AS geo`;
}

/** Only the number of matching offers (for "relax this filter" suggestions). */
export async function countMatches(db: Db, plan: SearchPlan): Promise<number> {
  const filters = facetFilters(plan.filters, plan.today);
  const r = await sql<{ n: number }>`
    WITH b AS (${baseRows(plan)})
    SELECT count(*)::int AS n FROM b WHERE ${sql.join(FACET_KEYS.filter((k) => isActive(plan.filters, k)).map((k) => filters[k]).concat(sql`TRUE`), sql` AND `)}`.execute(db);
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
