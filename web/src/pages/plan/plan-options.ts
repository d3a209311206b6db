import type { TFunction } from 'i18next';
import type { Plan, PlanTexts } from '../../api/plan-types.ts';
import { currentLanguage, languageTags, pick } from '../../i18n/index.ts';
import { noneValue } from './action-query.ts';
import { planYears } from './plan-format.ts';
import { pickText } from './pick-text.ts';
import type { SelectOption } from '../../components/form-fields.tsx';

function coded(code: string, title: PlanTexts, prefix = ''): SelectOption {
  const picked = pickText(title, currentLanguage());
  return {
    value: code,
    label: [prefix, picked?.text ?? (prefix ? '' : code)].filter(Boolean).join(' '),
    lang: picked && picked.language !== currentLanguage() ? languageTags[picked.language] : undefined,
  };
}

/** The choices of each filter of the action list, each led by an "all" option. */
export function filterOptions(plan: Plan, t: TFunction) {
  const all = (label: string): SelectOption => ({ value: '', label });
  // last: actions with none recorded (what a matrix margin links to)
  const none = (label: string): SelectOption => ({ value: noneValue, label });
  return {
    flagship: [
      all(t('plan.filters.allFlagships')),
      ...plan.flagships.map((f) => coded(f.code, f.title, t('plan.flagship.code', { code: f.code }))),
      none(t('plan.filters.noFlagship')),
    ],
    goal: [all(t('plan.filters.allGoals')), ...plan.goals.map((g) => coded(g.code, g.title, t('plan.goal.code', { code: g.code })))],
    status: [all(t('plan.filters.allStatuses')), ...plan.statuses.map((s) => ({ value: s.key, label: pick(s.name) }))],
    stakeholder: [
      all(t('plan.filters.allStakeholders')),
      ...[...plan.stakeholders]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({ value: s.id, label: s.abbreviation ? `${s.name} (${s.abbreviation})` : s.name })),
    ],
    targetGroup: [all(t('plan.filters.allTargetGroups')), ...plan.targetGroups.map((g) => coded(g.code, g.title)), none(t('plan.filters.noTargetGroup'))],
    theme: [all(t('plan.filters.allThemes')), ...plan.themes.map((th) => coded(th.code, th.title)), none(t('plan.filters.noTheme'))],
    year: [all(t('plan.filters.allYears')), ...planYears(plan).map((year) => ({ value: String(year), label: String(year) }))],
  } satisfies Record<string, SelectOption[]>;
}
