// One JSON file per language and area, so each module keeps its own strings; merged here into
// the single i18next namespace the pages use (each file has one top-level key: its area).
import enAdmin from './en/admin.json';
import enCatalog from './en/catalog.json';
import enCore from './en/core.json';
import enIncentives from './en/incentives.json';
import enIndicators from './en/indicators.json';
import enPlan from './en/plan.json';
import frAdmin from './fr/admin.json';
import frCatalog from './fr/catalog.json';
import frCore from './fr/core.json';
import frIncentives from './fr/incentives.json';
import frIndicators from './fr/indicators.json';
import frPlan from './fr/plan.json';
import nlAdmin from './nl/admin.json';
import nlCatalog from './nl/catalog.json';
import nlCore from './nl/core.json';
import nlIncentives from './nl/incentives.json';
import nlIndicators from './nl/indicators.json';
import nlPlan from './nl/plan.json';

type Area = Record<string, unknown>;

/** Merges the area files; two files claiming the same top-level key is a mistake, not an override. */
function merge(...areas: Area[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const area of areas) {
    for (const [key, value] of Object.entries(area)) {
      if (key in merged) throw new Error(`Translation key "${key}" is defined in two locale files`);
      merged[key] = value;
    }
  }
  return merged;
}

export const nl = merge(nlCore, nlPlan, nlAdmin, nlIndicators, nlCatalog, nlIncentives);
export const fr = merge(frCore, frPlan, frAdmin, frIndicators, frCatalog, frIncentives);
export const en = merge(enCore, enPlan, enAdmin, enIndicators, enCatalog, enIncentives);
