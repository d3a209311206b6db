import { useTranslation } from 'react-i18next';

type Values = Record<string, unknown> | null;

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Before/after values per field, folded away in a <details>. Unchanged fields are left out of updates. */
export function AuditChanges({ before, after }: { before: Values; after: Values }) {
  const { t } = useTranslation();
  if (!before && !after) return <span className="muted">{t('audit.noChanges')}</span>;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changed = before && after ? keys.filter((key) => show(before[key]) !== show(after[key])) : keys;
  const shown = changed.length > 0 ? changed : keys;

  return (
    <details className="changes">
      <summary>{t('audit.showChanges', { n: shown.length })}</summary>
      <dl className="changes__list">
        {shown.map((key) => (
          <div key={key} className="changes__row">
            <dt>
              <code>{key}</code>
            </dt>
            {before && (
              <dd>
                <span className="changes__label">{t('audit.before')}</span> <code>{show(before[key]) || t('audit.emptyValue')}</code>
              </dd>
            )}
            {after && (
              <dd>
                <span className="changes__label">{t('audit.after')}</span> <code>{show(after[key]) || t('audit.emptyValue')}</code>
              </dd>
            )}
          </div>
        ))}
      </dl>
    </details>
  );
}
