import { useTranslation } from 'react-i18next';
import type { ObstacleSeverity } from '../../api/plan-types.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields.tsx';
import { RepeaterFieldset } from '../../components/repeater-fieldset.tsx';
import { emptyObstacle, type ObstacleDraft } from './report-draft.ts';
import { reportFieldIds } from './report-errors.ts';

const severities: readonly ObstacleSeverity[] = ['low', 'medium', 'high'];

type Props = { obstacles: ObstacleDraft[]; onChange: (obstacles: ObstacleDraft[]) => void; errors: Record<string, string> };

/** Obstacles: text, severity, owner and whether resolved, one group per obstacle. */
export function ObstaclesFieldset({ obstacles, onChange, errors }: Props) {
  const { t } = useTranslation();
  const severityOptions = [
    { value: '', label: t('plan.reportForm.chooseSeverity') },
    ...severities.map((severity) => ({ value: severity, label: t(`plan.severity.${severity}`) })),
  ];
  return (
    <RepeaterFieldset
      legend={t('plan.reportForm.obstacles')}
      hint={t('plan.reportForm.obstaclesHint')}
      emptyText={t('plan.reportForm.noObstacles')}
      items={obstacles}
      onChange={onChange}
      addId={reportFieldIds.obstacles}
      addLabel={t('plan.reportForm.addObstacle')}
      error={errors[reportFieldIds.obstacles]}
      newItem={emptyObstacle}
      firstFieldId={(index) => reportFieldIds.obstacle(index, 'text')}
      rowLegend={(index) => t('plan.reportForm.obstacleN', { n: index + 1 })}
      removeLabel={(index) => t('plan.reportForm.removeObstacle', { n: index + 1 })}
      renderRow={(obstacle, index, update) => {
        const id = (part: 'text' | 'severity' | 'owner' | 'resolved') => reportFieldIds.obstacle(index, part);
        return (
          <>
            <TextAreaField
              id={id('text')}
              label={t('plan.reportForm.obstacleText')}
              rows={3}
              maxLength={2000}
              value={obstacle.text}
              error={errors[id('text')]}
              onChange={(event) => update({ text: event.target.value })}
            />
            <SelectField
              id={id('severity')}
              label={t('plan.reportForm.obstacleSeverity')}
              options={severityOptions}
              value={obstacle.severity}
              error={errors[id('severity')]}
              onChange={(event) => update({ severity: event.target.value as ObstacleSeverity | '' })}
            />
            <TextField
              id={id('owner')}
              label={t('plan.reportForm.obstacleOwner')}
              hint={t('plan.reportForm.obstacleOwnerHint')}
              maxLength={200}
              value={obstacle.owner}
              error={errors[id('owner')]}
              onChange={(event) => update({ owner: event.target.value })}
            />
            <CheckboxField
              id={id('resolved')}
              label={t('plan.reportForm.obstacleResolved')}
              checked={obstacle.resolved}
              error={errors[id('resolved')]}
              onChange={(event) => update({ resolved: event.target.checked })}
            />
          </>
        );
      }}
    />
  );
}
