import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Facts, FactValue, IncentiveRule, IncentiveSummary, OfferFacts } from '../../api/incentive-types.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { formatDate } from '../../format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { pickText } from '../catalog/catalog-format.ts';
import { FactQuestion } from './fact-question.tsx';
import { answerProblem, factInfo, outcome, withFact, type Beneficiary } from './signpost-engine.ts';
import { SignpostResults } from './signpost-results.tsx';
import { useSignpostAnswers } from './use-signpost-answers.ts';

type RulesReply = { rules: IncentiveRule[]; incentives: IncentiveSummary[] };

/** /signpost: the adaptive questionnaire for citizens (optionally started from a catalogue offer). */
export function SignpostPage() {
  return <Signpost beneficiary="person" />;
}

/** /signpost/employer: the KMO-portefeuille and the federal training-right obligation. */
export function SignpostEmployerPage() {
  return <Signpost beneficiary="employer" />;
}

const today = () => new Date().toISOString().slice(0, 10);

function Signpost({ beneficiary }: { beneficiary: Beneficiary }) {
  const { t } = useTranslation();
  const reply = useApi<RulesReply>('/api/v1/incentives/rules');
  const title = t(beneficiary === 'person' ? 'incentives.title' : 'incentives.employerTitle');
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{t(beneficiary === 'person' ? 'incentives.intro' : 'incentives.employerIntro')}</p>
      <p className="notice signpost-privacy">{t('incentives.privacy')}</p>
      {reply.state === 'ready' ? (
        <Questionnaire key={beneficiary} beneficiary={beneficiary} rules={reply.data.rules} summaries={reply.data.incentives} />
      ) : (
        <LoadStatus state={reply.state} onRetry={reply.reload} />
      )}
      <p>
        <Link to={beneficiary === 'person' ? '/signpost/employer' : '/signpost'}>{t(beneficiary === 'person' ? 'incentives.forEmployers' : 'incentives.forCitizens')}</Link>
      </p>
    </>
  );
}

