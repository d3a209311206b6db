import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { rootDir } from '../../platform/config.ts';
import { escoService } from '../esco/esco.service.ts';
import * as repo from './catalog.repository.ts';
import { allPlaces, type Place } from './catalog-places.ts';
import { offerRows, type OccupationLabels, type OfferWrite, type RowContext } from './catalog-offer-rows.ts';
import { enterpriseNumberFrom } from './enterprise-number.ts';
import { shortageOccupations } from './catalog.service.ts';
import type { OfferInput, ProviderInput } from './catalog.schema.ts';
import { mulberry32 } from '../../platform/random.ts';

// SYNTHETIC training offers for a catalogue that has no open source (issue #5): invented providers
// of real provider kinds, offers built from ESCO occupations and their essential skills, real
// Belgian postal places. Everything is labelled synthetic (name suffix, `synthetic = true`).
//
// Distributions (docs/catalog-generator.md; plausible guesses by the Koers developers, not measured):
// - providers: one per 100 offers (at least 10). Kinds: adult-education centre 28 %, SYNTRA 10 %,
//   university college 7 %, university 3 %, public employment service 4 %, sector fund 6 %,
//   private 38 %, other 4 %. Home: a large Flemish city 50 %, another Flemish place 40 %, Brussels 7 %, Wallonia 3 %.
//   Enterprise numbers: 1999.0xx.xxx with a valid mod-97 check — the 1xxx range only opened in
//   2023 and is issued upwards from 1000…, so these are unlikely (not guaranteed) to be real.
// - occupation: by its `weight` in generator-occupations.yaml (default 1); 60 % of the courses of an
//   occupation with `topics` are titled by one of them (nl, fr, en: "TIG-lassen", "soudage TIG").
// - offer kind: course 70 %, programme 18 %, micro-credential 8 %, degree 4 % (degrees only at
//   university colleges and universities). Format: in person 62 %, blended 22 %, online 16 %.
// - contact hours, log-normal: course median 24 h (3–200), programme 160 h (40–900), micro-credential
//   20 h (6–60); degrees count 60/90/120/180 study credits instead.
// - price per contact hour by provider kind: adult education €1.5 (max €300), SYNTRA €9, university
//   college €15, university €20, private €35 (±40 %), sector fund free 70 % else €5, public employment
//   service free, other €8 (±30 %), at most €4,000; degrees €250 + €12 per credit; rounded to €5.
// - sessions: 1 (60 %), 2 (30 %) or 3 (10 %); start from 30 days before to 300 days after `today`;
//   schedule day 45 %, evening 40 %, weekend 15 %; 12, 6 or 7 contact hours a week.
// - incentives database: offers of ≥ 32 h or ≥ 3 credits, with a probability by provider kind
//   (adult education and SYNTRA 80 %, university college 70 %, university 60 %, sector fund 40 %,
//   private and other 30 %, employment service 0 %); 5 % of those registrations have expired.
//   Vouchers follow the registration; training credit for half of the registered long offers.
// - status: published 96 %, draft 3 %, archived 1 %.

/** The generator's random source: mulberry32 (same seed, same offers on every platform) with helpers. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** A picker of items with probability proportional to their weight (all weights 1: the same draws as pick). */
    pickWeighted: <T>(items: readonly T[], weight: (t: T) => number): (() => T) => {
      const cumulative: number[] = [];
      let total = 0;
      for (const t of items) cumulative.push((total += weight(t)));
      return () => {
        const x = next() * total;
        let lo = 0, hi = items.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! > x) hi = mid;
          else lo = mid + 1;
        }
        return items[lo]!;
      };
    },
    weighted: <T extends string>(w: Record<T, number>): T => {
      let x = next() * Object.values<number>(w).reduce((s, v) => s + v, 0);
      for (const [k, v] of Object.entries<number>(w)) if ((x -= v) < 0) return k as T;
      return Object.keys(w).at(-1) as T;
    },
    logNormal: (median: number, sigma: number, min: number, max: number) => {
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return Math.min(max, Math.max(min, Math.round(median * Math.exp(sigma * z))));
    },
    uuid: () => {
      const h = Array.from({ length: 16 }, () => Math.floor(next() * 256));
      h[6] = (h[6]! & 0x0f) | 0x40;
      h[8] = (h[8]! & 0x3f) | 0x80;
      const s = h.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
  return r;
}
type Rng = ReturnType<typeof prng>;

