import type { ColumnType, Generated } from 'kysely';
import type { PlanTables } from '../../modules/plan/plan.tables.ts';
import type { IndicatorTables } from '../../modules/indicators/indicators.tables.ts';
import type { EscoTables } from '../../modules/esco/esco.tables.ts';
import type { CatalogTables } from '../../modules/catalog/catalog.tables.ts';

// Kysely table types for the platform's own tables. A module declares its tables in its own
// <module>.tables.ts and adds them to `Database` here, so one Kysely instance knows them all.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type Role = 'admin' | 'editor' | 'analyst' | 'provider';

export interface KoersUserTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: Role;
  organisation_id: string | null;
  provider_id: string | null;
  disabled_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthSessionTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
  succeeded: boolean;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_email: string | null;
  actor_kind: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface RegionTable {
  id: string;
  name: Json;
  plan_title: Json;
  period_from: number;
  period_to: number;
  default_locale: string;
  source_url: string;
  created_at: Timestamp;
}

export interface DataSourceTable {
  id: string;
  region_id: string;
  name: string;
  publisher: string;
  url: string;
  licence: string;
  licence_url: string | null;
  attribution: string | null;
  applies_from: string | null;
  retrieved_on: string | null;
  synthetic: boolean;
  used_for: Json;
  created_at: Timestamp;
}

export interface PlatformTables {
  koers_user: KoersUserTable;
  auth_session: AuthSessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  region: RegionTable;
  data_source: DataSourceTable;
}

// One Kysely instance knows every table; each module owns (and only touches) its own.
export interface Database extends PlatformTables, PlanTables, IndicatorTables, EscoTables, CatalogTables {}
