import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';

/** The import's answer, 200 (ok) or 422 (refused, nothing written): importReportSchema on the server. */
export type ImportOutcome = 'create' | 'update' | 'unchanged' | 'error';
export type ImportReport = {
  ok: boolean;
  dryRun: boolean;
  summary: Record<ImportOutcome, number>;
  problems: { line: number; column: string | null; reason: string }[];
  rows: { line: number; reference: string; year: number | null; outcome: ImportOutcome; errors: { column: string | null; reason: string }[] }[];
};

export const importPath = '/api/v1/plan/import';

export type ImportFailure = { kind: 'signedOut' } | { kind: 'forbidden' } | { kind: 'message'; message: string };

/** What a failed upload (no import report) means for the page. */
export function importFailure(error: unknown, t: TFunction): ImportFailure {
  if (!(error instanceof ApiError)) return { kind: 'message', message: t('common.networkError') };
  switch (error.status) {
    case 401:
      return { kind: 'signedOut' };
    case 403:
      return { kind: 'forbidden' };
    case 413:
      return { kind: 'message', message: t('plan.import.errors.tooLarge') };
    case 415:
      return { kind: 'message', message: t('plan.import.errors.notCsv') };
    case 400:
      return { kind: 'message', message: error.problem.detail ?? t('plan.import.errors.invalid') };
    default:
      return { kind: 'message', message: t('plan.import.errors.server') };
  }
}
