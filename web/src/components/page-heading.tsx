import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's single h1; also sets document.title. Focusable from script only (route changes). */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  const siteName = t('app.name');
  useEffect(() => {
    document.title = children === siteName ? siteName : `${children} · ${siteName}`;
  }, [children, siteName]);
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
