import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { SelectField } from '../../components/form-fields.tsx';

/** The years a report can be asked for: the plan period up to this year, and the default, last year. */
export function reportYears(period: { from: number; to: number }, today: Date = new Date()): { years: number[]; initial: number } {
  const last = Math.max(period.from, Math.min(period.to, today.getFullYear()));
  const years = Array.from({ length: last - period.from + 1 }, (_, index) => period.from + index);
  const initial = Math.max(period.from, Math.min(last, today.getFullYear() - 1));
  return { years, initial };
}

/** The annual report (PDF, HTML) in the page's language, the CSV export and, for admins, the import. */
export function PlanDownloads({ period }: { period: { from: number; to: number } }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { years, initial } = reportYears(period);
  const [year, setYear] = useState(String(initial));
  const report = (format: 'pdf' | 'html') => withQuery('/api/v1/plan/report', { year, lang: currentLanguage(), format });

  return (
    <section aria-labelledby="plan-downloads">
      <h2 id="plan-downloads">{t('plan.downloads.heading')}</h2>
      <h3>{t('plan.downloads.reportHeading')}</h3>
      <SelectField
        id="downloads-year"
        label={t('plan.downloads.yearLabel')}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
        value={year}
        onChange={(event) => setYear(event.target.value)}
        className="field__input field__input--short"
      />
      <ul className="link-list downloads">
        <li>
          <a href={report('pdf')} download>
            {t('plan.downloads.reportPdf', { year })}
          </a>
        </li>
        <li>
          <a href={report('html')}>{t('plan.downloads.reportHtml', { year })}</a>
        </li>
      </ul>
      <h3>{t('plan.downloads.dataHeading')}</h3>
      <p>{t('plan.downloads.dataIntro')}</p>
      <ul className="link-list downloads">
        <li>
          <a href="/api/v1/plan/export.csv" download>
            {t('plan.downloads.csv')}
          </a>
        </li>
        <li>
          <a href="/api/v1/plan/export.csv?separator=semicolon" download>
            {t('plan.downloads.csvExcel')}
          </a>
        </li>
        {user?.role === 'admin' && (
          <li>
            <Link to="/plan/import">{t('plan.downloads.importLink')}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
