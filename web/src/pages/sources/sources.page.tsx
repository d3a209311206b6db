import { useTranslation } from 'react-i18next';
import type { SourcesResponse } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { SourceCard } from './source-card.tsx';

export function SourcesPage() {
  const { t } = useTranslation();
  const sources = useApi<SourcesResponse>('/api/v1/sources');
  const anySynthetic = sources.data?.items.some((source) => source.synthetic) ?? false;

  return (
    <>
      <PageHeading>{t('sources.title')}</PageHeading>
      <p className="lead">{t('sources.intro')}</p>
      {anySynthetic && <p className="notice">{t('sources.syntheticNote')}</p>}
      {sources.state !== 'ready' ? (
        <LoadStatus state={sources.state} onRetry={sources.reload} />
      ) : sources.data.items.length === 0 ? (
        <p>{t('sources.empty')}</p>
      ) : (
        <ul className="source-list">
          {sources.data.items.map((source) => (
            <li key={source.id}>
              <SourceCard source={source} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
