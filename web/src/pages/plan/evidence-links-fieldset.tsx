import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form-fields.tsx';
import { emptyLink, type LinkDraft } from './report-draft.ts';
import { reportFieldIds } from './report-errors.ts';

type Props = { links: LinkDraft[]; onChange: (links: LinkDraft[]) => void; errors: Record<string, string> };

/** Evidence links: add and remove rows; focus goes to the new row, or back to "add" after removing. */
export function EvidenceLinksFieldset({ links, onChange, errors }: Props) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const update = (index: number, patch: Partial<LinkDraft>) => onChange(links.map((link, i) => (i === index ? { ...link, ...patch } : link)));

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('plan.reportForm.evidence')}</legend>
      <p className="field__hint">{t('plan.reportForm.evidenceHint')}</p>
      {links.length === 0 && <p className="muted">{t('plan.reportForm.noEvidence')}</p>}
      {links.map((link, index) => (
        <fieldset key={link.key} className="repeat-row">
          <legend className="repeat-row__legend">{t('plan.reportForm.linkN', { n: index + 1 })}</legend>
          <TextField
            id={reportFieldIds.link(index, 'url')}
            type="url"
            inputMode="url"
            spellCheck={false}
            label={t('plan.reportForm.linkUrl')}
            hint={t('plan.reportForm.linkUrlHint')}
            value={link.url}
            error={errors[reportFieldIds.link(index, 'url')]}
            onChange={(event) => update(index, { url: event.target.value })}
          />
          <TextField
            id={reportFieldIds.link(index, 'title')}
            label={t('plan.reportForm.linkTitle')}
            value={link.title}
            maxLength={300}
            error={errors[reportFieldIds.link(index, 'title')]}
            onChange={(event) => update(index, { title: event.target.value })}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              onChange(links.filter((_, i) => i !== index));
              addRef.current?.focus();
            }}
          >
            {t('plan.reportForm.removeLink', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      {errors[reportFieldIds.links] && <p className="field__error">{errors[reportFieldIds.links]}</p>}
      <button
        ref={addRef}
        id={reportFieldIds.links}
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([...links, emptyLink()]);
          setFocusTarget(reportFieldIds.link(links.length, 'url'));
        }}
      >
        {t('plan.reportForm.addLink')}
      </button>
    </fieldset>
  );
}
