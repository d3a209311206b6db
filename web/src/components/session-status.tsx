import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.tsx';

export function SessionStatus() {
  const { t } = useTranslation();
  const { status, user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  if (status === 'loading') return null;
  if (!user) {
    const here = location.pathname + location.search;
    const to = location.pathname === '/login' || here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return (
      <Link to={to} className="session-status__link">
        {t('session.login')}
      </Link>
    );
  }
  return (
    <div className="session-status">
      <span className="session-status__user">{t('session.signedInAs', { email: user.email })}</span>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          void logout().finally(() => navigate('/'));
        }}
      >
        {t('session.logout')}
      </button>
    </div>
  );
}
