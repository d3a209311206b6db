import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { kmChoices, sorts, type SearchState } from './catalog-query.ts';
import { SearchCombobox } from './search-combobox.tsx';

type Props = { applied: SearchState; onApply: (state: SearchState) => void };

/**
 * Words, place, radius and order. Shows the search in the URL and follows it when it changes (back
 * and forward) without being re-mounted, so focus stays where it was.
 */
export function SearchForm({ applied, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ q: applied.q, near: applied.near, km: applied.km, sort: applied.sort });
  const appliedKey = JSON.stringify([applied.q, applied.near, applied.km, applied.sort]);
  const [shownKey, setShownKey] = useState(appliedKey);
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey);
    setDraft({ q: applied.q, near: applied.near, km: applied.km, sort: applied.sort });
  }

  const apply = (patch: Partial<typeof draft> = {}) => onApply({ ...applied, ...draft, ...patch, page: 1 });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }

  const kmOptions = kmChoices.map((km) => ({ value: String(km), label: t('catalog.search.kmOption', { km }) }));
  if (!kmChoices.includes(draft.km as (typeof kmChoices)[number])) kmOptions.push({ value: String(draft.km), label: t('catalog.search.kmOption', { km: draft.km }) });
  const sortOptions = [
    { value: '', label: t('catalog.sort.default') },
    ...sorts.map((sort) => ({ value: sort, label: t(`catalog.sort.${sort}`) })),
  ];

  return (
    <form className="filters catalog-search" role="search" aria-labelledby="catalog-search-title" onSubmit={submit}>
      <h2 id="catalog-search-title" className="filters__title">
        {t('catalog.search.formTitle')}
      </h2>
      <div className="filters__fields">
        <SearchCombobox
          id="catalog-q"
          label={t('catalog.search.q')}
          hint={t('catalog.search.qHint')}
          value={draft.q}
          onChange={(q) => setDraft((d) => ({ ...d, q }))}
          onPick={(q) => apply({ q })}
        />
        <TextField
          id="catalog-near"
          name="near"
          label={t('catalog.search.near')}
          hint={t('catalog.search.nearHint')}
          value={draft.near}
          maxLength={100}
          onChange={(event) => setDraft((d) => ({ ...d, near: event.target.value }))}
        />
        <SelectField
          id="catalog-km"
          name="km"
          label={t('catalog.search.km')}
          options={kmOptions}
          value={String(draft.km)}
          onChange={(event) => setDraft((d) => ({ ...d, km: Number(event.target.value) }))}
        />
        <SelectField
          id="catalog-sort"
          name="sort"
          label={t('catalog.search.sort')}
          options={sortOptions}
          value={draft.sort}
          onChange={(event) => setDraft((d) => ({ ...d, sort: event.target.value as SearchState['sort'] }))}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t('catalog.search.submit')}
        </button>
      </div>
    </form>
  );
}