/** A course subject as trainers name it, per language (generator-occupations.yaml `topics`). */
export type GenTopic = { nl: string; fr: string; en: string };
export type GenOccupation = { uri: string; labelNl: string; labelEn: string; skills: Array<{ uri: string; label: string }>; weight?: number; topics?: GenTopic[] };
export type GenProvider = { id: string; input: ProviderInput; home: Place };
export type GenOffer = { id: string; providerId: string; input: OfferInput };

const kindWeights = { 'adult-education-centre': 28, syntra: 10, 'university-college': 7, university: 3, 'public-employment-service': 4, 'sector-fund': 6, private: 38, other: 4 } as const;
type Kind = keyof typeof kindWeights;
const namePattern: Record<Kind, (city: string) => string> = {
  'adult-education-centre': (c) => `CVO Voorbeeld ${c}`,
  syntra: (c) => `SYNTRA Voorbeeld ${c}`,
  'university-college': (c) => `Hogeschool Voorbeeld ${c}`,
  university: (c) => `Universiteit Voorbeeld ${c}`,
  'public-employment-service': (c) => `VDAB-opleidingscentrum Voorbeeld ${c}`,
  'sector-fund': (c) => `Sectorfonds Voorbeeld ${c}`,
  private: (c) => `Opleidingen Voorbeeld ${c} bv`,
  other: (c) => `Vormingscentrum Voorbeeld ${c} vzw`,
};
const bigCities = ['2000', '9000', '8000', '3000', '2800', '3500', '8500', '9300', '9100', '3600', '8400', '8800', '2300', '1000'];
const perHour: Record<Kind, number> = { 'adult-education-centre': 1.5, syntra: 9, 'university-college': 15, university: 20, 'public-employment-service': 0, 'sector-fund': 5, private: 35, other: 8 };
const inDbChance: Record<Kind, number> = { 'adult-education-centre': 0.8, syntra: 0.8, 'university-college': 0.7, university: 0.6, 'public-employment-service': 0, 'sector-fund': 0.4, private: 0.3, other: 0.3 };
const kmoChance: Record<Kind, number> = { 'adult-education-centre': 0.1, syntra: 0.8, 'university-college': 0.1, university: 0.1, 'public-employment-service': 0, 'sector-fund': 0.1, private: 0.7, other: 0.3 };

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const round5 = (n: number) => Math.max(0, Math.round(n / 5) * 5);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function makeProviders(rng: Rng, n: number, places: Place[]): GenProvider[] {
  const flemish = places.filter((p) => p.region === 'flanders');
  const brussels = places.filter((p) => p.region === 'brussels');
  const wallonia = places.filter((p) => p.region === 'wallonia');
  const big = bigCities.map((c) => places.find((p) => p.postalCode === c)).filter((p): p is Place => !!p);
  const names = new Set<string>();
  return Array.from({ length: n }, (_, i) => {
    const kind = rng.weighted(kindWeights);
    const r = rng.next();
    const home = r < 0.5 && big.length ? rng.pick(big) : r < 0.9 ? rng.pick(flemish) : r < 0.97 ? rng.pick(brussels.length ? brussels : flemish) : rng.pick(wallonia.length ? wallonia : flemish);
    let name = `${namePattern[kind](home.name)} (synthetic)`;
    for (let k = 2; names.has(name); k++) name = `${namePattern[kind](`${home.name} ${k}`)} (synthetic)`;
    names.add(name);
    const quality = rng.chance(0.75);
    const input: ProviderInput = {
      name, kind,
      enterpriseNumber: enterpriseNumberFrom(19_990_000 + i),
      qualityRegistered: quality,
      qualityRegisteredOn: quality ? `20${rng.int(15, 24)}-${String(rng.int(1, 12)).padStart(2, '0')}-01` : null,
      kmoRegistered: rng.chance(kmoChance[kind]),
      contact: { website: `https://${slug(name.replace(' (synthetic)', ''))}.example`, email: `info@${slug(name.replace(' (synthetic)', ''))}.example` },
    };
    return { id: `syn-${String(i + 1).padStart(5, '0')}`, input, home };
  });
}

