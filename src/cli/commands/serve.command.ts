import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { startKoers } from '../../platform/server.ts';
import { isWorkerProcess, serveAsWorker, serveInProcesses } from '../../platform/cluster.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run migrations, load the region data, and serve Koers (PORT, HOST, KOERS_DATA_DIR, DATABASE_URL, KOERS_WORKERS)')
    .option('--port <port>', 'port to listen on (default: $PORT or 3000; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (default: $HOST or localhost)')
    .option('--no-seed', 'do not load the bundled region data')
    .action(async (opts: { port?: string; host?: string; seed: boolean }) => {
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) });
      if (isWorkerProcess()) return serveAsWorker(config);
      const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
      process.stderr.write(`Koers: database ${where}\n`);
      const report = (l: string) => process.stderr.write(`Koers: ${l}\n`);
      if (config.workers > 1) {
        report(`serving from ${config.workers} processes (KOERS_WORKERS)`);
        return serveInProcesses(config, { seed: opts.seed, report, ready: (url) => process.stdout.write(`Koers is running at ${url}\n`) });
      }
      const koers = await startKoers(config, { seed: opts.seed, report });
      process.stdout.write(`Koers is running at ${koers.url}\n`);
      let closing = false;
      const stop = async (signal: string) => {
        if (closing) return;
        closing = true;
        process.stderr.write(`Koers: ${signal}, shutting down\n`);
        await koers.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}
