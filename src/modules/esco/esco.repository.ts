import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { EscoLang } from './esco.tables.ts';

// Reads of the ESCO tables. Only esco.service.ts calls these; other modules use the service.

export type LabelHit = { uri: string; label: string; lang: EscoLang; label_kind: 'preferred' | 'alternative' | 'hidden'; score: number };
type Concept = 'occupation' | 'skill';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
// a query's word may differ from a label's word by a letter or two ("lasen" → "lassen"): 0.6, the
// pg_trgm default, misses such typos in short words; 0.5 finds them and the ranking keeps noise low
const WORD_SIMILARITY = '0.5';

/**
 * Labels matching `q` anywhere (substring) or nearly (word similarity), best first, one per
 * concept: exact match, then label prefix, then substring, then similarity; preferred labels
 * and labels in `lang` rank a little higher.
 */
export async function searchLabels(db: Db, concept: Concept, q: string, lang: EscoLang, limit: number): Promise<LabelHit[]> {
  const like = likeEscape(q);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY}, true)`.execute(trx);
    const r = await sql<LabelHit>`
      SELECT uri, label, lang, label_kind, score FROM (
        SELECT DISTINCT ON (uri) uri, label, lang, label_kind,
          (CASE WHEN lower(label) = lower(${q}) THEN 3 WHEN label ILIKE ${like} || '%' THEN 2 WHEN label ILIKE '%' || ${like} || '%' THEN 1 ELSE 0 END)
          + word_similarity(${q}, label)
          + (CASE label_kind WHEN 'preferred' THEN 0.2 WHEN 'alternative' THEN 0.1 ELSE 0 END)
          + (CASE WHEN lang = ${lang} THEN 0.05 ELSE 0 END) AS score
        FROM esco_label
        WHERE concept = ${concept} AND (label ILIKE '%' || ${like} || '%' OR ${q} <% label)
        ORDER BY uri, score DESC
      ) m
      ORDER BY score DESC, label
      LIMIT ${limit}`.execute(trx);
    return r.rows.map((h) => ({ ...h, score: Number(h.score) }));
  });
}

/** Labels that start with `prefix`, or have a word that does, for autocomplete: one per concept. */
export async function prefixLabels(db: Db, concept: Concept, prefix: string, lang: EscoLang, limit: number): Promise<LabelHit[]> {
  const like = likeEscape(prefix);
  const r = await sql<LabelHit>`
    SELECT uri, label, lang, label_kind, score FROM (
      SELECT DISTINCT ON (uri) uri, label, lang, label_kind,
        (CASE WHEN label ILIKE ${like} || '%' THEN 2 ELSE 1 END)
        + (CASE label_kind WHEN 'preferred' THEN 0.2 WHEN 'alternative' THEN 0.1 ELSE 0 END)
        + (CASE WHEN lang = ${lang} THEN 0.3 ELSE 0 END)
        - length(label) / 1000.0 AS score
      FROM esco_label
      WHERE concept = ${concept} AND label_kind <> 'hidden' AND (label ILIKE ${like} || '%' OR label ILIKE '% ' || ${like} || '%')
      ORDER BY uri, score DESC
    ) m
    ORDER BY score DESC, label
    LIMIT ${limit}`.execute(db);
  return r.rows.map((h) => ({ ...h, score: Number(h.score) }));
}

export const occupationsByUris = (db: Db, uris: string[]) =>
  uris.length ? db.selectFrom('esco_occupation').selectAll().where('uri', 'in', uris).execute() : Promise.resolve([]);

export const occupationByUriOrCode = (db: Db, ref: { uri?: string; code?: string }) =>
  db
    .selectFrom('esco_occupation as o')
    .innerJoin('esco_isco_group as g', 'g.code', 'o.isco_group')
    .selectAll('o')
    .select('g.label_en as isco_label')
    .$if(!!ref.uri, (qb) => qb.where('o.uri', '=', ref.uri!))
    .$if(!ref.uri, (qb) => qb.where('o.code', '=', ref.code ?? ''))
    .executeTakeFirst();

export const skillsOfOccupation = (db: Db, occupationUri: string) =>
  db
    .selectFrom('esco_occupation_skill as r')
    .innerJoin('esco_skill as s', 's.uri', 'r.skill_uri')
    .select(['s.uri', 's.label_en', 's.skill_type', 's.reuse_level', 'r.relation'])
    .where('r.occupation_uri', '=', occupationUri)
    .orderBy('s.label_en')
    .execute();

export const skillsByUris = (db: Db, uris: string[]) =>
  uris.length ? db.selectFrom('esco_skill').selectAll().where('uri', 'in', uris).execute() : Promise.resolve([]);

/** The skills or groups directly above each of `uris`, with their labels. */
export const broaderOf = (db: Db, uris: string[]) =>
  uris.length
    ? db
        .selectFrom('esco_skill_broader as b')
        .leftJoin('esco_skill as s', 's.uri', 'b.broader_uri')
        .leftJoin('esco_skill_group as g', 'g.uri', 'b.broader_uri')
        .select(['b.uri', 'b.broader_uri', 'b.broader_kind', (eb) => eb.fn.coalesce('s.label_en', 'g.label_en').as('label')])
        .where('b.uri', 'in', uris)
        .orderBy('b.broader_uri')
        .execute()
    : Promise.resolve([]);

export async function occupationsOfSkill(db: Db, skillUri: string, limit: number) {
  const [counts, items] = await Promise.all([
    db
      .selectFrom('esco_occupation_skill')
      .select(['relation', (eb) => eb.fn.countAll<number>().as('n')])
      .where('skill_uri', '=', skillUri)
      .groupBy('relation')
      .execute(),
    db
      .selectFrom('esco_occupation_skill as r')
      .innerJoin('esco_occupation as o', 'o.uri', 'r.occupation_uri')
      .select(['o.uri', 'o.code', 'o.label_en', 'o.label_nl', 'o.isco_group', 'r.relation'])
      .where('r.skill_uri', '=', skillUri)
      .orderBy('r.relation')
      .orderBy('o.label_en')
      .limit(limit)
      .execute(),
  ]);
  const count = (rel: string) => Number(counts.find((c) => c.relation === rel)?.n ?? 0);
  return { essentialCount: count('essential'), optionalCount: count('optional'), items };
}

export const versionRow = (db: Db) => db.selectFrom('esco_version').selectAll().executeTakeFirst();
