import { z } from 'zod';
import { splitLabels } from './esco-csv.ts';

// The rows of the ESCO CSV files the loader reads, as published (column names are ESCO's).
// Missing trailing fields of ragged rows arrive as undefined and count as empty.

const escoUri = (kind?: string) =>
  z.string().regex(new RegExp(`^http://data\\.europa\\.eu/esco/${kind ? `${kind}/` : ''}[A-Za-z0-9._/-]+$`), `must be an ESCO ${kind ?? 'concept'} URI`);
const text = z.string().optional().transform((v) => (v?.trim() ? v.trim() : null));
const labels = z.string().optional().transform(splitLabels);
const label = z.string().trim().min(1, 'must not be empty');
const emptyAsNull = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum([...values, ''] as unknown as [string, ...string[]]).optional().transform((v) => (v ? (v as T[number]) : null));

export const SKILL_TYPES = ['skill/competence', 'knowledge'] as const;
export const REUSE_LEVELS = ['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'] as const;

export const iscoGroupRow = z.object({
  conceptType: z.literal('ISCOGroup'),
  conceptUri: escoUri('isco'),
  code: z.string().regex(/^[0-9]{1,4}$/, 'must be an ISCO code of 1 to 4 digits'),
  preferredLabel: label,
  description: text,
});

export const occupationRow = z.object({
  conceptType: z.literal('Occupation'),
  conceptUri: escoUri('occupation'),
  iscoGroup: z.string().regex(/^[0-9]{4}$/, 'must be a 4-digit ISCO unit group'),
  preferredLabel: label,
  altLabels: labels,
  hiddenLabels: labels,
  description: text,
  code: z.string().regex(/^[0-9]{4}(\.[0-9]+)+$/, 'must be an ESCO occupation code such as 2654.1.7'),
});

export const skillRow = z.object({
  conceptType: z.literal('KnowledgeSkillCompetence'),
  conceptUri: escoUri('skill'),
  skillType: emptyAsNull(SKILL_TYPES),
  reuseLevel: emptyAsNull(REUSE_LEVELS),
  preferredLabel: label,
  altLabels: labels,
  hiddenLabels: labels,
  description: text,
});

export const relationRow = z.object({
  occupationUri: escoUri('occupation'),
  relationType: z.enum(['essential', 'optional']),
  skillType: emptyAsNull(SKILL_TYPES),
  skillUri: escoUri('skill'),
});

const levelUri = z.string().optional().transform((v) => v?.trim() || null).pipe(escoUri().nullable());
const levelText = z.string().optional().transform((v) => v?.trim() || null);
export const skillHierarchyRow = z.object({
  'Level 0 URI': escoUri(),
  'Level 0 preferred term': label,
  'Level 1 URI': levelUri,
  'Level 1 preferred term': levelText,
  'Level 2 URI': levelUri,
  'Level 2 preferred term': levelText,
  'Level 3 URI': levelUri,
  'Level 3 preferred term': levelText,
  Description: text,
  'Scope note': text,
  'Level 0 code': levelText,
  'Level 1 code': levelText,
  'Level 2 code': levelText,
  'Level 3 code': levelText,
});

const conceptKind = z.enum(['SkillGroup', 'KnowledgeSkillCompetence']).transform((v) => (v === 'SkillGroup' ? 'group' : 'skill') as 'group' | 'skill');
export const skillBroaderRow = z.object({
  conceptType: conceptKind,
  conceptUri: escoUri(),
  broaderType: conceptKind,
  broaderUri: escoUri(),
});

/** The columns each file's header must name (checked before any row is read). */
export const requiredColumns = (schema: z.ZodObject) => Object.keys(schema.shape);
