import type { ColumnType, Generated } from 'kysely';

// Kysely types of the tables this module owns (see migrations/).
type Json<T = unknown> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextsJson = Record<string, string>;

export interface IndicatorTables {
  indicator: {
    id: string;
    position: ColumnType<number, number | undefined, number>;
    name: Json<TextsJson>;
    short_name: Json<TextsJson>;
    definition: Json<TextsJson>;
    methodology: Json<TextsJson>;
    notes: Json<Array<{ text: TextsJson; source: { name: string; url: string } | null }>>;
    unit: 'percent' | 'number';
    direction: 'higher-is-better' | 'lower-is-better';
    reference_period: '4-weeks' | '12-months';
    population: string;
    source_name: string;
    source_url: string;
    dataset_code: string | null;
    breakdowns: string[];
    goal_codes: string[];
    goals_assigned_by: ColumnType<'source' | 'koers-editors', 'source' | 'koers-editors' | undefined, 'source' | 'koers-editors'>;
    home_geo: string;
    default_geos: string[];
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  indicator_target: {
    id: Generated<number>;
    indicator_id: string;
    kind: 'target' | 'benchmark';
    value: number;
    year: number;
    label: Json<TextsJson>;
    applies_to: string | null;
    source_name: string;
    source_url: string;
  };
  indicator_geo: { code: string; name: string | null; level: number | null; country: string | null; source: string | null };
  indicator_observation: {
    indicator_id: string;
    geo: string;
    period: number;
    breakdown_key: string;
    breakdown: Json<Record<string, string>>;
    value: number | null;
    flags: string;
    source: string;
    updated_at: Timestamp;
  };
  indicator_import: { sha256: string; file_name: string; format: string; observations: number; imported_at: Timestamp };
}
