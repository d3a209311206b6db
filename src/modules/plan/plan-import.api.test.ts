import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';
import { csvColumns, parseCsv, toCsv, type CsvRow } from './plan-csv.ts';

const blank = () => Object.fromEntries(csvColumns.map((c) => [c, ''])) as CsvRow;
const row = (over: Partial<CsvRow>): CsvRow => ({ ...blank(), weight: '1', ...over });

// A small seeded generator (no Math.random): the same cases every run, many shapes of rows.
function* random(seed: number) {
  let s = seed;
  for (;;) {
    s = (s * 1103515245 + 12345) % 2147483648;
    yield s / 2147483648;
  }
}

describe('plan CSV import and export', () => {
  let t: TestApp;
  let admin: TestClient;
  const count = async (table: 'plan_action' | 'plan_report' | 'audit_log') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;
  const exportFile = async () => (await admin.request({ method: 'GET', url: '/api/v1/plan/export.csv' })).body;
  const importFile = (body: string | Buffer, dryRun = false) =>
    admin.request({ method: 'POST', url: `/api/v1/plan/import?dryRun=${dryRun}`, payload: body, headers: { 'content-type': 'text/csv' } });

  beforeAll(async () => {
    t = await createTestApp({ config: { bodyLimit: 1_048_576 } });
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
    admin = t.client();
    await admin.login('admin@koers.test');
  });
  afterAll(async () => t?.close());

  it('exports every action with a BOM for Excel, and re-imports it as unchanged', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/plan/export.csv' });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFFreference,flagship,')).toBe(true);
    const actions = await count('plan_action');
    const refs = new Set(parseCsv(res.body).rows.map((r) => r.cells.reference));
    expect(refs.size).toBe(actions);

    const dry = await importFile(res.body, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().summary).toMatchObject({ create: 0, update: 0, error: 0 });
    const real = await importFile(res.body);
    expect(real.json().summary.unchanged).toBe(parseCsv(res.body).rows.length);
    expect(await exportFile()).toBe(res.body);
  });

  it('round-trips: import generated rows, export, import the export, export again — the same file, no duplicates', async () => {
    const rnd = random(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd.next().value! * xs.length)]!;
    const texts = ['Leerrekening', 'Compte "formation", volet 2', 'Line one\nline two', 'Semi;colon, comma', 'Ééntje — ü', ''];
    const rows: CsvRow[] = [];
    for (let i = 0; i < 12; i++) {
      const reference = `T-${String(i).padStart(2, '0')}`;
      const years = [2022, 2023, 2024, 2025].filter(() => rnd.next().value! < 0.5);
      const base = {
        reference, flagship: pick(['', 'a', 'c', 'g']), title_en: `Test action ${i}`, title_nl: pick(texts), description_fr: pick(texts),
        goals: pick(['', 'a', 'b|j']), target_groups: pick(['', 'individual', 'organisation|society']), stakeholders: pick(['', 'vdab:lead', 'vdab:partner']),
        starts_on: pick(['', '2022-01-01']), weight: pick(['1', '2', '0.5']),
      };
      const withAssignment = { ...base, flagship_assigned_by: base.flagship ? pick(['source', 'koers-editors']) : '' };
      if (years.length === 0) rows.push(row(withAssignment));
      for (const y of years) rows.push(row({ ...withAssignment, year: String(y), status: pick(['', 'preparing', 'implementing', 'realised']), progress: pick(['', '0', '35', '100']), narrative_nl: pick(texts), narrative_en: pick(texts) }));
    }
    const first = await importFile(toCsv(rows));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().summary.create).toBe(rows.length);
    const actions = await count('plan_action');
    const once = await exportFile();
    const mine = (csv: string) => parseCsv(csv).rows.filter((r) => r.cells.reference.startsWith('T-')).map((r) => r.cells);
    expect(mine(once)).toEqual(rows);

    const again = await importFile(once);
    expect(again.json().summary).toMatchObject({ create: 0, update: 0, error: 0 });
    expect(await exportFile()).toBe(once);
    expect(await count('plan_action')).toBe(actions);
  });

  it('updates by reference, reads semicolons and a BOM, and never duplicates', async () => {
    const actions = await count('plan_action');
    const csv = '\uFEFFreference;title_en;year;status;progress;narrative_nl\r\nK-16;VDAB competence check tool;2026;implementing;45;"Uitgerold; in 2026 verder"\r\n';
    const res = await importFile(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows[0]).toMatchObject({ line: 2, reference: 'K-16', year: 2026, outcome: 'create' });
    const a = (await t.client().request({ method: 'GET', url: '/api/v1/plan/actions/K-16' })).json();
    expect(a.reports.find((r: { year: number }) => r.year === 2026)).toMatchObject({ status: 'implementing', progress: 45, narrative: { nl: 'Uitgerold; in 2026 verder' } });
    expect(await count('plan_action')).toBe(actions);
  });

  it('refuses a file with bad rows as a whole, reporting line, column and reason, and writes nothing', async () => {
    const before = { actions: await count('plan_action'), reports: await count('plan_report'), audit: await count('audit_log') };
    const csv = toCsv([
      row({ reference: 'N-01', title_en: 'Fine row' }),
      row({ reference: 'N-02', title_en: 'x', flagship: 'z' }),
      row({ reference: 'N-03', title_en: 'x', goals: 'a|q' }),
      row({ reference: 'N-04', title_en: 'x', year: '2025', status: 'done' }),
      row({ reference: 'N-05', title_en: 'x', year: '2025', progress: '150' }),
      row({ reference: 'N-06', title_en: 'x', year: '2019' }),
      row({ reference: '', title_en: 'x' }),
      row({ reference: 'N-07', title_en: '<script>alert(1)</script>' }),
      row({ reference: 'N-01', title_en: 'Fine row' }),
      row({ reference: 'N-08' }),
    ]);
    const res = await importFile(csv);
    expect(res.statusCode).toBe(422);
    const errors = res.json().rows.flatMap((r: { line: number; errors: Array<{ column: string }> }) => r.errors.map((e) => `${r.line}:${e.column}`));
    expect(errors).toEqual(['3:flagship', '4:goals', '5:status', '6:progress', '7:year', '8:reference', '9:title_en', '10:reference', '11:title_en']);
    expect(res.json().rows[0].outcome).toBe('create');
    expect({ actions: await count('plan_action'), reports: await count('plan_report'), audit: await count('audit_log') }).toEqual(before);
  });

  it('refuses binary garbage, unknown columns and a 20 MB file with a clear answer', async () => {
    const garbage = await importFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe]));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().problems[0].reason).toContain('binary');
    const latin1 = await importFile(Buffer.from('reference,year,title_en\nX-1,,caf\xe9\n', 'latin1'));
    expect(latin1.json().problems[0].reason).toContain('UTF-8');
    const columns = await importFile('reference,year,colour\nK-01,,red\n');
    expect(columns.json().problems).toEqual([{ line: 1, column: 'colour', reason: expect.stringContaining('unknown column') }]);
    const huge = await importFile(Buffer.alloc(20 * 1024 * 1024, 'a'));
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
  });

  it('lets only admins import; everyone may export', async () => {
    const csv = 'reference,year\r\nK-01,\r\n';
    await expectRoleMatrix(t, [
      { method: 'POST', url: '/api/v1/plan/import?dryRun=true', payload: csv, headers: { 'content-type': 'text/csv' }, allowed: ['admin'] },
      { method: 'GET', url: '/api/v1/plan/export.csv', allowed: ['anonymous', 'admin', 'editor', 'analyst', 'provider'] },
    ]);
  });
});
