import type { IncentiveFlag } from './catalog.schema.ts';

// Which incentives an offer unlocks, with a short reason each. A first, small rule set: the
// Signpost engine (later) decides for a person; this only reads the offer's recognition.
// - VOV and training vouchers: the offer is in the incentives database (Opleidingsdatabank) with a
//   validity covering today (since 1 Sep 2019 vouchers go to trainings that give right to VOV —
//   ../shared/domain/incentives.md A.1).
// - Training-credit premium: the offer is flagged as recognised for it.
// - KMO-portefeuille: the provider is a registered service provider.

export type IncentiveOffer = { incentiveDb: { id: string; validFrom: string; validUntil: string | null } | null; trainingCredit: boolean };
export type IncentiveProvider = { kmoRegistered: boolean };

export function incentivesOf(offer: IncentiveOffer, provider: IncentiveProvider, today: string): IncentiveFlag[] {
  const db = offer.incentiveDb;
  let listed: { ok: boolean; reason: string };
  if (!db) listed = { ok: false, reason: 'not in the incentives database' };
  else if (db.validFrom > today) listed = { ok: false, reason: `in the incentives database (${db.id}) only from ${db.validFrom}` };
  else if (db.validUntil && db.validUntil < today) listed = { ok: false, reason: `its registration in the incentives database (${db.id}) ended on ${db.validUntil}` };
  else listed = { ok: true, reason: `in the incentives database (${db.id}), valid ${db.validUntil ? `until ${db.validUntil}` : 'without an end date'}` };
  return [
    { key: 'vov', unlocked: listed.ok, reason: listed.reason },
    { key: 'vouchers', unlocked: listed.ok, reason: listed.reason },
    {
      key: 'training-credit',
      unlocked: offer.trainingCredit,
      reason: offer.trainingCredit ? 'recognised for the training-credit premium' : 'not recognised for the training-credit premium',
    },
    {
      key: 'kmo-portefeuille',
      unlocked: provider.kmoRegistered,
      reason: provider.kmoRegistered ? 'the provider is registered for the KMO-portefeuille' : 'the provider is not registered for the KMO-portefeuille',
    },
  ];
}
