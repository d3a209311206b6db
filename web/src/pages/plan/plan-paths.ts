// Web paths of the plan pages (see route-paths.ts), with their parameters encoded.

export function actionPath(reference: string): string {
  return `/plan/actions/${encodeURIComponent(reference)}`;
}

export function reportFormPath(reference: string, year: number): string {
  return `${actionPath(reference)}/reports/${year}`;
}

export function goalPath(code: string): string {
  return `/plan/goals/${encodeURIComponent(code)}`;
}

/** Navigation state the report form leaves behind after saving, for the action page's notice. */
export type SavedReportState = { savedReportYear?: number };
