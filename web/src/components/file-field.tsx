/** A file input with its label, hint and error, like the other form fields. */
export function FileField({ id, label, hint, error, accept, onFile }: { id: string; label: string; hint: string; error?: string; accept: string; onFile: (file: File | null) => void }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <input
        id={id}
        type="file"
        accept={accept}
        className="field__input field__input--file"
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
    </div>
  );
}
