import { sql, type Insertable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { EscoCounts, EscoTables } from './esco.tables.ts';

// Writes of the ESCO loader. A batch of rows travels as one JSON parameter and comes out of
// jsonb_to_recordset(): one statement per batch whatever its size, on PGlite and PostgreSQL alike
// (measured on PGlite: faster than one array parameter per column, and label lists stay arrays).

const COLUMNS = {
  esco_isco_group: { code: 'text', uri: 'text', label_en: 'text', parent_code: 'text', description_en: 'text' },
  esco_occupation: {
    uri: 'text', code: 'text', isco_group: 'text', label_en: 'text', label_nl: 'text', alt_labels_en: 'text[]', alt_labels_nl: 'text[]',
    hidden_labels_en: 'text[]', hidden_labels_nl: 'text[]', description_en: 'text', description_nl: 'text',
  },
  esco_skill: { uri: 'text', label_en: 'text', alt_labels_en: 'text[]', hidden_labels_en: 'text[]', skill_type: 'text', reuse_level: 'text', description_en: 'text' },
  esco_occupation_skill: { occupation_uri: 'text', skill_uri: 'text', relation: 'text', skill_type: 'text' },
  esco_skill_group: { uri: 'text', code: 'text', label_en: 'text', level: 'int2', parent_uri: 'text', description_en: 'text', scope_note_en: 'text' },
  esco_skill_broader: { uri: 'text', broader_uri: 'text', kind: 'text', broader_kind: 'text' },
} as const;
export type BulkTable = keyof typeof COLUMNS;
export type BulkRow<T extends BulkTable> = Required<Insertable<EscoTables[T]>>;

export async function insertBulk<T extends BulkTable>(db: Db, table: T, rows: Array<BulkRow<T>>): Promise<void> {
  const columns = Object.entries(COLUMNS[table]);
  const names = sql.join(columns.map(([c]) => sql.ref(c)));
  const shape = sql.raw(columns.map(([c, type]) => `${c} ${type}`).join(', '));
  await sql`INSERT INTO ${sql.table(table)} (${names}) SELECT ${names} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${shape})`.execute(db);
}

const texts = (values: string[]) => sql`${values}::text[]`;

/** The tables a load replaces (esco_version is updated, not replaced). */
export const LOADED_TABLES = ['esco_isco_group', 'esco_occupation', 'esco_skill', 'esco_occupation_skill', 'esco_skill_group', 'esco_skill_broader', 'esco_label'];

export async function clearAll(db: Db): Promise<void> {
  await sql`TRUNCATE ${sql.join(LOADED_TABLES.map((t) => sql.table(t)))}`.execute(db);
}

/**
 * Drops the keys, indexes and foreign keys of the loaded tables, as the migration defined them,
 * and returns the statements that put them back. Building an index once over loaded rows is
 * several times faster than updating it row by row (a trigram index most of all). Inside the
 * load's transaction: a failed load restores them with everything else.
 */
export async function dropIndexes(db: Db): Promise<string[]> {
  const constraints = await sql<{ tbl: string; name: string; def: string; type: string }>`
    SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype AS type
    FROM pg_constraint c
    WHERE c.conrelid::regclass::text = ANY(${texts(LOADED_TABLES)}) AND c.contype IN ('p', 'u', 'f')
    ORDER BY c.conname`.execute(db);
  const indexes = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = ANY(${texts(LOADED_TABLES)})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))
    ORDER BY i.indexname`.execute(db);
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const keys = constraints.rows.filter((c) => c.type !== 'f');
  const foreign = constraints.rows.filter((c) => c.type === 'f');
  for (const c of foreign) await sql.raw(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${q(c.name)}`).execute(db);
  for (const c of keys) await sql.raw(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${q(c.name)}`).execute(db);
  for (const i of indexes.rows) await sql.raw(`DROP INDEX ${q(i.name)}`).execute(db);
  return [
    ...keys.map((c) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${q(c.name)} ${c.def}`),
    ...indexes.rows.map((i) => i.def),
    ...foreign.map((c) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${q(c.name)} ${c.def}`),
  ];
}

export async function runStatements(db: Db, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

/** Fills esco_label from the concept tables: one row per distinct label (preferred wins over alternative over hidden). */
export async function rebuildLabels(db: Db): Promise<number> {
  const res = await sql`INSERT INTO esco_label (uri, concept, lang, label, label_kind)
    SELECT DISTINCT ON (concept, uri, lang, label) uri, concept, lang, label, kind FROM (
      SELECT uri, 'occupation' AS concept, 'en' AS lang, label_en AS label, 'preferred' AS kind, 0 AS rank FROM esco_occupation
      UNION ALL SELECT uri, 'occupation', 'en', unnest(alt_labels_en), 'alternative', 1 FROM esco_occupation
      UNION ALL SELECT uri, 'occupation', 'en', unnest(hidden_labels_en), 'hidden', 2 FROM esco_occupation
      UNION ALL SELECT uri, 'occupation', 'nl', label_nl, 'preferred', 0 FROM esco_occupation WHERE label_nl IS NOT NULL
      UNION ALL SELECT uri, 'occupation', 'nl', unnest(alt_labels_nl), 'alternative', 1 FROM esco_occupation
      UNION ALL SELECT uri, 'occupation', 'nl', unnest(hidden_labels_nl), 'hidden', 2 FROM esco_occupation
      UNION ALL SELECT uri, 'skill', 'en', label_en, 'preferred', 0 FROM esco_skill
      UNION ALL SELECT uri, 'skill', 'en', unnest(alt_labels_en), 'alternative', 1 FROM esco_skill
      UNION ALL SELECT uri, 'skill', 'en', unnest(hidden_labels_en), 'hidden', 2 FROM esco_skill
    ) x ORDER BY concept, uri, lang, label, rank`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

export const currentVersion = (db: Db) => db.selectFrom('esco_version').selectAll().executeTakeFirst();

export async function saveVersion(db: Db, v: { version: string; source: string; files: Record<string, string>; counts: EscoCounts }): Promise<void> {
  const row = { id: true as const, version: v.version, source: v.source, files: JSON.stringify(v.files), counts: JSON.stringify(v.counts), loaded_at: new Date() };
  await db
    .insertInto('esco_version')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ version: row.version, source: row.source, files: row.files, counts: row.counts, loaded_at: row.loaded_at }))
    .execute();
}

/** Row counts of the tables the loader fills, under the names esco_version.counts uses. */
export async function tableCounts(db: Db): Promise<EscoCounts> {
  const r = await sql<EscoCounts>`SELECT
    (SELECT count(*) FROM esco_occupation)::int AS occupations,
    (SELECT count(*) FROM esco_skill)::int AS skills,
    (SELECT count(*) FROM esco_occupation_skill)::int AS relations,
    (SELECT count(*) FROM esco_isco_group)::int AS "iscoGroups",
    (SELECT count(*) FROM esco_skill_group)::int AS "skillGroups",
    (SELECT count(*) FROM esco_skill_broader)::int AS "skillBroader",
    (SELECT count(*) FROM esco_label)::int AS labels`.execute(db);
  return r.rows[0]!;
}