type PlaceIndex = { all: Place[]; flemish: Place[]; byProvince: Map<string, Place[]> };

function makeOffer(rng: Rng, i: number, provider: GenProvider, occ: GenOccupation, places: PlaceIndex, today: string): GenOffer {
  const pk = provider.input.kind as Kind;
  const canDegree = pk === 'university-college' || pk === 'university';
  let kind = rng.weighted({ course: 70, programme: 18, 'micro-credential': 8, degree: 4 });
  if (kind === 'degree' && !canDegree) kind = 'programme';
  const format = rng.weighted({ 'in-person': 62, blended: 22, online: 16 });
  const region = provider.home.region;
  const language = region === 'wallonia' ? 'fr' : region === 'brussels' && rng.chance(0.5) ? 'fr' : rng.weighted({ nl: 93, en: 5, fr: 2 });
  const l = occ.labelNl;
  // a short course is often named after its subject ("TIG-lassen") rather than the occupation
  const topic = kind === 'course' && occ.topics?.length && rng.chance(0.6) ? rng.pick(occ.topics) : null;
  const nlTitle =
    topic ? rng.pick([capital(topic.nl), `Basiscursus ${topic.nl}`, `Vervolmakingscursus ${topic.nl}`])
    : kind === 'degree' ? `${pk === 'university' ? 'Postgraduaat' : 'Graduaat'} ${l}`
    : kind === 'programme' ? rng.pick([`Beroepsopleiding ${l}`, `Traject ${l}`, `Omscholing tot ${l}`])
    : kind === 'micro-credential' ? `Microcredential ${l}`
    : rng.pick([`Opleiding ${l}`, `Basiscursus ${l}`, `Vervolmakingscursus ${l}`, `Praktijkcursus ${l}`]);
  const enTitle = topic ? capital(topic.en) : `${occ.labelEn} training`;
  // French: the topic's French name; else the English occupation label (the ESCO data has no French labels)
  const frTitle = `Formation ${topic ? topic.fr : occ.labelEn}`;
  const title: OfferInput['title'] = language === 'nl' ? { nl: nlTitle } : language === 'en' ? { nl: nlTitle, en: enTitle } : { fr: frTitle, ...(rng.chance(0.5) ? { nl: nlTitle } : {}) };
  const pool = [...occ.skills];
  for (let k = pool.length - 1; k > 0; k--) {
    const j = rng.int(0, k);
    [pool[k], pool[j]] = [pool[j]!, pool[k]!];
  }
  const skills = pool.slice(0, rng.int(3, 8));
  const names = skills.slice(0, 3).map((s) => s.label);
  const summary = { nl: `Je leert wat een ${l} kan: ${names.join(', ')}. Synthetisch voorbeeldaanbod, gegenereerd door Koers.` };
  const description = { nl: `${nlTitle} bij ${provider.input.name}. Dit aanbod bestaat niet: Koers genereerde het om de catalogus te tonen en te testen.` };

  let contactHours: number | null = null;
  let studyCredits: number | null = null;
  if (kind === 'degree') studyCredits = rng.pick([60, 90, 120, 180]);
  else contactHours = kind === 'course' ? rng.logNormal(24, 0.7, 3, 200) : kind === 'programme' ? rng.logNormal(160, 0.5, 40, 900) : rng.logNormal(20, 0.4, 6, 60);
  let price: number;
  if (kind === 'degree') price = 250 + 12 * studyCredits!;
  else if (pk === 'sector-fund' && rng.chance(0.7)) price = 0;
  else if (pk === 'adult-education-centre') price = Math.min(300, contactHours! * perHour[pk]);
  else price = contactHours! * perHour[pk] * (pk === 'private' ? 0.6 + rng.next() * 0.8 : 0.7 + rng.next() * 0.6);
  const priceEur = round5(Math.min(price, kind === 'degree' ? price : 4000)); // short courses at private rates stay under €4,000

  const nSessions = rng.weighted({ 1: 60, 2: 30, 3: 10 } as Record<string, number>);
  const sessions: OfferInput['sessions'] = [];
  let start = addDays(today, rng.int(-30, 300));
  for (let s = 0; s < Number(nSessions); s++) {
    const schedule = rng.weighted({ day: 45, evening: 40, weekend: 15 });
    const hours = contactHours ?? studyCredits! * 8;
    const weeks = Math.max(0, Math.ceil(hours / (schedule === 'day' ? 12 : schedule === 'evening' ? 6 : 7)) - 1);
    const endsOn = hours <= 8 ? start : addDays(start, weeks * 7 + (schedule === 'weekend' ? 1 : 4));
    sessions.push({ startsOn: start, endsOn, schedule, seatsLeft: rng.chance(0.2) ? null : rng.int(0, 24), postalCode: null });
    start = addDays(endsOn, rng.int(14, 120));
  }

  const locations: OfferInput['locations'] = [];
  if (format !== 'online') {
    const sameProvince = places.byProvince.get(`${provider.home.region}/${provider.home.province}`) ?? [];
    const r = rng.next();
    const at = r < 0.7 ? provider.home : r < 0.9 && sameProvince.length ? rng.pick(sameProvince) : rng.pick(places.flemish);
    locations.push({ postalCode: at.postalCode, place: at.name });
    if (rng.chance(0.15)) {
      const second = rng.pick(sameProvince.length ? sameProvince : places.all);
      if (second.id !== at.id) locations.push({ postalCode: second.postalCode, place: second.name });
    }
  }

  const eligible = (contactHours ?? 0) >= 32 || (studyCredits ?? 0) >= 3;
  let incentiveDb: OfferInput['incentiveDb'] = null;
  if (eligible && rng.chance(inDbChance[pk])) {
    const validFrom = addDays(today, -rng.int(30, 900));
    const expired = rng.chance(0.05);
    incentiveDb = { id: `SYN-OD-${String(i + 1).padStart(6, '0')}`, validFrom, validUntil: expired ? addDays(today, -rng.int(1, 25)) : rng.chance(0.1) ? null : addDays(today, rng.int(30, 700)) };
  }
  const long = (contactHours ?? 0) >= 100 || kind === 'degree';
  const eqf = rng.chance(0.35) && kind !== 'degree' ? null
    : kind === 'degree' ? (pk === 'university' ? 7 : rng.pick([5, 6]))
    : kind === 'programme' ? rng.int(3, 5) : kind === 'micro-credential' ? rng.int(4, 6) : rng.int(2, 5);
  const externalId = `SYN-${String(i + 1).padStart(6, '0')}`;
  const input: OfferInput = {
    externalId, title, summary, description, kind, levelEqf: eqf, language, format,
    contactHours, studyCredits, priceEur, priceIncludes: priceEur > 0 && rng.chance(0.5) ? 'cursusmateriaal inbegrepen' : null,
    incentiveDb, vouchers: !!incentiveDb, trainingCredit: !!incentiveDb && long && rng.chance(0.5),
    skills: skills.map((s) => s.uri), occupations: [occ.uri],
    accessibility: rng.chance(0.3) ? 'Rolstoeltoegankelijk leslokaal.' : null,
    url: `${provider.input.contact.website}/aanbod/${externalId.toLowerCase()}`,
    status: 'published', locations, sessions,
  };
  return { id: rng.uuid(), providerId: provider.id, input };
}

