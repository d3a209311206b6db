// P3: catalogue search over 100,000 SYNTHETIC offers (the catalogue generator, seed 42) through
// HTTP with autocannon at 10 connections — a fixed mixed query set (text only; text plus two facets;
// facets only; text plus distance; autocomplete) — on PGlite and on PostgreSQL, beside (a) the same
// HTTP stack returning a stored answer (the framework floor) and (b) MiniSearch answering the text
// part of the same queries in process over the same offers (no facets, no distance: less work).
// Koers runs twice per database: the engine (each request `Cache-Control: no-cache`, every search
// computed) and as served (a repeated search answers from the answers kept per catalogue version;
// the fixed query set makes nearly every request such a repeat, so read the engine figures too).
// BENCH_P3_COUNT (default 100000), BENCH_DURATION (s per query class, default 10),
// KOERS_BENCH_DATABASE_URL (else a throwaway PostgreSQL 15 cluster when its binaries exist; else skipped, said so),
// BENCH_P3_PGLITE_DIR (keep the PGlite database in this folder and reuse it next run: skips minutes of generating),
// BENCH_P3_WORKERS (PostgreSQL is measured again from this many processes, default one per core; 1 = not:
// `koers serve` serves so with KOERS_WORKERS; PGlite runs inside one process).
//
// Run as `node --import tsx bench/p3-catalog-search.bench.ts --serve` it is the server: it builds the
// database (migrations, ESCO, places, generated offers) and serves Koers' search routes plus the two peers.
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { type Child, log, percentile, removeDir, report, seconds, spawnNode, stop, tempDir, waitFor200, waitForPort } from './bench-support.ts';

const COUNT = Number(process.env.BENCH_P3_COUNT) || 100_000;
const connections = 10;

const QUERIES: Record<string, { koers: string[]; minisearch: string[] }> = {
  'text only': {
    koers: ['q=lassen', 'q=boekhouding', 'q=soudage', 'q=welding', 'q=programmeren', 'q=lasen', 'q=verpleegkundige', 'q=comptabilit%C3%A9', 'q=kok', 'q=elektricien'],
    minisearch: [],
  },
  'text + 2 facets': {
    koers: ['q=lassen&format=in-person&incentive=vouchers', 'q=boekhouding&lang=nl&schedule=evening', 'q=welding&level=3,4&price=100-500', 'q=kok&region=flanders&startWithin=12', 'q=programmeren&format=online&providerKind=private'],
    minisearch: [],
  },
  'facets only': {
    koers: ['format=online&level=5', 'province=Antwerpen&price=100-500', 'incentive=vov&schedule=evening', 'region=wallonia&format=in-person&sort=price', 'shortage=true&startWithin=8'],
    minisearch: [],
  },
  'text + distance': {
    koers: ['q=lassen&near=9000&km=20', 'q=kok&near=Antwerpen&km=30', 'q=lassen%20bij%20Gent', 'q=boekhouding&near=3000&km=25&sort=distance', 'q=elektricien&near=8000&km=40'],
    minisearch: [],
  },
  autocomplete: { koers: ['las', 'boek', 'prog', 'verp', 'kok', 'ele'].map((q) => `suggest:${q}`), minisearch: [] },
};
// MiniSearch gets the text part of each query (facets-only queries have none and are left out).
for (const c of Object.values(QUERIES)) {
  c.minisearch = c.koers.flatMap((k) => {
    if (k.startsWith('suggest:')) return [`/bench/minisearch-suggest?q=${k.slice(8)}`];
    const q = new URLSearchParams(k).get('q');
    return q ? [`/bench/minisearch?q=${encodeURIComponent(q.replace(/\s+bij\s+\S+$/, ''))}`] : [];
  });
}
/** Asks Koers to compute every search now instead of answering from the answers it keeps per catalogue version. */
const NO_CACHE = { 'cache-control': 'no-cache' };
const koersPath = (k: string) => (k.startsWith('suggest:') ? `/api/v1/catalog/suggest?q=${k.slice(8)}` : `/api/v1/catalog/offers?${k}`);

if (process.argv.includes('--serve')) await serve();
else await main();

