import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { pick } from '../../i18n/index.ts';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SourceCard({ source }: { source: Source }) {
  const { t } = useTranslation();
  const headingId = `source-${source.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const date = (value: string | null) =>
    value ? <time dateTime={value}>{formatDate(value)}</time> : t('sources.notGiven');

  return (
    <article className="card break-anywhere" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {source.name}
        {source.synthetic && <span className="badge badge--synthetic">{t('sources.synthetic')}</span>}
      </h2>
      <dl className="facts">
        <Row term={t('sources.publisher')}>{source.publisher}</Row>
        <Row term={t('sources.link')}>
          <a href={source.url}>
            {source.url}
          </a>
        </Row>
        <Row term={t('sources.licence')}>
          {source.licenceUrl ? <a href={source.licenceUrl}>{source.licence}</a> : source.licence}
        </Row>
        <Row term={t('sources.attribution')}>{source.attribution ?? t('sources.notGiven')}</Row>
        <Row term={t('sources.appliesFrom')}>{date(source.appliesFrom)}</Row>
        <Row term={t('sources.retrievedOn')}>{date(source.retrievedOn)}</Row>
        <Row term={t('sources.usedFor')}>{pick(source.usedFor)}</Row>
      </dl>
    </article>
  );
}
