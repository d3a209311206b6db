import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { SuggestItem, SuggestResult } from '../../api/catalog-types.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { suggestApiPath } from './catalog-query.ts';

type Props = {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** A suggestion was chosen: search for it at once. */
  onPick: (value: string) => void;
};

/**
 * A search box with autocomplete, after the WAI-ARIA combobox pattern (list autocomplete without
 * automatic selection): arrow keys move through the suggestions (aria-activedescendant), Enter takes
 * the active one, Escape closes the list (and a second Escape clears the box). Focus stays in the box.
 */
export function SearchCombobox({ id, label, hint, value, onChange, onPick }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [items, setItems] = useState<SuggestItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  // Suggestions for what was typed (not for a value set from the URL), a moment after typing stops.
  useEffect(() => {
    const q = value.trim();
    if (!typed.current || q.length < 2) {
      setItems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.get<SuggestResult>(suggestApiPath(q, currentLanguage())).then(
        (result) => {
          if (!live || !typed.current) return;
          setItems(result.items);
          setActive(-1);
          // an answer that arrives after the box lost focus (the search was sent) opens nothing
          setOpen(result.items.length > 0 && document.activeElement === input.current);
        },
        () => live && setItems([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value]);

  const expanded = open && items.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  function pick(item: SuggestItem) {
    typed.current = false;
    setOpen(false);
    setActive(-1);
    onChange(item.label);
    onPick(item.label);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        if (items.length === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(0);
        } else setActive((a) => (a + 1) % items.length);
        return;
      case 'ArrowUp':
        if (!expanded) return;
        event.preventDefault();
        setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
        return;
      case 'Enter': {
        const item = expanded && active >= 0 ? items[active] : undefined;
        if (item) {
          event.preventDefault();
          pick(item);
        } else {
          // the form submits what was typed; suggestions still on their way are dropped
          typed.current = false;
          setOpen(false);
        }
        return;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value) {
          event.preventDefault();
          typed.current = false;
          onChange('');
        }
        return;
      default:
    }
  }

  const hintId = `${id}-hint`;
  return (
    <div className="field combobox">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      <input
        ref={input}
        id={id}
        name="q"
        type="text"
        className="field__input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={hintId}
        autoComplete="off"
        maxLength={200}
        value={value}
        onChange={(event) => {
          typed.current = true;
          onChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t('catalog.search.suggestions')} className="combobox__list" hidden={!expanded}>
        {items.map((item, index) => (
          <li
            key={`${item.type}-${item.uri ?? ''}-${item.label}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            // mousedown, not click: the box keeps focus (its blur would close the list first)
            onMouseDown={(event) => {
              event.preventDefault();
              pick(item);
            }}
          >
            <span lang={item.lang}>{item.label}</span>{' '}
            <span className="combobox__type">
              {item.type === 'occupation' ? t('catalog.search.suggestOccupation') : t('catalog.search.suggestTitle')}
            </span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {expanded ? t('catalog.search.suggestionCount', { n: items.length }) : ''}
      </p>
    </div>
  );
}
