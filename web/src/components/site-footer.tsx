import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label={t('footer.label')}>
          <ul className="site-footer__links">
            <li>
              <Link to="/sources">{t('footer.sources')}</Link>
            </li>
            <li>
              <Link to="/accessibility">{t('footer.accessibility')}</Link>
            </li>
            <li>
              {/* Served by the API server, outside the SPA: a full page load. */}
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
        </nav>
        <p className="site-footer__note">{t('footer.note')}</p>
      </div>
    </footer>
  );
}
