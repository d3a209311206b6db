import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalModule } from '../../api/types.ts';
import { pick } from '../../i18n/index.ts';
import { isKnownWebPath } from '../../route-paths.ts';

/** One tile per module that works; the server lists only those. */
export function ModuleTiles({ modules }: { modules: PortalModule[] }) {
  const { t } = useTranslation();
  if (modules.length === 0) return <p>{t('home.modulesEmpty')}</p>;
  return (
    <ul className="tiles">
      {modules.map((module) => {
        const title = pick(module.title);
        return (
          <li key={module.id} className="tile">
            <h3 className="tile__title">
              {isKnownWebPath(module.path) ? (
                <Link to={module.path}>{title}</Link>
              ) : (
                <a href={module.path}>{title}</a>
              )}
            </h3>
            <p className="tile__summary">{pick(module.summary)}</p>
          </li>
        );
      })}
    </ul>
  );
}
