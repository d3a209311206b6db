import type { ReportModel } from './report-model.ts';
import { languageMark, t } from './report-format.ts';

export type OutlineEntry = { id: string; level: 1 | 2; number: string; title: string; mark?: string };

/** The title with its language mark, for the TOC and the PDF bookmarks. */
export const fullTitle = (e: OutlineEntry) => (e.mark ? `${e.title} ${e.mark}` : e.title);

/** The numbered sections of the report, for its headings and its table of contents. */
export function reportOutline(m: ReportModel): OutlineEntry[] {
  const l = m.lang;
  const h1 = (n: number, id: string, title: string): OutlineEntry => ({ id, level: 1, number: String(n), title });
  return [
    h1(1, 'summary', t(l, 'summary')),
    h1(2, 'status-distribution', t(l, 'statusDistribution')),
    h1(3, 'change', t(l, 'change', { prev: m.year - 1 })),
    h1(4, 'flagships', t(l, 'byFlagship')),
    ...m.flagships.map((f, i): OutlineEntry => ({
      id: `flagship-${f.code}`,
      level: 2,
      number: `4.${i + 1}`,
      title: `${t(l, 'flagship', { code: f.code })}: ${f.title.text}`,
      ...(f.title.lang ? { mark: languageMark(f.title, l) } : {}),
    })),
    h1(5, 'unassigned', t(l, 'unassigned')),
    h1(6, 'about', t(l, 'about')),
  ];
}
