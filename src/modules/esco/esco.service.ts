import type { Db } from '../../platform/db/database.ts';
import * as repo from './esco.repository.ts';
import type { EscoLang } from './esco.tables.ts';
import { ESCO_ATTRIBUTION_TEXT, ESCO_LICENCE, ESCO_URL } from './esco-source.ts';
import type { EscoAttribution, EscoVersion, Lang, Occupation, OccupationBrief, Skill, SkillBrief, SkillDetail } from './esco.schema.ts';

// ESCO for the rest of Koers: other modules call this service, never the esco_* tables.
// Bundled labels: occupations in English and Dutch, skills in English; any other language asked
// for falls back to English, and every answer says which language a label is in (labelLang).

const OCCUPATION_URI = 'http://data.europa.eu/esco/occupation/';
const SKILL_URI = 'http://data.europa.eu/esco/skill/';
const idOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
export const occupationUri = (id: string) => `${OCCUPATION_URI}${id}`;
export const skillUri = (id: string) => `${SKILL_URI}${id}`;

/** The language of the stored labels to show for a requested language. */
const labelLang = (lang: Lang | EscoLang): EscoLang => (lang === 'nl' ? 'nl' : 'en');

// Under three characters a query has no trigram to look up: it searches label and word prefixes.
const MIN_TRIGRAM_QUERY = 3;
async function search(db: Db, concept: 'occupation' | 'skill', q: string, lang: EscoLang, limit: number, prefixOnly = false) {
  const text = q.trim();
  if (!text) return [];
  return (prefixOnly || text.length < MIN_TRIGRAM_QUERY ? repo.prefixLabels : repo.searchLabels)(db, concept, text, lang, limit);
}

type OccupationRow = { uri: string; code: string; label_en: string; label_nl: string | null; isco_group: string };
type SkillSelect = { uri: string; label_en: string; skill_type: SkillBrief['skillType']; reuse_level: SkillBrief['reuseLevel'] };

function occupationBrief(o: OccupationRow, lang: Lang, hit?: repo.LabelHit): OccupationBrief {
  const nl = labelLang(lang) === 'nl' && o.label_nl;
  return {
    uri: o.uri, id: idOf(o.uri), code: o.code, label: nl ? o.label_nl! : o.label_en, labelLang: nl ? 'nl' : 'en', iscoGroup: o.isco_group,
    ...(hit ? { match: { label: hit.label, lang: hit.lang, kind: hit.label_kind } } : {}),
  };
}

function skillBrief(s: SkillSelect, hit?: repo.LabelHit): SkillBrief {
  return {
    uri: s.uri, id: idOf(s.uri), label: s.label_en, labelLang: 'en', skillType: s.skill_type, reuseLevel: s.reuse_level,
    ...(hit ? { match: { label: hit.label, lang: hit.lang, kind: hit.label_kind } } : {}),
  };
}

/** Keeps `hits`' order; drops hits whose concept is missing. */
function inOrder<R extends { uri: string }, T>(hits: repo.LabelHit[], rows: R[], shape: (row: R, hit: repo.LabelHit) => T): T[] {
  const byUri = new Map(rows.map((r) => [r.uri, r]));
  return hits.flatMap((h) => {
    const row = byUri.get(h.uri);
    return row ? [shape(row, h)] : [];
  });
}

