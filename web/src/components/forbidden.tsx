import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './page-heading.tsx';

/** Shown instead of a page the signed-in user's role may not see (HTTP 403), with the reason. */
export function Forbidden({ email, text }: { email: string; text?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <p>{text ?? t('forbidden.text', { email })}</p>
      <p>
        <Link to="/">{t('common.homeLink')}</Link>
      </p>
    </>
  );
}
