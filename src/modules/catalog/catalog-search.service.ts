import { inProcessListen, type Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors/problem.ts';
import { escoService } from '../esco/esco.service.ts';
import { countIndex, facetIndex, pageHits, readyIndex, searchIndex, suggestIndex, textMatches, type FacetIndex, type TextMatch } from './catalog-facet-index.ts';
import { tsqueryLexemes } from './catalog-text-index.ts';
import * as repo from './catalog-search.repository.ts';
import { DEFAULT_KM, FACETS, MAX_KM, type SearchHit, type SearchQuery, type SearchResult, type SuggestResult } from './catalog-search.schema.ts';

// Catalogue search: words (stemmed per language, typo-corrected, ESCO synonyms), distance, facets
// with multi-select counts, sorting, paging, and what to relax when nothing matches.

const MAX_WORDS = 12;
const MAX_WORD_LENGTH = 40;
const MAX_SYNONYM_OCCUPATIONS = 5;

/** Words of a query in any script: runs of letters and digits, lower case, at most MAX_WORDS. */
export function queryWords(q: string): string[] {
  const words = (q.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= MAX_WORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

// "lassen bij Gent", "soudage près de Liège", "welding near 9000": the last such preposition
// followed by a known place sets `near` (only when the request has no near of its own).
const PLACE_IN_QUERY = /^(.*\S)\s+(?:bij|nabij|in|te|rond|omgeving|near|around|à|près de|pres de|autour de)\s+(\S.*)$/iu;

export function splitPlace(q: string): { text: string; place: string } | null {
  const m = PLACE_IN_QUERY.exec(q.trim());
  return m ? { text: m[1]!.trim(), place: m[2]!.trim() } : null;
}

/**
 * The person who does what a Dutch verb names: its infinitive without -en, plus -er or -aar
 * ("lassen" → "lasser", "boekhouden" → "boekhouder", "metselen" → "metselaar"). Only candidates: an
 * ESCO occupation label must have one as a word before it counts as a synonym.
 */
export function dutchAgentNouns(word: string): string[] {
  if (word.length < 6 || !word.endsWith('en') || !/^\p{L}+$/u.test(word)) return [];
  const base = word.slice(0, -2);
  return [`${base}er`, `${base}aar`];
}

const todayIso = () => new Date().toISOString().slice(0, 10);

// The catalogue version, read once for all searches that arrive in the same turn of the event loop:
// every read is issued after the arrival of each search that uses it, so each still sees every write
// committed before it arrived (on PGlite, which runs one statement at a time, this spares a queue).
const versionReads = new WeakMap<Db, Promise<string>>();
function readVersion(db: Db): Promise<string> {
  let read = versionReads.get(db);
  if (!read) {
    read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      versionReads.delete(db); // later arrivals issue the next read
      return repo.searchVersion(db);
    });
    versionReads.set(db, read);
  }
  return read;
}

// On the embedded database the version is known without a read: a listener on the channel the
// version's trigger notifies (migration 202611291900) forgets it at every commit that changes it,
// before that write returns (inProcessListen); the next search reads it again. `writes` counts the
// notifications, so that a read overtaken by a write is not kept.
type KnownVersion = { version: string | null; writes: number; listening: Promise<boolean> };
const knownVersions = new WeakMap<Db, KnownVersion>();

async function catalogVersion(db: Db): Promise<string> {
  const listen = inProcessListen(db);
  if (!listen) return readVersion(db);
  let k = knownVersions.get(db);
  if (!k) {
    const known: KnownVersion = { version: null, writes: 0, listening: Promise.resolve(false) };
    known.listening = listen('catalog_search_version', () => {
      known.writes++;
      known.version = null;
    }).then(
      () => true,
      () => false, // LISTEN failed: read every time
    );
    knownVersions.set(db, (k = known));
  }
  if (k.version !== null) return k.version;
  const listening = await k.listening;
  const writes = k.writes;
  const version = await readVersion(db);
  if (listening && k.writes === writes) k.version = version;
  return version;
}

// ESCO changes only when a release is loaded: its answers for a query are kept a few minutes per
// process (at most 1,000 queries), which spares the embedded database a search per request.
const ESCO_TTL_MS = 5 * 60_000;
const escoCaches = new WeakMap<Db, Map<string, { at: number; value: Promise<unknown> }>>();
function cachedEsco<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let cache = escoCaches.get(db);
  if (!cache) escoCaches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.at > Date.now() - ESCO_TTL_MS) return hit.value as Promise<T>;
  if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
  const value = load().catch((err) => {
    cache.delete(key);
    throw err;
  });
  cache.set(key, { at: Date.now(), value });
  return value;
}
const norm = (s: string) => s.toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();

