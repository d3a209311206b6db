import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../api/plan-types.ts';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { emptyFilters, type ActionFilters, type FilterKey } from './action-query.ts';
import { filterOptions } from './plan-options.ts';

type Props = { plan: Plan; applied: ActionFilters; onApply: (filters: ActionFilters) => void };

/**
 * The filter form of the action list. It shows the filters in the URL, and follows the URL when it
 * changes (back and forward buttons) without being re-mounted, so focus stays where it was.
 */
export function ActionFiltersForm({ plan, applied, onApply }: Props) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ActionFilters>(applied);
  const appliedKey = JSON.stringify(applied);
  const [shownKey, setShownKey] = useState(appliedKey);
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey);
    setFilters(applied);
  }
  const options = filterOptions(plan, t);
  const set = (key: FilterKey) => (event: { target: { value: string } }) => setFilters((prev) => ({ ...prev, [key]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filters);
  }

  const select = (key: Exclude<FilterKey, 'q'>) => (
    <SelectField
      id={`plan-filter-${key}`}
      name={key}
      label={t(`plan.filters.${key}`)}
      options={options[key]}
      value={filters[key]}
      onChange={set(key)}
    />
  );

  return (
    <form className="filters" role="search" onSubmit={submit} aria-labelledby="plan-filters-title">
      <h2 id="plan-filters-title" className="filters__title">
        {t('plan.filters.title')}
      </h2>
      <div className="filters__fields">
        <TextField
          id="plan-filter-q"
          name="q"
          type="search"
          label={t('plan.filters.q')}
          hint={t('plan.filters.qHint')}
          value={filters.q}
          maxLength={200}
          onChange={set('q')}
        />
        {select('flagship')}
        {select('goal')}
        {select('status')}
        {select('stakeholder')}
        {select('targetGroup')}
        {select('theme')}
        {select('year')}
      </div>
      <p className="field__hint">{t('plan.filters.yearHint')}</p>
      <div className="button-row">
        <button type="submit" className="button">
          {t('plan.filters.apply')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setFilters(emptyFilters);
            onApply(emptyFilters);
          }}
        >
          {t('plan.filters.clear')}
        </button>
      </div>
    </form>
  );
}
