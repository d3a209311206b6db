import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { CatalogOffer } from '../../api/catalog-types.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { currentLanguage, currentLanguageTag } from '../../i18n/index.ts';
import { formatDate, formatNumber, formatPrice, pickText } from './catalog-format.ts';
import { incentiveLabelKey, incentiveReason } from './catalog-incentives.ts';
import { EscoAttributionNote } from './esco-attribution.tsx';
import { OfferJsonLd } from './offer-jsonld.tsx';
import { SyntheticNotice } from './synthetic-notice.tsx';

/** /catalog/offers/:id: everything about one offer. */
export function OfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const offer = useApi<CatalogOffer>(`/api/v1/catalog/offers/${encodeURIComponent(id)}`);
  if (offer.state === 'error' && offer.error instanceof ApiError && (offer.error.status === 404 || offer.error.status === 400)) {
    return (
      <>
        <PageHeading>{t('catalog.offer.notFoundTitle')}</PageHeading>
        <p>{t('catalog.offer.notFound')}</p>
        <p>
          <Link to="/catalog">{t('catalog.offer.backToSearch')}</Link>
        </p>
      </>
    );
  }
  if (offer.state !== 'ready') {
    return (
      <>
        <PageHeading>{t('catalog.offer.loadingTitle')}</PageHeading>
        <LoadStatus state={offer.state} onRetry={offer.reload} />
      </>
    );
  }
  return <OfferView offer={offer.data} />;
}

const today = () => new Date().toISOString().slice(0, 10);

