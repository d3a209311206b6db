import type { ObstacleSeverity, PlanReport, ReportInput } from '../../api/plan-types.ts';
import { languages, type Language } from '../../i18n/index.ts';

export type LinkDraft = { key: number; url: string; title: string };
export type ObstacleDraft = { key: number; text: string; severity: ObstacleSeverity | ''; owner: string; resolved: boolean };

/** The report form's state: strings as typed, rows with stable keys. */
export type ReportDraft = {
  status: string;
  progress: string;
  narrative: Record<Language, string>;
  evidenceLinks: LinkDraft[];
  obstacles: ObstacleDraft[];
};

let lastKey = 0;
const nextKey = () => ++lastKey;

export const emptyLink = (): LinkDraft => ({ key: nextKey(), url: '', title: '' });
export const emptyObstacle = (): ObstacleDraft => ({ key: nextKey(), text: '', severity: '', owner: '', resolved: false });

/** The form for a year: the existing report's values, or empty. */
export function draftFromReport(report: PlanReport | undefined): ReportDraft {
  return {
    status: report?.status ?? '',
    progress: report?.progress == null ? '' : String(report.progress),
    narrative: { nl: report?.narrative.nl ?? '', fr: report?.narrative.fr ?? '', en: report?.narrative.en ?? '' },
    evidenceLinks: (report?.evidenceLinks ?? []).map((link) => ({ key: nextKey(), url: link.url, title: link.title ?? '' })),
    obstacles: (report?.obstacles ?? []).map((o) => ({ key: nextKey(), text: o.text, severity: o.severity, owner: o.owner ?? '', resolved: o.resolved })),
  };
}

/**
 * The PUT body for a draft. Rows left wholly empty are dropped; `linkRows`/`obstacleRows` give, for
 * each row sent, its index in the form, so that the server's `body.obstacles.0.text` finds its field.
 * Nothing is judged here: the server validates, and its errors are shown at the fields.
 */
export function inputFromDraft(draft: ReportDraft): { input: ReportInput; linkRows: number[]; obstacleRows: number[] } {
  const narrative: ReportInput['narrative'] = {};
  for (const language of languages) {
    const text = draft.narrative[language];
    if (text.trim()) narrative[language] = text;
  }

  const linkRows: number[] = [];
  const evidenceLinks: NonNullable<ReportInput['evidenceLinks']> = [];
  draft.evidenceLinks.forEach((link, index) => {
    if (!link.url.trim() && !link.title.trim()) return;
    linkRows.push(index);
    evidenceLinks.push(link.title.trim() ? { url: link.url.trim(), title: link.title.trim() } : { url: link.url.trim() });
  });

  const obstacleRows: number[] = [];
  const obstacles: NonNullable<ReportInput['obstacles']> = [];
  draft.obstacles.forEach((obstacle, index) => {
    if (!obstacle.text.trim() && !obstacle.owner.trim() && !obstacle.severity && !obstacle.resolved) return;
    obstacleRows.push(index);
    obstacles.push({
      text: obstacle.text,
      // An unchosen severity is sent as is, so the server names that field.
      severity: obstacle.severity as ObstacleSeverity,
      owner: obstacle.owner.trim() || null,
      resolved: obstacle.resolved,
    });
  });

  const input: ReportInput = { status: draft.status, narrative, evidenceLinks, obstacles };
  const progress = draft.progress.trim();
  if (progress !== '') {
    const value = Number(progress);
    // Not a number: sent as typed, and the server's error points at the field.
    input.progress = Number.isFinite(value) ? value : (progress as unknown as number);
  }
  return { input, linkRows, obstacleRows };
}
