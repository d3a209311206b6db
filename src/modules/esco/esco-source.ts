import fs from 'node:fs/promises';
import path from 'node:path';

// Where ESCO comes from and how it must be credited (data/esco/v1.1.1/SOURCE.md, "Licence").
export const ESCO_ATTRIBUTION_TEXT = 'This service uses the ESCO classification of the European Commission.';
export const ESCO_LICENCE = 'Reuse free of charge under Commission Decision 2011/833/EU on the reuse of Commission documents';
export const ESCO_URL = 'https://esco.ec.europa.eu/';

/** The release bundled with Koers, in data/esco/v<version>/. */
export const BUNDLED_ESCO_VERSION = '1.1.1';
export const bundledEscoDir = (rootDir: string) => path.join(rootDir, 'data', 'esco', `v${BUNDLED_ESCO_VERSION}`);

/** The files the loader reads, by role. */
export const ESCO_FILES = {
  iscoGroups: 'ISCOGroups_en.csv.gz',
  occupationsNl: 'occupations_nl.csv.gz',
  occupationsEn: 'occupations_en.csv.gz',
  skills: 'skills_en.csv.gz',
  relations: 'occupationSkillRelations.csv.gz',
  skillHierarchy: 'skillsHierarchy_en.csv.gz',
  skillBroader: 'broaderRelationsSkillPillar.csv.gz',
} as const;
export type EscoFileRole = keyof typeof ESCO_FILES;

/**
 * The ESCO release a folder holds: the `vX.Y.Z` in its SOURCE.md title ("# ESCO classification
 * v1.1.1 …"), else in the folder's own name. Null when neither says.
 */
export async function escoVersionOf(dir: string): Promise<string | null> {
  const source = await fs.readFile(path.join(dir, 'SOURCE.md'), 'utf8').catch(() => '');
  const title = source.split(/\r?\n/).find((l) => /^# .*ESCO/i.test(l));
  const m = title?.match(/\bv(\d+\.\d+(?:\.\d+)?)\b/) ?? path.basename(dir).match(/^v(\d+\.\d+(?:\.\d+)?)$/);
  return m?.[1] ?? null;
}
