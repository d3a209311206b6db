import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import type { FieldError } from '../../api/types.ts';
import type { SummaryError } from '../../components/error-summary.tsx';
import { isLanguage } from '../../i18n/index.ts';

/** Ids of the report form's fields; rows by their index in the form. */
export const reportFieldIds = {
  status: 'report-status',
  progress: 'report-progress',
  narrative: (language: string) => `report-narrative-${language}`,
  link: (row: number, part: 'url' | 'title') => `report-link-${row}-${part}`,
  links: 'report-links-add',
  obstacle: (row: number, part: 'text' | 'severity' | 'owner' | 'resolved') => `report-obstacle-${row}-${part}`,
  obstacles: 'report-obstacles-add',
} as const;

export type ReportErrors = {
  /** field id → message shown at the field */
  fields: Record<string, string>;
  /** the same messages, in form order, each linked to its field, plus the ones without a field */
  summary: SummaryError[];
};

type Rows = { linkRows: readonly number[]; obstacleRows: readonly number[] };

/** "body.obstacles.0.text", "/obstacles/0/text" → ["obstacles", "0", "text"]. */
function path(field: string): string[] {
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[0] === 'body' || parts[0] === 'params' ? parts.slice(1) : parts;
}

function fieldError(error: FieldError, rows: Rows, t: TFunction): SummaryError {
  const [name, second, third] = path(error.field);
  const index = Number(second);
  switch (name) {
    case 'status':
      return { fieldId: reportFieldIds.status, message: t('plan.reportForm.errors.status') };
    case 'progress':
      return { fieldId: reportFieldIds.progress, message: t('plan.reportForm.errors.progress') };
    case 'narrative': {
      const language = isLanguage(second) ? second : 'nl';
      return {
        fieldId: reportFieldIds.narrative(language),
        message: t('plan.reportForm.errors.narrative', { language: t(`plan.languageNames.${language}`) }),
      };
    }
    case 'evidenceLinks': {
      const row = rows.linkRows[index];
      if (second === undefined || row === undefined) return { fieldId: reportFieldIds.links, message: t('plan.reportForm.errors.links') };
      const part = third === 'title' ? 'title' : 'url';
      return { fieldId: reportFieldIds.link(row, part), message: t(`plan.reportForm.errors.link.${part}`, { n: row + 1 }) };
    }
    case 'obstacles': {
      const row = rows.obstacleRows[index];
      if (second === undefined || row === undefined) return { fieldId: reportFieldIds.obstacles, message: t('plan.reportForm.errors.obstacles') };
      const part = third === 'severity' || third === 'owner' || third === 'resolved' ? third : 'text';
      return { fieldId: reportFieldIds.obstacle(row, part), message: t(`plan.reportForm.errors.obstacle.${part}`, { n: row + 1 }) };
    }
    case 'year':
      return { message: t('plan.reportForm.errors.year') };
    default:
      return { message: t('plan.reportForm.errors.other', { field: error.field, reason: error.reason }) };
  }
}

/** Orders messages like the form: status, progress, narratives, links, obstacles, then the rest. */
function formOrder(fieldId: string | undefined): number[] {
  if (!fieldId) return [9];
  const order = ['report-status', 'report-progress', 'report-narrative-nl', 'report-narrative-fr', 'report-narrative-en'];
  const fixed = order.indexOf(fieldId);
  if (fixed >= 0) return [fixed];
  const row = /^report-(link|obstacle)s?-(\d+|add)/.exec(fieldId);
  const parts = ['url', 'title', 'text', 'severity', 'owner', 'resolved'];
  const part = parts.findIndex((p) => fieldId.endsWith(`-${p}`));
  return [row?.[1] === 'link' ? 5 : 6, row?.[2] === 'add' ? 999 : Number(row?.[2] ?? 0), part];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? -1) - (b[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Turns the server's field errors (400 problem+json) into messages at the form's fields. */
export function reportFieldErrors(errors: readonly FieldError[], rows: Rows, t: TFunction): ReportErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryError[] = [];
  for (const error of errors) {
    const mapped = fieldError(error, rows, t);
    if (mapped.fieldId) {
      if (fields[mapped.fieldId]) continue; // one message per field
      fields[mapped.fieldId] = mapped.message;
    } else if (summary.some((s) => s.message === mapped.message)) continue;
    summary.push(mapped);
  }
  summary.sort((a, b) => compare(formOrder(a.fieldId), formOrder(b.fieldId)));
  return { fields, summary };
}

export type SaveFailure =
  | { kind: 'fields'; errors: ReportErrors }
  | { kind: 'signedOut' }
  | { kind: 'forbidden' }
  | { kind: 'message'; message: string };

/** What a failed PUT means for the form. */
export function reportSaveFailure(error: unknown, rows: Rows, t: TFunction): SaveFailure {
  if (!(error instanceof ApiError)) return { kind: 'message', message: t('common.networkError') };
  switch (error.status) {
    case 400: {
      const errors = reportFieldErrors(error.problem.errors ?? [], rows, t);
      if (errors.summary.length === 0) errors.summary.push({ message: error.problem.detail ?? t('plan.reportForm.errors.invalid') });
      return { kind: 'fields', errors };
    }
    case 401:
      return { kind: 'signedOut' };
    case 403:
      return { kind: 'forbidden' };
    case 404:
      return { kind: 'message', message: t('plan.reportForm.errors.notFound') };
    default:
      return { kind: 'message', message: t('plan.reportForm.errors.server') };
  }
}
