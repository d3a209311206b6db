// P4: requests/s of a read-only JSON route through the full Koers stack (auth hook, logging,
// validation) against a bare Fastify process serving the very same body.
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

const route = '/api/v1/sources';
const connections = 10;
const warmup = seconds('BENCH_WARMUP', 2);
const duration = seconds('BENCH_DURATION', 10);
const peerLabel = 'bare Fastify, same JSON';

async function load(name: string, url: string) {
  log(`P4 ${name}: warm-up ${warmup} s, then ${duration} s with ${connections} connections on ${url}`);
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
  log(`P4 ${name}: ${r.requests.average.toFixed(0)} req/s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
  return { rps: r.requests.average, p50, p99 };
}

const dir = tempDir('p4');
const children: Child[] = [];
try {
  const koers = spawnNode(koersArgs, koersEnv(join(dir, 'data'), 0), join(dir, 'koers.log'));
  children.push(koers);
  const koersBase = `http://127.0.0.1:${await waitForPort(koers)}`;
  await waitFor200(`${koersBase}/readyz`, koers);
  const res = await fetch(koersBase + route);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${route} answered ${res.status}: ${body.slice(0, 500)}`);
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  log(`P4: ${route} returns ${body.length} bytes`);
  const k = await load('koers', koersBase + route);
  await stop(koers);

  const peer = spawnNode(peerArgs, { ...process.env, PORT: '0', BODY_FILE: bodyFile }, join(dir, 'peer.log'));
  children.push(peer);
  const peerUrl = `http://127.0.0.1:${await waitForPort(peer)}${route}`;
  const p = await load('peer', peerUrl);

  const what = `GET ${route}, ${connections} connections`;
  report({ figure: 'P4', label: `${what}: requests/s`, unit: 'req/s', koers: k.rps, peer: p.rps, peerLabel, better: 'higher' });
  report({ figure: 'P4', label: `${what}: latency p50`, unit: 'ms', koers: k.p50, peer: p.p50, peerLabel, better: 'lower' });
  report({ figure: 'P4', label: `${what}: latency p99`, unit: 'ms', koers: k.p99, peer: p.p99, peerLabel, better: 'lower' });
} finally {
  for (const c of children) await stop(c);
  removeDir(dir);
}
