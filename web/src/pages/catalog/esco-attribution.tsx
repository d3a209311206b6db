import { useTranslation } from 'react-i18next';
import type { EscoAttribution } from '../../api/catalog-types.ts';

/** ESCO's licence asks for this wherever its data appears; the text is ESCO's own (English). */
export function EscoAttributionNote({ attribution }: { attribution: EscoAttribution }) {
  const { t } = useTranslation();
  return (
    <p className="muted esco-attribution">
      {t('catalog.esco.source')}{' '}
      <span lang="en">{attribution.text}</span>{' '}
      <a href={attribution.url} rel="noopener noreferrer">
        {t('catalog.esco.link', { version: attribution.version ?? '' })}
      </a>{' '}
      (<span lang="en">{attribution.licence}</span>)
    </p>
  );
}
