import { z } from 'zod';
import { locales } from '../../../platform/i18n/localized.ts';
import { PLAN_PERIOD } from '../plan.service.ts';

export const reportFormats = ['pdf', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(PLAN_PERIOD.from)
    .max(PLAN_PERIOD.to)
    .describe(`a year of the plan period, ${PLAN_PERIOD.from}–${PLAN_PERIOD.to}`),
  lang: z.enum(locales).default('nl').describe('language of the headings; data texts fall back nl → en → fr, marked'),
  format: z.enum(reportFormats).default('pdf'),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;
