import type { FieldError } from '../../platform/errors/problem.ts';
import type { Place } from './catalog-places.ts';
import type { OfferInput } from './catalog.schema.ts';

// Offer input ⇄ table rows, without the database: the service, the import and the generator all
// write through `offerRows`, so the denormalised columns (provider, labels, next start, schedules,
// shortage) are computed in one place.

export type ProviderRef = { id: string; name: string; kind: string };
export type OccupationLabels = { nl: string | null; en: string };
export type RowContext = {
  /** places by postal code, the code's default first */
  places: Map<string, Place[]>;
  skillLabels: Map<string, string>;
  occupationLabels: Map<string, OccupationLabels>;
  shortage: ReadonlySet<string>;
};

export type OfferRow = {
  id: string;
  provider_id: string;
  external_id: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  description: Record<string, string>;
  kind: string;
  level_eqf: number | null;
  language: string;
  format: string;
  contact_hours: number | null;
  study_credits: number | null;
  price_eur: number | null;
  price_includes: string | null;
  incentive_db_id: string | null;
  incentive_db_valid_from: string | null;
  incentive_db_valid_until: string | null;
  vouchers: boolean;
  training_credit: boolean;
  skills: string[];
  occupations: string[];
  shortage: boolean;
  accessibility: string | null;
  url: string | null;
  status: 'draft' | 'published' | 'archived';
  synthetic: boolean;
  provider_name: string;
  provider_kind: string;
  skill_labels: string;
  occupation_labels: string;
  next_start: string | null;
  schedules: string[];
};
export type LocationRow = { offer_id: string; place_id: number; lat: number; lng: number; province: string | null; region: string };
export type SessionRow = { offer_id: string; starts_on: string; ends_on: string; schedule: string; seats_left: number | null; place_id: number | null };
export type OfferWrite = { offer: OfferRow; locations: LocationRow[]; sessions: SessionRow[] };

const scheduleOrder = ['day', 'evening', 'weekend'];
const clean = (t: Record<string, string | undefined>) => Object.fromEntries(Object.entries(t).filter(([, v]) => v)) as Record<string, string>;

function findPlace(ctx: RowContext, postalCode: string, name?: string): Place | null {
  const places = ctx.places.get(postalCode);
  if (!places?.length) return null;
  if (!name) return places[0]!;
  return places.find((p) => p.name.toLowerCase() === name.toLowerCase()) ?? null;
}

/** The rows for one offer, or the field errors that stop it (unknown postal codes, ESCO URIs…). */
export function offerRows(
  id: string,
  input: OfferInput,
  provider: ProviderRef,
  ctx: RowContext,
  extra: { status?: OfferRow['status']; synthetic?: boolean } = {},
): { write: OfferWrite | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const locations: LocationRow[] = [];
  input.locations.forEach((l, i) => {
    const place = findPlace(ctx, l.postalCode, l.place);
    if (!place) {
      errors.push({ field: `locations.${i}.${l.place && ctx.places.has(l.postalCode) ? 'place' : 'postalCode'}`, reason: l.place && ctx.places.has(l.postalCode) ? `no locality "${l.place}" in postal code ${l.postalCode}` : `unknown postal code ${l.postalCode}` });
      return;
    }
    if (locations.some((x) => x.place_id === place.id)) return; // the same place twice counts once
    locations.push({ offer_id: id, place_id: place.id, lat: l.lat ?? place.lat, lng: l.lng ?? place.lng, province: place.province, region: place.region });
  });
  const sessions: SessionRow[] = [];
  input.sessions.forEach((s, i) => {
    let placeId: number | null = null;
    if (s.postalCode) {
      const place = findPlace(ctx, s.postalCode);
      if (!place) errors.push({ field: `sessions.${i}.postalCode`, reason: `unknown postal code ${s.postalCode}` });
      else placeId = place.id;
    }
    sessions.push({ offer_id: id, starts_on: s.startsOn, ends_on: s.endsOn, schedule: s.schedule, seats_left: s.seatsLeft, place_id: placeId });
  });
  input.skills.forEach((u, i) => {
    if (!ctx.skillLabels.has(u)) errors.push({ field: `skills.${i}`, reason: `unknown ESCO skill ${u}` });
  });
  input.occupations.forEach((u, i) => {
    if (!ctx.occupationLabels.has(u)) errors.push({ field: `occupations.${i}`, reason: `unknown ESCO occupation ${u}` });
  });
  if (errors.length) return { write: null, errors };

  const skills = [...new Set(input.skills)];
  const occupations = [...new Set(input.occupations)];
  const starts = sessions.map((s) => s.starts_on).sort();
  const offer: OfferRow = {
    id,
    provider_id: provider.id,
    external_id: input.externalId,
    title: clean(input.title),
    summary: clean(input.summary),
    description: clean(input.description),
    kind: input.kind,
    level_eqf: input.levelEqf,
    language: input.language,
    format: input.format,
    contact_hours: input.contactHours,
    study_credits: input.studyCredits,
    price_eur: input.priceEur,
    price_includes: input.priceIncludes || null,
    incentive_db_id: input.incentiveDb?.id ?? null,
    incentive_db_valid_from: input.incentiveDb?.validFrom ?? null,
    incentive_db_valid_until: input.incentiveDb?.validUntil ?? null,
    vouchers: input.vouchers,
    training_credit: input.trainingCredit,
    skills,
    occupations,
    shortage: occupations.some((u) => ctx.shortage.has(u)),
    accessibility: input.accessibility || null,
    url: input.url,
    status: extra.status ?? input.status,
    synthetic: extra.synthetic ?? false,
    provider_name: provider.name,
    provider_kind: provider.kind,
    skill_labels: skills.map((u) => ctx.skillLabels.get(u)!).join(' | '),
    occupation_labels: occupations.flatMap((u) => { const l = ctx.occupationLabels.get(u)!; return l.nl && l.nl !== l.en ? [l.nl, l.en] : [l.en]; }).join(' | '),
    next_start: starts[0] ?? null,
    schedules: scheduleOrder.filter((s) => sessions.some((x) => x.schedule === s)),
  };
  return { write: { offer, locations, sessions }, errors: [] };
}

