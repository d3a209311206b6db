import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { TextField } from '../../components/form-fields.tsx';
import { isKnownWebPath } from '../../route-paths.ts';
import { loginFailure, type FieldErrors, validateLogin } from './login-errors.ts';
import { safeNext } from './safe-next.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  function show(errors: { fields: FieldErrors; summary: SummaryError[] }) {
    setFieldErrors(errors.fields);
    setSummary(errors.summary);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateLogin(email, password, t);
    if (invalid.summary.length > 0) return show(invalid);
    setBusy(true);
    try {
      await login(email.trim(), password);
      const next = safeNext(params.get('next'), window.location.origin);
      if (isKnownWebPath(next.split(/[?#]/, 1)[0] ?? '/')) navigate(next, { replace: true });
      else window.location.assign(next); // a server page such as /api/docs
    } catch (error) {
      // A 403 that survived the client's retry: get a fresh session and token for the next try.
      if (error instanceof ApiError && error.status === 403) await refresh();
      show(loginFailure(error, t));
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('login.title')}</PageHeading>
      {user && <p className="notice">{t('login.alreadySignedIn', { email: user.email })}</p>}
      <ErrorSummary errors={summary} />
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="form" aria-describedby="login-intro">
        <p id="login-intro">{t('login.intro')}</p>
        <TextField
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          label={t('login.email')}
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('login.password')}
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </>
  );
}
