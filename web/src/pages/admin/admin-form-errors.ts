import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import type { FieldError } from '../../api/types.ts';
import type { SummaryError } from '../../components/error-summary.tsx';

/** One server error as the form shows it: at a field (by its id) or in the summary only. */
export type MappedError = { fieldId?: string; message: string };
/** Maps a field path ("name", "nl" for body.name.nl) to the form's field and a message in the UI language. */
export type ErrorMapper = (path: string[], error: FieldError) => MappedError;

export type FormErrors = { fields: Record<string, string>; summary: SummaryError[] };
export type FormFailure = { kind: 'fields'; errors: FormErrors } | { kind: 'signedOut' } | { kind: 'forbidden' } | { kind: 'message'; message: string };

/** "body.name.nl", "/name/nl", "params.key" → ["name", "nl"], ["key"]. */
export function problemPath(field: string): string[] {
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[0] === 'body' || parts[0] === 'params' || parts[0] === 'querystring' ? parts.slice(1) : parts;
}

/** The server's field errors at the form's fields: one message per field, summary in the form's order. */
export function mapFieldErrors(errors: readonly FieldError[], map: ErrorMapper, order: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryError[] = [];
  for (const error of errors) {
    const mapped = map(problemPath(error.field), error);
    if (mapped.fieldId) {
      if (fields[mapped.fieldId]) continue;
      fields[mapped.fieldId] = mapped.message;
    } else if (summary.some((s) => s.message === mapped.message)) continue;
    summary.push(mapped);
  }
  const rank = (id: string | undefined) => (id && order.includes(id) ? order.indexOf(id) : order.length);
  summary.sort((a, b) => rank(a.fieldId) - rank(b.fieldId));
  return { fields, summary };
}

/** What a failed write means for an admin form. */
export function formFailure(error: unknown, map: ErrorMapper, order: readonly string[], t: TFunction, conflict?: MappedError): FormFailure {
  if (!(error instanceof ApiError)) return { kind: 'message', message: t('common.networkError') };
  switch (error.status) {
    case 400: {
      const errors = mapFieldErrors(error.problem.errors ?? [], map, order);
      if (errors.summary.length === 0) errors.summary.push({ message: error.problem.detail ?? t('admin.errors.invalid') });
      return { kind: 'fields', errors };
    }
    case 401:
      return { kind: 'signedOut' };
    case 403:
      return { kind: 'forbidden' };
    case 404:
      return { kind: 'message', message: t('admin.errors.notFound') };
    case 409:
      // a form may know which field a conflict is about (say, an address that has an account)
      if (conflict) return { kind: 'fields', errors: { fields: conflict.fieldId ? { [conflict.fieldId]: conflict.message } : {}, summary: [conflict] } };
      return { kind: 'message', message: t('admin.errors.conflict') };
    default:
      return { kind: 'message', message: t('admin.errors.server') };
  }
}
