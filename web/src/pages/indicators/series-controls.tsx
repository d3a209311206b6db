import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown, Dimension, IndicatorDetail } from '../../api/indicator-types.ts';
import { SelectField } from '../../components/form-fields.tsx';
import { pluralKeys } from './plural-keys.ts';
import { maxGeos, withGeo, type SeriesState } from './indicator-query.ts';

const levelGroups = [
  { level: null, key: 'aggregates' },
  { level: 0, key: 'countries' },
  { level: 1, key: 'nuts1' },
  { level: 2, key: 'nuts2' },
] as const;

/** "Vlaams Gewest (BE2)", or the code alone when the API has no name. */
export function geoOptionLabel(geo: { code: string; name: string | null }): string {
  return geo.name ? `${geo.name} (${geo.code})` : geo.code;
}

/** Breakdown values with the total first (the API lists them alphabetically: F, M, T). */
export function totalFirst(values: readonly string[]): string[] {
  const isTotal = (value: string) => value === 'T' || value === 'TOTAL';
  return [...values.filter(isTotal), ...values.filter((value) => !isTotal(value))];
}

/** The label of a breakdown value ("Vrouwen" for sex F), or the code when we have no word for it. */
export function useBreakdownLabel() {
  const { t } = useTranslation();
  return (dimension: Dimension, value: string) => {
    const band = dimension === 'age' ? /^Y(\d+)-(\d+)$/.exec(value) : null; // Eurostat's age bands: Y25-64
    if (band) return t('indicators.ageBand', { from: band[1], to: band[2] });
    return t(`indicators.breakdownValues.${dimension}.${value}`, { defaultValue: value });
  };
}

/** The breakdown selector(s), the regions of the chart (add and remove) and the period. */
export function SeriesControls({
  detail,
  state,
  shown,
  name,
  onChange,
}: {
  detail: IndicatorDetail;
  state: SeriesState;
  /** The breakdown the data on screen has (the server's default fills what the URL leaves open). */
  shown: Breakdown;
  name: (code: string) => string;
  onChange: (next: SeriesState) => void;
}) {
  const { t } = useTranslation();
  const breakdownLabel = useBreakdownLabel();
  const pickerId = useId();
  const picker = useRef<HTMLSelectElement>(null);
  const available = detail.geos.filter((geo) => !state.geos.includes(geo.code));
  const [adding, setAdding] = useState('');
  const toAdd = available.some((geo) => geo.code === adding) ? adding : (available[0]?.code ?? '');
  const full = state.geos.length >= maxGeos;
  const years = detail.periods ? Array.from({ length: detail.periods.to - detail.periods.from + 1 }, (_, i) => detail.periods!.from + i) : [];
  const dimensions = detail.breakdowns.filter((dimension) => (detail.breakdownValues[dimension] ?? []).length > 1);

  return (
    <div className="series-controls">
      {dimensions.map((dimension) => (
        <SelectField
          key={dimension}
          id={`breakdown-${dimension}`}
          label={t(`indicators.dimensions.${dimension}`)}
          options={totalFirst(detail.breakdownValues[dimension] ?? []).map((value) => ({ value, label: breakdownLabel(dimension, value) }))}
          value={state.breakdown[dimension] ?? shown[dimension] ?? ''}
          onChange={(event) => onChange({ ...state, breakdown: { ...state.breakdown, [dimension]: event.target.value } })}
          className="field__input field__input--short"
        />
      ))}

      <fieldset className="fieldset geo-picker">
        <legend className="fieldset__legend">{t('indicators.geos.legend')}</legend>
        <ul className="geo-picker__chosen">
          {state.geos.map((code) => (
            <li key={code}>
              <span>{name(code)}</span>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={state.geos.length === 1}
                onClick={() => {
                  onChange(withGeo(state, code, false));
                  picker.current?.focus(); // the button is gone: keep focus in the picker
                }}
              >
                {t('indicators.geos.remove', { name: name(code) })}
              </button>
            </li>
          ))}
        </ul>
        {full ? (
          <p className="field__hint">{t(pluralKeys.geosFull, { count: maxGeos })}</p>
        ) : available.length === 0 ? (
          <p className="field__hint">{t('indicators.geos.allShown')}</p>
        ) : (
          <div className="geo-picker__add">
            <div className="field">
              <label htmlFor={pickerId} className="field__label">
                {t('indicators.geos.add')}
              </label>
              <select id={pickerId} ref={picker} className="field__input" value={toAdd} onChange={(event) => setAdding(event.target.value)}>
                {levelGroups.map((group) => {
                  const geos = available
                    .filter((geo) => geo.level === group.level)
                    .sort((a, b) => (a.name ?? a.code).localeCompare(b.name ?? b.code));
                  if (geos.length === 0) return null;
                  return (
                    <optgroup key={group.key} label={t(`indicators.geos.groups.${group.key}`)}>
                      {geos.map((geo) => (
                        <option key={geo.code} value={geo.code}>
                          {geoOptionLabel(geo)}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
            </div>
            <button type="button" className="button button--secondary" disabled={!toAdd} onClick={() => toAdd && onChange(withGeo(state, toAdd, true))}>
              {t('indicators.geos.addButton')}
            </button>
          </div>
        )}
      </fieldset>

      {years.length > 1 && (
        <fieldset className="fieldset period-picker">
          <legend className="fieldset__legend">{t('indicators.period.legend')}</legend>
          <SelectField
            id="period-from"
            label={t('indicators.period.from')}
            options={years.map((year) => ({ value: String(year), label: String(year) }))}
            value={String(state.from ?? years[0])}
            onChange={(event) => {
              const from = Number(event.target.value);
              onChange({ ...state, from, to: state.to !== null && state.to < from ? from : state.to });
            }}
            className="field__input field__input--short"
          />
          <SelectField
            id="period-to"
            label={t('indicators.period.to')}
            options={years.map((year) => ({ value: String(year), label: String(year) }))}
            value={String(state.to ?? years.at(-1))}
            onChange={(event) => {
              const to = Number(event.target.value);
              onChange({ ...state, to, from: state.from !== null && state.from > to ? to : state.from });
            }}
            className="field__input field__input--short"
          />
        </fieldset>
      )}
    </div>
  );
}
