import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConditionTrace, IncentiveResult, IncentiveSummary, ParameterUse } from '../../api/incentive-types.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, currentLanguageTag } from '../../i18n/index.ts';
import { obligationRule } from './signpost-engine.ts';

type Props = { results: IncentiveResult[]; summaries: IncentiveSummary[]; factLabel: (path: string) => string };

/** What the person gets, what not and why, and what is still open; every reason with its source. */
export function SignpostResults({ results, summaries, factLabel }: Props) {
  const { t } = useTranslation();
  const groups = [
    { key: 'eligible', items: results.filter((r) => r.status === 'eligible') },
    { key: 'notEligible', items: results.filter((r) => r.status === 'not-eligible') },
    { key: 'undetermined', items: results.filter((r) => r.status === 'undetermined') },
  ] as const;
  const count = (k: (typeof groups)[number]['key']) => groups.find((g) => g.key === k)!.items.length;
  return (
    <section aria-labelledby="signpost-results" className="signpost-results">
      <h2 id="signpost-results" tabIndex={-1}>{t('incentives.results.heading')}</h2>
      <p>
        {t('incentives.results.summary', { eligible: count('eligible'), total: results.length, notEligible: count('notEligible'), undetermined: count('undetermined') })}
      </p>
      {results.some((r) => r.usesUnverifiedValues) && <p className="notice">{t('incentives.unverified')}</p>}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`signpost-${g.key}`}>
          <h3 id={`signpost-${g.key}`}>{t(`incentives.results.${g.key}`)}</h3>
          {g.items.length === 0 ? (
            <p>{t('incentives.results.none')}</p>
          ) : (
            <ul className="signpost-results__list">
              {g.items.map((r) => (
                <li key={r.incentive}>
                  <ResultCard result={r} summary={summaries.find((s) => s.id === r.incentive)} factLabel={factLabel} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

function ResultCard({ result: r, summary, factLabel }: { result: IncentiveResult; summary: IncentiveSummary | undefined; factLabel: (path: string) => string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const locale = currentLanguageTag();
  const headingId = `result-${r.incentive}`;
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  const euro = (n: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(n);
  const outputs = [
    r.amountEur !== undefined ? t('incentives.results.amount', { value: euro(r.amountEur) }) : null,
    r.hours !== undefined ? t('incentives.results.hours', { value: number(r.hours) }) : null,
    r.days !== undefined ? t(r.incentive === obligationRule ? 'incentives.results.daysPerEmployee' : 'incentives.results.days', { value: number(r.days) }) : null,
    r.costToBeneficiaryEur !== undefined ? t('incentives.results.cost', { value: euro(r.costToBeneficiaryEur) }) : null,
    ...Object.entries(r.ranges).map(([key, range]) =>
      range ? `${t(`incentives.results.output.${key}`)}: ${t('incentives.results.range', { min: key.endsWith('Eur') ? euro(range.min) : number(range.min), max: key.endsWith('Eur') ? euro(range.max) : number(range.max) })}` : null,
    ),
  ].filter((x): x is string => !!x);
  const reasons = r.status === 'undetermined' ? r.trace.filter((c) => c.status === 'unknown' && c.kind === 'condition') : r.explanation;
  return (
    <article aria-labelledby={headingId} className={`signpost-result signpost-result--${r.status}`}>
      <h4 id={headingId}>{r.name[lang]}</h4>
      <p className="muted">
        {t(`incentives.level.${r.level}`)} · {t('incentives.results.authority', { authority: r.authority })}
        {r.status === 'eligible' && <> · {t('incentives.results.period', { start: formatDate(r.period.start), end: formatDate(r.period.end) })}</>}
      </p>
      {r.status === 'eligible' && outputs.length > 0 && (
        <ul className="signpost-result__outputs">
          {outputs.map((o) => <li key={o}>{o}</li>)}
        </ul>
      )}
      {reasons.length > 0 && (
        <>
          <p className="signpost-result__why">{t(r.status === 'not-eligible' ? 'incentives.results.whyNot' : r.status === 'eligible' ? 'incentives.results.why' : 'incentives.results.openConditions')}</p>
          <ul>
            {reasons.map((c) => <Reason key={`${c.kind}:${c.id}`} condition={c} />)}
          </ul>
        </>
      )}
      {r.status !== 'not-eligible' && r.missingFacts.length > 0 && (
        <p>{t(r.status === 'eligible' ? 'incentives.results.exactDependsOn' : 'incentives.results.dependsOn', { facts: r.missingFacts.map(factLabel).join('; ') })}</p>
      )}
      {r.unknownParameters.map((p) => (
        <p key={p.name} className="notice">{t('incentives.results.unknownParameter', { reason: p.reason })}</p>
      ))}
      {r.parameters.length > 0 && <Parameters parameters={r.parameters} />}
      {r.status !== 'not-eligible' && (
        <p>
          {r.apply.how[lang]}{' '}
          <a href={r.apply.url} rel="noreferrer">{t('incentives.results.applyLink', { name: r.name[lang] })}</a>
        </p>
      )}
      {r.status !== 'not-eligible' && summary?.catalogIncentive && (
        <p>
          <Link to={`/catalog?incentive=${summary.catalogIncentive}`}>{t('incentives.results.offers', { name: r.name[lang] })}</Link>
        </p>
      )}
    </article>
  );
}

function Reason({ condition: c }: { condition: ConditionTrace }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <li>
      {c.text[lang]}{' '}
      {c.sources.map((url, i) => (
        <a key={url} href={url} rel="noreferrer" className="signpost-source">
          {t('incentives.results.legalSource')}{c.sources.length > 1 ? ` ${i + 1}` : ''}
          <span className="visually-hidden"> ({new URL(url).hostname})</span>
        </a>
      ))}
    </li>
  );
}

function Parameters({ parameters }: { parameters: ParameterUse[] }) {
  const { t } = useTranslation();
  const locale = currentLanguageTag();
  const show = (p: ParameterUse) =>
    typeof p.value === 'number' ? `${new Intl.NumberFormat(locale).format(p.value)} ${p.unit === '1' ? '' : p.unit}`.trim() : String(p.value ?? '?');
  return (
    <details className="signpost-result__parameters">
      <summary>{t('incentives.results.parameters')}</summary>
      <ul>
        {parameters.map((p) => (
          <li key={p.name}>
            <span lang="en">{p.description}</span>: {show(p)} ({t('incentives.results.validFrom', { date: formatDate(p.validFrom) })}){' '}
            {p.toVerify && <span className="badge badge--unverified">{t('incentives.results.toVerify')}</span>}{' '}
            <a href={p.source} rel="noreferrer">{t('incentives.results.source')}<span className="visually-hidden"> ({p.description})</span></a>
          </li>
        ))}
      </ul>
    </details>
  );
}