type StoredOffer = {
  external_id: string; title: Record<string, string>; summary: Record<string, string>; description: Record<string, string>;
  kind: string; level_eqf: number | null; language: string; format: string; contact_hours: number | null; study_credits: number | null;
  price_eur: number | null; price_includes: string | null; incentive_db_id: string | null; incentive_db_valid_from: string | null;
  incentive_db_valid_until: string | null; vouchers: boolean; training_credit: boolean; skills: string[]; occupations: string[];
  accessibility: string | null; url: string | null; status: string;
};
export type StoredLocation = { postal_code: string; name: string; lat: number; lng: number; place_lat: number; place_lng: number };
export type StoredSession = { starts_on: string; ends_on: string; schedule: string; seats_left: number | null; postal_code: string | null };

/** A stored offer back in the input shape (what an unchanged re-import must equal). */
export function storedToInput(o: StoredOffer, locations: StoredLocation[], sessions: StoredSession[]): OfferInput {
  return {
    externalId: o.external_id,
    title: o.title, summary: o.summary, description: o.description,
    kind: o.kind as OfferInput['kind'],
    levelEqf: o.level_eqf,
    language: o.language as OfferInput['language'],
    format: o.format as OfferInput['format'],
    contactHours: o.contact_hours, studyCredits: o.study_credits, priceEur: o.price_eur, priceIncludes: o.price_includes,
    incentiveDb: o.incentive_db_id ? { id: o.incentive_db_id, validFrom: o.incentive_db_valid_from!, validUntil: o.incentive_db_valid_until } : null,
    vouchers: o.vouchers, trainingCredit: o.training_credit,
    skills: o.skills, occupations: o.occupations,
    accessibility: o.accessibility, url: o.url,
    status: o.status === 'published' ? 'published' : 'draft',
    locations: locations.map((l) => ({ postalCode: l.postal_code, place: l.name, ...(l.lat !== l.place_lat || l.lng !== l.place_lng ? { lat: l.lat, lng: l.lng } : {}) })),
    sessions: sessions.map((s) => ({ startsOn: s.starts_on, endsOn: s.ends_on, schedule: s.schedule as 'day', seatsLeft: s.seats_left, postalCode: s.postal_code })),
  };
}

/** Compares two inputs as the database would store them (texts without empty languages, places resolved). */
export function sameOffer(a: OfferInput, b: OfferInput, ctx: Pick<RowContext, 'places'>): boolean {
  const norm = (x: OfferInput) => ({
    ...x,
    title: clean(x.title), summary: clean(x.summary), description: clean(x.description),
    priceIncludes: x.priceIncludes || null, accessibility: x.accessibility || null,
    skills: [...new Set(x.skills)], occupations: [...new Set(x.occupations)],
    locations: x.locations.map((l) => {
      const p = findPlace({ places: ctx.places } as RowContext, l.postalCode, l.place);
      return { id: p?.id ?? `${l.postalCode}/${l.place ?? ''}`, lat: l.lat ?? p?.lat, lng: l.lng ?? p?.lng };
    }).filter((l, i, all) => all.findIndex((y) => y.id === l.id) === i).sort((p, q) => String(p.id).localeCompare(String(q.id))),
    // stored sessions come back by start date: order does not make an offer different
    sessions: [...x.sessions].sort((p, q) => stableJson(p).localeCompare(stableJson(q))),
  });
  return stableJson(norm(a)) === stableJson(norm(b));
}

export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
