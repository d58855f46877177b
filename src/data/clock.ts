/**
 * Today's date, injectable: the app, the CLIs and the workers plan from the clock, never from
 * the data's base year. Tests pass a fixed clock; the CLIs take `--today YYYY-MM-DD`.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at a calendar date, e.g. fixedClock('2026-12-03'); throws on a bad date. */
export function fixedClock(isoDate: string): Clock {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (!date || date.toISOString().slice(0, 10) !== isoDate.trim()) {
    throw new RangeError(`"${isoDate}" is not a date like 2026-12-03`);
  }
  return () => new Date(date.getTime());
}
