import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { SearchResult } from '../../api/catalog-types.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { currentLanguageTag } from '../../i18n/index.ts';
import { useSession } from '../../auth/session.tsx';
import { useKeptApi } from '../indicators/use-kept-api.ts';
import { Pagination } from '../plan/pagination.tsx';
import { facetValueLabel } from './catalog-format.ts';
import { pageCount, paramsFromState, relaxState, searchApiPath, searchHref, stateFromParams, type FilterKey, type SearchState } from './catalog-query.ts';
import { FacetFilters } from './facet-filters.tsx';
import { managesOffers } from './provider-only.tsx';
import { SearchForm } from './search-form.tsx';
import { SearchHitItem } from './search-hit.tsx';
import { SyntheticNotice } from './synthetic-notice.tsx';

/** /catalog: search the training catalogue; the whole search is in the URL. */
export function CatalogSearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = stateFromParams(params);
  const result = useKeptApi<SearchResult>(searchApiPath(state));
  const data = result.data;
  const apply = (next: SearchState) => void navigate(searchHref(next));
  const locale = currentLanguageTag();
  const { user } = useSession();

  return (
    <>
      <PageHeading>{t('catalog.search.title')}</PageHeading>
      <p className="lead">{t('catalog.search.intro')}</p>
      {managesOffers(user) && (
        <p>
          <Link to="/catalog/my-offers">{t('catalog.search.manage')}</Link>
        </p>
      )}
      <SearchForm applied={state} onApply={apply} />
      <div className="catalog-layout">
        {data && <FacetFilters state={state} facets={data.facets} onApply={apply} />}
        <section
          className="catalog-results"
          aria-labelledby="catalog-results-title"
          // the search the shown answer belongs to (absent while the next one loads): for tests and tools
          data-query={result.loading ? undefined : `?${paramsFromState(state).toString()}`}
        >
          <h2 id="catalog-results-title">{t('catalog.results.title')}</h2>
          {/* Always in the page, so screen readers announce each new count. */}
          <p role="status" aria-atomic="true" className="result-count">
            {data && !result.loading ? t('catalog.results.found', { n: new Intl.NumberFormat(locale).format(data.total) }) : ''}
          </p>
          {data?.near && (
            <p>
              {data.near.fromQuery
                ? t('catalog.results.nearFromQuery', { place: `${data.near.postalCode} ${data.near.name}`, km: data.near.km })
                : t('catalog.results.near', { place: `${data.near.postalCode} ${data.near.name}`, km: data.near.km })}
            </p>
          )}
          {result.error instanceof ApiError && result.error.status === 400 ? (
            <div role="alert" className="notice notice--error">
              <p>{t('catalog.results.badQuery')}</p>
              <ul>
                {(result.error.problem.errors ?? []).map((e) => (
                  <li key={e.field}>
                    <code>{e.field.replace(/^querystring\./, '')}</code>: <span lang="en">{e.reason}</span>
                  </li>
                ))}
              </ul>
              <p>
                <Link to="/catalog">{t('catalog.results.startOver')}</Link>
              </p>
            </div>
          ) : result.error ? (
            <LoadStatus state="error" onRetry={() => void navigate(0)} />
          ) : !data ? (
            <LoadStatus state="loading" />
          ) : (
            <>
              {data.synthetic && <SyntheticNotice />}
              {data.total === 0 ? (
                <ZeroResults state={state} suggestions={data.suggestions ?? []} />
              ) : (
                <>
                  <ol className="offer-hits" aria-busy={result.loading}>
                    {data.hits.map((hit) => (
                      <SearchHitItem key={hit.id} hit={hit} />
                    ))}
                  </ol>
                  <Pagination
                    page={state.page}
                    pages={pageCount(data.total, data.pageSize)}
                    label={t('catalog.results.pages')}
                    linkTo={(page) => `/catalog?${paramsFromState({ ...state, page }).toString()}`}
                  />
                </>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );

  function ZeroResults({ state, suggestions }: { state: SearchState; suggestions: NonNullable<SearchResult['suggestions']> }) {
    const label = (relax: string, km?: number) => {
      if (relax === 'km') return t('catalog.relax.km', { km });
      if (relax === 'near') return t('catalog.relax.near', { place: state.near });
      if (relax === 'q') return t('catalog.relax.q', { q: state.q });
      const chosen = (state.multi as Record<string, string[]>)[relax] ?? [(state.single as Record<string, string>)[relax] ?? ''];
      const values = chosen.filter(Boolean).map((v) => facetValueLabel(relax as FilterKey, v, t)).join(', ');
      return t('catalog.relax.filter', { filter: t(`catalog.facets.${relax}`, { defaultValue: relax }), values });
    };
    return (
      <div className="zero-results">
        <p>{t('catalog.results.none')}</p>
        {suggestions.length > 0 ? (
          <>
            <p>{t('catalog.results.relaxIntro')}</p>
            <ul>
              {suggestions.map((s) => (
                <li key={`${s.relax}-${s.km ?? ''}`}>
                  <Link to={searchHref(relaxState(state, s.relax, s.km))}>{label(s.relax, s.km)}</Link>{' '}
                  {t('catalog.relax.count', { n: new Intl.NumberFormat(locale).format(s.count) })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            <Link to="/catalog">{t('catalog.results.startOver')}</Link>
          </p>
        )}
      </div>
    );
  }
}
