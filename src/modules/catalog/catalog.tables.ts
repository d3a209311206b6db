import type { ColumnType, Generated } from 'kysely';

// Kysely types of the tables this module owns (see migrations/).
type Json<T = unknown> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Texts = Partial<Record<'nl' | 'fr' | 'en', string>>;

export interface CatalogTables {
  catalog_place: { id: Generated<number>; postal_code: string; name: string; lat: number; lng: number; province: string | null; region: 'flanders' | 'wallonia' | 'brussels' };
  catalog_provider: {
    id: string;
    name: string;
    kind: string;
    enterprise_number: string | null;
    quality_registered: boolean;
    quality_registered_on: string | null;
    kmo_registered: boolean;
    contact: Json<{ email?: string; phone?: string; website?: string; address?: string }>;
    synthetic: boolean;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  catalog_offer: {
    id: Generated<string>;
    provider_id: string;
    external_id: string;
    title: Json<Texts>;
    summary: Json<Texts>;
    description: Json<Texts>;
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
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  catalog_offer_location: { offer_id: string; place_id: number; lat: number; lng: number; province: string | null; region: string };
  catalog_session: { id: Generated<number>; offer_id: string; starts_on: string; ends_on: string; schedule: 'day' | 'evening' | 'weekend'; seats_left: number | null; place_id: number | null };
}
