import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Previous/next links and "page n of m"; nothing when everything fits on one page. */
export function Pagination({ page, pages, linkTo, label }: { page: number; pages: number; linkTo: (page: number) => string; label: string }) {
  const { t } = useTranslation();
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <ul className="pagination__list">
        <li>
          {page > 1 ? (
            <Link to={linkTo(Math.min(page - 1, pages))} rel="prev">
              {t('plan.pagination.previous')}
            </Link>
          ) : (
            <span className="pagination__off">{t('plan.pagination.previous')}</span>
          )}
        </li>
        <li>{t('plan.pagination.pageOf', { page, pages })}</li>
        <li>
          {page < pages ? (
            <Link to={linkTo(page + 1)} rel="next">
              {t('plan.pagination.next')}
            </Link>
          ) : (
            <span className="pagination__off">{t('plan.pagination.next')}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
