import { useEffect, useRef, useState, type ReactNode } from 'react';

type Props<T extends { key: string | number }> = {
  legend: string;
  hint: string;
  emptyText: string;
  items: T[];
  onChange: (items: T[]) => void;
  /** id of the add button, which also carries errors about the list as a whole */
  addId: string;
  addLabel: string;
  error?: string;
  newItem: () => T;
  /** id of the first field of row `index`, focused when that row is added */
  firstFieldId: (index: number) => string;
  rowLegend: (index: number) => string;
  removeLabel: (index: number) => string;
  renderRow: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
};

/** A list of field groups to add and remove; focus goes to the new row, or back to "add" after removing. */
export function RepeaterFieldset<T extends { key: string | number }>(p: Props<T>) {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const update = (index: number, patch: Partial<T>) => p.onChange(p.items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{p.legend}</legend>
      <p className="field__hint">{p.hint}</p>
      {p.items.length === 0 && <p className="muted">{p.emptyText}</p>}
      {p.items.map((item, index) => (
        <fieldset key={item.key} className="repeat-row">
          <legend className="repeat-row__legend">{p.rowLegend(index)}</legend>
          {p.renderRow(item, index, (patch) => update(index, patch))}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              p.onChange(p.items.filter((_, i) => i !== index));
              addRef.current?.focus();
            }}
          >
            {p.removeLabel(index)}
          </button>
        </fieldset>
      ))}
      {p.error && <p className="field__error">{p.error}</p>}
      <button
        ref={addRef}
        id={p.addId}
        type="button"
        className="button button--secondary"
        onClick={() => {
          p.onChange([...p.items, p.newItem()]);
          setFocusTarget(p.firstFieldId(p.items.length));
        }}
      >
        {p.addLabel}
      </button>
    </fieldset>
  );
}
