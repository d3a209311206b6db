import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { OfferWrite } from './catalog-offer-rows.ts';

// SQL of the catalogue's own tables. Offers are written in batches through jsonb_to_recordset: one
// statement (one parameter) per few thousand rows, the same path for one offer and for 100,000.

const BATCH = 2000;

const offerColumns = `id uuid, provider_id text, external_id text, title jsonb, summary jsonb, description jsonb, kind text,
  level_eqf integer, language text, format text, contact_hours numeric, study_credits numeric, price_eur numeric, price_includes text,
  incentive_db_id text, incentive_db_valid_from date, incentive_db_valid_until date, vouchers boolean, training_credit boolean,
  skills text[], occupations text[], shortage boolean, accessibility text, url text, status text, synthetic boolean,
  provider_name text, provider_kind text, skill_labels text, occupation_labels text, next_start date, schedules text[]`;
const offerNames = offerColumns.split(',').map((c) => c.trim().split(/\s+/)[0]!);
const updatable = offerNames.filter((n) => n !== 'id' && n !== 'provider_id');

function* chunks<T>(rows: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Creates or replaces offers (by id) with their locations and sessions. `fresh`: ids are new, skip the deletes. */
export async function writeOffers(trx: Db, writes: OfferWrite[], options: { fresh?: boolean } = {}): Promise<void> {
  for (const batch of chunks(writes)) {
    const offers = JSON.stringify(batch.map((w) => w.offer));
    await sql`
      INSERT INTO catalog_offer (${sql.raw(offerNames.join(', '))})
      SELECT ${sql.raw(offerNames.join(', '))} FROM jsonb_to_recordset(${offers}::jsonb) AS x(${sql.raw(offerColumns)})
      ON CONFLICT (id) DO UPDATE SET ${sql.raw(updatable.map((n) => `${n} = EXCLUDED.${n}`).join(', '))}, updated_at = now()`.execute(trx);
    if (!options.fresh) {
      const ids = batch.map((w) => w.offer.id);
      await sql`DELETE FROM catalog_offer_location WHERE offer_id = ANY(${ids}::uuid[])`.execute(trx);
      await sql`DELETE FROM catalog_session WHERE offer_id = ANY(${ids}::uuid[])`.execute(trx);
    }
    const locations = batch.flatMap((w) => w.locations);
    for (const part of chunks(locations, BATCH * 2)) {
      await sql`
        INSERT INTO catalog_offer_location (offer_id, place_id, lat, lng, province, region)
        SELECT offer_id, place_id, lat, lng, province, region FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
          AS x(offer_id uuid, place_id integer, lat double precision, lng double precision, province text, region text)`.execute(trx);
    }
    const sessions = batch.flatMap((w) => w.sessions);
    for (const part of chunks(sessions, BATCH * 2)) {
      await sql`
        INSERT INTO catalog_session (offer_id, starts_on, ends_on, schedule, seats_left, place_id)
        SELECT offer_id, starts_on, ends_on, schedule, seats_left, place_id FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
          AS x(offer_id uuid, starts_on date, ends_on date, schedule text, seats_left integer, place_id integer)`.execute(trx);
    }
  }
}

export const findOffer = (db: Db, id: string) => db.selectFrom('catalog_offer').selectAll().where('id', '=', id).executeTakeFirst();

export function findOfferLocations(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('catalog_offer_location as l')
    .innerJoin('catalog_place as p', 'p.id', 'l.place_id')
    .select(['l.offer_id', 'l.place_id', 'l.lat', 'l.lng', 'l.province', 'l.region', 'p.postal_code', 'p.name', 'p.lat as place_lat', 'p.lng as place_lng'])
    .where('l.offer_id', 'in', ids)
    .orderBy('l.offer_id')
    .orderBy('p.postal_code')
    .orderBy('p.id')
    .execute();
}

export function findOfferSessions(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('catalog_session as s')
    .leftJoin('catalog_place as p', 'p.id', 's.place_id')
    .select(['s.offer_id', 's.starts_on', 's.ends_on', 's.schedule', 's.seats_left', 'p.postal_code'])
    .where('s.offer_id', 'in', ids)
    .orderBy('s.offer_id')
    .orderBy('s.starts_on')
    .orderBy('s.id')
    .execute();
}

export function findOffersByExternalIds(db: Db, providerId: string, externalIds: string[]) {
  if (!externalIds.length) return Promise.resolve([]);
  return db.selectFrom('catalog_offer').selectAll().where('provider_id', '=', providerId).where('external_id', 'in', externalIds).execute();
}

export async function setOfferStatus(trx: Db, id: string, status: 'draft' | 'published' | 'archived') {
  await trx.updateTable('catalog_offer').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

export const findProvider = (db: Db, id: string) => db.selectFrom('catalog_provider').selectAll().where('id', '=', id).executeTakeFirst();

export async function listProviders(db: Db, q: { q?: string; kind?: string; synthetic?: boolean; page: number; pageSize: number }) {
  let query = db.selectFrom('catalog_provider');
  if (q.q) query = query.where(sql<boolean>`name ILIKE ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.synthetic !== undefined) query = query.where('synthetic', '=', q.synthetic);
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const items = await query
    .selectAll('catalog_provider')
    .select((eb) => eb.selectFrom('catalog_offer').select((e) => e.fn.countAll<number>().as('c')).whereRef('catalog_offer.provider_id', '=', 'catalog_provider.id').as('offer_count'))
    .orderBy('name')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total };
}

export type ProviderValues = {
  name: string; kind: string; enterprise_number: string | null; quality_registered: boolean; quality_registered_on: string | null;
  kmo_registered: boolean; contact: string; synthetic: boolean;
};

export async function saveProvider(trx: Db, id: string, values: ProviderValues, exists: boolean) {
  if (exists) await trx.updateTable('catalog_provider').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
  else await trx.insertInto('catalog_provider').values({ id, ...values }).execute();
  // the offers carry the provider's name and kind for search: keep them in step
  await trx.updateTable('catalog_offer').set({ provider_name: values.name, provider_kind: values.kind }).where('provider_id', '=', id).execute();
}

export async function insertProviders(trx: Db, rows: Array<ProviderValues & { id: string }>) {
  for (const part of chunks(rows)) await trx.insertInto('catalog_provider').values(part).execute();
}

export async function enterpriseNumberOwner(db: Db, number: string) {
  return (await db.selectFrom('catalog_provider').select('id').where('enterprise_number', '=', number).executeTakeFirst())?.id ?? null;
}

/** Removes every synthetic provider and, through ON DELETE CASCADE, their offers. */
export async function deleteSynthetic(trx: Db): Promise<number> {
  const n = await trx.selectFrom('catalog_offer').select((eb) => eb.fn.countAll<number>().as('n')).where('synthetic', '=', true).executeTakeFirstOrThrow();
  await trx.deleteFrom('catalog_offer').where('synthetic', '=', true).execute();
  await trx.deleteFrom('catalog_provider').where('synthetic', '=', true).execute();
  return Number(n.n);
}

export async function countSynthetic(db: Db): Promise<number> {
  return Number((await db.selectFrom('catalog_offer').select((eb) => eb.fn.countAll<number>().as('n')).where('synthetic', '=', true).executeTakeFirstOrThrow()).n);
}

/** A provider's offers in every status, newest change first (id breaks ties, so pages are stable). */
export async function listProviderOffers(db: Db, providerId: string, q: { status?: 'draft' | 'published' | 'archived'; page: number; pageSize: number }) {
  let base = db.selectFrom('catalog_offer').where('provider_id', '=', providerId);
  if (q.status) base = base.where('status', '=', q.status);
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'external_id', 'title', 'status', 'format', 'next_start', 'updated_at'])
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
