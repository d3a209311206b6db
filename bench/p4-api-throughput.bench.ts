// P4: requests/s of a read-only JSON route through the full Koers stack (auth hook, logging,
// validation) against a bare Fastify process serving the very same body. The same measure gives
// P2's "latency of the observations route" (a database query per request, no cache).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  type Child,
  koersArgs,
  koersEnv,
  log,
  peerArgs,
  percentile,
  removeDir,
  report,
  seconds,
  spawnNode,
  stop,
  tempDir,
  waitFor200,
  waitForPort,
} from './bench-support.ts';

const routes = [
  { figure: 'P4', route: '/api/v1/sources' },
  { figure: 'P2', route: '/api/v1/indicators/lfs-4w/observations?geo=BE2,BE,EU27_2020&sex=T' },
];
const connections = 10;
const warmup = seconds('BENCH_WARMUP', 2);
const duration = seconds('BENCH_DURATION', 10);
const peerLabel = 'bare Fastify, same JSON';

async function load(figure: string, name: string, url: string) {
  log(`${figure} ${name}: warm-up ${warmup} s, then ${duration} s with ${connections} connections on ${url}`);
  await autocannon({ url, connections, duration: warmup });
  // autocannon's own latency histogram has 1 ms steps; these answers take less, so keep each one.
  const times: number[] = [];
  const run = autocannon({ url, connections, duration });
  run.on('response', (_client, status, _bytes, ms) => {
    if (status === 200) times.push(ms);
  });
  const r = await run;
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  if (r.errors || r.timeouts || r.non2xx) {
    throw new Error(`${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx replies ${JSON.stringify(r.statusCodeStats)}`);
  }
  log(`${figure} ${name}: ${r.requests.average.toFixed(0)} req/s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
  return { rps: r.requests.average, p50, p99 };
}

const dir = tempDir('p4');
const children: Child[] = [];
try {
  const koers = spawnNode(koersArgs, koersEnv(join(dir, 'data'), 0), join(dir, 'koers.log'));
  children.push(koers);
  const koersBase = `http://127.0.0.1:${await waitForPort(koers)}`;
  await waitFor200(`${koersBase}/readyz`, koers);
  const measured = [];
  for (const { figure, route } of routes) {
    const res = await fetch(koersBase + route);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${route} answered ${res.status}: ${body.slice(0, 500)}`);
    const bodyFile = join(dir, `${figure}-body.json`);
    writeFileSync(bodyFile, body);
    log(`${figure}: ${route} returns ${body.length} bytes`);
    measured.push({ figure, route, bodyFile, k: await load(figure, 'koers', koersBase + route) });
  }
  await stop(koers);

  for (const { figure, route, bodyFile, k } of measured) {
    const peer = spawnNode(peerArgs, { ...process.env, PORT: '0', BODY_FILE: bodyFile }, join(dir, `${figure}-peer.log`));
    children.push(peer);
    const peerUrl = `http://127.0.0.1:${await waitForPort(peer)}${route}`;
    const p = await load(figure, 'peer', peerUrl);
    await stop(peer);
    const what = `GET ${route.split('?')[0]}, ${connections} connections`;
    report({ figure, label: `${what}: requests/s`, unit: 'req/s', koers: k.rps, peer: p.rps, peerLabel, better: 'higher' });
    report({ figure, label: `${what}: latency p50`, unit: 'ms', koers: k.p50, peer: p.p50, peerLabel, better: 'lower' });
    report({ figure, label: `${what}: latency p99`, unit: 'ms', koers: k.p99, peer: p.p99, peerLabel, better: 'lower' });
  }
} finally {
  for (const c of children) await stop(c);
  removeDir(dir);
}
