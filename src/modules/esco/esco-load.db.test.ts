import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase } from '../../../test-support/test-db.ts';
import { EscoLoadError, loadEsco, type EscoLoadResult } from './esco-load.service.ts';
import { escoService } from './esco.service.ts';
import { ESCO_FILES } from './esco-source.ts';
import { escoDataDir, migrateWithEsco } from './esco.test-support.ts';
import { seedEsco } from './esco.seed.ts';
import { rootDir } from '../../platform/config.ts';

const TECHNICAL_DIRECTOR = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';
const where = process.env.KOERS_TEST_DB === 'pg' ? 'PostgreSQL' : 'PGlite';

function printTiming(label: string, r: EscoLoadResult) {
  // timing is shown, never asserted (speed is measured in bench/)
  console.log(`ESCO ${label} on ${where}: ${r.status} in ${r.ms} ms${r.steps.length ? ` (${r.steps.map((s) => `${s.step} ${s.ms} ms`).join(', ')})` : ''}`);
}

// Each test here loads the whole release (seconds alone; past the default 30 s on a loaded
// two-core CI machine).
describe(`ESCO loader on ${where}`, { timeout: 180_000 }, () => {
  let h: DatabaseHandle;
  let first: EscoLoadResult;
  beforeAll(async () => {
    h = await createTestDatabase();
    await migrateWithEsco(h.db);
    first = await loadEsco(h.db, escoDataDir);
    printTiming('first load', first);
  }, 180_000);
  afterAll(async () => h?.close());

  it('loads ESCO v1.1.1 in full: 3,007 occupations, 13,896 skills, 123,855 relations', async () => {
    expect(first.status).toBe('loaded');
    expect(first.version).toBe('1.1.1');
    expect(first.counts).toMatchObject({ occupations: 3007, skills: 13896, relations: 123855, iscoGroups: 619, skillGroups: 647, skillBroader: 20656 });
    const n = async (table: 'esco_occupation' | 'esco_skill' | 'esco_occupation_skill') =>
      Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect([await n('esco_occupation'), await n('esco_skill'), await n('esco_occupation_skill')]).toEqual([3007, 13896, 123855]);
    const relations = await sql<{ relation: string; n: number }>`SELECT relation, count(*)::int AS n FROM esco_occupation_skill GROUP BY relation ORDER BY relation`.execute(h.db);
    expect(relations.rows).toEqual([{ relation: 'essential', n: 64946 }, { relation: 'optional', n: 58909 }]); // SOURCE.md
    const version = await escoService(h.db).escoVersion();
    expect(version).toMatchObject({ version: '1.1.1', counts: first.counts });
  });

  it('keeps real labels: English and Dutch, alternative labels, multi-line descriptions, ragged hierarchy rows', async () => {
    const o = await h.db.selectFrom('esco_occupation').selectAll().where('uri', '=', TECHNICAL_DIRECTOR).executeTakeFirstOrThrow();
    expect(o).toMatchObject({ code: '2654.1.7', isco_group: '2654', label_en: 'technical director', label_nl: 'inspiciënt' });
    expect(o.alt_labels_en).toContain('head of technical department');
    expect(o.alt_labels_nl).toEqual(expect.arrayContaining(['toneelmeester', 'chef-inspiciënt']));
    // a quoted field spanning lines: the description keeps its inner line break
    const telecom = await h.db.selectFrom('esco_occupation').select(['label_en', 'description_en']).where('code', '=', '2153.1').executeTakeFirstOrThrow();
    expect(telecom.label_en).toBe('telecommunications engineer');
    expect(telecom.description_en).toMatch(/broadcasting equipment\.\r?\nThey analyse customer needs/);
    // skillsHierarchy_en.csv line 2 has 11 of 14 fields: a level-0 group, no parent
    const groups = await h.db.selectFrom('esco_skill_group').selectAll().where('code', 'in', ['L', 'L1', 'S6.1.3']).orderBy('code').execute();
    expect(groups.map((g) => [g.code, g.label_en, g.level])).toEqual([['L', 'language skills and knowledge', 0], ['L1', 'languages', 1], ['S6.1.3', 'packaging objects', 3]]);
    expect(groups[0]!.parent_uri).toBeNull();
    expect(groups[1]!.parent_uri).toBe(groups[0]!.uri);
    expect(groups[2]!.scope_note_en).toContain('\n- Fill sacks');
    // the five relations without a skill type are kept, with no type
    expect(Number((await h.db.selectFrom('esco_occupation_skill').select((eb) => eb.fn.countAll<number>().as('n')).where('skill_type', 'is', null).executeTakeFirstOrThrow()).n)).toBe(5);
  });

  it('finds occupations by Dutch and English labels, alternative labels and with a typo', async () => {
    const esco = escoService(h.db);
    expect((await esco.findOccupations('lasser', 'nl', 5))[0]).toMatchObject({ label: 'lasser', labelLang: 'nl' });
    expect((await esco.findOccupations('welder', 'en', 5))[0]).toMatchObject({ label: 'welder', labelLang: 'en' });
    expect((await esco.findOccupations('weldr', 'en', 10)).map((o) => o.label)).toContain('welder');
    expect((await esco.findOccupations('toneelmeester', 'nl', 3))[0]).toMatchObject({ label: 'inspiciënt', match: { label: 'toneelmeester', kind: 'alternative' } });
    expect((await esco.suggestOccupations('verpl', 'nl', 5)).every((o) => /verpl/i.test(o.match!.label))).toBe(true);
    expect(await esco.findOccupations('"; DROP TABLE esco_label; --', 'en', 5)).toEqual([]);
    const occupation = await esco.getOccupation('2654.1.7', 'nl');
    expect(occupation).toMatchObject({ uri: TECHNICAL_DIRECTOR, label: 'inspiciënt', iscoGroup: { code: '2654' } });
    expect(occupation!.essentialSkills.length + occupation!.optionalSkills.length).toBeGreaterThan(0);
    const labels = await esco.skillLabels(occupation!.essentialSkills.map((s) => s.uri), 'nl');
    expect(labels.size).toBe(occupation!.essentialSkills.length);
  });

  it('writes nothing when the same release is loaded again', async () => {
    const before = await sql<{ xmin: string; loaded_at: Date }>`SELECT xmin::text, loaded_at FROM esco_version`.execute(h.db);
    const rowVersion = await sql<{ xmin: string }>`SELECT xmin::text FROM esco_occupation WHERE uri = ${TECHNICAL_DIRECTOR}`.execute(h.db);
    const again = await loadEsco(h.db, escoDataDir);
    printTiming('second load', again);
    expect(again.status).toBe('unchanged');
    expect(again.counts).toEqual(first.counts);
    expect((await sql`SELECT xmin::text, loaded_at FROM esco_version`.execute(h.db)).rows).toEqual(before.rows);
    expect((await sql`SELECT xmin::text FROM esco_occupation WHERE uri = ${TECHNICAL_DIRECTOR}`.execute(h.db)).rows).toEqual(rowVersion.rows);
    // the start-up seed step finds the bundled release beside the region's data, and leaves it be
    const lines: string[] = [];
    const sample = process.env.KOERS_ESCO_DIR; // vitest.config.ts points the seed at the test sample
    delete process.env.KOERS_ESCO_DIR;
    const seeded = await seedEsco({ db: h.db, region: 'flanders', dataDir: path.join(rootDir, 'data', 'flanders'), report: (l) => lines.push(l) }).finally(() => {
      if (sample !== undefined) process.env.KOERS_ESCO_DIR = sample;
    });
    expect(seeded).toEqual([{ step: 'ESCO v1.1.1', inserted: 0, unchanged: 3007 + 13896 + 123855 }]);
    expect(lines.at(-1)).toMatch(/^ESCO v1\.1\.1 unchanged in \d+ ms$/);
    expect((await sql`SELECT xmin::text, loaded_at FROM esco_version`.execute(h.db)).rows).toEqual(before.rows);
  });

  describe('a failed load', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-esco-'));
      await fs.cp(escoDataDir, dir, { recursive: true });
    });
    afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

    const counts = async () => (await sql<{ o: number; s: number; r: number; l: number }>`SELECT
      (SELECT count(*) FROM esco_occupation)::int AS o, (SELECT count(*) FROM esco_skill)::int AS s,
      (SELECT count(*) FROM esco_occupation_skill)::int AS r, (SELECT count(*) FROM esco_label)::int AS l`.execute(h.db)).rows[0];
    const expectIntact = async () => {
      expect(await counts()).toEqual({ o: 3007, s: 13896, r: 123855, l: first.counts.labels });
      expect((await escoService(h.db).escoVersion())!.counts).toEqual(first.counts);
      expect((await escoService(h.db).findOccupations('lasser', 'nl', 1))[0]?.label).toBe('lasser'); // indexes back too
    };

    it('leaves the loaded release intact when a row far into a file is invalid, and names the line', async () => {
      const file = path.join(dir, ESCO_FILES.relations);
      const lines = zlib.gunzipSync(await fs.readFile(file)).toString('utf8').split('\r\n');
      const badLine = 110_000; // past several inserted batches
      lines[badLine - 1] = lines[badLine - 1]!.replace(/,(essential|optional),/, ',sometimes,');
      await fs.writeFile(file, zlib.gzipSync(lines.join('\r\n'), { level: 1 }));
      const err = await loadEsco(h.db, dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EscoLoadError);
      expect((err as EscoLoadError).problems).toEqual([expect.objectContaining({ file: ESCO_FILES.relations, line: badLine, reason: expect.stringContaining('relationType') })]);
      await expectIntact();
    });

    it('leaves it intact when a file is cut short', async () => {
      await fs.cp(path.join(escoDataDir, ESCO_FILES.relations), path.join(dir, ESCO_FILES.relations));
      const file = path.join(dir, ESCO_FILES.skillBroader);
      const bytes = await fs.readFile(file);
      await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const err = await loadEsco(h.db, dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EscoLoadError);
      expect((err as EscoLoadError).message).toMatch(/broaderRelationsSkillPillar\.csv\.gz: cannot be read: unexpected end of file/);
      await expectIntact();
    });
  });
});
