import crypto from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/audit.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import * as repo from './catalog.repository.ts';
import { offerInputSchema, type ImportReport, type OfferInput } from './catalog.schema.ts';
import { columnOf, csvRowToInput, parseOfferCsv } from './catalog-csv.ts';
import { offerRows, sameOffer, storedToInput, type OfferWrite, type ProviderRef } from './catalog-offer-rows.ts';
import { rowContext } from './catalog.service.ts';

// Bulk import of one provider's offers from CSV or JSON: all or nothing, with a row-by-row report;
// rows create or update by the provider's own offer id (externalId).

export const IMPORT_LIMIT = 20 * 1024 * 1024;
export type ImportSource = { format: 'csv'; content: Buffer } | { format: 'json'; content: unknown };
type Item = { line: number; externalId: string; raw: unknown; column: (path: Array<string | number>) => string };
type RowReport = ImportReport['rows'][number];

const jsonField = (path: Array<string | number>) => path.map(String).join('.');

export async function importOffers(db: Db, actor: Actor, provider: ProviderRef, source: ImportSource, options: { dryRun: boolean }): Promise<ImportReport> {
  const base = { dryRun: options.dryRun, provider: provider.id, format: source.format };
  const empty = { create: 0, update: 0, unchanged: 0, error: 0 };
  const fail = (problems: ImportReport['problems']): ImportReport => ({ ...base, ok: false, summary: empty, problems, rows: [] });

  let items: Item[];
  if (source.format === 'csv') {
    const parsed = parseOfferCsv(source.content);
    if (parsed.problems.length) return fail(parsed.problems);
    items = parsed.rows.map((r) => ({ line: r.line, externalId: r.cells.external_id, raw: csvRowToInput(r.cells), column: columnOf }));
  } else {
    if (!Array.isArray(source.content)) return fail([{ line: 1, column: null, reason: 'the JSON must be an array of offers (the input shape of POST /api/v1/catalog/offers)' }]);
    items = source.content.map((raw, i) => ({
      line: i + 1,
      externalId: raw && typeof raw === 'object' && typeof (raw as { externalId?: unknown }).externalId === 'string' ? (raw as { externalId: string }).externalId : '',
      raw,
      column: jsonField,
    }));
  }
  if (!items.length) return fail([{ line: 1, column: null, reason: 'the file has no offers' }]);

  const reports: RowReport[] = [];
  const valid: Array<{ index: number; input: OfferInput }> = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const errors: RowReport['errors'] = [];
    const parsed = offerInputSchema.safeParse(item.raw);
    if (!parsed.success) for (const i of parsed.error.issues) errors.push({ column: item.column(i.path as Array<string | number>) || null, reason: i.message });
    if (item.externalId && seen.has(item.externalId)) errors.push({ column: item.column(['externalId']), reason: `duplicates line ${seen.get(item.externalId)} (same externalId)` });
    else if (item.externalId) seen.set(item.externalId, item.line);
    reports.push({ line: item.line, externalId: item.externalId, outcome: errors.length ? 'error' : 'create', errors });
    if (!errors.length && parsed.success) valid.push({ index: reports.length - 1, input: parsed.data });
  }

  const ctx = await rowContext(db, valid.map((v) => v.input));
  const existing = new Map<string, Awaited<ReturnType<typeof repo.findOffersByExternalIds>>[number]>();
  for (let i = 0; i < valid.length; i += 1000) {
    for (const o of await repo.findOffersByExternalIds(db, provider.id, valid.slice(i, i + 1000).map((v) => v.input.externalId))) existing.set(o.external_id, o);
  }
  const ids = [...existing.values()].map((o) => o.id);
  const [locations, sessions] = await Promise.all([repo.findOfferLocations(db, ids), repo.findOfferSessions(db, ids)]);
  const group = <T extends { offer_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.offer_id, [...(m.get(r.offer_id) ?? []), r]);
    return m;
  };
  const locationsOf = group(locations), sessionsOf = group(sessions);
  const writes: Array<{ write: OfferWrite; before: OfferInput | null; input: OfferInput }> = [];
  for (const { index, input } of valid) {
    const report = reports[index]!;
    const current = existing.get(input.externalId);
    const { write, errors } = offerRows(current?.id ?? crypto.randomUUID(), input, provider, ctx, { synthetic: current?.synthetic ?? false });
    if (!write) {
      report.outcome = 'error';
      report.errors.push(...errors.map((e) => ({ column: items[index]!.column(e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))), reason: e.reason })));
      continue;
    }
    const before = current ? storedToInput(current, locationsOf.get(current.id) ?? [], sessionsOf.get(current.id) ?? []) : null;
    report.outcome = !before ? 'create' : sameOffer(before, input, ctx) && current!.status !== 'archived' ? 'unchanged' : 'update';
    if (report.outcome !== 'unchanged') writes.push({ write, before, input });
  }

  const summary = { ...empty };
  for (const r of reports) summary[r.outcome]++;
  const ok = summary.error === 0;
  if (ok && !options.dryRun && writes.length) {
    await db.transaction().execute(async (trx) => {
      await repo.writeOffers(trx, writes.map((w) => w.write));
      for (const w of writes) {
        await recordAudit(trx, { actor, action: w.before ? 'update' : 'create', entityType: 'catalog_offer', entityId: w.write.offer.id, before: w.before, after: { providerId: provider.id, via: 'import', ...w.input } });
      }
    });
  }
  return { ...base, ok, summary, problems: [], rows: reports };
}
