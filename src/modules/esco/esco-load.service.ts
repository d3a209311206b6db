import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { EscoCounts } from './esco.tables.ts';
import { readCsvGz } from './esco-csv.ts';
import { ESCO_FILES, escoVersionOf, type EscoFileRole } from './esco-source.ts';
import * as files from './esco-files.schema.ts';
import * as repo from './esco-load.repository.ts';

// Loads an ESCO release from its gzipped CSV files: every file streamed, every row checked, all
// tables replaced in ONE transaction (a failure anywhere leaves the previous release in place).
// The same release again (same version, same file checksums, same table counts) writes nothing.

export type EscoLoadProblem = { file: string; line?: number; reason: string };
export type EscoProgress = { step: string; index: number; total: number; rows: number; done: boolean };
export type EscoLoadResult = {
  status: 'loaded' | 'unchanged';
  version: string;
  counts: EscoCounts;
  ms: number;
  steps: Array<{ step: string; rows: number; ms: number }>;
};
export type EscoLoadOptions = { onProgress?: (p: EscoProgress) => void; force?: boolean };

export class EscoLoadError extends Error {
  constructor(readonly problems: EscoLoadProblem[]) {
    super(`ESCO not loaded (nothing changed): ${problems.slice(0, 5).map(describeProblem).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
  }
}
export const describeProblem = (p: EscoLoadProblem) => `${p.file}${p.line ? ` line ${p.line}` : ''}: ${p.reason}`;

/** The steps a load goes through, in order (progress reports their index). */
export const ESCO_LOAD_STEPS = ['ISCO groups', 'occupations (Dutch)', 'occupations', 'skills', 'occupation–skill relations', 'skill hierarchy', 'skill broader relations', 'search labels', 'keys and indexes'] as const;
type Step = (typeof ESCO_LOAD_STEPS)[number];

const MAX_PROBLEMS_PER_FILE = 20;
const BATCH = 5000;
const RELATION_BATCH = 20000;

export async function fileChecksums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  const missing: EscoLoadProblem[] = [];
  for (const name of Object.values(ESCO_FILES)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) missing.push({ file: name, reason: `missing from ${dir}` });
    else sums[name] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  if (missing.length) throw new EscoLoadError(missing);
  return sums;
}

const sameJson = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export async function loadEsco(db: Db, dir: string, options: EscoLoadOptions = {}): Promise<EscoLoadResult> {
  const started = performance.now();
  if (!fs.existsSync(dir)) throw new EscoLoadError([{ file: dir, reason: 'no such folder' }]);
  const version = await escoVersionOf(dir);
  if (!version) throw new EscoLoadError([{ file: 'SOURCE.md', reason: `names no ESCO version (expected a title such as "# ESCO classification v1.1.1") in ${dir}` }]);
  const sums = await fileChecksums(dir);

  if (!options.force) {
    const current = await repo.currentVersion(db);
    if (current && current.version === version && sameJson(current.files, sums)) {
      const counts = await repo.tableCounts(db);
      if (sameJson(current.counts, counts)) return { status: 'unchanged', version, counts, ms: Math.round(performance.now() - started), steps: [] };
    }
  }

  const steps: EscoLoadResult['steps'] = [];
  const counts = await db.transaction().execute(async (trx) => {
    await repo.clearAll(trx);
    const restore = await repo.dropIndexes(trx);
    const run = new LoadRun(trx, dir, steps, options.onProgress);
    const counts = await run.all();
    await run.restoreIndexes(restore);
    await repo.saveVersion(trx, { version, source: path.resolve(dir), files: sums, counts });
    return counts;
  });
  return { status: 'loaded', version, counts, ms: Math.round(performance.now() - started), steps };
}

/** One load inside its transaction: reads each file in turn and inserts it in batches. */
class LoadRun {
  private nlOccupations = new Map<string, { code: string; label: string; alt: string[]; hidden: string[]; description: string | null }>();

  constructor(
    private readonly db: Db,
    private readonly dir: string,
    private readonly steps: EscoLoadResult['steps'],
    private readonly onProgress: NonNullable<EscoLoadOptions['onProgress']> = () => {},
  ) {}

  async all(): Promise<EscoCounts> {
    const iscoGroups = await this.file('ISCO groups', 'iscoGroups', files.iscoGroupRow, BATCH, (r) => ({
      code: r.code, uri: r.conceptUri, label_en: r.preferredLabel, parent_code: r.code.length > 1 ? r.code.slice(0, -1) : null, description_en: r.description,
    }), (rows) => repo.insertBulk(this.db, 'esco_isco_group', rows));

    await this.file('occupations (Dutch)', 'occupationsNl', files.occupationRow, BATCH, (r) => {
      if (this.nlOccupations.has(r.conceptUri)) return 'the occupation appears twice';
      this.nlOccupations.set(r.conceptUri, { code: r.code, label: r.preferredLabel, alt: r.altLabels, hidden: r.hiddenLabels, description: r.description });
      return null;
    }, async () => {});

    const occupations = await this.file('occupations', 'occupationsEn', files.occupationRow, BATCH, (r) => {
      const nl = this.nlOccupations.get(r.conceptUri);
      if (nl && nl.code !== r.code) return `its Dutch row has code ${nl.code}, not ${r.code}`;
      this.nlOccupations.delete(r.conceptUri);
      return {
        uri: r.conceptUri, code: r.code, isco_group: r.iscoGroup, label_en: r.preferredLabel, label_nl: nl?.label ?? null,
        alt_labels_en: r.altLabels, alt_labels_nl: nl?.alt ?? [], hidden_labels_en: r.hiddenLabels, hidden_labels_nl: nl?.hidden ?? [],
        description_en: r.description, description_nl: nl?.description ?? null,
      };
    }, (rows) => repo.insertBulk(this.db, 'esco_occupation', rows));
    const orphans = [...this.nlOccupations.keys()];
    if (orphans.length) throw new EscoLoadError(orphans.slice(0, MAX_PROBLEMS_PER_FILE).map((uri) => ({ file: ESCO_FILES.occupationsNl, reason: `${uri} is not in ${ESCO_FILES.occupationsEn}` })));

    const skills = await this.file('skills', 'skills', files.skillRow, BATCH, (r) => ({
      uri: r.conceptUri, label_en: r.preferredLabel, alt_labels_en: r.altLabels, hidden_labels_en: r.hiddenLabels,
      skill_type: r.skillType, reuse_level: r.reuseLevel, description_en: r.description,
    }), (rows) => repo.insertBulk(this.db, 'esco_skill', rows));

    const relations = await this.file('occupation–skill relations', 'relations', files.relationRow, RELATION_BATCH, (r) => ({
      occupation_uri: r.occupationUri, skill_uri: r.skillUri, relation: r.relationType, skill_type: r.skillType,
    }), (rows) => repo.insertBulk(this.db, 'esco_occupation_skill', rows));

    const skillGroups = await this.file('skill hierarchy', 'skillHierarchy', files.skillHierarchyRow, BATCH, hierarchyRow, (rows) => repo.insertBulk(this.db, 'esco_skill_group', rows));

    const skillBroader = await this.file('skill broader relations', 'skillBroader', files.skillBroaderRow, RELATION_BATCH, (r) => ({
      uri: r.conceptUri, broader_uri: r.broaderUri, kind: r.conceptType, broader_kind: r.broaderType,
    }), (rows) => repo.insertBulk(this.db, 'esco_skill_broader', rows));

    const t = performance.now();
    const labels = await repo.rebuildLabels(this.db);
    this.finish('search labels', labels, t);
    return { occupations, skills, relations, iscoGroups, skillGroups, skillBroader, labels };
  }

  /**
   * Streams one file: each record is checked against `schema` and mapped (a string from `map` is
   * a problem; null means `map` keeps the row itself), then inserted `batch` rows at a time.
   * Problems stop inserting but not reading, so one run reports up to MAX_PROBLEMS_PER_FILE of
   * them; then the load fails.
   */
  private async file<S extends z.ZodObject, R>(
    step: Step, role: EscoFileRole, schema: S, batch: number,
    map: (row: z.output<S>) => R | string | null,
    insert: (rows: R[]) => Promise<void>,
  ): Promise<number> {
    const t = performance.now();
    const name = ESCO_FILES[role];
    const problems: EscoLoadProblem[] = [];
    let pending: R[] = [];
    let count = 0;
    const flush = async () => {
      if (!pending.length || problems.length) return;
      try {
        await insert(pending);
      } catch (err) {
        problems.push({ file: name, reason: `the database refused rows ${count - pending.length + 1}–${count}: ${(err as Error).message}` });
      }
      pending = [];
      this.onProgress({ step, index: ESCO_LOAD_STEPS.indexOf(step), total: ESCO_LOAD_STEPS.length, rows: count, done: false });
    };
    try {
      for await (const { line, record } of readCsvGz(path.join(this.dir, name), files.requiredColumns(schema))) {
        const parsed = schema.safeParse(record);
        const mapped = parsed.success ? map(parsed.data) : null;
        if (!parsed.success) {
          for (const issue of parsed.error.issues.slice(0, 3)) problems.push({ file: name, line, reason: `${issue.path.join('.') || 'row'}: ${issue.message}` });
        } else if (typeof mapped === 'string') {
          problems.push({ file: name, line, reason: mapped });
        } else {
          count++;
          if (mapped !== null) pending.push(mapped);
          if (pending.length >= batch) await flush();
        }
        if (problems.length >= MAX_PROBLEMS_PER_FILE) break;
      }
      await flush();
    } catch (err) {
      problems.push({ file: name, reason: `cannot be read: ${(err as Error).message}` });
    }
    if (problems.length) throw new EscoLoadError(problems);
    this.finish(step, count, t);
    return count;
  }

  /** Puts keys, indexes and foreign keys back; a duplicate or a dangling reference fails here. */
  async restoreIndexes(statements: string[]): Promise<void> {
    const t = performance.now();
    try {
      await repo.runStatements(this.db, statements);
    } catch (err) {
      throw new EscoLoadError([{ file: 'all files', reason: `the rows break a key or reference: ${(err as Error).message}` }]);
    }
    this.finish('keys and indexes', statements.length, t);
  }

  private finish(step: Step, rows: number, since: number) {
    this.steps.push({ step, rows, ms: Math.round(performance.now() - since) });
    this.onProgress({ step, index: ESCO_LOAD_STEPS.indexOf(step), total: ESCO_LOAD_STEPS.length, rows, done: true });
  }
}

/** A row of the skills hierarchy describes its deepest level; the level above is its parent. */
function hierarchyRow(r: z.output<typeof files.skillHierarchyRow>): repo.BulkRow<'esco_skill_group'> | string {
  const levels = [0, 1, 2, 3].map((n) => ({
    uri: (r as Record<string, string | null>)[`Level ${n} URI`] ?? null,
    label: (r as Record<string, string | null>)[`Level ${n} preferred term`] ?? null,
    code: (r as Record<string, string | null>)[`Level ${n} code`] ?? null,
  }));
  const depth = levels.findLastIndex((l) => l.uri);
  if (levels.slice(0, depth).some((l) => !l.uri)) return 'a level above the deepest one is empty';
  const own = levels[depth]!;
  if (!own.label) return `Level ${depth} preferred term: must not be empty`;
  return { uri: own.uri!, code: own.code, label_en: own.label, level: depth, parent_uri: depth > 0 ? levels[depth - 1]!.uri : null, description_en: r.Description, scope_note_en: r['Scope note'] };
}
