import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/client.ts';
import type { EscoOccupationList, EscoSkillList } from '../../api/catalog-types.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { EscoChoice } from './offer-draft.ts';

type Props = {
  kind: 'skills' | 'occupations';
  id: string;
  legend: string;
  chosen: EscoChoice[];
  onChange: (chosen: EscoChoice[]) => void;
  error?: string;
};

/** Picks ESCO skills or occupations by searching their labels; the chosen ones are listed with a remove button. */
export function EscoPicker({ kind, id, legend, chosen, onChange, error }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<EscoChoice[] | null>(null);
  const [status, setStatus] = useState('');

  async function search() {
    const text = q.trim();
    if (!text) return;
    setStatus(t('catalog.esco.searching'));
    try {
      const list = await api.get<EscoSkillList | EscoOccupationList>(withQuery(`/api/v1/esco/${kind}`, { q: text, lang: currentLanguage(), limit: 10 }));
      const items = list.items.map((i) => ({ uri: i.uri, label: i.label, lang: i.labelLang }));
      setFound(items);
      setStatus(t('catalog.esco.found', { n: items.length }));
    } catch {
      setFound([]);
      setStatus(t('catalog.esco.failed'));
    }
  }

  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="fieldset esco-picker">
      <legend className="fieldset__legend">{legend}</legend>
      {chosen.length === 0 ? (
        <p className="muted">{t('catalog.esco.noneChosen')}</p>
      ) : (
        <ul className="esco-picker__chosen">
          {chosen.map((c) => (
            <li key={c.uri}>
              <span lang={c.lang && c.lang !== currentLanguage() ? c.lang : undefined}>{c.label}</span>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('catalog.esco.remove', { label: c.label })}
                onClick={() => {
                  onChange(chosen.filter((x) => x.uri !== c.uri));
                  document.getElementById(id)?.focus();
                }}
              >
                {t('catalog.esco.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={id} className="field__label">
          {t(`catalog.esco.search.${kind}`)}
        </label>
        {error && (
          <p id={errorId} className="field__error">
            {error}
          </p>
        )}
        <div className="field--inline">
          <input
            id={id}
            type="search"
            className="field__input"
            value={q}
            maxLength={100}
            aria-describedby={errorId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setQ(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches here instead of sending the whole form.
              if (event.key === 'Enter') {
                event.preventDefault();
                void search();
              }
            }}
          />{' '}
          <button type="button" className="button button--secondary" onClick={() => void search()}>
            {t('catalog.esco.searchButton')}
          </button>
        </div>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      {found && found.length > 0 && (
        <ul className="esco-picker__found" aria-label={t('catalog.esco.results')}>
          {found.map((item) => {
            const already = chosen.some((c) => c.uri === item.uri);
            return (
              <li key={item.uri}>
                <span lang={item.lang && item.lang !== currentLanguage() ? item.lang : undefined}>{item.label}</span>{' '}
                <button
                  type="button"
                  className="button button--small"
                  disabled={already}
                  aria-label={t('catalog.esco.add', { label: item.label })}
                  onClick={() => onChange([...chosen, item])}
                >
                  {already ? t('catalog.esco.added') : t('catalog.esco.addShort')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
