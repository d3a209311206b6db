import path from 'node:path';
import { Migrator, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { migrationDirs, SqlFileMigrationProvider } from '../../platform/migrations/migrator.ts';
import type { KoersModule } from '../../platform/module.ts';
import { escoMigrationsDir } from '../esco/esco.test-support.ts';
import { catalogSearchRoutes } from './catalog-search.routes.ts';

// Test support for catalogue search: migrations (whether or not esco and catalog are registered
// yet), a search-only module, and a fixed fixture of offers with known answers.

export const catalogMigrationsDir = path.join(import.meta.dirname, 'migrations');

export async function migrateWithCatalog(db: Db): Promise<void> {
  const dirs = migrationDirs();
  for (const d of [escoMigrationsDir, catalogMigrationsDir]) if (!dirs.includes(d)) dirs.push(d);
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(dirs), migrationTableName: 'koers_migration', migrationLockTableName: 'koers_migration_lock', allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** Only the search routes, so these tests do not depend on the rest of the module. */
export const catalogSearchOnlyModule: KoersModule = { id: 'catalog-search-test', routes: catalogSearchRoutes };

// Real coordinates (data/be/geo) of the places the fixture uses.
export const PLACES = {
  '9000': { name: 'Gent', lat: 51.0678307, lng: 3.7290914, province: 'Oost-Vlaanderen', region: 'flanders' },
  '9300': { name: 'Aalst', lat: 50.937793, lng: 4.0409133, province: 'Oost-Vlaanderen', region: 'flanders' },
  '1000': { name: 'Brussel', lat: 50.8427501, lng: 4.3515499, province: null, region: 'brussels' },
  '2000': { name: 'Antwerpen', lat: 51.2198771, lng: 4.4011356, province: 'Antwerpen', region: 'flanders' },
  '3000': { name: 'Leuven', lat: 50.8815197, lng: 4.6967578, province: 'Vlaams-Brabant', region: 'flanders' },
  '3500': { name: 'Hasselt', lat: 50.9215166, lng: 5.3447405, province: 'Limburg', region: 'flanders' },
  '8000': { name: 'Brugge', lat: 51.2093488, lng: 3.2247013, province: 'West-Vlaanderen', region: 'flanders' },
  '4000': { name: 'Liège', lat: 50.6350757, lng: 5.5628874, province: 'Luik', region: 'wallonia' },
  '5000': { name: 'Namur', lat: 50.459267, lng: 4.8504571, province: 'Namen', region: 'wallonia' },
} as const;
export type PostalCode = keyof typeof PLACES;

export type FixtureProvider = { id: string; name: string; kind: string; kmo: boolean };
export const PROVIDERS: FixtureProvider[] = [
  { id: 'fx-cvo-gent', name: 'CVO Fixture Gent', kind: 'adult-education-centre', kmo: false },
  { id: 'fx-syntra', name: 'Syntra Fixture', kind: 'syntra', kmo: true },
  { id: 'fx-private', name: 'Opleidingen Fixture BV', kind: 'private', kmo: true },
  { id: 'fx-forem', name: 'Centre Fixture Wallonie', kind: 'public-employment-service', kmo: false },
  { id: 'fx-hogeschool', name: 'Hogeschool Fixture', kind: 'university-college', kmo: false },
];

export type FixtureOffer = {
  key: string;
  title: Partial<Record<'nl' | 'fr' | 'en', string>>;
  summary?: string;
  language: 'nl' | 'fr' | 'en';
  format: 'in-person' | 'online' | 'blended';
  level: number | null;
  price: number | null;
  provider: string;
  places: PostalCode[];
  starts: Array<[number, 'day' | 'evening' | 'weekend']>; // days from today
  vouchers?: boolean;
  trainingCredit?: boolean;
  vov?: 'valid' | 'expired';
  shortage?: boolean;
  skills?: string;
  occupations?: string; // labels; URIs are set by the test from ESCO
  occupationKeys?: string[];
  status?: 'published' | 'draft' | 'archived';
};

// 42 offers in three languages; titles chosen so that each relevance query has a known answer.
export const OFFERS: FixtureOffer[] = [
  { key: 'weld-gent', title: { nl: 'Lassen voor beginners' }, summary: 'Leer lassen met elektrode en MIG.', language: 'nl', format: 'in-person', level: 3, price: 450, provider: 'fx-cvo-gent', places: ['9000'], starts: [[20, 'evening']], vouchers: true, vov: 'valid', shortage: true, skills: 'welding techniques', occupations: 'lasser', occupationKeys: ['welder'] },
  { key: 'weld-mig-gent', title: { nl: 'MIG/MAG-lassen' }, summary: 'Halfautomatisch lassen in de werkplaats.', language: 'nl', format: 'in-person', level: 3, price: 620, provider: 'fx-syntra', places: ['9000'], starts: [[45, 'day']], vouchers: true, shortage: true, skills: 'welding techniques', occupations: 'lasser', occupationKeys: ['welder'] },
  { key: 'weld-tig-antw', title: { nl: 'TIG-lassen voor gevorderden' }, language: 'nl', format: 'in-person', level: 4, price: 980, provider: 'fx-syntra', places: ['2000'], starts: [[70, 'weekend']], trainingCredit: true, shortage: true, skills: 'welding techniques', occupations: 'lasser', occupationKeys: ['welder'] },
  { key: 'weld-aalst', title: { nl: 'Lassen in de bouw' }, language: 'nl', format: 'blended', level: 3, price: 300, provider: 'fx-cvo-gent', places: ['9300'], starts: [[10, 'evening']], vouchers: true, vov: 'expired', shortage: true, skills: 'welding techniques', occupationKeys: ['welder'] },
  { key: 'weld-liege', title: { fr: "Soudage à l'arc" }, summary: 'Formation de soudeur: procédés à électrode enrobée.', language: 'fr', format: 'in-person', level: 3, price: 0, provider: 'fx-forem', places: ['4000'], starts: [[30, 'day']], shortage: true, skills: 'welding techniques', occupations: 'soudeur', occupationKeys: ['welder'] },
  { key: 'weld-namur', title: { fr: 'Soudage TIG et MIG' }, language: 'fr', format: 'in-person', level: 4, price: 0, provider: 'fx-forem', places: ['5000'], starts: [[90, 'day']], shortage: true, skills: 'welding techniques', occupationKeys: ['welder'] },
  { key: 'weld-en', title: { en: 'Welding for the offshore industry' }, summary: 'Certified pipe welding.', language: 'en', format: 'in-person', level: 4, price: 2400, provider: 'fx-private', places: ['2000'], starts: [[120, 'day']], shortage: true, skills: 'welding techniques', occupationKeys: ['welder'] },
  { key: 'weld-draft', title: { nl: 'Lassen (concept)' }, language: 'nl', format: 'in-person', level: 2, price: 100, provider: 'fx-cvo-gent', places: ['9000'], starts: [[15, 'day']], skills: 'welding techniques', status: 'draft' },
  { key: 'weld-archived', title: { nl: 'Lassen oud programma' }, language: 'nl', format: 'in-person', level: 2, price: 100, provider: 'fx-cvo-gent', places: ['9000'], starts: [[15, 'day']], status: 'archived' },
  { key: 'acc-nl', title: { nl: "Boekhouding voor kmo's" }, language: 'nl', format: 'online', level: 5, price: 350, provider: 'fx-syntra', places: [], starts: [[14, 'evening']], vouchers: true, vov: 'valid', trainingCredit: true, skills: 'accounting' },
  { key: 'acc-nl-2', title: { nl: 'Basis boekhouden' }, summary: 'Dubbel boekhouden van nul.', language: 'nl', format: 'blended', level: 4, price: 180, provider: 'fx-cvo-gent', places: ['3000'], starts: [[40, 'evening']], vouchers: true, skills: 'accounting' },
  { key: 'acc-fr', title: { fr: 'Comptabilité générale' }, language: 'fr', format: 'in-person', level: 5, price: 400, provider: 'fx-forem', places: ['1000'], starts: [[25, 'day']], skills: 'accounting' },
  { key: 'acc-fr-2', title: { fr: 'Comptabilité pour indépendants' }, language: 'fr', format: 'online', level: 4, price: 95, provider: 'fx-private', places: [], starts: [[200, 'evening']], skills: 'accounting' },
  { key: 'acc-en', title: { en: 'Accounting fundamentals' }, language: 'en', format: 'online', level: 5, price: 1200, provider: 'fx-private', places: [], starts: [[60, 'weekend']], skills: 'accounting' },
  { key: 'prog-py', title: { nl: 'Programmeren in Python' }, language: 'nl', format: 'blended', level: 5, price: 750, provider: 'fx-hogeschool', places: ['9000'], starts: [[35, 'evening']], vov: 'valid', trainingCredit: true, shortage: true, skills: 'Python (computer programming)' },
  { key: 'prog-js', title: { nl: 'Leren programmeren met JavaScript' }, language: 'nl', format: 'online', level: 5, price: 500, provider: 'fx-private', places: [], starts: [[5, 'evening']], shortage: true, skills: 'JavaScript' },
  { key: 'prog-fr', title: { fr: 'Devenir programmeur Java' }, language: 'fr', format: 'in-person', level: 5, price: 1500, provider: 'fx-private', places: ['1000'], starts: [[50, 'day']], shortage: true, skills: 'Java (computer programming)' },
  { key: 'prog-en', title: { en: 'Software development bootcamp' }, summary: 'Twelve weeks of full-stack programming.', language: 'en', format: 'in-person', level: 6, price: 5000, provider: 'fx-private', places: ['1000'], starts: [[100, 'day']], shortage: true },
  { key: 'cook-nl', title: { nl: 'Kok in de grootkeuken' }, language: 'nl', format: 'in-person', level: 3, price: 250, provider: 'fx-cvo-gent', places: ['8000'], starts: [[12, 'day']], vouchers: true, shortage: true, occupations: 'kok' },
  { key: 'cook-fr', title: { fr: 'Cuisine professionnelle' }, language: 'fr', format: 'in-person', level: 3, price: 0, provider: 'fx-forem', places: ['4000'], starts: [[22, 'day']] },
  { key: 'cook-en', title: { en: 'Professional cooking' }, language: 'en', format: 'in-person', level: 4, price: 900, provider: 'fx-private', places: ['1000'], starts: [[80, 'weekend']] },
  { key: 'care-nl', title: { nl: 'Zorgkundige' }, language: 'nl', format: 'in-person', level: 4, price: 0, provider: 'fx-cvo-gent', places: ['9000', '9300'], starts: [[3, 'day']], shortage: true },
  { key: 'care-fr', title: { fr: 'Aide-soignant' }, language: 'fr', format: 'in-person', level: 4, price: 0, provider: 'fx-forem', places: ['5000'], starts: [[33, 'day']], shortage: true },
  { key: 'forklift', title: { nl: 'Heftruckchauffeur' }, language: 'nl', format: 'in-person', level: 2, price: 280, provider: 'fx-private', places: ['2000', '3500'], starts: [[8, 'day'], [40, 'weekend']], vouchers: true },
  { key: 'dutch', title: { nl: 'Nederlands voor anderstaligen' }, language: 'nl', format: 'in-person', level: 2, price: 60, provider: 'fx-cvo-gent', places: ['9000'], starts: [[18, 'evening']] },
  { key: 'french', title: { fr: 'Français langue étrangère' }, language: 'fr', format: 'online', level: 2, price: 60, provider: 'fx-forem', places: [], starts: [[18, 'evening']] },
  { key: 'english', title: { en: 'English for business' }, language: 'en', format: 'online', level: 3, price: 150, provider: 'fx-private', places: [], starts: [[9, 'evening']], vouchers: true },
  { key: 'stage', title: { nl: 'Podiumtechniek en voorstellingsleiding' }, language: 'nl', format: 'in-person', level: 5, price: 800, provider: 'fx-hogeschool', places: ['2000'], starts: [[150, 'day']], occupationKeys: ['technical-director'] },
  { key: 'excel-nl', title: { nl: 'Excel voor gevorderden' }, language: 'nl', format: 'online', level: 3, price: 120, provider: 'fx-syntra', places: [], starts: [[6, 'evening']], vouchers: true },
  { key: 'excel-fr', title: { fr: 'Excel pour débutants' }, language: 'fr', format: 'in-person', level: 2, price: 90, provider: 'fx-private', places: ['1000'], starts: [[16, 'day']], vouchers: true },
  { key: 'elec-nl', title: { nl: 'Elektricien residentieel' }, language: 'nl', format: 'in-person', level: 4, price: 700, provider: 'fx-syntra', places: ['3500'], starts: [[55, 'evening']], shortage: true, vov: 'valid' },
  { key: 'elec-fr', title: { fr: 'Installateur électricien' }, language: 'fr', format: 'in-person', level: 4, price: 0, provider: 'fx-forem', places: ['4000'], starts: [[65, 'day']], shortage: true },
  { key: 'pm-nl', title: { nl: 'Projectmanagement in de praktijk' }, language: 'nl', format: 'blended', level: 6, price: 1100, provider: 'fx-hogeschool', places: ['3000'], starts: [[27, 'weekend']], trainingCredit: true },
  { key: 'pm-fr', title: { fr: 'Gestion de projet' }, language: 'fr', format: 'online', level: 6, price: 850, provider: 'fx-private', places: [], starts: [[44, 'evening']] },
  { key: 'pm-en', title: { en: 'Project management with PRINCE2' }, language: 'en', format: 'online', level: 6, price: 1900, provider: 'fx-private', places: [], starts: [[-10, 'day']] },
  { key: 'mkt-nl', title: { nl: 'Digitale marketing' }, language: 'nl', format: 'online', level: 5, price: 400, provider: 'fx-syntra', places: [], starts: [[19, 'evening']] },
  { key: 'truck', title: { nl: 'Vrachtwagenchauffeur C/CE' }, language: 'nl', format: 'in-person', level: 3, price: null, provider: 'fx-private', places: ['8000'], starts: [[75, 'day']], shortage: true },
  { key: 'carpenter', title: { nl: 'Timmerman: houtbewerking' }, language: 'nl', format: 'in-person', level: 3, price: 520, provider: 'fx-syntra', places: ['9300'], starts: [[28, 'day']], shortage: true },
  { key: 'menuiserie', title: { fr: 'Menuiserie' }, language: 'fr', format: 'in-person', level: 3, price: 0, provider: 'fx-forem', places: ['5000'], starts: [[38, 'day']] },
  { key: 'sql-nl', title: { nl: 'Data-analyse met SQL' }, language: 'nl', format: 'online', level: 5, price: 600, provider: 'fx-hogeschool', places: [], starts: [] },
  { key: 'data-en', title: { en: 'Data science with Python' }, language: 'en', format: 'online', level: 7, price: 3200, provider: 'fx-hogeschool', places: [], starts: [[240, 'weekend']], trainingCredit: true },
  { key: 'coach', title: { nl: 'Coaching en leiderschap' }, language: 'nl', format: 'in-person', level: 6, price: 1350, provider: 'fx-private', places: ['2000'], starts: [[130, 'day']] },
];

const addDays = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Inserts places, providers and offers (with locations and sessions); returns key → offer id. */
export async function insertFixture(db: Db, today: string, occupationUris: Record<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    const placeIds = new Map<string, number>();
    for (const [postal, p] of Object.entries(PLACES)) {
      const r = await sql<{ id: number }>`INSERT INTO catalog_place (postal_code, name, lat, lng, province, region)
        VALUES (${postal}, ${p.name}, ${p.lat}, ${p.lng}, ${p.province}, ${p.region})
        ON CONFLICT (postal_code, name) DO UPDATE SET lat = EXCLUDED.lat RETURNING id`.execute(trx);
      placeIds.set(postal, r.rows[0]!.id);
    }
    for (const p of PROVIDERS) {
      await sql`INSERT INTO catalog_provider (id, name, kind, kmo_registered) VALUES (${p.id}, ${p.name}, ${p.kind}, ${p.kmo})`.execute(trx);
    }
    for (const o of OFFERS) {
      const provider = PROVIDERS.find((p) => p.id === o.provider)!;
      const starts = o.starts.map(([d]) => addDays(today, d)).sort();
      const schedules = [...new Set(o.starts.map(([, s]) => s))];
      const vov = o.vov ? { id: `fx-${o.key}`, from: addDays(today, -400), until: o.vov === 'valid' ? addDays(today, 365) : addDays(today, -1) } : null;
      const r = await sql<{ id: string }>`INSERT INTO catalog_offer (provider_id, external_id, title, summary, kind, level_eqf, language, format, price_eur,
          incentive_db_id, incentive_db_valid_from, incentive_db_valid_until, vouchers, training_credit, occupations, shortage, status, synthetic,
          provider_name, provider_kind, skill_labels, occupation_labels, next_start, schedules)
        VALUES (${o.provider}, ${o.key}, ${JSON.stringify(o.title)}::jsonb, ${JSON.stringify(o.summary ? { [o.language]: o.summary } : {})}::jsonb, 'course',
          ${o.level}, ${o.language}, ${o.format}, ${o.price}, ${vov?.id ?? null}, ${vov?.from ?? null}, ${vov?.until ?? null},
          ${o.vouchers ?? false}, ${o.trainingCredit ?? false}, ${(o.occupationKeys ?? []).map((k) => occupationUris[k]!).filter(Boolean)}::text[],
          ${o.shortage ?? false}, ${o.status ?? 'published'}, true, ${provider.name}, ${provider.kind}, ${o.skills ?? ''}, ${o.occupations ?? ''},
          ${starts[0] ?? null}, ${schedules}::text[])
        RETURNING id`.execute(trx);
      const id = r.rows[0]!.id;
      ids.set(o.key, id);
      for (const postal of o.places) {
        const p = PLACES[postal];
        await sql`INSERT INTO catalog_offer_location (offer_id, place_id, lat, lng, province, region)
          VALUES (${id}, ${placeIds.get(postal)!}, ${p.lat}, ${p.lng}, ${p.province}, ${p.region})`.execute(trx);
      }
      for (const [d, schedule] of o.starts) {
        await sql`INSERT INTO catalog_session (offer_id, starts_on, ends_on, schedule, seats_left, place_id)
          VALUES (${id}, ${addDays(today, d)}, ${addDays(today, d + 60)}, ${schedule}, 12, ${o.places[0] ? placeIds.get(o.places[0])! : null})`.execute(trx);
      }
    }
  });
  return ids;
}

/** Great-circle distance in km (the same formula as the SQL). */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
