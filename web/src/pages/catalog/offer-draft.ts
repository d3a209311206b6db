import type { TFunction } from 'i18next';
import type { CatalogOffer, OfferFormat, OfferInput, OfferKind, OfferLanguage, Schedule } from '../../api/catalog-types.ts';
import type { FieldError } from '../../api/types.ts';
import type { SummaryError } from '../../components/error-summary.tsx';

// The offer form's state (strings, as the inputs hold them) and its translation to and from the API.

export const textLanguages = ['nl', 'fr', 'en'] as const;
export type TextLanguage = (typeof textLanguages)[number];
export const offerKinds: readonly OfferKind[] = ['course', 'programme', 'degree', 'micro-credential'];
export const offerFormats: readonly OfferFormat[] = ['in-person', 'online', 'blended'];
export const offerLanguages: readonly OfferLanguage[] = ['nl', 'fr', 'en', 'de'];
export const schedules: readonly Schedule[] = ['day', 'evening', 'weekend'];

export type LocationRow = { key: number; postalCode: string; place: string };
export type SessionRow = { key: number; startsOn: string; endsOn: string; schedule: Schedule; seatsLeft: string; postalCode: string };
export type EscoChoice = { uri: string; label: string; lang?: string };

export type OfferDraft = {
  externalId: string;
  title: Record<TextLanguage, string>;
  summary: Record<TextLanguage, string>;
  description: Record<TextLanguage, string>;
  kind: OfferKind;
  levelEqf: string;
  language: OfferLanguage;
  format: OfferFormat;
  contactHours: string;
  studyCredits: string;
  priceEur: string;
  priceIncludes: string;
  inIncentiveDb: boolean;
  incentiveDbId: string;
  incentiveDbFrom: string;
  incentiveDbUntil: string;
  vouchers: boolean;
  trainingCredit: boolean;
  skills: EscoChoice[];
  occupations: EscoChoice[];
  accessibility: string;
  url: string;
  status: 'draft' | 'published';
  locations: LocationRow[];
  sessions: SessionRow[];
};

const noTexts = (): Record<TextLanguage, string> => ({ nl: '', fr: '', en: '' });
let nextKey = 1;
export const newKey = () => nextKey++;

export function emptyDraft(): OfferDraft {
  return {
    externalId: '',
    title: noTexts(),
    summary: noTexts(),
    description: noTexts(),
    kind: 'course',
    levelEqf: '',
    language: 'nl',
    format: 'in-person',
    contactHours: '',
    studyCredits: '',
    priceEur: '',
    priceIncludes: '',
    inIncentiveDb: false,
    incentiveDbId: '',
    incentiveDbFrom: '',
    incentiveDbUntil: '',
    vouchers: false,
    trainingCredit: false,
    skills: [],
    occupations: [],
    accessibility: '',
    url: '',
    status: 'draft',
    locations: [],
    sessions: [],
  };
}

const texts = (t: Partial<Record<TextLanguage, string>>): Record<TextLanguage, string> => ({ nl: t.nl ?? '', fr: t.fr ?? '', en: t.en ?? '' });
const str = (n: number | null) => (n === null ? '' : String(n));

