import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test-support/test-db.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { catalogMigrationsDir, migrateWithCatalog } from './catalog-search.test-support.ts';

// The search migration goes down and up again, and its vocabulary trigger follows published offers.

let h: DatabaseHandle;
const file = (which: 'up' | 'down') => fs.readFile(path.join(catalogMigrationsDir, `202611291410-catalog-search.${which}.sql`), 'utf8');
const columns = async () =>
  (await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'catalog_offer' AND column_name IN ('search_tsv', 'title_text')`.execute(h.db)).rows.map((r) => r.column_name).sort();

beforeAll(async () => {
  h = await createTestDatabase();
  await migrateWithCatalog(h.db);
}, 120_000);
afterAll(async () => h?.close());

describe('catalog search migration', () => {
  it('goes down and up again', async () => {
    expect(await columns()).toEqual(['search_tsv', 'title_text']);
    await sql.raw(await file('down')).execute(h.db);
    expect(await columns()).toEqual([]);
    await sql.raw(await file('up')).execute(h.db);
    expect(await columns()).toEqual(['search_tsv', 'title_text']);
  });

  it('keeps the words of published offers (any script, no punctuation) for typo correction', async () => {
    await sql`INSERT INTO catalog_provider (id, name, kind) VALUES ('mig-test', 'Mig Test', 'private')`.execute(h.db);
    const insert = (ext: string, title: string, status: string) =>
      sql`INSERT INTO catalog_offer (provider_id, external_id, title, kind, language, format, status, provider_name, provider_kind, skill_labels)
        VALUES ('mig-test', ${ext}, ${JSON.stringify({ nl: title })}::jsonb, 'course', 'nl', 'online', ${status}, 'Mig Test', 'private', 'welding techniques')`.execute(h.db);
    await insert('a', 'MIG/MAG-lassen: Comptabilité сварка 2026', 'published');
    await insert('b', 'Geheimcursus', 'draft');
    const words = (await sql<{ word: string }>`SELECT word FROM catalog_search_word ORDER BY word`.execute(h.db)).rows.map((r) => r.word);
    expect(words).toEqual(expect.arrayContaining(['lassen', 'mig', 'mag', 'welding', 'techniques', 'сварка']));
    expect(words).not.toContain('geheimcursus');
    expect(words).not.toContain('2026');
    expect(words.some((w) => /[/:-]/.test(w))).toBe(false);
    const tsv = (await sql<{ t: string }>`SELECT search_tsv::text AS t FROM catalog_offer WHERE external_id = 'a'`.execute(h.db)).rows[0]!.t;
    expect(tsv).toContain("'lass'"); // Dutch stem of the title
    expect(tsv).toContain("'weld'"); // English stem of the skill label
  });
});
