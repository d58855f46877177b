/**
 * How far a plan may be from the best possible: its cost against the better of two lower
 * bounds, the linear programme's optimum (fractional places, no minimum cohorts: no plan can
 * cost less) and the bound HiGHS proved in its branch-and-bound search. Either is a valid
 * bound; the higher one is the tighter, so the gap reported is the smaller, and honest.
 */
import { formatNumber } from './words.ts';

export type BoundSource = 'linear programme' | 'branch and bound';

export interface GapReport {
  /** (cost - bound) / cost, 0 when the plan is at the bound. */
  relative: number;
  /** cost - bound, in the objective's units (weighted unmet teachers). */
  absolute: number;
  bound: number;
  boundSource: BoundSource;
}

/** The gap of a plan costing `objective`; null when neither bound is known. */
export function gapAgainstBestBound(
  objective: number,
  lpBound: number | null,
  searchBound: number | null,
): GapReport | null {
  const candidates: [number, BoundSource][] = [];
  if (lpBound !== null && Number.isFinite(lpBound)) candidates.push([lpBound, 'linear programme']);
  if (searchBound !== null && Number.isFinite(searchBound)) {
    candidates.push([searchBound, 'branch and bound']);
  }
  if (candidates.length === 0 || !Number.isFinite(objective)) return null;
  const [bound, boundSource] = candidates.reduce((best, next) => (next[0] > best[0] ? next : best));
  // A bound a hair above the cost is solver tolerance: the plan is at the bound.
  const absolute = Math.max(0, objective - bound);
  const relative =
    absolute <= 1e-9 * Math.max(1, Math.abs(objective)) ? 0 : absolute / Math.abs(objective);
  return { relative, absolute, bound, boundSource };
}

/** "within 0.65% of the best possible (bound from the linear programme)". */
export function gapText(gap: GapReport): string {
  if (gap.relative === 0) return 'at the best possible cost';
  // Below a hundredth of a per cent, say so rather than "0.00%".
  const percent = gap.relative * 100 < 0.01 ? '0.01' : formatNumber(gap.relative * 100);
  return `within ${percent}% of the best possible (bound from the ${gap.boundSource})`;
}
