import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { loginPathFor } from '../../auth/login-path.ts';
import { useSession } from '../../auth/session.tsx';
import type { SummaryError } from '../../components/error-summary.tsx';
import { formFailure, type ErrorMapper, type MappedError } from './admin-form-errors.ts';

/**
 * The state of an admin form around one write: busy flag, errors at the fields and in the summary.
 * A lost session goes to the login page (and back); a refusal or failure shows in the summary.
 */
export function useAdminForm(map: ErrorMapper, order: readonly string[], conflict?: MappedError) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const clear = useCallback(() => {
    setFields({});
    setSummary([]);
  }, []);

  /** Shows errors found before sending (say, a missing key that is part of the address). */
  const report = useCallback((errors: MappedError[]) => {
    setFields(Object.fromEntries(errors.filter((e) => e.fieldId).map((e) => [e.fieldId, e.message])));
    setSummary(errors);
  }, []);

  /** Runs the write; true when it succeeded. */
  async function run(write: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    try {
      await write();
      clear();
      return true;
    } catch (error) {
      const failure = formFailure(error, map, order, t, conflict);
      if (failure.kind === 'signedOut') {
        await session.refresh();
        navigate(loginPathFor(location), { replace: true });
      } else if (failure.kind === 'forbidden') {
        setFields({});
        setSummary([{ message: t('admin.errors.forbidden') }]);
      } else if (failure.kind === 'fields') {
        setFields(failure.errors.fields);
        setSummary(failure.errors.summary);
      } else {
        setFields({});
        setSummary([{ message: failure.message }]);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { fields, summary, busy, run, clear, report };
}
