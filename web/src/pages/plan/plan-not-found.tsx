import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';

/** An action or goal the API does not know (404): said plainly, with the way back. */
export function PlanNotFound({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{text}</p>
      <ul className="link-list">
        <li>
          <Link to="/plan/actions">{t('plan.actions.backToList')}</Link>
        </li>
        <li>
          <Link to="/plan">{t('plan.overview.backLink')}</Link>
        </li>
      </ul>
    </>
  );
}
