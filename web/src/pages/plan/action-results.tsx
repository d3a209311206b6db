import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { ActionPage, Plan } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { actionPageSize, actionsApiPath, pageCount, type ActionFilters } from './action-query.ts';
import { ActionTable } from './action-table.tsx';
import { Pagination } from './pagination.tsx';

type Props = {
  plan: Plan;
  filters: Partial<ActionFilters>;
  page: number;
  /** The URL of another page of these results. */
  linkTo: (page: number) => string;
  caption: string;
  /** Said when nothing matches. */
  emptyText: string;
};

/** A page of actions for some filters, with the result count announced politely and paging links. */
export function ActionResults({ plan, filters, page, linkTo, caption, emptyText }: Props) {
  const { t } = useTranslation();
  const result = useApi<ActionPage>(actionsApiPath(filters, page));
  const data = result.data;
  const pages = data ? pageCount(data.total, data.pageSize || actionPageSize) : 1;

  // After a paging link, the link may be gone: continue at the new page's results instead, once
  // they have arrived (the first render after the change still holds the previous page's data).
  const resultsRef = useRef<HTMLDivElement>(null);
  const shownPage = useRef(page);
  const dataBeforePaging = useRef<ActionPage | null | undefined>(undefined);
  useEffect(() => {
    if (shownPage.current !== page) {
      shownPage.current = page;
      dataBeforePaging.current = data;
      return;
    }
    if (dataBeforePaging.current !== undefined && data && data !== dataBeforePaging.current) {
      dataBeforePaging.current = undefined;
      resultsRef.current?.querySelector<HTMLElement>('.table-scroll')?.focus();
    }
  }, [page, data]);

  return (
    <div className="action-results" ref={resultsRef}>
      {/* Always in the page, so screen readers announce each new count after a filter change. */}
      <p role="status" aria-atomic="true" className="result-count">
        {data ? (data.total === 0 ? emptyText : t('plan.actions.found', { n: data.total })) : ''}
      </p>
      {result.error instanceof ApiError && result.error.status === 400 ? (
        // Filters from a hand-made or outdated URL that the API refuses (say, year=abc).
        <p className="notice notice--error">{t('plan.actions.badFilters')}</p>
      ) : result.state !== 'ready' ? (
        <LoadStatus state={result.state} onRetry={result.reload} />
      ) : result.data.items.length > 0 ? (
        <>
          <ActionTable items={result.data.items} plan={plan} caption={pages > 1 ? t('plan.actions.captionPaged', { caption, page, pages }) : caption} />
          <Pagination page={page} pages={pages} linkTo={linkTo} label={t('plan.pagination.label')} />
        </>
      ) : result.data.total > 0 ? (
        // Past the last page (an old link): offer the way back.
        <Pagination page={page} pages={pages} linkTo={linkTo} label={t('plan.pagination.label')} />
      ) : null}
    </div>
  );
}
