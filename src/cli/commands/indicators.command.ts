import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { migrateUp } from '../../platform/migrations/migrator.ts';
import { systemActor } from '../../platform/audit/audit.schema.ts';
import { formatOf, importFormats, importObservations, type ImportFormat, type ImportReport } from '../../modules/indicators/indicators-import.service.ts';
import { exportObservations } from '../../modules/indicators/indicators.service.ts';
import { fail, withDatabase } from '../context.ts';
import { progress } from '../progress.ts';
import { registerIndicatorsEstimate } from './indicators-estimate.command.ts';

export function printIndicatorImport(report: ImportReport, out: (line: string) => void = console.log): void {
  for (const p of report.problems) out(`line ${p.line}, column ${p.column}: ${p.reason}`);
  if (report.moreProblems) out(`… and ${report.moreProblems} more problems`);
  const verdict = !report.ok ? 'nothing imported: fix the problems above and try again' : report.dryRun ? 'dry run: nothing written' : 'imported';
  out(`${report.observations} values read: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged — ${verdict}`);
}

export function registerIndicators(program: Command): void {
  const indicators = program.command('indicators').description('lifelong-learning indicators: import and export observations, weighted survey estimates');

  indicators
    .command('import')
    .description('import observations of an indicator (all or nothing; values update by geo, period and breakdown)')
    .argument('<file>', 'a Eurostat bulk TSV (.tsv), a JSON-stat 2.0 dataset (.json) or the Koers CSV layout (.csv)')
    .requiredOption('--indicator <id>', 'the indicator the values belong to, e.g. lfs-4w')
    .option('--format <format>', `one of ${importFormats.join(', ')} (default: from the file name)`)
    .option('--source <text>', "the source named on every value (default: the indicator's source)")
    .option('--dry-run', 'check the file and report what would change, without writing')
    .action((file: string, opts: { indicator: string; format?: string; source?: string; dryRun?: boolean }) => {
      const format = (opts.format ?? formatOf(file)) as ImportFormat;
      if (!importFormats.includes(format)) fail(`--format must be one of ${importFormats.join(', ')}`);
      return withDatabase(async ({ db }) => {
        const bar = progress(`Importing ${path.basename(file)} into ${opts.indicator}`, 3);
        await migrateUp(db);
        bar.tick('reading');
        const content = await fs.readFile(file);
        bar.tick('checking and writing');
        const report = await importObservations(db, systemActor('cli'), { indicatorId: opts.indicator, format, content, fileName: path.basename(file), source: opts.source, dryRun: !!opts.dryRun });
        bar.tick('done');
        bar.done();
        printIndicatorImport(report);
        if (!report.ok) process.exitCode = 1;
      });
    });

  indicators
    .command('export')
    .description('write every observation of an indicator as CSV (the import layout) or JSON-stat 2.0')
    .requiredOption('--indicator <id>', 'e.g. lfs-4w')
    .option('--format <format>', 'csv or jsonstat', 'csv')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((opts: { indicator: string; format: string; out?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'jsonstat') fail('--format must be csv or jsonstat');
      return withDatabase(async ({ db }) => {
        const text = await exportObservations(db, opts.indicator, opts.format as 'csv' | 'jsonstat');
        if (opts.out) await fs.writeFile(opts.out, text);
        else process.stdout.write(text);
      });
    });

  registerIndicatorsEstimate(indicators);
}
