import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type FieldProps = { id: string; label: string; error?: string; hint?: string };
type A11y = { 'aria-describedby'?: string; 'aria-invalid'?: true };

/** Label, hint and error of one form control; the control gets them through aria-describedby. */
function Field({ id, label, error, hint, control }: FieldProps & { control: (a11y: A11y) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
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
      {control({ 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

export function TextField({ id, label, error, hint, ...input }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return <Field id={id} label={label} error={error} hint={hint} control={(a11y) => <input id={id} className="field__input" {...a11y} {...input} />} />;
}

export function TextAreaField({ id, label, error, hint, ...textarea }: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} control={(a11y) => <textarea id={id} className="field__input field__textarea" {...a11y} {...textarea} />} />
  );
}

export type SelectOption = { value: string; label: string; /** BCP 47 tag when the label is not in the page's language */ lang?: string };

/** A select; a value not among the options is kept as an option of its own, so it is never lost. */
export function SelectField({
  id,
  label,
  options,
  error,
  hint,
  value,
  ...select
}: FieldProps & { options: readonly SelectOption[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  const current = typeof value === 'string' ? value : undefined;
  const all = current && !options.some((option) => option.value === current) ? [...options, { value: current, label: current }] : options;
  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint={hint}
      control={(a11y) => (
        <select id={id} className="field__input" {...a11y} value={value} {...select}>
          {all.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A checkbox with its label after it, and its error above. */
export function CheckboxField({ id, label, error, ...input }: Omit<FieldProps, 'hint'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error checkbox' : 'field checkbox'}>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <input id={id} type="checkbox" className="checkbox__input" aria-invalid={error ? true : undefined} aria-describedby={errorId} {...input} />
      <label htmlFor={id} className="checkbox__label">
        {label}
      </label>
    </div>
  );
}
