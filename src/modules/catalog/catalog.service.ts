import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/audit.schema.ts';
import type { PublicUser } from '../../platform/auth/auth.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { rootDir } from '../../platform/config.ts';
import { HttpProblem, badRequest, conflict, forbidden, notFound } from '../../platform/errors/problem.ts';
import { escoService } from '../esco/esco.service.ts';
import * as repo from './catalog.repository.ts';
import { placesByPostalCodes } from './catalog-places.ts';

export { placeFor } from './catalog-places.ts';
import { offerRows, type OccupationLabels, type RowContext, storedToInput } from './catalog-offer-rows.ts';
import { incentivesOf } from './catalog-incentives.ts';
import type { Offer, OfferInput, Provider, ProviderInput } from './catalog.schema.ts';

// The catalogue's rules: who may see and change which offer, and writing offers with everything
// derived from them (labels from ESCO, places, shortage flag) in one transaction with its audit entry.

const regionDir = (region = process.env.KOERS_REGION || 'flanders') => path.join(rootDir, 'data', region);

let shortageCache: { file: string; set: Set<string> } | null = null;
/** ESCO occupation URIs on the shortage list (an illustrative list for now: see the file). */
export function shortageOccupations(file = path.join(regionDir(), 'catalog', 'shortage-occupations.yaml')): Set<string> {
  if (shortageCache?.file === file) return shortageCache.set;
  const doc = fs.existsSync(file) ? (parse(fs.readFileSync(file, 'utf8')) as { occupations?: Array<{ uri: string }> }) : {};
  shortageCache = { file, set: new Set((doc.occupations ?? []).map((o) => o.uri)) };
  return shortageCache.set;
}

/** Places, ESCO labels and the shortage list for a set of offer inputs (one look-up per distinct value). */
export async function rowContext(db: Db, inputs: OfferInput[]): Promise<RowContext> {
  const codes = inputs.flatMap((i) => [...i.locations.map((l) => l.postalCode), ...i.sessions.flatMap((s) => (s.postalCode ? [s.postalCode] : []))]);
  const skillUris = [...new Set(inputs.flatMap((i) => i.skills))];
  const occupationUris = [...new Set(inputs.flatMap((i) => i.occupations))];
  const esco = escoService(db);
  const skills = await esco.skillLabels(skillUris);
  const occupationLabels = new Map<string, OccupationLabels>();
  for (const uri of occupationUris) {
    const o = await esco.getOccupation(uri, 'nl');
    if (o) occupationLabels.set(uri, { nl: o.labels.nl, en: o.labels.en });
  }
  return {
    places: await placesByPostalCodes(db, codes),
    skillLabels: new Map([...skills].map(([u, l]) => [u, l.label])),
    occupationLabels,
    shortage: shortageOccupations(),
  };
}

type ProviderRow = NonNullable<Awaited<ReturnType<typeof repo.findProvider>>>;
export function toProvider(p: ProviderRow, offerCount?: number): Provider {
  return {
    id: p.id, name: p.name, kind: p.kind as Provider['kind'], enterpriseNumber: p.enterprise_number, qualityRegistered: p.quality_registered,
    qualityRegisteredOn: p.quality_registered_on, kmoRegistered: p.kmo_registered, contact: p.contact ?? {}, synthetic: p.synthetic,
    ...(offerCount === undefined ? {} : { offerCount }),
  };
}

const today = () => new Date().toISOString().slice(0, 10);
const isOwner = (user: PublicUser | null, providerId: string) => !!user && (user.role === 'admin' || (user.role === 'provider' && user.providerId === providerId));

/** The provider a write acts for: a provider account's own; an admin names one. */
export async function actingProvider(db: Db, user: PublicUser, requested: string | undefined): Promise<ProviderRow> {
  let id: string | undefined;
  if (user.role === 'provider') {
    if (!user.providerId) throw forbidden('This provider account is not bound to a provider.');
    if (requested && requested !== user.providerId) throw forbidden("A provider account works only on its own provider's offers.");
    id = user.providerId;
  } else if (user.role === 'admin') {
    if (!requested) throw badRequest('Name the provider.', [{ field: 'querystring.provider', reason: 'is required for admins' }]);
    id = requested;
  } else throw forbidden();
  const provider = await repo.findProvider(db, id);
  if (!provider) throw new HttpProblem(409, 'unknown-provider', `The provider "${id}" is not registered in the catalogue; an admin registers it first.`);
  return provider;
}

