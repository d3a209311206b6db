import { useTranslation } from 'react-i18next';
import type { Flag } from '../../api/indicator-types.ts';

/** Eurostat's flag letters after a value, each an <abbr> with its meaning; the legend lists them all. */
export function FlagLetters({ flags }: { flags: readonly Flag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <span className="flag-letters">
      {flags.map((flag) => (
        <abbr key={flag} title={t(`indicators.flags.names.${flag}`)} className="flag-letter">
          {flag}
          <span className="visually-hidden"> ({t(`indicators.flags.names.${flag}`)})</span>
        </abbr>
      ))}
    </span>
  );
}

/** What each flag letter means: the ones that occur first, then the rest of Eurostat's list. */
export function FlagsLegend({ flags, id }: { flags: readonly Flag[]; id?: string }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <dl className="flags-legend" id={id}>
      {flags.map((flag) => (
        <div key={flag} className="flags-legend__row">
          <dt>
            <span className="flag-letter">{flag}</span>
          </dt>
          <dd>{t(`indicators.flags.names.${flag}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
