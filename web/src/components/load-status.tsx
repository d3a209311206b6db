import { useTranslation } from 'react-i18next';

/** Polite live region for loading; an alert with a retry button when loading failed. */
export function LoadStatus({ state, onRetry }: { state: 'loading' | 'error'; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (state === 'loading') {
    return (
      <p role="status" className="load-status">
        {t('common.loading')}
      </p>
    );
  }
  return (
    <div role="alert" className="notice notice--error">
      <p>{t('common.loadError')}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
