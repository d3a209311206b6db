import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactInfo, FactValue } from '../../api/incentive-types.ts';
import { isFraction } from './signpost-engine.ts';

type Props = {
  info: FactInfo;
  /** the current answer, when the user came back to this question */
  value: FactValue | undefined;
  /** why the last answer was refused by the engine, already in the page's language */
  problem: string | null;
  referenceDate: string;
  canGoBack: boolean;
  onAnswer: (value: FactValue) => void;
  onSkip: () => void;
  onBack: () => void;
};

/** One plain-language question per screen: a fieldset of radios, or one input with its unit. */
export function FactQuestion({ info, value, problem, referenceDate, canGoBack, onAnswer, onSkip, onBack }: Props) {
  const { t } = useTranslation();
  const key = `incentives.facts.${info.path}`;
  const id = `fact-${info.path.replace('.', '-')}`;
  const fraction = isFraction(info);
  const [draft, setDraft] = useState(() => toDraft(info, value));
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new question takes focus, so screen-reader and keyboard users start at it.
  useEffect(() => {
    setDraft(toDraft(info, value));
    setError(null);
    heading.current?.focus();
  }, [info, value]);

  const shownError = error ?? problem;
  const hint = t(`${key}.hint`, { defaultValue: '' });
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = shownError ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = fromDraft(info, draft);
    if (parsed === undefined) return setError(rangeMessage(info, fraction, referenceDate, t));
    onAnswer(parsed);
  }

  const question = t(`${key}.question`);
  const choices = info.kind === 'enum' ? (info.values ?? []) : info.kind === 'boolean' ? ['true', 'false'] : null;
  const choiceLabel = (v: string) => (info.kind === 'boolean' ? t(v === 'true' ? 'incentives.yes' : 'incentives.no') : t(`${key}.options.${v}`));

  return (
    <form className="signpost-question" data-fact={info.path} onSubmit={submit} noValidate>
      {choices ? (
        <fieldset className="signpost-question__fieldset" aria-describedby={describedBy}>
          <legend>
            <h2 ref={heading} tabIndex={-1} className="signpost-question__title">
              {question}
            </h2>
          </legend>
          {hint && <p id={hintId} className="field__hint">{hint}</p>}
          {shownError && <p id={errorId} className="field__error">{shownError}</p>}
          {choices.map((v) => (
            <div className="radio signpost-question__choice" key={v}>
              <input type="radio" id={`${id}-${v}`} name={id} value={v} checked={draft === v} onChange={() => setDraft(v)} />
              <label htmlFor={`${id}-${v}`}>{choiceLabel(v)}</label>
            </div>
          ))}
        </fieldset>
      ) : (
        <div className={shownError ? 'field field--error' : 'field'}>
          <h2 ref={heading} tabIndex={-1} className="signpost-question__title">
            <label htmlFor={id}>{question}</label>
          </h2>
          {hint && <p id={hintId} className="field__hint">{hint}</p>}
          {shownError && <p id={errorId} className="field__error">{shownError}</p>}
          <span className="signpost-question__input">
            <input
              id={id}
              className="field__input"
              type={info.kind === 'date' ? 'date' : 'text'}
              inputMode={info.kind === 'number' || info.kind === 'integer' ? 'decimal' : undefined}
              max={info.kind === 'date' ? referenceDate : undefined}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-describedby={describedBy}
              aria-invalid={shownError ? true : undefined}
            />
            {unitLabel(info, fraction, t)}
          </span>
        </div>
      )}
      <div className="button-row">
        {canGoBack && (
          <button type="button" className="button button--secondary" onClick={onBack}>
            {t('incentives.back')}
          </button>
        )}
        <button type="submit" className="button">
          {t('incentives.next')}
        </button>
        <button type="button" className="button button--secondary" onClick={onSkip} aria-describedby={`${id}-skip-hint`}>
          {t('incentives.dontKnow')}
        </button>
      </div>
      <p id={`${id}-skip-hint`} className="muted">{t('incentives.dontKnowHint')}</p>
    </form>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function unitLabel(info: FactInfo, fraction: boolean, t: T) {
  if (fraction) return <span className="signpost-question__unit">{t('incentives.percentUnit')}</span>;
  const unit = { EUR: '€', hour: t('incentives.unit.hours'), 'hour/week': t('incentives.unit.hoursPerWeek'), year: t('incentives.unit.years'), credit: t('incentives.unit.credits'), employee: t('incentives.unit.employees'), voucher: t('incentives.unit.vouchers') }[info.unit];
  return unit ? <span className="signpost-question__unit">{unit}</span> : null;
}

function toDraft(info: FactInfo, value: FactValue | undefined): string {
  if (value === undefined) return '';
  if (isFraction(info) && typeof value === 'number') return String(Math.round(value * 10000) / 100);
  return String(value);
}

/** The typed answer, or undefined when it is out of the fact's range (checked again by the engine). */
function fromDraft(info: FactInfo, draft: string): FactValue | undefined {
  const text = draft.trim();
  if (text === '') return undefined;
  if (info.kind === 'boolean') return text === 'true';
  if (info.kind === 'enum') return info.values?.includes(text) ? text : undefined;
  if (info.kind === 'number' || info.kind === 'integer') {
    const n = Number(text.replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(n)) return undefined;
    const value = isFraction(info) ? n / 100 : n;
    if (info.kind === 'integer' && !Number.isInteger(value)) return undefined;
    if ((info.min !== undefined && value < info.min) || (info.max !== undefined && value > info.max)) return undefined;
    return value;
  }
  if (info.kind === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  return text;
}

export function rangeMessage(info: FactInfo, fraction: boolean, referenceDate: string, t: T): string {
  if (info.kind === 'enum' || info.kind === 'boolean') return t('incentives.answerRequired');
  if (info.kind === 'date') return t('incentives.answerDate', { date: referenceDate });
  if (info.kind === 'string') return t('incentives.answerFormat');
  const scale = fraction ? 100 : 1;
  if (info.max !== undefined) return t('incentives.answerRange', { min: (info.min ?? 0) * scale, max: info.max * scale });
  return t('incentives.answerMin', { min: (info.min ?? 0) * scale });
}
