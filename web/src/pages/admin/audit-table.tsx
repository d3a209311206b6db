import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { AuditChanges } from './audit-changes.tsx';

export function AuditTable({ items, focusRow }: { items: AuditEntry[]; focusRow: number | null }) {
  const { t } = useTranslation();
  const firstNew = useRef<HTMLTableCellElement>(null);
  const actorLabel = ({ actor }: AuditEntry) =>
    actor?.email ?? (actor?.kind ? t('audit.systemKind', { kind: actor.kind }) : t('audit.system'));

  // After "load more", continue at the first new row instead of losing focus.
  useEffect(() => {
    if (focusRow !== null) firstNew.current?.focus();
  }, [focusRow]);

  return (
    // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too.
    <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="table">
        <caption id="audit-caption">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.entityType')}</th>
            <th scope="col">{t('audit.columns.entityId')}</th>
            <th scope="col">{t('audit.columns.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry, index) => (
            <tr key={entry.id}>
              <th scope="row" tabIndex={index === focusRow ? -1 : undefined} ref={index === focusRow ? firstNew : undefined}>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </th>
              <td>{actorLabel(entry)}</td>
              <td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
              <td>
                <code>{entry.entityType}</code>
              </td>
              <td>
                <code>{entry.entityId}</code>
              </td>
              <td>
                <AuditChanges before={entry.before} after={entry.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
