import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form-fields.tsx';
import { RepeaterFieldset } from '../../components/repeater-fieldset.tsx';
import { emptyLink, type LinkDraft } from './report-draft.ts';
import { reportFieldIds } from './report-errors.ts';

type Props = { links: LinkDraft[]; onChange: (links: LinkDraft[]) => void; errors: Record<string, string> };

/** Evidence links: an address and an optional title per row. */
export function EvidenceLinksFieldset({ links, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <RepeaterFieldset
      legend={t('plan.reportForm.evidence')}
      hint={t('plan.reportForm.evidenceHint')}
      emptyText={t('plan.reportForm.noEvidence')}
      items={links}
      onChange={onChange}
      addId={reportFieldIds.links}
      addLabel={t('plan.reportForm.addLink')}
      error={errors[reportFieldIds.links]}
      newItem={emptyLink}
      firstFieldId={(index) => reportFieldIds.link(index, 'url')}
      rowLegend={(index) => t('plan.reportForm.linkN', { n: index + 1 })}
      removeLabel={(index) => t('plan.reportForm.removeLink', { n: index + 1 })}
      renderRow={(link, index, update) => (
        <>
          <TextField
            id={reportFieldIds.link(index, 'url')}
            type="url"
            inputMode="url"
            spellCheck={false}
            label={t('plan.reportForm.linkUrl')}
            hint={t('plan.reportForm.linkUrlHint')}
            value={link.url}
            error={errors[reportFieldIds.link(index, 'url')]}
            onChange={(event) => update({ url: event.target.value })}
          />
          <TextField
            id={reportFieldIds.link(index, 'title')}
            label={t('plan.reportForm.linkTitle')}
            value={link.title}
            maxLength={300}
            error={errors[reportFieldIds.link(index, 'title')]}
            onChange={(event) => update({ title: event.target.value })}
          />
        </>
      )}
    />
  );
}
