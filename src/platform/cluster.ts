import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';
import { prepareDatabase, shownUrl, startKoers } from './server.ts';

// Serving from several processes (KOERS_WORKERS, a PostgreSQL server only): the first process
// migrates and seeds once, then starts the others, which share the listening port (node:cluster
// hands each connection to one of them). Every process keeps its own caches and search index;
// sessions, login attempts and the catalogue version live in the database, so any process can
// answer any request, and a write made through one is seen by the next search in the others.

type Report = (line: string) => void;

/** The first process: prepare, start `config.workers` processes, replace one that dies, stop them all on a signal. */
export async function serveInProcesses(config: Config, options: { seed: boolean; report: Report; ready: (url: string) => void }): Promise<void> {
  await prepareDatabase(config, options);
  let stopping = false;
  let announced = false;
  const listening = new Set<number>();
  const start = (): Worker => {
    const worker = cluster.fork();
    worker.on('listening', (address) => {
      listening.add(worker.id);
      options.report(`process ${worker.process.pid} listening`);
      if (!announced && listening.size === config.workers) {
        announced = true;
        options.ready(shownUrl(config.host, address.port));
      }
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    const served = listening.delete(worker.id);
    if (stopping) return;
    if (!served) {
      // it failed before listening (port taken, database gone): starting another would fail the same way
      options.report(`process ${worker.process.pid} ended (${signal ?? code}) before it listened; stopping`);
      stop('SIGTERM', 1);
      return;
    }
    options.report(`process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    start();
  });
  function stop(signal: NodeJS.Signals, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    options.report(`${signal}, shutting down ${Object.keys(cluster.workers ?? {}).length} processes`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setInterval(() => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(exitCode);
    }, 50);
    setTimeout(() => process.exit(exitCode), 10_000).unref(); // a process that does not stop is not waited for
  }
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (let i = 0; i < config.workers; i++) start();
}

/** One of the processes: serve on the prepared database until told to stop. */
export async function serveAsWorker(config: Config): Promise<void> {
  const koers = await startKoers(config, { prepared: true });
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await koers.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => {}); // the first process decides (a terminal's Ctrl-C reaches every process)
}

export const isWorkerProcess = () => cluster.isWorker;
