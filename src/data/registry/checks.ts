/** Whole-table checks shared by more than one file. */
import type { Located, TableProblem } from '../schemas.ts';

/** Shares within each group must sum to 1 (within 0.001). */
export function sharesSumToOne<Row>(
  rows: readonly Located<Row>[],
  groupOf: (row: Row) => string,
  shareOf: (row: Row) => number,
  column: string,
  what: (group: string) => string,
): TableProblem[] {
  const sums = new Map<string, { sum: number; line: number }>();
  for (const { line, value } of rows) {
    const group = groupOf(value);
    const entry = sums.get(group) ?? { sum: 0, line };
    entry.sum += shareOf(value);
    sums.set(group, entry);
  }
  return [...sums]
    .filter(([, { sum }]) => Math.abs(sum - 1) > 1e-3)
    .map(([group, { sum, line }]) => ({
      line,
      column,
      reason: `${what(group)} sum to ${sum.toFixed(4)}, not 1`,
    }));
}