async function fieldProblem(errors: Array<{ field: string; reason: string }>): Promise<never> {
  throw new HttpProblem(422, 'invalid-offer', 'Some fields of the offer are not valid.', errors.map((e) => ({ field: `body.${e.field}`, reason: e.reason })));
}

export async function getOffer(db: Db, user: PublicUser | null, id: string): Promise<Offer> {
  const o = await repo.findOffer(db, id);
  if (!o || (o.status !== 'published' && !isOwner(user, o.provider_id))) throw notFound(`No published offer ${id}.`);
  const provider = (await repo.findProvider(db, o.provider_id))!;
  const [locations, sessions] = await Promise.all([repo.findOfferLocations(db, [id]), repo.findOfferSessions(db, [id])]);
  const esco = escoService(db);
  const skillLabels = await esco.skillLabels(o.skills);
  const occupations = [];
  for (const uri of o.occupations) {
    const occ = await esco.getOccupation(uri, 'nl');
    occupations.push({ uri, label: occ?.label ?? null, labelLang: occ?.labelLang ?? null });
  }
  const incentiveDb = o.incentive_db_id ? { id: o.incentive_db_id, validFrom: o.incentive_db_valid_from!, validUntil: o.incentive_db_valid_until } : null;
  const p = toProvider(provider);
  return {
    id: o.id, externalId: o.external_id, provider: p,
    title: o.title, summary: o.summary, description: o.description,
    kind: o.kind as Offer['kind'], levelEqf: o.level_eqf, language: o.language as Offer['language'], format: o.format as Offer['format'],
    contactHours: o.contact_hours, studyCredits: o.study_credits, priceEur: o.price_eur, priceIncludes: o.price_includes,
    incentiveDb, vouchers: o.vouchers, trainingCredit: o.training_credit,
    skills: o.skills.map((uri) => ({ uri, label: skillLabels.get(uri)?.label ?? null, labelLang: skillLabels.get(uri)?.lang ?? null })),
    occupations, shortage: o.shortage, accessibility: o.accessibility, url: o.url, status: o.status, synthetic: o.synthetic,
    locations: locations.map((l) => ({ postalCode: l.postal_code, place: l.name, lat: l.lat, lng: l.lng, province: l.province, region: l.region })),
    sessions: sessions.map((s) => ({ startsOn: s.starts_on, endsOn: s.ends_on, schedule: s.schedule, seatsLeft: s.seats_left, postalCode: s.postal_code })),
    nextStart: o.next_start, schedules: o.schedules as Offer['schedules'],
    incentives: incentivesOf({ incentiveDb, trainingCredit: o.training_credit }, p, today()),
    esco: await esco.attribution(),
    createdAt: new Date(o.created_at).toISOString(), updatedAt: new Date(o.updated_at).toISOString(),
  };
}

export async function createOffer(db: Db, user: PublicUser, actor: Actor, input: OfferInput, requestedProvider?: string): Promise<Offer> {
  const provider = await actingProvider(db, user, requestedProvider);
  if ((await repo.findOffersByExternalIds(db, provider.id, [input.externalId])).length) {
    throw conflict(`This provider already has an offer with externalId "${input.externalId}"; change it with PUT.`, [{ field: 'body.externalId', reason: 'is taken' }]);
  }
  const id = crypto.randomUUID();
  const { write, errors } = offerRows(id, input, provider, await rowContext(db, [input]));
  if (!write) return fieldProblem(errors);
  try {
    await db.transaction().execute(async (trx) => {
      await repo.writeOffers(trx, [write], { fresh: true });
      await recordAudit(trx, { actor, action: 'create', entityType: 'catalog_offer', entityId: id, before: null, after: { providerId: provider.id, ...input } });
    });
  } catch (err) {
    // two requests creating the same externalId at once: the unique index decides
    if ((err as { code?: string }).code === '23505') throw conflict(`This provider already has an offer with externalId "${input.externalId}".`, [{ field: 'body.externalId', reason: 'is taken' }]);
    throw err;
  }
  return getOffer(db, user, id);
}

async function ownOffer(db: Db, user: PublicUser, id: string) {
  const o = await repo.findOffer(db, id);
  if (!o) throw notFound(`No offer ${id}.`);
  if (!isOwner(user, o.provider_id)) throw forbidden("This offer belongs to another provider.");
  return o;
}

