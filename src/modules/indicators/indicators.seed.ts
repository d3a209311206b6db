import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { SeedContext, SeedResult } from '../../platform/module.ts';
import { readYaml } from '../../platform/portal/portal.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { systemActor } from '../../platform/audit/audit.schema.ts';
import { indicatorsFile } from './indicators-data.schema.ts';
import { indicatorRepository as repo } from './indicators.repository.ts';
import { importBundledFile } from './indicators-import.service.ts';

// Loads data/<region>/indicators/: indicators and targets (inserted when missing, so admins' later
// edits win), region names (kept in step with the classification file) and the bundled data files
// (imported once per file content).

const geoRow = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
  level: z.string().regex(/^(\d|aggregate)$/),
  country: z.string(),
  name_latin: z.string().min(1),
  nuts_version: z.string(),
  source: z.string().min(1),
});

export async function readGeoNames(file: string) {
  const records: unknown[] = parse(await fs.readFile(file, 'utf8'), { columns: true, skip_empty_lines: true });
  return records.map((record, i) => {
    const r = geoRow.safeParse(record);
    if (!r.success) throw new Error(`Invalid data file:\n  ${file}: line ${i + 2}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const level = r.data.level === 'aggregate' ? null : Number(r.data.level);
    return { code: r.data.code, name: r.data.name_latin, level, country: r.data.country || null, source: `${r.data.source} (NUTS ${r.data.nuts_version})` };
  });
}

export async function seedIndicators(ctx: SeedContext): Promise<SeedResult[]> {
  const dir = path.join(ctx.dataDir, 'indicators');
  const file = path.join(dir, 'indicators.yaml');
  let data;
  try {
    data = await readYaml(file, indicatorsFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []; // a region without a dashboard
    throw error;
  }
  const geos = await readGeoNames(path.resolve(dir, data.geoNames));
  const actor = systemActor('seed');

  const results = await ctx.db.transaction().execute(async (db) => {
    let indicators = 0;
    let targets = 0;
    for (const [position, d] of data.indicators.entries()) {
      const row = { ...d, position, homeGeo: data.homeGeo, defaultGeos: data.defaultGeos };
      if (await repo.insertIndicatorIfMissing(db, row)) {
        indicators++;
        await recordAudit(db, { actor, action: 'create', entityType: 'indicator', entityId: d.id, before: null, after: { ...d, data: undefined } });
      }
      for (const t of d.targets) if (await repo.insertTargetIfMissing(db, { indicatorId: d.id, ...t })) targets++;
    }
    const geoChanges = await repo.upsertGeos(db, geos);
    return [
      { step: 'indicators', inserted: indicators, unchanged: data.indicators.length - indicators },
      { step: 'targets', inserted: targets, unchanged: data.indicators.reduce((n, d) => n + d.targets.length, 0) - targets },
      { step: 'region names', inserted: geoChanges, unchanged: geos.length - geoChanges },
    ];
  });

  let inserted = 0;
  let unchanged = 0;
  for (const d of data.indicators) {
    for (const f of d.data) {
      const filePath = path.resolve(dir, f.file);
      const report = await importBundledFile(ctx.db, actor, { indicatorId: d.id, format: f.format, content: await fs.readFile(filePath), fileName: path.basename(filePath), source: f.source });
      if (!report.ok) {
        const lines = report.problems.map((p) => `  ${filePath}: line ${p.line}, column ${p.column}: ${p.reason}`);
        throw new Error(`Invalid data file:\n${lines.join('\n')}`);
      }
      ctx.report(`${d.id}: ${path.basename(filePath)} ${report.alreadyImported ? 'already loaded' : `${report.inserted} added, ${report.updated} updated`}`);
      inserted += report.inserted + report.updated;
      unchanged += report.alreadyImported ? 0 : report.unchanged;
    }
  }
  results.push({ step: 'observations', inserted, unchanged });
  return results;
}