/** The synthetic providers and offers for a seed: pure, deterministic (same seed and today → same data). */
export function buildCatalog(options: { count: number; seed: number; today: string; occupations: GenOccupation[]; places: Place[] }) {
  const rng = prng(options.seed);
  const providers = makeProviders(rng, Math.max(10, Math.round(options.count / 100)), options.places);
  const index: PlaceIndex = { all: options.places, flemish: options.places.filter((p) => p.region === 'flanders'), byProvince: new Map() };
  for (const p of options.places) {
    const key = `${p.region}/${p.province}`;
    index.byProvince.set(key, [...(index.byProvince.get(key) ?? []), p]);
  }
  const offers: Array<GenOffer & { status: 'draft' | 'published' | 'archived' }> = [];
  const pickOccupation = rng.pickWeighted(options.occupations, (o) => o.weight ?? 1);
  for (let i = 0; i < options.count; i++) {
    const provider = rng.pick(providers);
    const occ = pickOccupation();
    const status = rng.weighted({ published: 96, draft: 3, archived: 1 });
    offers.push({ ...makeOffer(rng, i, provider, occ, index, options.today), status });
  }
  return { providers, offers };
}

const occupationsFile = () => path.join(rootDir, 'data', process.env.KOERS_REGION || 'flanders', 'catalog', 'generator-occupations.yaml');