async function inputOf(db: Db, o: NonNullable<Awaited<ReturnType<typeof repo.findOffer>>>): Promise<OfferInput> {
  const [l, s] = await Promise.all([repo.findOfferLocations(db, [o.id]), repo.findOfferSessions(db, [o.id])]);
  return storedToInput(o, l, s);
}

export async function updateOffer(db: Db, user: PublicUser, actor: Actor, id: string, input: OfferInput): Promise<Offer> {
  const o = await ownOffer(db, user, id);
  if (input.externalId !== o.external_id && (await repo.findOffersByExternalIds(db, o.provider_id, [input.externalId])).length) {
    throw conflict(`Another offer of this provider has externalId "${input.externalId}".`, [{ field: 'body.externalId', reason: 'is taken' }]);
  }
  const provider = (await repo.findProvider(db, o.provider_id))!;
  const { write, errors } = offerRows(id, input, provider, await rowContext(db, [input]), { synthetic: o.synthetic });
  if (!write) return fieldProblem(errors);
  const before = await inputOf(db, o);
  await db.transaction().execute(async (trx) => {
    await repo.writeOffers(trx, [write]);
    await recordAudit(trx, { actor, action: 'update', entityType: 'catalog_offer', entityId: id, before, after: input });
  });
  return getOffer(db, user, id);
}

export async function archiveOffer(db: Db, user: PublicUser, actor: Actor, id: string): Promise<Offer> {
  const o = await ownOffer(db, user, id);
  if (o.status !== 'archived') {
    await db.transaction().execute(async (trx) => {
      await repo.setOfferStatus(trx, id, 'archived');
      await recordAudit(trx, { actor, action: 'archive', entityType: 'catalog_offer', entityId: id, before: { status: o.status }, after: { status: 'archived' } });
    });
  }
  return getOffer(db, user, id);
}

// ---------- providers (admins) ----------

export async function getProvider(db: Db, id: string): Promise<Provider> {
  const p = await repo.findProvider(db, id);
  if (!p) throw notFound(`No provider ${id}.`);
  return toProvider(p);
}

export async function listProviders(db: Db, q: Parameters<typeof repo.listProviders>[1]) {
  const { items, total } = await repo.listProviders(db, q);
  return { items: items.map((p) => toProvider(p, Number(p.offer_count ?? 0))), total, page: q.page, pageSize: q.pageSize };
}

export async function saveProvider(db: Db, actor: Actor, id: string, input: ProviderInput): Promise<Provider> {
  if (input.enterpriseNumber) {
    const owner = await repo.enterpriseNumberOwner(db, input.enterpriseNumber);
    if (owner && owner !== id) throw conflict(`Provider "${owner}" already has this enterprise number.`, [{ field: 'body.enterpriseNumber', reason: 'is taken' }]);
  }
  return db.transaction().execute(async (trx) => {
    const before = await repo.findProvider(trx, id);
    await repo.saveProvider(trx, id, {
      name: input.name, kind: input.kind, enterprise_number: input.enterpriseNumber, quality_registered: input.qualityRegistered,
      quality_registered_on: input.qualityRegisteredOn, kmo_registered: input.kmoRegistered, contact: JSON.stringify(input.contact),
      synthetic: before?.synthetic ?? false,
    }, !!before);
    const after = (await repo.findProvider(trx, id))!;
    await recordAudit(trx, { actor, action: before ? 'update' : 'create', entityType: 'catalog_provider', entityId: id, before: before ? toProvider(before) : null, after: toProvider(after) });
    return toProvider(after);
  });
}

/** A provider's own offers (every status): for that provider's accounts and for admins. */
export async function listOwnOffers(db: Db, user: PublicUser, providerId: string, q: { status?: 'draft' | 'published' | 'archived'; page: number; pageSize: number }) {
  if (!isOwner(user, providerId)) throw forbidden("A provider account sees only its own provider's offers.");
  if (!(await repo.findProvider(db, providerId))) throw notFound(`No provider ${providerId}.`);
  const { rows, total } = await repo.listProviderOffers(db, providerId, q);
  return {
    items: rows.map((o) => ({ id: o.id, externalId: o.external_id, title: o.title, status: o.status, format: o.format as 'in-person' | 'online' | 'blended', nextStart: o.next_start, updatedAt: new Date(o.updated_at).toISOString() })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
