import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields.tsx';
import { RepeaterFieldset } from '../../components/repeater-fieldset.tsx';
import { EscoPicker } from './esco-picker.tsx';
import {
  newKey,
  offerFieldIds as ids,
  offerFormats,
  offerKinds,
  offerLanguages,
  schedules,
  textLanguages,
  type OfferDraft,
} from './offer-draft.ts';
import type { Schedule } from '../../api/catalog-types.ts';

type Props = { draft: OfferDraft; onChange: (draft: OfferDraft) => void; errors: Record<string, string> };

/** Every field of an offer, grouped as the API groups them. */
export function OfferFields({ draft, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (key: keyof OfferDraft) => (event: { target: { value: string } }) => set(key, event.target.value as never);
  const langName = (lang: string) => t(`catalog.values.language.${lang}`);

  return (
    <>
      <TextField
        id={ids.externalId}
        label={t('catalog.form.externalId')}
        hint={t('catalog.form.externalIdHint')}
        error={errors[ids.externalId]}
        value={draft.externalId}
        maxLength={100}
        onChange={text('externalId')}
      />

      {textLanguages.map((lang) => (
        <fieldset key={lang} className="fieldset">
          <legend className="fieldset__legend">{t('catalog.form.textsIn', { language: langName(lang) })}</legend>
          <TextField
            id={ids.text('title', lang)}
            label={t('catalog.form.titleIn', { language: langName(lang) })}
            error={errors[ids.text('title', lang)]}
            value={draft.title[lang]}
            maxLength={300}
            lang={lang}
            onChange={(event) => set('title', { ...draft.title, [lang]: event.target.value })}
          />
          <TextAreaField
            id={ids.text('summary', lang)}
            label={t('catalog.form.summaryIn', { language: langName(lang) })}
            error={errors[ids.text('summary', lang)]}
            value={draft.summary[lang]}
            maxLength={1000}
            rows={2}
            lang={lang}
            onChange={(event) => set('summary', { ...draft.summary, [lang]: event.target.value })}
          />
          <TextAreaField
            id={ids.text('description', lang)}
            label={t('catalog.form.descriptionIn', { language: langName(lang) })}
            error={errors[ids.text('description', lang)]}
            value={draft.description[lang]}
            maxLength={10000}
            rows={5}
            lang={lang}
            onChange={(event) => set('description', { ...draft.description, [lang]: event.target.value })}
          />
        </fieldset>
      ))}
      <p className="field__hint">{t('catalog.form.textsHint')}</p>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('catalog.form.aboutLegend')}</legend>
        <SelectField
          id={ids.kind}
          label={t('catalog.form.kind')}
          error={errors[ids.kind]}
          options={offerKinds.map((k) => ({ value: k, label: t(`catalog.values.kind.${k}`) }))}
          value={draft.kind}
          onChange={(event) => set('kind', event.target.value as OfferDraft['kind'])}
        />
        <SelectField
          id={ids.levelEqf}
          label={t('catalog.form.levelEqf')}
          hint={t('catalog.form.levelHint')}
          error={errors[ids.levelEqf]}
          options={[{ value: '', label: t('catalog.form.noLevel') }, ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ value: String(n), label: t('catalog.levelValue', { level: n }) }))]}
          value={draft.levelEqf}
          onChange={text('levelEqf')}
        />
        <SelectField
          id={ids.language}
          label={t('catalog.form.language')}
          error={errors[ids.language]}
          options={offerLanguages.map((l) => ({ value: l, label: langName(l) }))}
          value={draft.language}
          onChange={(event) => set('language', event.target.value as OfferDraft['language'])}
        />
        <SelectField
          id={ids.format}
          label={t('catalog.form.format')}
          error={errors[ids.format]}
          options={offerFormats.map((f) => ({ value: f, label: t(`catalog.values.format.${f}`) }))}
          value={draft.format}
          onChange={(event) => set('format', event.target.value as OfferDraft['format'])}
        />
        <TextField id={ids.contactHours} label={t('catalog.form.contactHours')} error={errors[ids.contactHours]} inputMode="decimal" value={draft.contactHours} onChange={text('contactHours')} />
        <TextField id={ids.studyCredits} label={t('catalog.form.studyCredits')} error={errors[ids.studyCredits]} inputMode="decimal" value={draft.studyCredits} onChange={text('studyCredits')} />
      </fieldset>

      <RepeaterFieldset
        legend={t('catalog.form.locations')}
        hint={t('catalog.form.locationsHint')}
        emptyText={t('catalog.form.noLocations')}
        items={draft.locations}
        onChange={(locations) => set('locations', locations)}
        addId={ids.locations}
        addLabel={t('catalog.form.addLocation')}
        error={errors[ids.locations]}
        newItem={() => ({ key: newKey(), postalCode: '', place: '' })}
        firstFieldId={(index) => ids.location(index, 'postalCode')}
        rowLegend={(index) => t('catalog.form.locationRow', { n: index + 1 })}
        removeLabel={(index) => t('catalog.form.removeLocation', { n: index + 1 })}
        renderRow={(row, index, update) => (
          <>
            <TextField
              id={ids.location(index, 'postalCode')}
              label={t('catalog.form.location.postalCode', { n: index + 1 })}
              error={errors[ids.location(index, 'postalCode')]}
              inputMode="numeric"
              maxLength={4}
              value={row.postalCode}
              onChange={(event) => update({ postalCode: event.target.value })}
            />
            <TextField
              id={ids.location(index, 'place')}
              label={t('catalog.form.location.place', { n: index + 1 })}
              hint={t('catalog.form.placeHint')}
              error={errors[ids.location(index, 'place')]}
              value={row.place}
              maxLength={100}
              onChange={(event) => update({ place: event.target.value })}
            />
          </>
        )}
      />

      <RepeaterFieldset
        legend={t('catalog.form.sessions')}
        hint={t('catalog.form.sessionsHint')}
        emptyText={t('catalog.form.noSessions')}
        items={draft.sessions}
        onChange={(sessions) => set('sessions', sessions)}
        addId={ids.sessions}
        addLabel={t('catalog.form.addSession')}
        error={errors[ids.sessions]}
        newItem={() => ({ key: newKey(), startsOn: '', endsOn: '', schedule: 'evening' as Schedule, seatsLeft: '', postalCode: '' })}
        firstFieldId={(index) => ids.session(index, 'startsOn')}
        rowLegend={(index) => t('catalog.form.sessionRow', { n: index + 1 })}
        removeLabel={(index) => t('catalog.form.removeSession', { n: index + 1 })}
        renderRow={(row, index, update) => (
          <>
            <TextField
              id={ids.session(index, 'startsOn')}
              type="date"
              label={t('catalog.form.session.startsOn', { n: index + 1 })}
              error={errors[ids.session(index, 'startsOn')]}
              value={row.startsOn}
              onChange={(event) => update({ startsOn: event.target.value })}
            />
            <TextField
              id={ids.session(index, 'endsOn')}
              type="date"
              label={t('catalog.form.session.endsOn', { n: index + 1 })}
              error={errors[ids.session(index, 'endsOn')]}
              value={row.endsOn}
              onChange={(event) => update({ endsOn: event.target.value })}
            />
            <SelectField
              id={ids.session(index, 'schedule')}
              label={t('catalog.form.session.schedule', { n: index + 1 })}
              error={errors[ids.session(index, 'schedule')]}
              options={schedules.map((s) => ({ value: s, label: t(`catalog.values.schedule.${s}`) }))}
              value={row.schedule}
              onChange={(event) => update({ schedule: event.target.value as Schedule })}
            />
            <TextField
              id={ids.session(index, 'seatsLeft')}
              label={t('catalog.form.session.seatsLeft', { n: index + 1 })}
              error={errors[ids.session(index, 'seatsLeft')]}
              inputMode="numeric"
              value={row.seatsLeft}
              onChange={(event) => update({ seatsLeft: event.target.value })}
            />
            <TextField
              id={ids.session(index, 'postalCode')}
              label={t('catalog.form.session.postalCode', { n: index + 1 })}
              error={errors[ids.session(index, 'postalCode')]}
              inputMode="numeric"
              maxLength={4}
              value={row.postalCode}
              onChange={(event) => update({ postalCode: event.target.value })}
            />
          </>
        )}
      />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('catalog.form.priceLegend')}</legend>
        <TextField id={ids.priceEur} label={t('catalog.form.priceEur')} hint={t('catalog.form.priceHint')} error={errors[ids.priceEur]} inputMode="decimal" value={draft.priceEur} onChange={text('priceEur')} />
        <TextField id={ids.priceIncludes} label={t('catalog.form.priceIncludes')} error={errors[ids.priceIncludes]} maxLength={500} value={draft.priceIncludes} onChange={text('priceIncludes')} />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('catalog.form.incentivesLegend')}</legend>
        <CheckboxField id={ids.incentiveDb} label={t('catalog.form.inIncentiveDb')} checked={draft.inIncentiveDb} onChange={(event) => set('inIncentiveDb', event.target.checked)} />
        {draft.inIncentiveDb && (
          <>
            <TextField id={ids.incentiveDbId} label={t('catalog.form.incentiveDbId')} error={errors[ids.incentiveDbId]} maxLength={60} value={draft.incentiveDbId} onChange={text('incentiveDbId')} />
            <TextField id={ids.incentiveDbFrom} type="date" label={t('catalog.form.incentiveDbFrom')} error={errors[ids.incentiveDbFrom]} value={draft.incentiveDbFrom} onChange={text('incentiveDbFrom')} />
            <TextField id={ids.incentiveDbUntil} type="date" label={t('catalog.form.incentiveDbUntil')} error={errors[ids.incentiveDbUntil]} value={draft.incentiveDbUntil} onChange={text('incentiveDbUntil')} />
          </>
        )}
        <CheckboxField id={ids.vouchers} label={t('catalog.form.vouchers')} error={errors[ids.vouchers]} checked={draft.vouchers} onChange={(event) => set('vouchers', event.target.checked)} />
        <CheckboxField id={ids.trainingCredit} label={t('catalog.form.trainingCredit')} error={errors[ids.trainingCredit]} checked={draft.trainingCredit} onChange={(event) => set('trainingCredit', event.target.checked)} />
      </fieldset>

      <EscoPicker kind="skills" id={ids.skills} legend={t('catalog.form.skills')} chosen={draft.skills} error={errors[ids.skills]} onChange={(skills) => set('skills', skills)} />
      <EscoPicker kind="occupations" id={ids.occupations} legend={t('catalog.form.occupations')} chosen={draft.occupations} error={errors[ids.occupations]} onChange={(occupations) => set('occupations', occupations)} />

      <TextAreaField id={ids.accessibility} label={t('catalog.form.accessibility')} error={errors[ids.accessibility]} maxLength={2000} rows={3} value={draft.accessibility} onChange={text('accessibility')} />
      <TextField id={ids.url} type="url" label={t('catalog.form.url')} error={errors[ids.url]} maxLength={2000} value={draft.url} onChange={text('url')} />
      <SelectField
        id={ids.status}
        label={t('catalog.form.status')}
        hint={t('catalog.form.statusHint')}
        error={errors[ids.status]}
        options={[
          { value: 'draft', label: t('catalog.values.status.draft') },
          { value: 'published', label: t('catalog.values.status.published') },
        ]}
        value={draft.status}
        onChange={(event) => set('status', event.target.value as OfferDraft['status'])}
      />
    </>
  );
}
