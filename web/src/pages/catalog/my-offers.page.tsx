import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MyOfferPage } from '../../api/catalog-types.ts';
import type { SessionUser } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { currentLanguage, currentLanguageTag } from '../../i18n/index.ts';
import { formatDate, pickText } from './catalog-format.ts';
import { myOffersApiPath } from './catalog-paths.ts';
import { ProviderOnly } from './provider-only.tsx';
import { ProviderPicker } from './provider-picker.tsx';

/** /catalog/my-offers: a provider's own offers in every status; admins pick the provider. */
export function MyOffersPage() {
  const { t } = useTranslation();
  return <ProviderOnly title={t('catalog.myOffers.title')}>{(user) => <MyOffers user={user} />}</ProviderOnly>;
}

function MyOffers({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const providerId = user.role === 'provider' ? (user.providerId ?? '') : (params.get('provider') ?? '');
  const suffix = user.role === 'admin' && providerId ? `?provider=${encodeURIComponent(providerId)}` : '';
  return (
    <>
      <p className="lead">{t('catalog.myOffers.intro')}</p>
      {user.role === 'admin' && <ProviderPicker value={providerId} onChange={(id) => setParams(id ? { provider: id } : {})} />}
      <div className="button-row">
        <Link to={`/catalog/my-offers/new${suffix}`} className="button">
          {t('catalog.myOffers.new')}
        </Link>
        <Link to={`/catalog/import${suffix}`} className="button button--secondary">
          {t('catalog.myOffers.import')}
        </Link>
      </div>
      {providerId ? <OfferList providerId={providerId} /> : <p>{t('catalog.myOffers.pickFirst')}</p>}
    </>
  );
}

function OfferList({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const list = useApi<MyOfferPage>(myOffersApiPath(providerId));
  const locale = currentLanguageTag();
  if (list.state !== 'ready') return <LoadStatus state={list.state} onRetry={list.reload} />;
  if (list.data.items.length === 0) return <p>{t('catalog.myOffers.none')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="my-offers-caption" tabIndex={0}>
      <table className="table my-offers">
        <caption id="my-offers-caption">{t('catalog.myOffers.caption', { n: list.data.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.myOffers.columns.title')}</th>
            <th scope="col">{t('catalog.myOffers.columns.externalId')}</th>
            <th scope="col">{t('catalog.myOffers.columns.status')}</th>
            <th scope="col">{t('catalog.myOffers.columns.nextStart')}</th>
            <th scope="col">{t('catalog.myOffers.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((offer) => {
            const title = pickText(offer.title, currentLanguage());
            return (
              <tr key={offer.id}>
                <th scope="row">
                  <Link to={`/catalog/offers/${offer.id}`} lang={title && title.lang !== currentLanguage() ? title.lang : undefined}>
                    {title?.text ?? offer.externalId}
                  </Link>
                </th>
                <td>
                  <code>{offer.externalId}</code>
                </td>
                <td>{t(`catalog.values.status.${offer.status}`)}</td>
                <td>{offer.nextStart ? formatDate(offer.nextStart, locale) : t('catalog.offer.notGiven')}</td>
                <td>
                  <Link to={`/catalog/my-offers/${offer.id}/edit`} aria-label={t('catalog.myOffers.editLabel', { title: title?.text ?? offer.externalId })}>
                    {t('catalog.myOffers.edit')}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
