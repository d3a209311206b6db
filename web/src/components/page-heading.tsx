import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's single h1; also sets document.title. Focusable from script only (route changes).
 * `lang` marks a heading whose text is not in the page's language (a title from a source).
 */
export function PageHeading({ children, lang }: { children: string; lang?: string }) {
  const { t } = useTranslation();
  const siteName = t('app.name');
  useEffect(() => {
    document.title = children === siteName ? siteName : `${children} · ${siteName}`;
  }, [children, siteName]);
  return (
    <h1 tabIndex={-1} className="page-heading" lang={lang}>
      {children}
    </h1>
  );
}
