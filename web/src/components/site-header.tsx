import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { SessionStatus } from './session-status.tsx';

export function SiteHeader() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="site-header__brand">
          <span className="site-header__name">{t('app.name')}</span>
          <span className="site-header__tagline">{t('app.tagline')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          <SessionStatus />
        </div>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul className="container site-nav__list">
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/plan">{t('nav.plan')}</NavLink>
          </li>
          <li>
            <NavLink to="/indicators">{t('nav.indicators')}</NavLink>
          </li>
          <li>
            <NavLink to="/catalog">{t('nav.catalog')}</NavLink>
          </li>
          <li>
            <NavLink to="/sources">{t('nav.sources')}</NavLink>
          </li>
          <li>
            <NavLink to="/accessibility">{t('nav.accessibility')}</NavLink>
          </li>
          {user?.role === 'admin' && (
            <li className="site-nav__group">
              <span id="site-nav-admin" className="site-nav__group-label">
                {t('nav.adminGroup')}
              </span>
              <ul className="site-nav__sublist" aria-labelledby="site-nav-admin">
                <li>
                  <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/statuses">{t('nav.statuses')}</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/stakeholders">{t('nav.stakeholders')}</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/users">{t('nav.users')}</NavLink>
                </li>
              </ul>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