/** The form's state for an existing offer. */
export function draftFromOffer(offer: CatalogOffer): OfferDraft {
  return {
    externalId: offer.externalId,
    title: texts(offer.title),
    summary: texts(offer.summary),
    description: texts(offer.description),
    kind: offer.kind,
    levelEqf: str(offer.levelEqf),
    language: offer.language,
    format: offer.format,
    contactHours: str(offer.contactHours),
    studyCredits: str(offer.studyCredits),
    priceEur: str(offer.priceEur),
    priceIncludes: offer.priceIncludes ?? '',
    inIncentiveDb: offer.incentiveDb !== null,
    incentiveDbId: offer.incentiveDb?.id ?? '',
    incentiveDbFrom: offer.incentiveDb?.validFrom ?? '',
    incentiveDbUntil: offer.incentiveDb?.validUntil ?? '',
    vouchers: offer.vouchers,
    trainingCredit: offer.trainingCredit,
    skills: offer.skills.map((s) => ({ uri: s.uri, label: s.label ?? s.uri, lang: s.labelLang ?? undefined })),
    occupations: offer.occupations.map((o) => ({ uri: o.uri, label: o.label ?? o.uri, lang: o.labelLang ?? undefined })),
    accessibility: offer.accessibility ?? '',
    url: offer.url ?? '',
    // An archived offer comes back as a draft when saved: the API takes draft or published.
    status: offer.status === 'published' ? 'published' : 'draft',
    locations: offer.locations.map((l) => ({ key: newKey(), postalCode: l.postalCode, place: l.place })),
    sessions: offer.sessions.map((s) => ({
      key: newKey(),
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      schedule: s.schedule,
      seatsLeft: str(s.seatsLeft),
      postalCode: s.postalCode ?? '',
    })),
  };
}

/** Texts that were filled in; an empty language is left out. */
function filled(t: Record<TextLanguage, string>): Partial<Record<TextLanguage, string>> {
  return Object.fromEntries(textLanguages.filter((l) => t[l].trim()).map((l) => [l, t[l].trim()]));
}

/** A number typed with a comma or a point; empty → null; not a number → NaN, which the API refuses by name. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!s) return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** The body of POST/PUT /api/v1/catalog/offers. Checks are the server's: it names every bad field. */
export function inputFromDraft(d: OfferDraft): OfferInput {
  const level = parseNumber(d.levelEqf);
  const num = (text: string) => {
    const n = parseNumber(text);
    // NaN would be sent as null by JSON: send the text instead, so the server names the field.
    return Number.isNaN(n) ? (text as unknown as number) : n;
  };
  return {
    externalId: d.externalId.trim(),
    title: filled(d.title),
    summary: filled(d.summary),
    description: filled(d.description),
    kind: d.kind,
    levelEqf: level,
    language: d.language,
    format: d.format,
    contactHours: num(d.contactHours),
    studyCredits: num(d.studyCredits),
    priceEur: num(d.priceEur),
    priceIncludes: d.priceIncludes.trim() || null,
    incentiveDb: d.inIncentiveDb ? { id: d.incentiveDbId.trim(), validFrom: d.incentiveDbFrom, validUntil: d.incentiveDbUntil || null } : null,
    vouchers: d.vouchers,
    trainingCredit: d.trainingCredit,
    skills: d.skills.map((s) => s.uri),
    occupations: d.occupations.map((o) => o.uri),
    accessibility: d.accessibility.trim() || null,
    url: d.url.trim() || null,
    status: d.status,
    locations: d.locations.map((l) => ({ postalCode: l.postalCode.trim(), ...(l.place.trim() ? { place: l.place.trim() } : {}) })),
    sessions: d.sessions.map((s) => ({
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      schedule: s.schedule,
      seatsLeft: num(s.seatsLeft),
      postalCode: s.postalCode.trim() || null,
    })),
  };
}

/** Ids of the form's fields. */
export const offerFieldIds = {
  externalId: 'offer-externalId',
  text: (part: 'title' | 'summary' | 'description', lang: TextLanguage) => `offer-${part}-${lang}`,
  kind: 'offer-kind',
  levelEqf: 'offer-level',
  language: 'offer-language',
  format: 'offer-format',
  contactHours: 'offer-contactHours',
  studyCredits: 'offer-studyCredits',
  priceEur: 'offer-priceEur',
  priceIncludes: 'offer-priceIncludes',
  incentiveDb: 'offer-incentiveDb',
  incentiveDbId: 'offer-incentiveDb-id',
  incentiveDbFrom: 'offer-incentiveDb-validFrom',
  incentiveDbUntil: 'offer-incentiveDb-validUntil',
  vouchers: 'offer-vouchers',
  trainingCredit: 'offer-trainingCredit',
  skills: 'offer-skills-q',
  occupations: 'offer-occupations-q',
  accessibility: 'offer-accessibility',
  url: 'offer-url',
  status: 'offer-status',
  location: (row: number, part: 'postalCode' | 'place') => `offer-location-${row}-${part}`,
  locations: 'offer-locations-add',
  session: (row: number, part: 'startsOn' | 'endsOn' | 'schedule' | 'seatsLeft' | 'postalCode') => `offer-session-${row}-${part}`,
  sessions: 'offer-sessions-add',
  provider: 'catalog-provider',
} as const;