// ---------------------------------------------------------------- the server (child process)
async function serve() {
  const { openDatabase } = await import('../src/platform/db/database.ts');
  const { loadConfig } = await import('../src/platform/config.ts');
  const { buildApp } = await import('../src/platform/http/app.ts');
  const { escoModule } = await import('../src/modules/esco/esco.module.ts');
  const { escoService } = await import('../src/modules/esco/esco.service.ts');
  const { loadEsco } = await import('../src/modules/esco/esco-load.service.ts');
  const { escoDataDir } = await import('../src/modules/esco/esco.test-support.ts');
  const { loadPlaces } = await import('../src/modules/catalog/catalog-places.ts');
  const { generateCatalog } = await import('../src/modules/catalog/catalog-generate.service.ts');
  const { catalogSearchOnlyModule, migrateWithCatalog } = await import('../src/modules/catalog/catalog-search.test-support.ts');
  const { searchOffers } = await import('../src/modules/catalog/catalog-search.service.ts');
  const { facetIndex } = await import('../src/modules/catalog/catalog-facet-index.ts');
  const { searchVersion } = await import('../src/modules/catalog/catalog-search.repository.ts');
  const { searchQuerySchema } = await import('../src/modules/catalog/catalog-search.schema.ts');
  const { default: MiniSearch } = await import('minisearch');
  const { sql } = await import('kysely');

  const cluster = (await import('node:cluster')).default;
  const workers = Number(process.env.P3_WORKERS) || 1; // several processes: PostgreSQL only (as KOERS_WORKERS)
  const handle = await openDatabase(process.env.P3_DATABASE_URL ? { databaseUrl: process.env.P3_DATABASE_URL } : { dataDir: process.env.P3_DATA_DIR! });
  const db = handle.db;
  if (cluster.isPrimary) await buildDatabase();
  if (cluster.isPrimary && workers > 1) return startProcesses();
  await serveSearch();

  /** The first process: the database, once. */
  async function buildDatabase() {
    const t0 = performance.now();
    await migrateWithCatalog(db);
    if (!(await escoService(db).escoVersion())) await loadEsco(db, escoDataDir);
    await loadPlaces(db, join(import.meta.dirname, '..', 'data', 'be', 'geo', 'belgian-cities-geocoded.csv'));
    const have = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalog_offer`.execute(db)).rows[0]!.n);
    if (have !== COUNT) {
      const r = await generateCatalog(db, { count: COUNT, seed: 42, replace: true, onProgress: (d, n) => d % 20000 === 0 && log(`P3 server: generated ${d}/${n}`) });
      log(`P3 server: ${r.offers} offers, ${r.providers} providers generated in ${r.ms} ms`);
    }
    await sql`VACUUM ANALYZE`.execute(db); // PGlite has no autovacuum: index-only scans need the visibility map
    log(`P3 server: database ready in ${Math.round(performance.now() - t0)} ms`);
  }

  /** Several processes sharing the port (node:cluster, as `koers serve` with KOERS_WORKERS): each loads its own index. */
  async function startProcesses() {
    await handle.close();
    let listening = 0;
    for (let i = 0; i < workers; i++) {
      cluster.fork().on('listening', (address) => {
        if (++listening === workers) process.stdout.write(`P3 server listening at http://127.0.0.1:${address.port} (${workers} processes)\n`);
      });
    }
    const stopAll = () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 2000);
    };
    process.on('SIGTERM', stopAll);
    process.on('SIGINT', stopAll);
  }

  /** Koers' search routes and the peers, in this process. */
  async function serveSearch() {

    // the search index, as a server loads it in the background after a start or a write (searches meanwhile use SQL)
    const ti = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const index = await facetIndex(db, await searchVersion(db));
    const memory = process.memoryUsage();
    log(`P3 server: search index of ${index.n} offers loaded in ${Math.round(performance.now() - ti)} ms (heap +${Math.round((memory.heapUsed - heapBefore) / 1e6)} MB, rss ${Math.round(memory.rss / 1e6)} MB)`);

    // MiniSearch over the same published offers (the PGlite server only: the peer is measured once),
    // released after its run so that its heap does not slow Koers' garbage collection
    type Doc = { id: string; title: string; summary: string; labels: string; provider: string; nextStart: string | null };
    let mini: InstanceType<typeof MiniSearch<Doc>> | null = null;
    if (!process.env.P3_DATABASE_URL) {
      const rows = await sql<Doc>`SELECT id, concat_ws(' ', title->>'nl', title->>'fr', title->>'en') AS title, concat_ws(' ', summary->>'nl', summary->>'fr', summary->>'en') AS summary,
          skill_labels || ' ' || occupation_labels AS labels, provider_name AS provider, next_start::text AS "nextStart"
        FROM catalog_offer WHERE status = 'published'`.execute(db);
      mini = new MiniSearch<Doc>({ fields: ['title', 'summary', 'labels', 'provider'], storeFields: ['title', 'provider', 'nextStart'], searchOptions: { boost: { title: 3, summary: 2 }, fuzzy: 0.2, prefix: true } });
      const tm = performance.now();
      mini.addAll(rows.rows);
      log(`P3 server: MiniSearch indexed ${rows.rows.length} offers in ${Math.round(performance.now() - tm)} ms`);
    }

    const app = await buildApp({ config: loadConfig({ ...process.env, KOERS_LOG_LEVEL: 'silent' }), db, modules: [escoModule, catalogSearchOnlyModule], logger: false });
    const stored = JSON.stringify(await searchOffers(db, searchQuerySchema.parse({ q: 'lassen' })));
    app.get('/bench/stored', async (_req, reply) => reply.type('application/json').send(stored));
    app.get('/bench/minisearch', async (req) => {
      const q = String((req.query as { q?: string }).q ?? '');
      const hits = mini?.search(q) ?? [];
      return { total: hits.length, hits: hits.slice(0, 20).map((h) => ({ id: h.id, title: h.title, provider: h.provider, nextStart: h.nextStart, score: h.score })) };
    });
    app.get('/bench/minisearch-suggest', async (req) => ({ items: (mini?.autoSuggest(String((req.query as { q?: string }).q ?? '')) ?? []).slice(0, 10) }));
    app.get('/bench/release-minisearch', async () => {
      mini = null;
      return { released: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // with several processes the first one says when all of them listen
    if (cluster.isPrimary) process.stdout.write(`P3 server listening at http://127.0.0.1:${port}\n`);
    const close = async () => {
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void close());
    process.on('SIGINT', () => void close());
  }
}

// ---------------------------------------------------------------- the load (parent process)
type Load = { rps: number; times: number[] };

async function load(name: string, base: string, paths: string[], duration: number, headers: Record<string, string> = {}): Promise<Load> {
  // slow answers queue behind PGlite's one connection: a long timeout keeps them measured, not failed
  const opts = { url: base, connections, duration, timeout: 300, headers, requests: paths.map((path) => ({ path })) };
  // warm-up: each path once, one at a time (an autocannon warm-up would leave a queue of slow searches behind)
  for (const path of paths) await (await fetch(base + path, { headers })).arrayBuffer();
  const times: number[] = [];
  const run = autocannon(opts);
  run.on('response', (_c, status, _b, ms) => {
    if (status === 200) times.push(ms);
  });
  const r = await run;
  if (r.errors || r.timeouts || r.non2xx) log(`P3 ${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodeStats)}`);
  if (!times.length) log(`P3 ${name}: no answer within the ${duration} s run (each takes longer than the run): reported as NaN`);
  log(`P3 ${name}: ${r.requests.average.toFixed(0)} req/s, p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`);
  return { rps: r.requests.average, times };
}

/** Every query class for `duration` s; the mix is their union (each class weighs the same time). */
async function mixed(name: string, base: string, pick: (c: (typeof QUERIES)[string]) => string[], duration: number, headers: Record<string, string> = {}) {
  const times: number[] = [];
  const perClass: Record<string, { p95: number; rps: number }> = {};
  let requests = 0;
  let classes = 0;
  for (const [cls, c] of Object.entries(QUERIES)) {
    const paths = pick(c);
    if (!paths.length) continue;
    const r = await load(`${name}, ${cls}`, base, paths, duration, headers);
    if (!r.times.length) {
      perClass[cls] = { p95: NaN, rps: 0 };
      continue;
    }
    times.push(...r.times);
    requests += r.rps;
    classes++;
    perClass[cls] = { p95: percentile(r.times, 95), rps: r.rps };
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: requests / classes, perClass };
}

async function checkAnswers(base: string) {
  for (const c of Object.values(QUERIES)) {
    for (const k of c.koers) {
      const res = await fetch(base + koersPath(k));
      const body = (await res.json()) as { total?: number; items?: unknown[] };
      if (res.status !== 200) throw new Error(`${k}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      log(`P3 check ${k}: ${body.total ?? body.items?.length} ${body.total !== undefined ? 'offers' : 'suggestions'}`);
    }
  }
}

async function startServer(dir: string, env: Record<string, string>, label: string) {
  const child = spawnNode(['--import', 'tsx', 'bench/p3-catalog-search.bench.ts', '--serve'], { ...process.env, ...env, BENCH_P3_COUNT: String(COUNT) }, join(dir, `${label}.log`));
  const base = `http://127.0.0.1:${await waitForPort(child, 60 * 60_000)}`;
  await waitFor200(`${base}/bench/stored`, child);
  return { child, base };
}

async function postgresUrl(): Promise<{ url: string; cleanup: () => Promise<void> } | null> {
  let admin = process.env.KOERS_BENCH_DATABASE_URL;
  let stopCluster = () => {};
  if (!admin) {
    const clusterModule = '../scripts/pg-cluster.mjs'; // plain JS, typed here
    const { pgBinariesPresent, startPgCluster } = (await import(clusterModule)) as { pgBinariesPresent(): boolean; startPgCluster(): Promise<{ url: string; stop(): void }> };
    if (!pgBinariesPresent()) {
      log('P3: no KOERS_BENCH_DATABASE_URL and no PostgreSQL binaries: the PostgreSQL run is skipped');
      return null;
    }
    const cluster = await startPgCluster();
    admin = cluster.url;
    stopCluster = () => cluster.stop();
  }
  const adminUrl: string = admin;
  const name = `koers_bench_p3_${Date.now()}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: async () => {
      const d = new pg.Client({ connectionString: adminUrl });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
      stopCluster();
    },
  };
}

async function main() {
  const duration = seconds('BENCH_DURATION', 10);
  // PostgreSQL is also measured from one process per core, as a deployment on it serves (1: not)
  const workers = Number(process.env.BENCH_P3_WORKERS) || cpus().length;
  const dir = tempDir('p3');
  const children: Child[] = [];
  const what = `catalogue search, ${COUNT.toLocaleString('en')} synthetic offers, mixed query set, ${connections} connections`;
  const figures = (backend: string, k: Awaited<ReturnType<typeof mixed>>, peer: { p50: number; p95: number; p99: number; rps: number }, peerLabel: string) => {
    report({ figure: 'P3', label: `${what}, ${backend}: requests/s`, unit: 'req/s', koers: k.rps, peer: peer.rps, peerLabel, better: 'higher' });
    for (const p of ['p50', 'p95', 'p99'] as const) report({ figure: 'P3', label: `${what}, ${backend}: latency ${p}`, unit: 'ms', koers: k[p], peer: peer[p], peerLabel, better: 'lower' });
  };
  let pgHandle: Awaited<ReturnType<typeof postgresUrl>> = null;
  try {
    log(`P3: building the PGlite database with ${COUNT} offers (minutes: ESCO, places, generator)`);
    const lite = await startServer(dir, { P3_DATA_DIR: process.env.BENCH_P3_PGLITE_DIR || join(dir, 'pglite') }, 'pglite');
    children.push(lite.child);
    // the peers first: PGlite runs on the server's event loop, so queued searches would slow them
    const floor = await load('framework floor (stored answer)', lite.base, ['/bench/stored'], duration);
    const mini = await mixed('MiniSearch (text part)', lite.base, (c) => c.minisearch, duration);
    await checkAnswers(lite.base);
    await fetch(`${lite.base}/bench/release-minisearch`);
    // the engine: every search computed (Cache-Control: no-cache skips the answers kept per catalogue version)
    const engineLite = await mixed('Koers on PGlite, engine (no-cache)', lite.base, (c) => c.koers.map(koersPath), duration, NO_CACHE);
    // as served: a repeated search answers from the answers kept until the catalogue changes
    const koersLite = await mixed('Koers on PGlite', lite.base, (c) => c.koers.map(koersPath), duration);
    const floorFig = { p50: percentile(floor.times, 50), p95: percentile(floor.times, 95), p99: percentile(floor.times, 99), rps: floor.rps };
    await stop(lite.child);

    let koersPg: Awaited<ReturnType<typeof mixed>> | null = null;
    let enginePg: Awaited<ReturnType<typeof mixed>> | null = null;
    let koersPgN: Awaited<ReturnType<typeof mixed>> | null = null;
    let enginePgN: Awaited<ReturnType<typeof mixed>> | null = null;
    pgHandle = await postgresUrl();
    if (pgHandle) {
      log('P3: building the PostgreSQL database');
      const srv = await startServer(dir, { P3_DATABASE_URL: pgHandle.url }, 'postgres');
      children.push(srv.child);
      enginePg = await mixed('Koers on PostgreSQL, engine (no-cache)', srv.base, (c) => c.koers.map(koersPath), duration, NO_CACHE);
      koersPg = await mixed('Koers on PostgreSQL', srv.base, (c) => c.koers.map(koersPath), duration);
      await stop(srv.child);
      if (workers > 1) {
        // as a PostgreSQL deployment serves: one process per core (koers serve with KOERS_WORKERS)
        log(`P3: PostgreSQL from ${workers} processes`);
        const multi = await startServer(dir, { P3_DATABASE_URL: pgHandle.url, P3_WORKERS: String(workers) }, 'postgres-processes');
        children.push(multi.child);
        enginePgN = await mixed(`Koers on PostgreSQL, ${workers} processes, engine (no-cache)`, multi.base, (c) => c.koers.map(koersPath), duration, NO_CACHE);
        koersPgN = await mixed(`Koers on PostgreSQL, ${workers} processes`, multi.base, (c) => c.koers.map(koersPath), duration);
        await stop(multi.child);
      }
    }

    figures('PGlite', koersLite, mini, 'MiniSearch in process, text part only, same HTTP stack');
    figures('PGlite', koersLite, floorFig, 'same HTTP stack, stored answer (floor)');
    figures('PGlite, engine (no-cache)', engineLite, mini, 'MiniSearch in process, text part only, same HTTP stack');
    if (koersPg && enginePg) {
      figures('PostgreSQL 15', koersPg, mini, 'MiniSearch in process, text part only, same HTTP stack');
      figures('PostgreSQL 15', koersPg, floorFig, 'same HTTP stack, stored answer (floor)');
      figures('PostgreSQL 15, engine (no-cache)', enginePg, mini, 'MiniSearch in process, text part only, same HTTP stack');
    }
    if (koersPgN && enginePgN && koersPg && enginePg) {
      const one = (k: typeof koersPg) => ({ p50: k.p50, p95: k.p95, p99: k.p99, rps: k.rps });
      figures(`PostgreSQL 15, ${workers} processes`, koersPgN, one(koersPg), 'Koers on PostgreSQL 15, one process');
      figures(`PostgreSQL 15, ${workers} processes, engine (no-cache)`, enginePgN, one(enginePg), 'Koers on PostgreSQL 15, one process, engine');
    }
    for (const [cls, v] of Object.entries(engineLite.perClass)) {
      report({ figure: 'P3', label: `${cls}, engine (no-cache), PGlite: latency p95 (PostgreSQL as peer)`, unit: 'ms', koers: v.p95, peer: enginePg?.perClass[cls]?.p95 ?? NaN, peerLabel: 'Koers on PostgreSQL 15, engine', better: 'lower' });
    }
    const pgText = (k: typeof koersPg) => (k ? `${k.p95.toFixed(1)} ms` : 'not run');
    log(`P3 goal: p95 ≤ 25 ms on PGlite (measured ${koersLite.p95.toFixed(1)} ms; engine without kept answers ${engineLite.p95.toFixed(1)} ms), ≤ 10 ms on PostgreSQL (${pgText(koersPg)}; engine ${pgText(enginePg)}${koersPgN ? `; from ${workers} processes ${pgText(koersPgN)}, engine ${pgText(enginePgN)}` : ''})`);
  } finally {
    for (const c of children) await stop(c);
    await pgHandle?.cleanup();
    removeDir(dir);
  }
}
