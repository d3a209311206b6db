import { useTranslation } from 'react-i18next';
import type { PlanSource } from '../../api/plan-types.ts';

/** Source ids as links to the sources (titles are in the publisher's language, mostly English). */
export function SourceLinks({ ids, sources }: { ids: readonly string[]; sources: readonly PlanSource[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return <span className="muted">{t('plan.sources.none')}</span>;
  return (
    <ul className="source-refs">
      {ids.map((id) => {
        const source = sources.find((s) => s.id === id);
        return (
          <li key={id}>
            {source ? (
              <>
                <a href={source.url} className="break-anywhere">
                  {source.title}
                </a>
                {source.publisher && <span className="muted"> · {source.publisher}</span>}
              </>
            ) : (
              <code>{id}</code>
            )}
          </li>
        );
      })}
    </ul>
  );
}
