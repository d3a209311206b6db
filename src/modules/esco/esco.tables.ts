import type { ColumnType } from 'kysely';

// Kysely types of the tables this module owns (see migrations/). Only esco-load.service.ts writes them.
type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type EscoSkillType = 'skill/competence' | 'knowledge';
export type EscoReuseLevel = 'transversal' | 'cross-sector' | 'sector-specific' | 'occupation-specific';
export type EscoLang = 'en' | 'nl';
export type EscoCounts = Record<string, number>;

export interface EscoTables {
  esco_version: { id: ColumnType<boolean, true | undefined, true>; version: string; loaded_at: Timestamp; source: string; files: Json<Record<string, string>>; counts: Json<EscoCounts> };
  esco_isco_group: { code: string; uri: string; label_en: string; parent_code: string | null; description_en: string | null };
  esco_occupation: {
    uri: string;
    code: string;
    isco_group: string;
    label_en: string;
    label_nl: string | null;
    alt_labels_en: TextArray;
    alt_labels_nl: TextArray;
    hidden_labels_en: TextArray;
    hidden_labels_nl: TextArray;
    description_en: string | null;
    description_nl: string | null;
  };
  esco_skill: {
    uri: string;
    label_en: string;
    alt_labels_en: TextArray;
    hidden_labels_en: TextArray;
    skill_type: EscoSkillType | null;
    reuse_level: EscoReuseLevel | null;
    description_en: string | null;
  };
  esco_occupation_skill: { occupation_uri: string; skill_uri: string; relation: 'essential' | 'optional'; skill_type: EscoSkillType | null };
  esco_skill_group: { uri: string; code: string | null; label_en: string; level: number; parent_uri: string | null; description_en: string | null; scope_note_en: string | null };
  esco_skill_broader: { uri: string; broader_uri: string; kind: 'skill' | 'group'; broader_kind: 'skill' | 'group' };
  esco_label: { uri: string; concept: 'occupation' | 'skill'; lang: EscoLang; label: string; label_kind: 'preferred' | 'alternative' | 'hidden' };
}