const simple = ['externalId', 'kind', 'levelEqf', 'language', 'format', 'contactHours', 'studyCredits', 'priceEur', 'priceIncludes', 'vouchers', 'trainingCredit', 'skills', 'occupations', 'accessibility', 'url', 'status'] as const;
type Simple = (typeof simple)[number];
const sessionParts = ['startsOn', 'endsOn', 'schedule', 'seatsLeft', 'postalCode'] as const;

/** The field a server error is about, as [field id, label key, label values]. */
export function fieldOf(field: string): { id?: string; label: string; values?: Record<string, string | number> } {
  const parts = field.split(/[./]/).filter(Boolean);
  const path = parts[0] === 'body' || parts[0] === 'querystring' ? parts.slice(1) : parts;
  const [name = '', second, third] = path;
  if ((simple as readonly string[]).includes(name)) return { id: offerFieldIds[name as Simple] as string, label: `catalog.form.${name}` };
  if (name === 'provider') return { id: offerFieldIds.provider, label: 'catalog.provider.pick' };
  if (name === 'title' || name === 'summary' || name === 'description') {
    const lang = (textLanguages as readonly string[]).includes(second ?? '') ? (second as TextLanguage) : 'nl';
    return { id: offerFieldIds.text(name, lang), label: `catalog.form.${name}In`, values: { language: lang } };
  }
  if (name === 'incentiveDb') {
    const id = second === 'validFrom' ? offerFieldIds.incentiveDbFrom : second === 'validUntil' ? offerFieldIds.incentiveDbUntil : offerFieldIds.incentiveDbId;
    return { id, label: `catalog.form.incentiveDb${second === 'validFrom' ? 'From' : second === 'validUntil' ? 'Until' : 'Id'}` };
  }
  const row = Number(second);
  if (name === 'locations') {
    if (!Number.isInteger(row)) return { id: offerFieldIds.locations, label: 'catalog.form.locations' };
    const part = third === 'place' ? 'place' : 'postalCode';
    return { id: offerFieldIds.location(row, part), label: `catalog.form.location.${part}`, values: { n: row + 1 } };
  }
  if (name === 'sessions') {
    if (!Number.isInteger(row)) return { id: offerFieldIds.sessions, label: 'catalog.form.sessions' };
    const part = (sessionParts as readonly string[]).includes(third ?? '') ? (third as (typeof sessionParts)[number]) : 'startsOn';
    return { id: offerFieldIds.session(row, part), label: `catalog.form.session.${part}`, values: { n: row + 1 } };
  }
  return { label: 'catalog.form.otherField', values: { field } };
}

export type DraftErrors = { fields: Record<string, string>; summary: SummaryError[] };

/**
 * The server's field errors at their fields and, in the same order, in the summary. The reason is
 * the server's English text; the field is named in the page's language.
 */
export function draftErrors(errors: readonly FieldError[], t: TFunction): DraftErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryError[] = [];
  for (const error of errors) {
    const f = fieldOf(error.field);
    const language = f.values?.language ? t(`catalog.values.language.${f.values.language}`) : undefined;
    const label = t(f.label, { ...f.values, ...(language ? { language } : {}) });
    const message = t('catalog.form.errorAt', { field: label, reason: error.reason });
    if (f.id && !fields[f.id]) fields[f.id] = message;
    summary.push({ message, fieldId: f.id });
  }
  return { fields, summary };
}
