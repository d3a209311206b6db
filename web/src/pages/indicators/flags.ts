import type { Flag } from '../../api/indicator-types.ts';

/** Eurostat's flags in the order the legend lists them (the server's flagCodes; kept here so zod stays out of the bundle). */
export const flagOrder: readonly Flag[] = ['b', 'u', 'e', 'p', 'c', 'd', 'n', 'r', 's', 'z'];

/** The flags that occur in some rows, in legend order. */
export function flagsIn(rows: readonly { flags: readonly Flag[] }[]): Flag[] {
  return flagOrder.filter((flag) => rows.some((row) => row.flags.includes(flag)));
}