function OfferView({ offer }: { offer: CatalogOffer }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const language = currentLanguage();
  const locale = currentLanguageTag();
  const title = pickText(offer.title, language) ?? { text: t('catalog.offer.untitled'), lang: language };
  const summary = pickText(offer.summary, language);
  const description = pickText(offer.description, language);
  const langOf = (lang: string) => (lang !== language ? lang : undefined);
  const canEdit = user && (user.role === 'admin' || (user.role === 'provider' && user.providerId === offer.provider.id));
  const notGiven = t('catalog.offer.notGiven');
  const duration = [
    offer.contactHours !== null ? t('catalog.offer.hours', { n: formatNumber(offer.contactHours, locale) }) : null,
    offer.studyCredits !== null ? t('catalog.offer.credits', { n: formatNumber(offer.studyCredits, locale) }) : null,
  ].filter(Boolean);

  return (
    <>
      <OfferJsonLd id={offer.id} />
      <p className="breadcrumb">
        <Link to="/catalog">{t('catalog.offer.backToSearch')}</Link>
      </p>
      <PageHeading lang={langOf(title.lang)}>{title.text}</PageHeading>
      {offer.synthetic && <SyntheticNotice single />}
      {offer.status !== 'published' && (
        <p className="notice">
          {t('catalog.offer.statusNotice', { status: t(`catalog.values.status.${offer.status}`) })}
        </p>
      )}
      {summary && (
        <p className="lead" lang={langOf(summary.lang)}>
          {summary.text}
        </p>
      )}
      {canEdit && (
        <p>
          <Link to={`/catalog/my-offers/${offer.id}/edit`} className="button button--secondary">
            {t('catalog.offer.edit')}
          </Link>
        </p>
      )}

      <section aria-labelledby="offer-facts">
        <h2 id="offer-facts">{t('catalog.offer.factsHeading')}</h2>
        <dl className="facts">
          <Fact term={t('catalog.offer.provider')}>
            {offer.provider.name} ({t(`catalog.values.providerKind.${offer.provider.kind}`)})
          </Fact>
          <Fact term={t('catalog.offer.kind')}>{t(`catalog.values.kind.${offer.kind}`)}</Fact>
          <Fact term={t('catalog.offer.level')}>{offer.levelEqf !== null ? t('catalog.levelValue', { level: offer.levelEqf }) : notGiven}</Fact>
          <Fact term={t('catalog.offer.language')}>{t(`catalog.values.language.${offer.language}`)}</Fact>
          <Fact term={t('catalog.offer.format')}>{t(`catalog.values.format.${offer.format}`)}</Fact>
          <Fact term={t('catalog.offer.duration')}>{duration.length ? duration.join(', ') : notGiven}</Fact>
          <Fact term={t('catalog.offer.price')}>{formatPrice(offer.priceEur, locale, t)}</Fact>
          <Fact term={t('catalog.offer.priceIncludes')}>{offer.priceIncludes ?? notGiven}</Fact>
          <Fact term={t('catalog.offer.shortage')}>{offer.shortage ? t('catalog.offer.shortageYes') : t('catalog.offer.shortageNo')}</Fact>
          <Fact term={t('catalog.offer.url')}>
            {offer.url ? (
              <a href={offer.url} rel="noopener noreferrer" className="break-anywhere">
                {offer.url}
              </a>
            ) : (
              notGiven
            )}
          </Fact>
          <Fact term={t('catalog.offer.accessibility')}>{offer.accessibility ?? notGiven}</Fact>
        </dl>
      </section>

      {description && (
        <section aria-labelledby="offer-description">
          <h2 id="offer-description">{t('catalog.offer.descriptionHeading')}</h2>
          <div className="plan-prose" lang={langOf(description.lang)}>
            {description.text.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="offer-incentives">
        <h2 id="offer-incentives">{t('catalog.offer.incentivesHeading')}</h2>
        <ul className="incentive-list">
          {offer.incentives.map((flag) => {
            const reason = incentiveReason(flag, offer, locale, today(), t);
            return (
              <li key={flag.key} className={flag.unlocked ? 'incentive incentive--yes' : 'incentive incentive--no'}>
                <strong>{t(incentiveLabelKey(flag.key))}</strong>: {flag.unlocked ? t('catalog.offer.unlocked') : t('catalog.offer.notUnlocked')}{' '}
                <span lang={reason.lang}>({reason.text})</span>
              </li>
            );
          })}
        </ul>
        <p className="muted">{t('catalog.offer.incentivesNote')}</p>
        <p>
          <Link to={`/signpost?offer=${encodeURIComponent(offer.id)}`}>{t('catalog.offer.signpostLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="offer-places">
        <h2 id="offer-places">{t('catalog.offer.placesHeading')}</h2>
        {offer.locations.length === 0 ? (
          <p>{offer.format === 'online' ? t('catalog.offer.onlineOnly') : notGiven}</p>
        ) : (
          <ul>
            {offer.locations.map((l) => (
              <li key={`${l.postalCode}-${l.place}`}>
                {l.postalCode} {l.place}
                {l.province ? ` (${l.province})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="offer-sessions">
        <h2 id="offer-sessions">{t('catalog.offer.sessionsHeading')}</h2>
        {offer.sessions.length === 0 ? (
          <p>{t('catalog.offer.noSessions')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="offer-sessions-caption" tabIndex={0}>
            <table className="table table--compact offer-sessions">
              <caption id="offer-sessions-caption">{t('catalog.offer.sessionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.offer.sessionStart')}</th>
                  <th scope="col">{t('catalog.offer.sessionEnd')}</th>
                  <th scope="col">{t('catalog.offer.sessionSchedule')}</th>
                  <th scope="col">{t('catalog.offer.sessionPlace')}</th>
                  <th scope="col">{t('catalog.offer.sessionSeats')}</th>
                </tr>
              </thead>
              <tbody>
                {offer.sessions.map((s, index) => (
                  <tr key={`${s.startsOn}-${index}`}>
                    <td>{formatDate(s.startsOn, locale)}</td>
                    <td>{formatDate(s.endsOn, locale)}</td>
                    <td>{t(`catalog.values.schedule.${s.schedule}`)}</td>
                    <td>{s.postalCode ?? notGiven}</td>
                    <td className="numeric">{s.seatsLeft ?? notGiven}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="offer-skills">
        <h2 id="offer-skills">{t('catalog.offer.skillsHeading')}</h2>
        {offer.skills.length === 0 ? (
          <p>{notGiven}</p>
        ) : (
          <ul className="offer-skills">
            {offer.skills.map((s) => (
              <li key={s.uri} lang={s.label && s.labelLang && s.labelLang !== language ? s.labelLang : undefined}>
                {s.label ?? s.uri}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('catalog.offer.occupationsHeading')}</h3>
        {offer.occupations.length === 0 ? (
          <p>{notGiven}</p>
        ) : (
          <ul className="offer-occupations">
            {offer.occupations.map((o) => (
              <li key={o.uri} lang={o.label && o.labelLang && o.labelLang !== language ? o.labelLang : undefined}>
                {o.label ?? o.uri}
              </li>
            ))}
          </ul>
        )}
        <EscoAttributionNote attribution={offer.esco} />
      </section>

      <section aria-labelledby="offer-export">
        <h2 id="offer-export">{t('catalog.offer.exportHeading')}</h2>
        <ul>
          <li>
            <a href={`/api/v1/catalog/offers/${offer.id}/jsonld`}>{t('catalog.offer.jsonld')}</a>
          </li>
          <li>
            <a href={`/api/v1/catalog/offers/${offer.id}/elm`}>{t('catalog.offer.elm')}</a>
          </li>
        </ul>
        <p className="muted">{t('catalog.offer.updated', { date: formatDate(offer.updatedAt, locale) })}</p>
      </section>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