function Questionnaire({ beneficiary, rules, summaries }: { beneficiary: Beneficiary; rules: IncentiveRule[]; summaries: IncentiveSummary[] }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const offerId = beneficiary === 'person' ? params.get('offer') : null;
  const date = useMemo(today, []);
  const answers = useSignpostAnswers(beneficiary, offerId);
  const { state, update } = answers;
  const [problem, setProblem] = useState<string | null>(null);
  const resultsHeading = useRef<HTMLDivElement>(null);

  const offer = useOfferFacts(offerId, date);
  // Offer facts are filled in once, when they arrive; the user can still change them by answering.
  useEffect(() => {
    if (offer?.state === 'ready' && state.prefilledFrom !== offerId) {
      update((s) => ({ ...s, prefilledFrom: offerId, facts: { ...s.facts, training: { ...offer.data.facts.training, ...(s.facts.training ?? {}) } } }));
    }
  }, [offer, offerId, state.prefilledFrom, update]);

  const { results, deciding, refining } = useMemo(
    () => outcome(rules, beneficiary, state.facts, new Set(state.skipped), date),
    [rules, beneficiary, state.facts, state.skipped, date],
  );
  // Results come as soon as every status is decided; exact amounts are a further, optional step.
  const current = state.editing ?? (state.phase === 'questions' ? (deciding[0] ?? (state.refine ? refining[0] : undefined)) : undefined);
  const showResults = state.phase === 'results' || (state.phase === 'questions' && !current);

  useEffect(() => {
    if (showResults) resultsHeading.current?.querySelector<HTMLElement>('#signpost-results')?.focus();
  }, [showResults]);

  const label = (path: string) => t(`incentives.facts.${path}.label`);
  const value = (path: string) => {
    const [e, k] = path.split('.') as [keyof Facts, string];
    return (state.facts[e] as Record<string, FactValue> | undefined)?.[k];
  };

  function answer(path: string, v: FactValue) {
    const facts = withFact(state.facts, path, v);
    const reason = answerProblem(facts, path, date);
    if (reason) {
      const kind = factInfo(path)?.kind;
      return setProblem(kind === 'date' ? t('incentives.answerDate', { date }) : kind === 'string' ? t('incentives.answerFormat') : t('incentives.answerImpossible', { reason }));
    }
    setProblem(null);
    update((s) => ({ ...s, facts, skipped: s.skipped.filter((f) => f !== path), history: [...s.history, path], editing: undefined }));
  }
  function skip(path: string) {
    setProblem(null);
    update((s) => ({ ...s, facts: withFact(s.facts, path, undefined), skipped: [...new Set([...s.skipped, path])], history: [...s.history, path], editing: undefined }));
  }
  function back() {
    setProblem(null);
    update((s) => {
      const history = s.history.slice(0, -1);
      const last = s.history.at(-1);
      return { ...s, phase: 'questions', history, editing: last, skipped: s.skipped.filter((f) => f !== last) };
    });
  }

  const decided = results.filter((r) => r.status !== 'undetermined').length;
  const prefilled = Object.entries(state.facts.training ?? {}).filter(([k]) => offer?.state === 'ready' && k in offer.data.facts.training);

  return (
    <div className="signpost">
      {offer?.state === 'ready' && (
        <div className="notice">
          <p>
            {t('incentives.fromOffer')} <OfferTitle title={offer.data.offer.title} /> ({offer.data.offer.provider}).
          </p>
          <p>{t('incentives.prefilledIntro')}</p>
          <ul>
            {prefilled.map(([k, v]) => <li key={k}>{t('incentives.prefilled', { fact: label(`training.${k}`), value: showValue(`training.${k}`, v, t) })}</li>)}
          </ul>
          {offer.data.offer.synthetic && <p>{t('incentives.fromOfferSynthetic')}</p>}
        </div>
      )}
      {offer?.state === 'error' && <p className="notice">{t('incentives.fromOfferError')}</p>}
      <p className="muted">{t('incentives.referenceDate', { date: formatDate(date) })}</p>

      {state.phase === 'intro' && (
        <button type="button" className="button" onClick={() => update((s) => ({ ...s, phase: 'questions' }))}>
          {t('incentives.start')}
        </button>
      )}

      {state.phase === 'questions' && current && factInfo(current) && (
        <>
          <p className="signpost-progress" aria-live="polite">
            {t('incentives.progress', { n: state.history.length + 1 })} · {t('incentives.progressDecided', { decided, total: results.length })}
          </p>
          <FactQuestion
            info={factInfo(current)!}
            value={value(current)}
            problem={problem}
            referenceDate={date}
            canGoBack={state.history.length > 0}
            onAnswer={(v) => answer(current, v)}
            onSkip={() => skip(current)}
            onBack={back}
          />
          <p>
            <button type="button" className="button button--link" onClick={() => update((s) => ({ ...s, phase: 'results', editing: undefined }))}>
              {t('incentives.showResults')}
            </button>
          </p>
        </>
      )}

      {showResults && (
        <div ref={resultsHeading}>
          {beneficiary === 'employer' && <p>{t('incentives.obligationNote')}</p>}
          <SignpostResults results={results} summaries={summaries} factLabel={label} />
          <div className="button-row">
            {state.history.length > 0 && (
              <button type="button" className="button button--secondary" onClick={back}>
                {t('incentives.change')}
              </button>
            )}
            {refining.length > 0 && (
              <button type="button" className="button" onClick={() => update((s) => ({ ...s, phase: 'questions', refine: true }))}>
                {t('incentives.results.refine', { count: refining.length })}
              </button>
            )}
            {state.skipped.length > 0 && (
              <button type="button" className="button button--secondary" onClick={() => update((s) => ({ ...s, phase: 'questions', skipped: [] }))}>
                {t('incentives.results.answerMore')}
              </button>
            )}
            <button type="button" className="button button--secondary" onClick={answers.reset}>
              {t('incentives.restart')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function useOfferFacts(offerId: string | null, date: string) {
  const [offer, setOffer] = useState<{ state: 'ready'; data: OfferFacts } | { state: 'error' } | { state: 'loading' } | null>(null);
  useEffect(() => {
    if (!offerId) return setOffer(null);
    let live = true;
    setOffer({ state: 'loading' });
    // The offer is public catalogue data; nothing about the person is sent.
    api.get<OfferFacts>(`/api/v1/incentives/offer-facts/${encodeURIComponent(offerId)}?date=${date}`).then(
      (data) => live && setOffer({ state: 'ready', data }),
      () => live && setOffer({ state: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [offerId, date]);
  return offer;
}

function OfferTitle({ title }: { title: Record<string, string> }) {
  const language = currentLanguage();
  const picked = pickText(title, language);
  return <strong lang={picked && picked.lang !== language ? picked.lang : undefined}>{picked?.text ?? ''}</strong>;
}

function showValue(path: string, v: FactValue, t: ReturnType<typeof useTranslation>['t']): string {
  if (typeof v === 'boolean') return t(v ? 'incentives.yes' : 'incentives.no');
  const info = factInfo(path);
  if (info?.kind === 'enum') return t(`incentives.facts.${path}.options.${String(v)}`);
  if (info?.unit === 'EUR' && typeof v === 'number') return `€ ${v}`;
  return String(v);
}