const generatorFileSchema = z.object({
  occupations: z.array(z.object({
    uri: z.string().url(),
    weight: z.number().positive().max(100).optional(),
    topics: z.array(z.object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) })).optional(),
  })),
});

/** The generator's occupations with Dutch labels and essential skills, through the esco service. */
export async function generatorOccupations(db: Db): Promise<GenOccupation[]> {
  const doc = generatorFileSchema.parse(parse(fs.readFileSync(occupationsFile(), 'utf8')));
  const esco = escoService(db);
  const out: GenOccupation[] = [];
  for (const { uri, weight, topics } of doc.occupations) {
    const o = await esco.getOccupation(uri, 'nl');
    if (o && o.essentialSkills.length >= 3) {
      out.push({ uri, labelNl: o.labels.nl ?? o.labels.en, labelEn: o.labels.en, skills: o.essentialSkills.map((s) => ({ uri: s.uri, label: s.label })), weight, topics });
    }
  }
  if (!out.length) throw new Error('No ESCO occupations found: load ESCO first (koers seed).');
  return out;
}

export type GenerateResult = { providers: number; offers: number; removed: number; ms: number; phases: { readMs: number; buildMs: number; writeMs: number } };

/** Writes a synthetic catalogue in one transaction. Without `replace`, refuses when synthetic offers exist. */
export async function generateCatalog(
  db: Db,
  options: { count: number; seed: number; replace?: boolean; today?: string; onProgress?: (done: number, total: number) => void },
): Promise<GenerateResult> {
  const started = performance.now();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const existing = await repo.countSynthetic(db);
  if (existing && !options.replace) throw new Error(`The catalogue already holds ${existing} synthetic offers; use --replace to generate anew.`);
  const [occupations, places] = await Promise.all([generatorOccupations(db), allPlaces(db)]);
  if (!places.length) throw new Error('No places loaded: run the seed first (koers seed).');
  const loaded = performance.now();
  const { providers, offers } = buildCatalog({ count: options.count, seed: options.seed, today, occupations, places });
  const built = performance.now();

  const byPostal = new Map<string, Place[]>();
  for (const p of places) byPostal.set(p.postalCode, [...(byPostal.get(p.postalCode) ?? []), p]);
  const occupationLabels = new Map<string, OccupationLabels>(occupations.map((o) => [o.uri, { nl: o.labelNl, en: o.labelEn }]));
  const skillLabels = new Map(occupations.flatMap((o) => o.skills.map((s) => [s.uri, s.label] as const)));
  const ctx: RowContext = { places: byPostal, skillLabels, occupationLabels, shortage: shortageOccupations() };
  const providerRefs = new Map(providers.map((p) => [p.id, { id: p.id, name: p.input.name, kind: p.input.kind }]));

  let removed = 0;
  await db.transaction().execute(async (trx) => {
    if (options.replace) removed = await repo.deleteSynthetic(trx);
    await repo.insertProviders(trx, providers.map((p) => ({
      id: p.id, name: p.input.name, kind: p.input.kind, enterprise_number: p.input.enterpriseNumber, quality_registered: p.input.qualityRegistered,
      quality_registered_on: p.input.qualityRegisteredOn, kmo_registered: p.input.kmoRegistered, contact: JSON.stringify(p.input.contact), synthetic: true,
    })));
    const step = 5000;
    for (let i = 0; i < offers.length; i += step) {
      const writes: OfferWrite[] = offers.slice(i, i + step).map((o) => {
        const { write, errors } = offerRows(o.id, o.input, providerRefs.get(o.providerId)!, ctx, { status: o.status, synthetic: true });
        if (!write) throw new Error(`generated offer ${o.input.externalId} is invalid: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`);
        return write;
      });
      await repo.writeOffers(trx, writes, { fresh: true });
      options.onProgress?.(Math.min(i + step, offers.length), offers.length);
    }
  });
  const phases = { readMs: Math.round(loaded - started), buildMs: Math.round(built - loaded), writeMs: Math.round(performance.now() - built) };
  return { providers: providers.length, offers: offers.length, removed, ms: Math.round(performance.now() - started), phases };
}
