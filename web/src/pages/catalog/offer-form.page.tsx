import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, withQuery } from '../../api/client.ts';
import type { CatalogOffer } from '../../api/catalog-types.ts';
import type { SessionUser } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { loginPathFor } from '../../auth/login-path.ts';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { Forbidden } from '../../components/forbidden.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { draftFromOffer, draftErrors, emptyDraft, inputFromDraft, offerFieldIds, type OfferDraft } from './offer-draft.ts';
import { OfferFields } from './offer-fields.tsx';
import { ProviderOnly } from './provider-only.tsx';
import { ProviderPicker } from './provider-picker.tsx';

/** /catalog/my-offers/new */
export function NewOfferPage() {
  const { t } = useTranslation();
  return <ProviderOnly title={t('catalog.form.newTitle')}>{(user) => <OfferForm user={user} initial={emptyDraft()} />}</ProviderOnly>;
}

/** /catalog/my-offers/:id/edit: its own provider and admins only (others see the forbidden page). */
export function EditOfferPage() {
  const { t } = useTranslation();
  return (
    <ProviderOnly title={t('catalog.form.editTitle')} ownHeading>
      {(user) => <EditOffer user={user} />}
    </ProviderOnly>
  );
}

function EditOffer({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const offer = useApi<CatalogOffer>(`/api/v1/catalog/offers/${encodeURIComponent(id)}`);
  if (offer.state === 'error' && offer.error instanceof ApiError && (offer.error.status === 404 || offer.error.status === 400)) {
    // A draft of another provider is "not found" to this account: both mean it may not edit it.
    return <Forbidden email={user.email} text={t('catalog.form.notYours', { email: user.email })} />;
  }
  if (offer.state === 'ready' && user.role !== 'admin' && offer.data.provider.id !== user.providerId) {
    return <Forbidden email={user.email} text={t('catalog.form.notYours', { email: user.email })} />;
  }
  return (
    <>
      <PageHeading>{t('catalog.form.editTitle')}</PageHeading>
      {offer.state === 'ready' ? <OfferForm user={user} initial={draftFromOffer(offer.data)} offer={offer.data} /> : <LoadStatus state={offer.state} onRetry={offer.reload} />}
    </>
  );
}

type Failure = { kind: 'errors'; errors: SummaryError[]; fields: Record<string, string> } | { kind: 'signedOut' } | null;

function OfferForm({ user, initial, offer }: { user: SessionUser; initial: OfferDraft; offer?: CatalogOffer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState(initial);
  const [provider, setProvider] = useState(offer?.provider.id ?? params.get('provider') ?? '');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!offer && user.role === 'admin' && !provider) {
      const message = t('catalog.form.errors.provider');
      setFailure({ kind: 'errors', errors: [{ message, fieldId: offerFieldIds.provider }], fields: { [offerFieldIds.provider]: message } });
      return;
    }
    setPending(true);
    try {
      const body = inputFromDraft(draft);
      const saved = offer
        ? await api.put<CatalogOffer>(`/api/v1/catalog/offers/${offer.id}`, body)
        : await api.post<CatalogOffer>(withQuery('/api/v1/catalog/offers', { provider: user.role === 'admin' ? provider : undefined }), body);
      void navigate(`/catalog/offers/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setFailure({ kind: 'signedOut' });
      else if (error instanceof ApiError && error.problem.errors?.length) {
        const { fields, summary } = draftErrors(error.problem.errors, t);
        setFailure({ kind: 'errors', errors: summary, fields });
      } else {
        const message = error instanceof ApiError ? (error.problem.detail ?? t('catalog.form.errors.server')) : t('common.networkError');
        setFailure({ kind: 'errors', errors: [{ message }], fields: {} });
      }
    } finally {
      setPending(false);
    }
  }

  if (failure?.kind === 'signedOut') return <Navigate to={loginPathFor(location)} replace />;
  const fieldErrors = failure?.kind === 'errors' ? failure.fields : {};
  return (
    <>
      <p>
        <Link to={offer ? `/catalog/offers/${offer.id}` : '/catalog/my-offers'}>{offer ? t('catalog.form.backToOffer') : t('catalog.form.backToList')}</Link>
      </p>
      {failure?.kind === 'errors' && <ErrorSummary errors={failure.errors} />}
      <form className="form form--wide offer-form" noValidate onSubmit={(event) => void submit(event)}>
        {!offer && user.role === 'admin' && <ProviderPicker value={provider} onChange={setProvider} error={fieldErrors[offerFieldIds.provider]} />}
        <OfferFields draft={draft} onChange={setDraft} errors={fieldErrors} />
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {offer ? t('catalog.form.save') : t('catalog.form.create')}
          </button>
        </div>
        {pending && (
          <p role="status" className="muted">
            {t('catalog.form.saving')}
          </p>
        )}
      </form>
    </>
  );
}
