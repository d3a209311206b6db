import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/use-api.ts';
import type { PortalResponse } from '../../api/types.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { pick } from '../../i18n/index.ts';
import { ModuleTiles } from './module-tiles.tsx';

const audiences = ['policy', 'analysts', 'citizens', 'guidance', 'employers', 'providers'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const portal = useApi<PortalResponse>('/api/v1/portal');
  const plan = portal.data?.plan;

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="lead">{t('home.intro')}</p>

      <section aria-labelledby="home-plan">
        <h2 id="home-plan">{t('home.planHeading')}</h2>
        <p>
          {t('home.planText', {
            title: plan ? pick(plan.title) : t('home.planTitle'),
            from: plan?.period.from ?? 2021,
            to: plan?.period.to ?? 2030,
          })}
        </p>
        <p>{t('home.audiencesIntro')}</p>
        <ul className="audience-list">
          {audiences.map((audience) => (
            <li key={audience}>{t(`home.audiences.${audience}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-modules">
        <h2 id="home-modules">{t('home.modulesHeading')}</h2>
        {portal.state === 'ready' ? (
          <ModuleTiles modules={portal.data.modules} />
        ) : (
          <LoadStatus state={portal.state} onRetry={portal.reload} />
        )}
      </section>

      <section aria-labelledby="home-more">
        <h2 id="home-more">{t('home.moreHeading')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/sources">{t('home.sourcesLink')}</Link>
          </li>
          <li>
            <a href="/api/docs">{t('home.apiDocsLink')}</a>
          </li>
          <li>
            <Link to="/accessibility">{t('home.accessibilityLink')}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
