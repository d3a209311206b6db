import type { Db } from '../db/database.ts';
import type { DataSource, RegionFile } from './portal.schema.ts';

export async function insertRegionIfMissing(db: Db, r: RegionFile): Promise<boolean> {
  const res = await db
    .insertInto('region')
    .values({
      id: r.id,
      name: JSON.stringify(r.name),
      plan_title: JSON.stringify({ title: r.plan.title, translationNotes: r.plan.translationNotes ?? {}, adopted: r.plan.adopted }),
      period_from: r.plan.period.from,
      period_to: r.plan.period.to,
      default_locale: r.defaultLocale,
      source_url: r.plan.source,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertSourceIfMissing(db: Db, regionId: string, s: DataSource): Promise<boolean> {
  const res = await db
    .insertInto('data_source')
    .values({
      id: s.id,
      region_id: regionId,
      name: s.name,
      publisher: s.publisher,
      url: s.url,
      licence: s.licence,
      licence_url: s.licenceUrl,
      attribution: s.attribution,
      applies_from: s.appliesFrom,
      retrieved_on: s.retrievedOn,
      synthetic: s.synthetic,
      used_for: JSON.stringify(s.usedFor),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findRegion(db: Db, id: string) {
  return db.selectFrom('region').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSources(db: Db, regionId: string) {
  return db.selectFrom('data_source').selectAll().where('region_id', '=', regionId).orderBy('name').execute();
}

export function findRegionIds(db: Db) {
  return db.selectFrom('region').select('id').orderBy('created_at').orderBy('id').execute();
}