// What a query word is (stop word, catalogue word, its typo neighbours, its stems) and which place a
// postal code or name is depend only on the catalogue (its vocabulary, catalog_place): kept per
// database and catalogue version (at most 20,000 of each), so a search asks SQL only about words and
// places not seen since the last write.
const MAX_KEPT = 20_000;
type Known = { version: string; words: Map<string, repo.WordInfo>; places: Map<string, Promise<repo.Place | null>> };
const knownCaches = new WeakMap<Db, Known>();
function known(db: Db, version: string): Known {
  let cache = knownCaches.get(db);
  if (!cache || cache.version !== version || cache.words.size > MAX_KEPT || cache.places.size > MAX_KEPT) {
    knownCaches.set(db, (cache = { version, words: new Map(), places: new Map() }));
  }
  return cache;
}

function findPlace(db: Db, version: string, text: string): Promise<repo.Place | null> {
  const places = known(db, version).places;
  let place = places.get(text);
  if (!place) {
    places.set(text, (place = repo.findPlace(db, text)));
    place.catch(() => places.delete(text));
  }
  return place;
}

async function analyseWords(db: Db, version: string, words: string[]): Promise<repo.WordInfo[]> {
  const cache = known(db, version);
  const missing = words.filter((w) => !cache.words.has(w));
  if (missing.length) for (const info of await repo.analyseWords(db, missing)) cache.words.set(info.w, info);
  return words.map((w) => cache.words.get(w)!);
}

