import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObstacleSeverity } from '../../api/plan-types.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields.tsx';
import { emptyObstacle, type ObstacleDraft } from './report-draft.ts';
import { reportFieldIds } from './report-errors.ts';

const severities: readonly ObstacleSeverity[] = ['low', 'medium', 'high'];

type Props = { obstacles: ObstacleDraft[]; onChange: (obstacles: ObstacleDraft[]) => void; errors: Record<string, string> };

/** Obstacles: text, severity, owner and whether resolved, one group per obstacle. */
export function ObstaclesFieldset({ obstacles, onChange, errors }: Props) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const update = (index: number, patch: Partial<ObstacleDraft>) =>
    onChange(obstacles.map((obstacle, i) => (i === index ? { ...obstacle, ...patch } : obstacle)));
  const severityOptions = [
    { value: '', label: t('plan.reportForm.chooseSeverity') },
    ...severities.map((severity) => ({ value: severity, label: t(`plan.severity.${severity}`) })),
  ];

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('plan.reportForm.obstacles')}</legend>
      <p className="field__hint">{t('plan.reportForm.obstaclesHint')}</p>
      {obstacles.length === 0 && <p className="muted">{t('plan.reportForm.noObstacles')}</p>}
      {obstacles.map((obstacle, index) => {
        const id = (part: 'text' | 'severity' | 'owner' | 'resolved') => reportFieldIds.obstacle(index, part);
        return (
          <fieldset key={obstacle.key} className="repeat-row">
            <legend className="repeat-row__legend">{t('plan.reportForm.obstacleN', { n: index + 1 })}</legend>
            <TextAreaField
              id={id('text')}
              label={t('plan.reportForm.obstacleText')}
              rows={3}
              maxLength={2000}
              value={obstacle.text}
              error={errors[id('text')]}
              onChange={(event) => update(index, { text: event.target.value })}
            />
            <SelectField
              id={id('severity')}
              label={t('plan.reportForm.obstacleSeverity')}
              options={severityOptions}
              value={obstacle.severity}
              error={errors[id('severity')]}
              onChange={(event) => update(index, { severity: event.target.value as ObstacleSeverity | '' })}
            />
            <TextField
              id={id('owner')}
              label={t('plan.reportForm.obstacleOwner')}
              hint={t('plan.reportForm.obstacleOwnerHint')}
              maxLength={200}
              value={obstacle.owner}
              error={errors[id('owner')]}
              onChange={(event) => update(index, { owner: event.target.value })}
            />
            <CheckboxField
              id={id('resolved')}
              label={t('plan.reportForm.obstacleResolved')}
              checked={obstacle.resolved}
              error={errors[id('resolved')]}
              onChange={(event) => update(index, { resolved: event.target.checked })}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                onChange(obstacles.filter((_, i) => i !== index));
                addRef.current?.focus();
              }}
            >
              {t('plan.reportForm.removeObstacle', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      {errors[reportFieldIds.obstacles] && <p className="field__error">{errors[reportFieldIds.obstacles]}</p>}
      <button
        ref={addRef}
        id={reportFieldIds.obstacles}
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([...obstacles, emptyObstacle()]);
          setFocusTarget(reportFieldIds.obstacle(obstacles.length, 'text'));
        }}
      >
        {t('plan.reportForm.addObstacle')}
      </button>
    </fieldset>
  );
}
