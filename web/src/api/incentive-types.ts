// Signpost types shared with the server; the engine itself runs in the browser (pages/incentives).
export type { IncentiveResult, ConditionTrace, ParameterUse, Status } from '../../../src/modules/incentives/engine/evaluate.ts';
export type { Facts, FactValue, FactInfo } from '../../../src/modules/incentives/engine/facts.schema.ts';
export type { IncentiveRule } from '../../../src/modules/incentives/engine/rule.schema.ts';
export type { IncentiveSummary } from '../../../src/modules/incentives/incentives.schema.ts';

export type OfferFacts = {
  offer: { id: string; title: Record<string, string>; provider: string; synthetic: boolean };
  facts: { training: Record<string, string | number | boolean> };
  derivedFrom: Record<string, string>;
};