async function textPlan(db: Db, version: string, text: string): Promise<repo.TextPlan> {
  const words = queryWords(text);
  // synonyms: ESCO occupations whose label (also alternative labels, Dutch or English) is the query or
  // contains it; a one-word query also by its Dutch agent nouns ("lassen" → "lasser")
  const names = [...new Set([norm(text), ...(words.length === 1 ? dutchAgentNouns(words[0]!) : [])])].filter((n) => n.length >= 3);
  const [info, ...found] = await Promise.all([
    analyseWords(db, version, words),
    ...names.map((n) => cachedEsco(db, `find:${n}`, () => escoService(db).findOccupations(n, 'nl', 10))),
  ]);
  const occupationUris = [...new Set(names.flatMap((q, i) => found[i]!.filter((o) => {
    const label = norm(o.match?.label ?? o.label);
    return label === q || (q.length >= 4 && new RegExp(`(^|[^\\p{L}])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(label));
  }).map((o) => o.uri)))].slice(0, MAX_SYNONYM_OCCUPATIONS);
  const kept = info.filter((i) => !i.stop);
  const groups = kept.map((i) => [i.w, ...i.near]);
  // the same words, each distinct stem once: (a | b) & (c) (a kept word is no stop word: it has stems)
  const matchTsquery = kept.length && kept.every((i) => i.tsq.length) ? kept.map((i) => `(${i.tsq.map((q) => `(${q})`).join(' | ')})`).join(' & ') : null;
  const stems = kept.map((i) => i.tsq.map(tsqueryLexemes));
  return { groups, phrase: words.join(' '), occupationUris, matchTsquery, stems };
}

type Resolved = { plan: repo.SearchPlan; near: SearchResult['near']; q: string | null };

async function resolve(db: Db, version: string, query: SearchQuery): Promise<Resolved> {
  let q = query.q?.trim() || null;
  let near: SearchResult['near'] = null;
  let point: repo.Near | null = null;
  const km = query.km ?? DEFAULT_KM;
  if (query.near) {
    const place = await findPlace(db, version, query.near);
    if (!place) throw badRequest('No Belgian place has this postal code or name.', [{ field: 'near', reason: 'unknown postal code or municipality' }]);
    near = { name: place.name, postalCode: place.postal_code, km, fromQuery: false };
    point = { lat: place.lat, lng: place.lng, km };
  } else if (q) {
    const split = splitPlace(q);
    const place = split && split.text && (await findPlace(db, version, split.place));
    if (split && place) {
      q = split.text;
      near = { name: place.name, postalCode: place.postal_code, km, fromQuery: true };
      point = { lat: place.lat, lng: place.lng, km };
    }
  }
  if (query.sort === 'distance' && !point) throw badRequest('Sorting by distance needs a place.', [{ field: 'sort', reason: 'distance needs near' }]);
  const today = todayIso();
  const plan: repo.SearchPlan = {
    text: q ? await textPlan(db, version, q) : null,
    near: point,
    filters: {
      format: query.format,
      level: query.level.map(Number),
      language: query.lang,
      schedule: query.schedule,
      province: query.province,
      region: query.region,
      priceBand: query.price,
      incentive: query.incentive,
      providerKind: query.providerKind,
      startWithin: query.startWithin ? Number(query.startWithin) : null,
      shortage: query.shortage === undefined ? null : query.shortage === 'true',
    },
    today,
    sort: query.sort ?? (q ? 'relevance' : 'start'),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
  return { plan, near, q };
}

function toHit(h: repo.HitRow, page: repo.PageRow, withScore: boolean): SearchHit {
  return {
    id: h.id,
    title: h.title,
    summary: h.summary,
    kind: h.kind,
    level: h.level_eqf,
    language: h.language,
    format: h.format,
    provider: { id: h.provider_id, name: h.provider_name, kind: h.provider_kind },
    priceEur: h.price_eur === null ? null : Number(h.price_eur),
    contactHours: h.contact_hours === null ? null : Number(h.contact_hours),
    studyCredits: h.study_credits === null ? null : Number(h.study_credits),
    schedules: h.schedules,
    nextSession: h.next_session
      ? { startsOn: h.next_session.starts_on, endsOn: h.next_session.ends_on, schedule: h.next_session.schedule, seatsLeft: h.next_session.seats_left }
      : null,
    place: h.place ? { name: h.place.name, postalCode: h.place.postal_code } : null,
    distanceKm: page.distance_km === null ? null : Math.round(page.distance_km * 10) / 10,
    incentives: { vov: h.vov, vouchers: h.vouchers, trainingCredit: h.training_credit, kmo: h.kmo },
    shortage: h.shortage,
    synthetic: h.synthetic,
    ...(withScore ? { score: Math.round(page.rank * 1000) / 1000 } : {}),
  };
}

type Facets = SearchResult['facets'];

function shapeFacets(counts: repo.FacetCount[], query: SearchQuery): Facets {
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as Array<{ value: string; count: number }>])) as Facets;
  for (const c of counts) facets[c.facet].push({ value: c.value, count: c.count });
  // a chosen province or region with no offers still shows (count 0), so the UI can untick it
  for (const [facet, chosen] of [['province', query.province], ['region', query.region]] as const) {
    for (const v of chosen) if (!facets[facet].some((x) => x.value === v)) facets[facet].push({ value: v, count: 0 });
  }
  for (const f of ['province', 'region'] as const) facets[f].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

/** With no hits: for each filter in use, how many offers match without it (km: with twice the radius). */
async function relaxations(db: Db, plan: repo.SearchPlan, query: SearchQuery, engine: Engine): Promise<NonNullable<SearchResult['suggestions']>> {
  const f = plan.filters;
  const tries: Array<{ relax: string; km?: number; plan: repo.SearchPlan }> = [];
  const without = (patch: Partial<repo.Filters>) => ({ ...plan, filters: { ...f, ...patch } });
  const active: Array<[string, boolean, Partial<repo.Filters>]> = [
    ['format', f.format.length > 0, { format: [] }],
    ['level', f.level.length > 0, { level: [] }],
    ['lang', f.language.length > 0, { language: [] }],
    ['schedule', f.schedule.length > 0, { schedule: [] }],
    ['province', f.province.length > 0, { province: [] }],
    ['region', f.region.length > 0, { region: [] }],
    ['price', f.priceBand.length > 0, { priceBand: [] }],
    ['incentive', f.incentive.length > 0, { incentive: [] }],
    ['providerKind', f.providerKind.length > 0, { providerKind: [] }],
    ['startWithin', f.startWithin !== null, { startWithin: null }],
    ['shortage', f.shortage !== null, { shortage: null }],
  ];
  for (const [relax, on, patch] of active) if (on) tries.push({ relax, plan: without(patch) });
  if (plan.near) {
    const km = Math.min(MAX_KM, plan.near.km * 2);
    if (km > plan.near.km) tries.push({ relax: 'km', km, plan: { ...plan, near: { ...plan.near, km } } });
    tries.push({ relax: 'near', plan: { ...plan, near: null, sort: plan.sort === 'distance' ? 'start' : plan.sort } });
  }
  if (plan.text && query.q) tries.push({ relax: 'q', plan: { ...plan, text: null } });
  const out: NonNullable<SearchResult['suggestions']> = [];
  for (const t of tries) {
    const count = engine.index
      ? countIndex(engine.index, t.plan, t.plan.text ? engine.text : null) // the relaxed plans keep the same text (or none)
      : await repo.countMatches(db, t.plan); // one at a time: PGlite has one connection anyway
    if (count > 0) out.push({ relax: t.relax, ...(t.km ? { km: t.km } : {}), count });
  }
  return out.sort((a, b) => b.count - a.count);
}

// Answers per catalogue version: the same search on the same day answers from memory until an offer,
// location, session, provider or place changes (statement triggers bump catalog_search_version in the
// writing transaction, so every process sees it), and for at most 5 minutes (as long as ESCO answers
// are kept). At most 500 answers per database, the least recently used dropped first.
const ANSWER_TTL_MS = 5 * 60_000;
const MAX_ANSWERS = 500;
const answerCaches = new WeakMap<Db, Map<string, { at: number; value: SearchResult }>>();

/** `fresh`: compute without the answer cache (a request with `Cache-Control: no-cache`; the benchmark's engine figures). */
export async function searchOffers(db: Db, query: SearchQuery, options: { fresh?: boolean } = {}): Promise<SearchResult> {
  if (options.fresh || process.env.KOERS_SEARCH_CACHE === 'off') return computeSearch(db, query, null);
  const version = await catalogVersion(db);
  let cache = answerCaches.get(db);
  if (!cache) answerCaches.set(db, (cache = new Map()));
  const key = `${version}|${todayIso()}|${JSON.stringify(query)}`;
  const hit = cache.get(key);
  if (hit && hit.at > Date.now() - ANSWER_TTL_MS) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return structuredClone(hit.value);
  }
  const value = await computeSearch(db, query, version);
  cache.delete(key);
  if (cache.size >= MAX_ANSWERS) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: Date.now(), value: structuredClone(value) });
  return value;
}

// Two engines with the same answers: the index (catalog-facet-index.ts) keeps the published offers in
// process per catalogue version — words, facets, distance, order and result cards; the SQL engine
// does filters, counts and order in one statement. KOERS_SEARCH_ENGINE: unset (default) = the index
// when it holds the catalogue version, else SQL while the index reloads; `index` = always the index
// (waiting for a reload); `sql` = always SQL.
type Engine = { index: FacetIndex | null; text: TextMatch | null };

async function chooseIndex(db: Db, version: string): Promise<FacetIndex | null> {
  const choice = process.env.KOERS_SEARCH_ENGINE;
  if (choice === 'sql') return null;
  return choice === 'index' ? facetIndex(db, version) : readyIndex(db, version);
}

/** `version`: the catalogue version if the caller read it already (the index engine needs it). */
async function computeSearch(db: Db, query: SearchQuery, knownVersion: string | null): Promise<SearchResult> {
  const version = knownVersion ?? (await catalogVersion(db));
  const { plan, near, q } = await resolve(db, version, query);
  const engine: Engine = { index: null, text: null };
  let answer: { total: number; page: repo.PageRow[]; facets: repo.FacetCount[] };
  engine.index = await chooseIndex(db, version);
  if (!engine.index) answer = await repo.searchPage(db, plan);
  else {
    engine.text = plan.text ? textMatches(engine.index, plan.text) : null;
    answer = searchIndex(engine.index, plan, engine.text);
  }
  const { total, page, facets } = answer;
  const ids = page.map((p) => p.id);
  const details = engine.index ? pageHits(engine.index, ids, plan.today, plan.near) : await repo.hitDetails(db, ids, plan.today, plan.near);
  const byId = new Map(details.map((d) => [d.id, d]));
  const hits = page.flatMap((p) => {
    const d = byId.get(p.id);
    return d ? [toHit(d, p, !!plan.text)] : [];
  });
  const result: SearchResult = {
    total,
    page: query.page,
    pageSize: query.pageSize,
    synthetic: hits.some((h) => h.synthetic),
    near,
    q,
    hits,
    facets: shapeFacets(facets, query),
  };
  if (total === 0) result.suggestions = await relaxations(db, plan, query, engine);
  return result;
}

/** Autocomplete: offer titles first (from the index, or SQL as searches), then ESCO occupations, ≤ 10 together. */
export async function suggest(db: Db, q: string, lang: 'nl' | 'fr' | 'en', limit = 10): Promise<SuggestResult> {
  const [titles, occupations] = await Promise.all([
    catalogVersion(db).then(async (version) => {
      const index = await chooseIndex(db, version);
      return index ? suggestIndex(index, q, limit) : repo.suggestTitles(db, q, limit);
    }),
    q.length >= 2 ? cachedEsco(db, `suggest:${lang}:${limit}:${norm(q)}`, () => escoService(db).suggestOccupations(q, lang, limit)) : Promise.resolve([]),
  ]);
  const titleItems = titles.map((t) => ({ type: 'title' as const, label: t.label, lang: t.lang, count: t.count }));
  const seen = new Set(titleItems.map((t) => norm(t.label)));
  const occItems = occupations
    .filter((o) => !seen.has(norm(o.label)))
    .map((o) => ({ type: 'occupation' as const, label: o.label, lang: o.labelLang, uri: o.uri }));
  // at least a few occupations when there are many titles, so both kinds show
  const nTitles = Math.min(titleItems.length, Math.max(limit - occItems.length, Math.ceil(limit * 0.6)));
  return { items: [...titleItems.slice(0, nTitles), ...occItems].slice(0, limit) };
}
