import { useTranslation } from 'react-i18next';

/** Generated offers are not real: said on every list and offer page that shows one. */
export function SyntheticNotice({ single = false }: { single?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--synthetic">
      <p>
        <strong>{t('catalog.synthetic.title')}</strong> {single ? t('catalog.synthetic.offerText') : t('catalog.synthetic.listText')}
      </p>
    </div>
  );
}
