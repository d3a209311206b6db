// Shapes of the indicators module's JSON, inferred from the server's zod contract: one source of truth.
// Type-only imports: nothing of the server (nor zod) ends up in the web bundle.
import type { z } from 'zod';
import type {
  breakdownSchema,
  flagSchema,
  geoSchema,
  headlineSchema,
  indicatorDetailSchema,
  indicatorSummarySchema,
  observationSchema,
  observationsResponseSchema,
  pointSchema,
  rankingRowSchema,
  rankingSchema,
  targetSchema,
  textsSchema,
  trajectorySchema,
} from '../../../src/modules/indicators/indicators.schema.ts';

export type IndicatorTexts = z.infer<typeof textsSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type Dimension = keyof Breakdown;
export type IndicatorTarget = z.infer<typeof targetSchema>;
export type IndicatorPoint = z.infer<typeof pointSchema>;
export type IndicatorHeadline = z.infer<typeof headlineSchema>;
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;
export type IndicatorGeo = z.infer<typeof geoSchema>;
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type Trajectory = z.infer<typeof trajectorySchema>;
export type ObservationsResponse = z.infer<typeof observationsResponseSchema>;
export type RankingRow = z.infer<typeof rankingRowSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type RankingReference = Ranking['references'][number];
/** GET /api/v1/indicators */
export type IndicatorList = { indicators: IndicatorSummary[] };
