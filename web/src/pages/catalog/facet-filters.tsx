import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../api/catalog-types.ts';
import { currentLanguageTag } from '../../i18n/index.ts';
import { facetOptionLabel, facetOptions, facetOrder, facetValueLabel } from './catalog-format.ts';
import { facetOf, filterOrder, hasAnyFilter, isChosen, multiKeys, paramsFromState, toggleFilter, type FilterKey, type SearchState } from './catalog-query.ts';

type Props = { state: SearchState; facets: SearchResult['facets']; onApply: (state: SearchState) => void };

/**
 * The facet filters: one fieldset per facet, a checkbox per value with its count (over every other
 * filter). A tick applies at once; the list is kept while the new answer loads, so focus stays.
 * "Start within" takes one value: radio buttons.
 */
export function FacetFilters({ state: applied, facets, onApply: apply }: Props) {
  const { t } = useTranslation();
  const locale = currentLanguageTag();
  // A tick shows at once (the URL follows a moment later); the URL wins when it changes (back, forward).
  const [state, setState] = useState(applied);
  const appliedKey = paramsFromState(applied).toString();
  const [shownKey, setShownKey] = useState(appliedKey);
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey);
    setState(applied);
  }
  const onApply = (next: SearchState) => {
    setState(next);
    apply(next);
  };
  return (
    <section className="facets" aria-labelledby="catalog-facets-title">
      <h2 id="catalog-facets-title">{t('catalog.facets.title')}</h2>
      {hasAnyFilter(state) && (
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              let next = { ...state };
              for (const key of filterOrder) next = { ...next, ...clear(next, key) };
              onApply({ ...next, page: 1 });
            }}
          >
            {t('catalog.facets.clearAll')}
          </button>
        </p>
      )}
      {filterOrder.map((key) => {
        const chosen = (multiKeys as readonly string[]).includes(key) ? state.multi[key as (typeof multiKeys)[number]] : state.single[key as 'startWithin' | 'shortage'] ? [state.single[key as 'startWithin' | 'shortage']] : [];
        // Shortage holds one value: only "yes" is offered (unticking shows all offers again).
        const options = facetOptions(facets[facetOf[key]] ?? [], chosen, facetOrder[key]).filter((o) => key !== 'shortage' || o.value === 'true');
        if (options.length === 0) return null;
        const legend = t(`catalog.facets.${key}`);
        if (key === 'startWithin') {
          return (
            <fieldset key={key} className="fieldset facet">
              <legend className="fieldset__legend">{legend}</legend>
              <div className="radio">
                <input id="facet-startWithin-any" type="radio" name="startWithin" checked={!state.single.startWithin} onChange={() => onApply(toggleFilter(state, key, '', false))} />
                <label htmlFor="facet-startWithin-any">{t('catalog.facets.anyTime')}</label>
              </div>
              {options.map((option) => (
                <div className="radio" key={option.value}>
                  <input
                    id={`facet-${key}-${option.value}`}
                    type="radio"
                    name="startWithin"
                    checked={isChosen(state, key, option.value)}
                    onChange={() => onApply(toggleFilter(state, key, option.value, true))}
                  />
                  <label htmlFor={`facet-${key}-${option.value}`}>{facetOptionLabel(facetValueLabel(key, option.value, t), option.count, locale)}</label>
                </div>
              ))}
            </fieldset>
          );
        }
        return (
          <fieldset key={key} className="fieldset facet">
            <legend className="fieldset__legend">{legend}</legend>
            {options.map((option) => {
              const id = `facet-${key}-${option.value.replace(/[^\w-]/g, '_')}`;
              return (
                <div className="checkbox" key={option.value}>
                  <input
                    id={id}
                    type="checkbox"
                    className="checkbox__input"
                    checked={isChosen(state, key, option.value)}
                    onChange={(event) => onApply(toggleFilter(state, key, option.value, event.target.checked))}
                  />
                  <label htmlFor={id} className="checkbox__label">
                    {facetOptionLabel(facetValueLabel(key, option.value, t), option.count, locale)}
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </section>
  );
}

function clear(state: SearchState, key: FilterKey): Partial<SearchState> {
  if ((multiKeys as readonly string[]).includes(key)) return { multi: { ...state.multi, [key]: [] } };
  return { single: { ...state.single, [key]: '' } };
}
