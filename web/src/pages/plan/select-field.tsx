import type { SelectHTMLAttributes } from 'react';

export type SelectOption = { value: string; label: string; /** BCP 47 tag when the label is not in the page's language */ lang?: string };

type SelectFieldProps = {
  id: string;
  label: string;
  options: readonly SelectOption[];
  error?: string;
  hint?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>;

/** Labelled select with hint and error tied to it, like TextField. A value not among the options is kept as its own option. */
export function SelectField({ id, label, options, error, hint, value, ...select }: SelectFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const current = typeof value === 'string' ? value : undefined;
  const all = current && !options.some((option) => option.value === current) ? [...options, { value: current, label: current }] : options;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <select id={id} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} value={value} {...select}>
        {all.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
