// Shapes of the plan module's JSON, inferred from the server's zod contract: one source of truth.
// Type-only imports: nothing of the server (nor zod) ends up in the web bundle.
import type { z } from 'zod';
import type {
  actionDetailSchema,
  actionPageSchema,
  actionSummarySchema,
  flagshipSchema,
  goalSchema,
  linkSchema,
  obstacleSchema,
  planSchema,
  reportInputSchema,
  reportSchema,
  sourceSchema,
  stakeholderSchema,
  statusCountsSchema,
  statusSchema,
  textsSchema,
} from '../../../src/modules/plan/plan.schema.ts';
import type { PortalResponse } from './types.ts';

/** A text in some of nl/fr/en: sources often give one language only. */
export type PlanTexts = z.infer<typeof textsSchema>;
export type Plan = z.infer<typeof planSchema>;
export type PlanGoal = z.infer<typeof goalSchema>;
export type PlanFlagship = z.infer<typeof flagshipSchema>;
export type PlanStatus = z.infer<typeof statusSchema>;
export type PlanStakeholder = z.infer<typeof stakeholderSchema>;
export type PlanSource = z.infer<typeof sourceSchema>;
export type ActionSummary = z.infer<typeof actionSummarySchema>;
export type ActionPage = z.infer<typeof actionPageSchema>;
export type ActionDetail = z.infer<typeof actionDetailSchema>;
export type PlanReport = z.infer<typeof reportSchema>;
export type PlanLink = z.infer<typeof linkSchema>;
export type PlanObstacle = z.infer<typeof obstacleSchema>;
export type StatusCounts = z.infer<typeof statusCountsSchema>;
/** The body of PUT /api/v1/plan/actions/{reference}/reports/{year}, as sent. */
export type ReportInput = z.input<typeof reportInputSchema>;
export type StakeholderRole = ActionSummary['stakeholders'][number]['role'];
export type ObstacleSeverity = PlanObstacle['severity'];

/** GET /api/v1/portal, with the plan's adoption date and source that the plan pages show. */
export type PortalWithPlan = PortalResponse & {
  plan: PortalResponse['plan'] & { adopted: string; source: string; translationNotes?: Record<string, string> };
};
