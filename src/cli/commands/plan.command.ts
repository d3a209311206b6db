import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { migrateUp } from '../../platform/migrations/migrator.ts';
import { systemActor } from '../../platform/audit/audit.schema.ts';
import { exportCsv, importCsv, type ImportReport } from '../../modules/plan/plan-import.service.ts';
import { reportQuerySchema } from '../../modules/plan/report/annual-report.schema.ts';
import { renderAnnualReport } from '../../modules/plan/report/annual-report.service.ts';
import { fail, withDatabase } from '../context.ts';

export function printImportReport(report: ImportReport, out: (line: string) => void = console.log): void {
  for (const p of report.problems) out(`line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.reason}`);
  for (const r of report.rows) for (const e of r.errors) out(`line ${r.line}${e.column ? `, column ${e.column}` : ''} (${r.reference}${r.year ? ` ${r.year}` : ''}): ${e.reason}`);
  const s = report.summary;
  const verdict = !report.ok ? 'nothing imported: fix the rows above and try again' : report.dryRun ? 'dry run: nothing written' : 'imported';
  out(`${s.create} to create, ${s.update} to update, ${s.unchanged} unchanged, ${s.error} with errors — ${verdict}`);
}

export function registerPlan(program: Command): void {
  const plan = program.command('plan').description('the action plan: import and export actions and yearly reports');

  plan
    .command('import')
    .description('import actions and yearly reports from a CSV file (all or nothing; rows update by reference and year)')
    .argument('<file>', 'CSV file in the export format (UTF-8, comma or semicolon separated)')
    .option('--dry-run', 'check the file and report what would change, without writing')
    .action((file: string, opts: { dryRun?: boolean }) =>
      withDatabase(async ({ db }) => {
        await migrateUp(db);
        const report = await importCsv(db, systemActor('cli'), await fs.readFile(file), { dryRun: !!opts.dryRun });
        printImportReport(report);
        if (!report.ok) process.exitCode = 1;
      }),
    );

  plan
    .command('export')
    .description('write every action and yearly report as CSV (the import format)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((opts: { out?: string }) =>
      withDatabase(async ({ db }) => {
        const csv = await exportCsv(db);
        if (opts.out) await fs.writeFile(opts.out, csv);
        else process.stdout.write(csv);
      }),
    );

  plan
    .command('report')
    .description('write the annual report for a year as PDF (or one standalone HTML page) and print its path')
    .requiredOption('--year <year>', 'a year of the plan period (2021–2030)')
    .option('--lang <lang>', 'nl, fr or en', 'nl')
    .option('--format <format>', 'pdf or html', 'pdf')
    .option('--out <file>', 'default: koers-<report>-<year>-<lang>.<format> in the current folder')
    .action(async (opts: { year: string; lang: string; format: string; out?: string }) => {
      const parsed = reportQuerySchema.safeParse(opts);
      if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      await withDatabase(async ({ db }, config) => {
        const file = await renderAnnualReport(db, parsed.data, { regionId: config.region });
        const out = path.resolve(opts.out ?? file.filename);
        await fs.writeFile(out, file.body);
        console.log(out);
      });
    });
}
