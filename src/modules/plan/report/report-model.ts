import type { Locale } from '../../../platform/i18n/localized.ts';
import type { Texts } from '../plan.schema.ts';

// The annual report as the renderers see it: every text already chosen in one language.

/** A data text in the language shown; `lang` is set only when that differs from the report's. */
export type Shown = { text: string; lang: Locale | null };

export type SourceRef = { n: number; id: string; title: string; publisher: string | null; url: string };

export type ReportAction = {
  reference: string;
  title: Shown;
  status: string | null;
  progress: number | null;
  narrative: Shown | null;
  obstacles: Array<{ text: string; severity: 'low' | 'medium' | 'high'; owner: string | null; resolved: boolean }>;
  highlights: Array<{ date: string; title: Shown | null; description: Shown | null }>;
  assignedByEditors: boolean;
  sources: number[];
};

export type ReportModel = {
  lang: Locale;
  year: number;
  generatedAt: Date;
  lastChange: Date | null;
  region: string;
  planTitle: Shown;
  /** The title in this language is a working translation, not an official one. */
  planTitleWorking: boolean;
  planSourceUrl: string;
  period: { from: number; to: number };
  announced: number;
  recorded: number;
  /** Per status in catalogue order, then the reports without status (key null). */
  statuses: Array<{ key: string | null; name: string; count: number; previous: number }>;
  reported: number;
  official: {
    counts: Array<{ name: string; count: number }>;
    total: number | null;
    sources: number[];
    unverified: boolean;
    note: Shown | null;
  } | null;
  flagships: Array<{ code: string; title: Shown; progress: number | null; sources: number[]; actions: ReportAction[] }>;
  unassigned: ReportAction[];
  sources: SourceRef[];
  editorAssigned: string[];
};

const order: Locale[] = ['nl', 'en', 'fr'];

/** The text in `lang`, else the first of nl, en, fr that exists; null when there is none. */
export function pickText(texts: Texts | null | undefined, lang: Locale): Shown | null {
  for (const l of [lang, ...order.filter((o) => o !== lang)]) {
    const text = texts?.[l]?.trim();
    if (text) return { text, lang: l === lang ? null : l };
  }
  return null;
}
