import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/audit.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { decodeText } from '../../platform/csv/read-csv.ts';
import { HttpProblem } from '../../platform/errors/problem.ts';
import type { Dimension } from './indicators.schema.ts';
import { indicatorRepository as repo } from './indicators.repository.ts';
import { parseEurostatTsv } from './eurostat-tsv.ts';
import { parseJsonStat } from './jsonstat.ts';
import { parseObservationCsv } from './observation-csv.ts';
import { findDuplicates, type ObservationRow, type RowProblem } from './observation-rows.ts';

// Imports observations of one indicator from a file: all or nothing, with a report of every problem.

export const importFormats = ['eurostat-tsv', 'jsonstat', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];
export const IMPORT_LIMIT = 20 * 1024 * 1024;
const MAX_PROBLEMS = 200; // a broken file can have thousands; the first ones tell what is wrong

export const importReportSchema = z
  .object({
    ok: z.boolean(),
    dryRun: z.boolean(),
    indicator: z.string(),
    format: z.enum(importFormats),
    file: z.string(),
    observations: z.number().int().describe('values read from the file'),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    alreadyImported: z.boolean().describe('the same file (by content hash) was imported before; nothing to do'),
    problems: z.array(z.object({ line: z.number().int(), column: z.string(), reason: z.string() })),
    moreProblems: z.number().int().describe('problems beyond the ones listed'),
  })
  .meta({ id: 'IndicatorImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;

/** Guesses the format from a file name: .tsv → Eurostat TSV, .json → JSON-stat, else CSV. */
export function formatOf(fileName: string): ImportFormat {
  if (/\.tsv(\.txt)?$/i.test(fileName)) return 'eurostat-tsv';
  if (/\.json(stat)?$/i.test(fileName)) return 'jsonstat';
  return 'csv';
}

function decode(content: Buffer | string): { text: string } | { problem: RowProblem } {
  if (typeof content === 'string') return { text: content };
  const decoded = decodeText(content);
  return 'problem' in decoded ? { problem: { line: 1, column: '-', reason: decoded.problem } } : decoded;
}

export function parseFile(format: ImportFormat, text: string, breakdowns: readonly Dimension[], defaultSource: string) {
  if (format === 'csv') {
    const parsed = parseObservationCsv(text, breakdowns);
    return { ...parsed, sourceOf: (r: ObservationRow) => parsed.sources.get(r.line) ?? defaultSource };
  }
  const parsed = format === 'jsonstat' ? parseJsonStat(text, breakdowns) : parseEurostatTsv(text, breakdowns);
  return { ...parsed, sourceOf: () => defaultSource };
}

export async function importObservations(
  db: Db,
  actor: Actor,
  input: { indicatorId: string; format: ImportFormat; content: Buffer | string; fileName: string; source?: string; dryRun?: boolean },
): Promise<ImportReport> {
  const indicator = await repo.getIndicator(db, input.indicatorId);
  if (!indicator) throw new HttpProblem(404, 'not-found', `No indicator "${input.indicatorId}".`);
  const base = { dryRun: !!input.dryRun, indicator: indicator.id, format: input.format, file: input.fileName, inserted: 0, updated: 0, unchanged: 0, alreadyImported: false };
  const fail = (problems: RowProblem[], observations = 0): ImportReport => ({ ...base, ok: false, observations, problems: problems.slice(0, MAX_PROBLEMS), moreProblems: Math.max(0, problems.length - MAX_PROBLEMS) });

  if (input.content.length > IMPORT_LIMIT) return fail([{ line: 1, column: '-', reason: `the file is larger than ${IMPORT_LIMIT / 1024 / 1024} MB` }]);
  const decoded = decode(input.content);
  if ('problem' in decoded) return fail([decoded.problem]);
  const sha256 = createHash('sha256').update(`${indicator.id}\n${input.format}\n`).update(decoded.text).digest('hex');
  const source = input.source ?? indicator.source_name;
  const parsed = parseFile(input.format, decoded.text, indicator.breakdowns as Dimension[], source);
  const problems = [...parsed.problems, ...findDuplicates(parsed.rows)].sort((a, b) => a.line - b.line);
  if (problems.length) return fail(problems, parsed.rows.length);
  if (!parsed.rows.length) return fail([{ line: 1, column: '-', reason: 'the file holds no values' }]);

  return db.transaction().execute(async (trx) => {
    const counts = await repo.upsertObservations(trx, indicator.id, parsed.rows, parsed.sourceOf);
    const report: ImportReport = { ...base, ok: true, observations: parsed.rows.length, ...counts, problems: [], moreProblems: 0 };
    if (input.dryRun) {
      // The counts come from really writing; rolling back keeps the database as it was.
      throw new DryRun(report);
    }
    await repo.recordImport(trx, { sha256, fileName: input.fileName, format: input.format, observations: parsed.rows.length });
    if (counts.inserted || counts.updated) {
      await recordAudit(trx, {
        actor,
        action: 'import',
        entityType: 'indicator',
        entityId: indicator.id,
        before: null,
        after: { file: input.fileName, format: input.format, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged },
      });
    }
    return report;
  }).catch((error: unknown) => {
    if (error instanceof DryRun) return error.report;
    throw error;
  });
}

/** Seeding: skips a bundled file whose exact content was imported before (a fast second start). */
export async function importBundledFile(db: Db, actor: Actor, input: { indicatorId: string; format: ImportFormat; content: Buffer; fileName: string; source: string }): Promise<ImportReport> {
  const text = input.content.toString('utf8');
  const sha256 = createHash('sha256').update(`${input.indicatorId}\n${input.format}\n`).update(text).digest('hex');
  if (await repo.isImported(db, sha256)) {
    return { ok: true, dryRun: false, indicator: input.indicatorId, format: input.format, file: input.fileName, observations: 0, inserted: 0, updated: 0, unchanged: 0, alreadyImported: true, problems: [], moreProblems: 0 };
  }
  return importObservations(db, actor, { ...input, content: text });
}

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}