export function escoService(db: Db) {
  const service = {
    /** Occupations whose label (preferred, alternative or hidden; en or nl) matches `q`, typos tolerated. */
    async findOccupations(q: string, lang: Lang = 'nl', limit = 20): Promise<OccupationBrief[]> {
      const hits = await search(db, 'occupation', q, labelLang(lang), limit);
      return inOrder(hits, await repo.occupationsByUris(db, hits.map((h) => h.uri)), (o, h) => occupationBrief(o, lang, h));
    },

    /** Autocomplete: occupations with a label, or a word of one, that starts with `prefix`. */
    async suggestOccupations(prefix: string, lang: Lang = 'nl', limit = 10): Promise<OccupationBrief[]> {
      const hits = await search(db, 'occupation', prefix, labelLang(lang), limit, true);
      return inOrder(hits, await repo.occupationsByUris(db, hits.map((h) => h.uri)), (o, h) => occupationBrief(o, lang, h));
    },

    /** One occupation (by URI or ESCO code) with its essential and optional skills; null if unknown. */
    async getOccupation(uriOrCode: string, lang: Lang = 'nl'): Promise<Occupation | null> {
      const ref = uriOrCode.startsWith('http') ? { uri: uriOrCode } : { code: uriOrCode };
      const o = await repo.occupationByUriOrCode(db, ref);
      if (!o) return null;
      const skills = await repo.skillsOfOccupation(db, o.uri);
      const brief = occupationBrief(o, lang);
      return {
        uri: o.uri, id: brief.id, code: o.code, label: brief.label, labelLang: brief.labelLang,
        labels: { en: o.label_en, nl: o.label_nl },
        altLabels: { en: o.alt_labels_en, nl: o.alt_labels_nl },
        description: { en: o.description_en, nl: o.description_nl },
        iscoGroup: { code: o.isco_group, label: o.isco_label },
        essentialSkills: skills.filter((s) => s.relation === 'essential').map((s) => skillBrief(s)),
        optionalSkills: skills.filter((s) => s.relation === 'optional').map((s) => skillBrief(s)),
      };
    },

    async findSkills(q: string, lang: Lang = 'en', limit = 20): Promise<SkillBrief[]> {
      const hits = await search(db, 'skill', q, labelLang(lang), limit);
      return inOrder(hits, await repo.skillsByUris(db, hits.map((h) => h.uri)), (s, h) => skillBrief(s, h));
    },

    /** The skills among `uris` that exist, in the order asked, with their broader skills or groups. */
    async getSkills(uris: string[]): Promise<Skill[]> {
      const unique = [...new Set(uris)];
      const [rows, broader] = await Promise.all([repo.skillsByUris(db, unique), repo.broaderOf(db, unique)]);
      const byUri = new Map(rows.map((r) => [r.uri, r]));
      return unique.flatMap((uri) => {
        const s = byUri.get(uri);
        if (!s) return [];
        return [{
          ...skillBrief(s), altLabels: s.alt_labels_en, description: s.description_en,
          broader: broader.filter((b) => b.uri === uri).map((b) => ({ uri: b.broader_uri, label: b.label ?? b.broader_uri, kind: b.broader_kind })),
        }];
      });
    },

    /** A skill with the occupations that need it; null if unknown. */
    async getSkill(uri: string, lang: Lang = 'nl'): Promise<SkillDetail | null> {
      const [skill] = await service.getSkills([uri]);
      if (!skill) return null;
      const occ = await repo.occupationsOfSkill(db, uri, 100);
      return { ...skill, occupations: { essentialCount: occ.essentialCount, optionalCount: occ.optionalCount, items: occ.items.map((o) => ({ ...occupationBrief(o, lang), relation: o.relation })) } };
    },

    /** uri → label for the skills among `uris` that exist (English until ESCO's Dutch skill labels are bundled). */
    async skillLabels(uris: string[], lang: Lang = 'nl'): Promise<Map<string, { label: string; lang: EscoLang }>> {
      void lang; // one language for skills today; callers pass theirs so that a later one needs no change
      const rows = await repo.skillsByUris(db, [...new Set(uris)]);
      return new Map(rows.map((r) => [r.uri, { label: r.label_en, lang: 'en' as const }]));
    },

    /** The loaded release, or null before the first load. */
    async escoVersion(): Promise<EscoVersion | null> {
      const v = await repo.versionRow(db);
      return v ? { version: v.version, loadedAt: new Date(v.loaded_at).toISOString(), source: v.source, counts: v.counts } : null;
    },

    /** The credit every page or answer showing ESCO data must carry. */
    async attribution(): Promise<EscoAttribution> {
      return { text: ESCO_ATTRIBUTION_TEXT, licence: ESCO_LICENCE, url: ESCO_URL, version: (await service.escoVersion())?.version ?? null };
    },
  };
  return service;
}
export type EscoService = ReturnType<typeof escoService>;
