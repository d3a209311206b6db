// P6: cold `koers serve` on an empty data folder until /readyz answers 200 (migrations and the
// Flanders seed included), and its peak RSS; peer: a bare Fastify hello started cold the same way.
import { join } from 'node:path';
import {
  freePort,
  koersArgs,
  koersEnv,
  log,
  median,
  peakRssMiB,
  peerArgs,
  removeDir,
  report,
  spawnNode,
  stop,
  tempDir,
  waitFor200,
} from './bench-support.ts';

const runs = Math.max(1, Number(process.env.BENCH_REPEAT) || 3);

async function coldStart(args: string[], env: NodeJS.ProcessEnv, url: string, logFile: string) {
  const started = performance.now();
  const child = spawnNode(args, env, logFile);
  try {
    await waitFor200(url, child);
    const secs = (performance.now() - started) / 1000;
    return { secs, rss: peakRssMiB(child.pid) }; // read before the kill: /proc entry goes with it
  } finally {
    await stop(child);
  }
}

const koers = { secs: [] as number[], rss: [] as number[] };
const peer = { secs: [] as number[], rss: [] as number[] };
for (let i = 1; i <= runs; i++) {
  const dir = tempDir('p6');
  try {
    let port = await freePort();
    const k = await coldStart(koersArgs, koersEnv(join(dir, 'data'), port), `http://127.0.0.1:${port}/readyz`, join(dir, 'koers.log'));
    port = await freePort();
    const p = await coldStart(peerArgs, { ...process.env, PORT: String(port) }, `http://127.0.0.1:${port}/`, join(dir, 'peer.log'));
    log(`P6 run ${i}/${runs}: koers ${k.secs.toFixed(2)} s ${k.rss.toFixed(0)} MiB; peer ${p.secs.toFixed(2)} s ${p.rss.toFixed(0)} MiB`);
    koers.secs.push(k.secs);
    koers.rss.push(k.rss);
    peer.secs.push(p.secs);
    peer.rss.push(p.rss);
  } finally {
    removeDir(dir);
  }
}

const peerLabel = 'bare Fastify hello, cold';
report({ figure: 'P6', label: `cold start until 200, median of ${runs}`, unit: 's', koers: median(koers.secs), peer: median(peer.secs), peerLabel, better: 'lower' });
report({ figure: 'P6', label: `peak RSS (VmHWM), median of ${runs}`, unit: 'MiB', koers: median(koers.rss), peer: median(peer.rss), peerLabel, better: 'lower' });
