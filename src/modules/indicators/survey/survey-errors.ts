import { HttpProblem } from '../../../platform/errors/problem.ts';

export type SurveyErrorKind =
  | 'empty-file'
  | 'unknown-column'
  | 'not-numeric'
  | 'bad-weight'
  | 'missing-design-value'
  | 'bad-fpc'
  | 'lonely-psu'
  | 'bad-csv'
  | 'no-data';

/**
 * Bad microdata or a design that cannot be estimated. An HttpProblem (400) so a route answers
 * problem+json naming the column; `line` is the file line (header = line 1).
 */
export class SurveyDataError extends HttpProblem {
  constructor(
    readonly kind: SurveyErrorKind,
    message: string,
    readonly column?: string,
    readonly line?: number,
  ) {
    super(400, `survey-${kind}`, message, column ? [{ field: column, reason: message }] : undefined);
    this.name = 'SurveyDataError';
  }
}

/** File line of data row `i` (0-based), assuming one line per record. */
export const lineOf = (i: number) => i + 2;
