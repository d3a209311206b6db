import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import type { SummaryError } from '../../components/error-summary.tsx';
import { formatSeconds } from '../../format.ts';

export type FieldErrors = { email?: string; password?: string };
type LoginErrors = { fields: FieldErrors; summary: SummaryError[] };

const fieldIds = { email: 'login-email', password: 'login-password' } as const;

function collect(fields: FieldErrors, extra: SummaryError[] = []): LoginErrors {
  const summary: SummaryError[] = [];
  if (fields.email) summary.push({ message: fields.email, fieldId: fieldIds.email });
  if (fields.password) summary.push({ message: fields.password, fieldId: fieldIds.password });
  return { fields, summary: [...summary, ...extra] };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(email: string, password: string, t: TFunction): LoginErrors {
  const fields: FieldErrors = {};
  const trimmed = email.trim();
  if (!trimmed) fields.email = t('login.errors.emailRequired');
  else if (!emailPattern.test(trimmed)) fields.email = t('login.errors.emailInvalid');
  if (!password) fields.password = t('login.errors.passwordRequired');
  return collect(fields);
}

/** "body.email", "/email" or "email" → "email". */
function fieldName(field: string): string {
  return field.split(/[./]/).filter(Boolean).pop() ?? field;
}

/** Turns a failed login (problem+json, rate limit, network) into messages for the form. */
export function loginFailure(error: unknown, t: TFunction): LoginErrors {
  if (!(error instanceof ApiError)) return collect({}, [{ message: t('common.networkError') }]);
  switch (error.status) {
    case 400: {
      const fields: FieldErrors = {};
      const other: SummaryError[] = [];
      for (const { field, reason } of error.problem.errors ?? []) {
        const name = fieldName(field);
        if (name === 'email') fields.email = t('login.errors.emailInvalid');
        else if (name === 'password') fields.password = t('login.errors.passwordInvalid');
        else other.push({ message: reason });
      }
      if (!fields.email && !fields.password && other.length === 0) {
        other.push({ message: error.problem.detail ?? t('login.errors.server') });
      }
      return collect(fields, other);
    }
    case 401:
      return collect({}, [{ message: t('login.errors.wrongCredentials'), fieldId: fieldIds.email }]);
    case 403:
      return collect({}, [{ message: t('login.errors.sessionExpired') }]);
    case 429:
      return collect({}, [
        {
          message:
            error.retryAfter === null
              ? t('login.errors.rateLimitedLater')
              : t('login.errors.rateLimited', { duration: formatSeconds(error.retryAfter) }),
        },
      ]);
    default:
      return collect({}, [{ message: t('login.errors.server') }]);
  }
}
