import { useCallback, useEffect, useState } from 'react';
import type { Facts } from '../../api/incentive-types.ts';
import type { Beneficiary } from './signpost-engine.ts';

export type SignpostState = {
  phase: 'intro' | 'questions' | 'results';
  facts: Facts;
  /** facts answered "I don't know" (not asked again until the user asks for the remaining questions) */
  skipped: string[];
  /** the facts asked, in order, for Back */
  history: string[];
  /** a fact the user went back to */
  editing?: string;
  /** the user asked for the questions that make amounts exact */
  refine?: boolean;
  /** the offer whose training facts were filled in */
  prefilledFrom?: string | null;
};

const empty = (): SignpostState => ({ phase: 'intro', facts: {}, skipped: [], history: [] });

/**
 * The answers, kept in this tab only (sessionStorage: a reload keeps them, closing the tab forgets
 * them) and never sent anywhere. Starting from another offer starts afresh.
 */
export function useSignpostAnswers(beneficiary: Beneficiary, offerId: string | null) {
  const key = `koers.signpost.${beneficiary}`;
  const [state, setState] = useState<SignpostState>(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as (SignpostState & { offer?: string | null }) | null;
      if (saved && (saved.offer ?? null) === offerId) return saved;
    } catch {
      // unreadable: start afresh
    }
    return empty();
  });
  useEffect(() => {
    sessionStorage.setItem(key, JSON.stringify({ ...state, offer: offerId }));
  }, [key, state, offerId]);
  const update = useCallback((f: (s: SignpostState) => SignpostState) => setState(f), []);
  const reset = useCallback(() => setState({ ...empty(), phase: 'questions' }), []);
  return { state, update, reset };
}
