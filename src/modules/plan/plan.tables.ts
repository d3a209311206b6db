import type { ColumnType, Generated } from 'kysely';

// Kysely types of the tables this module owns (see migrations/).
type Json<T = unknown> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type TextsJson = Record<string, string>;

export interface PlanTables {
  plan_source: { id: string; title: string; publisher: string | null; url: string; published_on: string | null; note: string | null };
  plan_meta: { id: Generated<boolean>; announced_action_count: number; adopted: string | null; partnership: Json | null; sources: Json<string[]> };
  plan_goal: { code: string; position: number; title: Json<TextsJson>; sources: Json<string[]>; note: string | null };
  plan_flagship: { code: string; position: number; title: Json<TextsJson>; sources: Json<string[]>; note: string | null };
  plan_target_group: { code: string; position: number; title: Json<TextsJson>; sources: Json<string[]> };
  plan_theme: { code: string; position: number; title: Json<TextsJson> };
  plan_status: { key: string; position: number; name: Json<{ nl: string; fr: string; en: string }>; default_progress: number | null };
  plan_stakeholder: { id: string; name: string; abbreviation: string | null; kind: string; sources: Json<string[]>; note: string | null };
  plan_action: {
    reference: string;
    flagship_code: string | null;
    flagship_assigned_by: 'source' | 'koers-editors' | null;
    title: Json<TextsJson>;
    description: Json<TextsJson>;
    starts_on: string | null;
    ends_on: string | null;
    weight: ColumnType<number, number | undefined, number>;
    first_reported_year: number | null;
    links: Json<Array<{ url: string; title?: string }>>;
    sources: Json<string[]>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  plan_action_goal: { reference: string; goal_code: string };
  plan_action_target_group: { reference: string; target_group_code: string };
  plan_action_theme: { reference: string; theme_code: string };
  plan_action_stakeholder: { reference: string; stakeholder_id: string; role: 'lead' | 'partner' | 'funder' };
  plan_report: {
    reference: string;
    year: number;
    status_key: string | null;
    progress: number | null;
    narrative: Json<TextsJson>;
    evidence_links: Json<Array<{ url: string; title?: string }>>;
    sources: Json<string[]>;
    submitted_by: string | null;
    submitted_at: Date | null;
    approved_by: string | null;
    approved_at: Date | null;
    updated_at: Timestamp;
  };
  plan_report_version: {
    id: Generated<number>;
    reference: string;
    year: number;
    version: number;
    snapshot: Json;
    changed_by: string | null;
    changed_by_label: string;
    changed_at: Timestamp;
  };
  plan_obstacle: { id: Generated<number>; reference: string; year: number; position: number; text: string; severity: 'low' | 'medium' | 'high'; owner: string | null; resolved: boolean };
  plan_milestone: { id: Generated<number>; reference: string; occurred_on: string; title: Json<TextsJson>; description: Json<TextsJson>; link: string | null };
  plan_official_count: { year: number; status_key: string; count: number; total: number | null; sources: Json<string[]>; verification: string | null; note: string | null };
}
