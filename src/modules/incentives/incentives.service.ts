import path from 'node:path';
import { rootDir } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors/problem.ts';
import { getOffer } from '../catalog/catalog.service.ts';
import { evaluate, FactsError, nextQuestions, validateFacts, type IncentiveRule } from './engine/index.ts';
import { readIncentiveRules } from './incentive-data.ts';
import type { EvaluateBody, IncentiveSummary } from './incentives.schema.ts';
import { trainingFactsOfOffer } from './offer-facts.ts';

// Signpost on the server: the same engine the browser runs, over the region's rule files. Rules are
// read once per process (they ship with the release; a change needs a restart, like a migration).

const regionDir = (region = process.env.KOERS_REGION || 'flanders') => path.join(rootDir, 'data', region);
let cached: IncentiveRule[] | undefined;
export const incentiveRules = (): IncentiveRule[] => (cached ??= readIncentiveRules(regionDir()));

const today = () => new Date().toISOString().slice(0, 10);

/** The catalogue's incentive facets, by rule id: from Signpost results to the offers they pay for. */
const catalogFacet: Record<string, IncentiveSummary['catalogIncentive']> = {
  'vlaams-opleidingsverlof': 'vov',
  opleidingscheques: 'vouchers',
  opleidingskrediet: 'training-credit',
  'kmo-portefeuille': 'kmo',
};

export function listIncentives(): IncentiveSummary[] {
  return incentiveRules().map((r) => ({
    id: r.id, name: r.name, summary: r.summary, authority: r.authority, level: r.level, beneficiary: r.beneficiary,
    apply: r.apply, catalogIncentive: catalogFacet[r.id] ?? null, sources: r.sources,
  }));
}

function selectRules(body: Pick<EvaluateBody, 'incentives' | 'beneficiary'>): IncentiveRule[] {
  const all = incentiveRules();
  const unknown = (body.incentives ?? []).filter((id) => !all.some((r) => r.id === id));
  if (unknown.length) {
    throw badRequest('Unknown incentive.', unknown.map((id) => ({ field: 'incentives', reason: `no incentive "${id}" (known: ${all.map((r) => r.id).join(', ')})` })));
  }
  return all.filter((r) => (!body.incentives || body.incentives.includes(r.id)) && (!body.beneficiary || r.beneficiary === body.beneficiary));
}

export function evaluateFacts(body: EvaluateBody) {
  const referenceDate = body.referenceDate ?? today();
  let input;
  try {
    input = validateFacts({ referenceDate, facts: body.facts });
  } catch (err) {
    if (err instanceof FactsError) throw badRequest('Some facts are impossible or unknown.', err.errors.map((e) => ({ field: `facts.${e.fact}`, reason: e.reason })));
    throw err;
  }
  const rules = selectRules(body);
  return { referenceDate, results: evaluate(rules, input.facts, referenceDate), nextQuestions: nextQuestions(rules, input.facts, referenceDate) };
}

/** The training facts a published offer answers (anyone may read a published offer). */
export async function offerFacts(db: Db, offerId: string, referenceDate = today()) {
  const offer = await getOffer(db, null, offerId);
  const { training, derivedFrom } = trainingFactsOfOffer(offer, referenceDate);
  return {
    offer: { id: offer.id, title: offer.title, provider: offer.provider.name, synthetic: offer.synthetic },
    facts: { training: training as Record<string, string | number | boolean> },
    derivedFrom,
  };
}
