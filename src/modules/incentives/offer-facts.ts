import type { Offer } from '../catalog/catalog.schema.ts';
import type { TrainingFacts } from './engine/index.ts';

// Which training facts a catalogue offer answers, so a citizen coming from an offer is not asked
// them again. Only what the offer states: the shortage flag is left out on purpose (the catalogue's
// shortage list is illustrative, not the VDAB list), and so is anything the offer cannot know
// (initiative, who pays, the personal development plan).

export function trainingFactsOfOffer(offer: Offer, referenceDate: string): { training: TrainingFacts; derivedFrom: Record<string, string> } {
  const training: TrainingFacts = {};
  const derivedFrom: Record<string, string> = {};
  const db = offer.incentiveDb;
  training.inIncentivesDatabase = !!db && db.validFrom <= referenceDate && (!db.validUntil || db.validUntil >= referenceDate);
  derivedFrom.inIncentivesDatabase = db ? `incentiveDb ${db.id} (${db.validFrom} – ${db.validUntil ?? '…'})` : 'incentiveDb (none)';
  if (offer.contactHours !== null) { training.contactHours = offer.contactHours; derivedFrom.contactHours = 'contactHours'; }
  if (offer.studyCredits !== null) { training.studyCredits = offer.studyCredits; derivedFrom.studyCredits = 'studyCredits'; }
  if (offer.levelEqf !== null) { training.vksLevel = offer.levelEqf; derivedFrom.vksLevel = 'levelEqf'; }
  if (offer.priceEur !== null) { training.costEur = offer.priceEur; derivedFrom.costEur = 'priceEur'; }
  training.providerRegisteredKmo = offer.provider.kmoRegistered;
  derivedFrom.providerRegisteredKmo = 'provider.kmoRegistered';
  // A course or micro-credential leads to no degree; programmes and degrees may, so they are asked.
  if (offer.kind === 'course' || offer.kind === 'micro-credential') { training.degreeKind = 'none'; derivedFrom.degreeKind = `kind (${offer.kind})`; }
  return { training, derivedFrom };
}
