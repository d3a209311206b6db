import type { Plan, PlanStatus } from '../../api/plan-types.ts';
import { currentLanguageTag, pick } from '../../i18n/index.ts';

/** 0–100 → "45 %" in the current language, whole numbers. */
export function formatPercent(progress: number): string {
  return new Intl.NumberFormat(currentLanguageTag(), { style: 'percent', maximumFractionDigits: 0 }).format(progress / 100);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguageTag()).format(value);
}

/** The name of a status key in the current language, or the key itself when the catalogue lacks it. */
export function statusName(statuses: readonly PlanStatus[], key: string): string {
  const status = statuses.find((s) => s.key === key);
  return status ? pick(status.name) : key;
}

/** The plan's years, oldest first (2021…2030). */
export function planYears(plan: Pick<Plan, 'period'>): number[] {
  const { from, to } = plan.period;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}

/** The year reports are written for now: this year, kept within the plan's period. */
export function currentPlanYear(period: Plan['period'], today = new Date()): number {
  return Math.min(period.to, Math.max(period.from, today.getFullYear()));
}

/** A DOM id from any code ("K-01", "a") — safe in ids and in aria-labelledby lists. */
export function idFrom(...parts: string[]): string {
  return parts.map((part) => part.replace(/[^A-Za-z0-9_-]/g, '-')).join('-');
}
