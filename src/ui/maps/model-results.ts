/**
 * The district indicators the Maps page adds from the service's own results, worked out from
 * what the other pages use, never duplicated:
 * - forecast NQT need: the supply model's central projection, run in the model worker by
 *   `runAllocationNeed` (the Allocation page's own call);
 * - allocation results: the default allocation built as the Allocation page builds it and
 *   solved in the solver worker;
 * - fill rate: partnership fill rates to date in the recruitment cycle the In-year page opens
 *   with (the bundled ILLUSTRATIVE allocation and returns), read by the same redistribution code:
 *   the latest month returned, each cell's allocation as the partnership reported it and its
 *   recruits so far. Transfers recorded on the In-year page are not applied, so the map shows
 *   the cycle as returned. A few dozen sums, not a simulation, so this part runs on the main
 *   thread;
 * - forecast fill rate: the same cycle's end-of-cycle forecast per cell (the In-year page's
 *   forecast), each cell counting at most its allocation.
 * The first NQT year an allocation can change (its first entry year + 1) is the year mapped.
 */
import { systemClock } from '../../data/clock.ts';
import { describeIssue } from '../../data/issues.ts';
import type { AreaIndicator, Partnership, Provenance, RegionDataset } from '../../data/types.ts';
import { districtFillRate, districtForecastFill } from '../../indicators/fill-rate-indicator.ts';
import {
  allocationIndicators,
  nqtNeedPer1000Pupils,
  pupilCounts,
} from '../../indicators/need-indicators.ts';
import type { SolverClient } from '../../runtime/solver-client.ts';
import type { AllocationNeed } from '../allocation/allocation-need.ts';
import {
  allocationProblem,
  defaultSettings,
  districtWeights,
  readSettings,
} from '../allocation/allocation-settings.ts';
import {
  EMPTY_RETURNS,
  NO_RULES,
  chooseCurves,
  fillRates,
  importAllocationCsv,
  importReturnsCsv,
  latestMonthReached,
  returnsContextFor,
  trackingView,
  type FillRate,
  type TransferCell,
} from '../../redistribution/index.ts';
import type { CycleSources } from '../in-year/in-year-session.ts';
import { fromTimePeriod, nextAcademicYear, type AcademicYear } from '../../data/academic-year.ts';

export interface CycleFillRates {
  byPartnership: FillRate[];
  /** The tracking view's cells: allocation, limit and end-of-cycle forecast per subject. */
  cells: TransferCell[];
  /** The year the cycle's trainees start, e.g. '2025/26'. */
  cycle: string;
  /** The end of the latest month returned, e.g. '31 March 2025'. */
  asAt: string;
  provenance: Provenance;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Throws with the file, row and column of the first problems when a file is bad. */
export function cycleFillRates(
  sources: CycleSources,
  partnerships: readonly Pick<Partnership, 'code' | 'name'>[],
): CycleFillRates {
  const allocation = importAllocationCsv(sources.allocation.text, sources.allocation.fileName);
  if (!allocation.ok) throw new Error(allocation.issues.map(describeIssue).join('\n'));
  const period = allocation.file.timePeriod;
  const context = returnsContextFor(partnerships, systemClock());
  let returns = EMPTY_RETURNS;
  for (const file of sources.returns) {
    const result = importReturnsCsv(returns, file.text, file.fileName, context);
    if (!result.ok) throw new Error(result.issues.map(describeIssue).join('\n'));
    returns = result.state;
  }
  const latest = latestMonthReached({
    returns: returns.returns.filter((r) => r.timePeriod === period),
  });
  if (latest === null) {
    throw new Error(`The returns files hold no returns for the cycle ${period} of the allocation.`);
  }
  const view = trackingView({
    returns,
    ledger: null,
    timePeriod: period,
    monthIndex: latest.monthIndex,
    curves: chooseCurves(returns, period).curves,
    rules: NO_RULES,
  });
  return {
    byPartnership: fillRates(view.cells).byPartnership,
    cells: view.cells,
    cycle: fromTimePeriod(period),
    asAt: dateFormat.format(new Date(`${view.asOf}T00:00:00Z`)),
    provenance: sources.illustrative ? 'illustrative' : 'imported',
  };
}

/** The NQT year mapped: the first one the planned entry years' postgraduate trainees reach. */
export function mappedNqtYear(need: Pick<AllocationNeed, 'entryYears'>): AcademicYear {
  const first = need.entryYears[0];
  if (first === undefined) throw new Error('The model gave no entry years to plan for.');
  return nextAcademicYear(first);
}

/** Forecast NQT need per 1,000 pupils: all pupils, then primary and secondary. */
export function needIndicators(region: RegionDataset, need: AllocationNeed): AreaIndicator[] {
  const pupils = pupilCounts(region.baselines, region.pupilProjections);
  const year = mappedNqtYear(need);
  return [undefined, 'primary' as const, 'secondary' as const].map((phase) =>
    nqtNeedPer1000Pupils(region.districts, need.need, pupils, year, phase),
  );
}

/**
 * Solves the allocation with the Allocation page's default settings in the solver worker and
 * maps its district outcomes; throws with the solver's words when there is no checked plan.
 */
export async function solvedAllocationIndicators(
  region: RegionDataset,
  need: AllocationNeed,
  solver: Pick<SolverClient, 'allocate'>,
  signal: AbortSignal,
): Promise<AreaIndicator[]> {
  const settings = defaultSettings(region);
  const { errors, read } = readSettings(region, settings);
  if (!read) throw new Error(errors.map((error) => error.text).join('. '));
  const weights = districtWeights(region, settings.indicatorIds, read.priority);
  const problem = allocationProblem(region, read, weights, need);
  const result = await solver.allocate(problem, read.options, signal);
  if (!result.solution || !result.check?.ok) {
    throw new Error(`The allocation gave no checked plan: ${result.message}`);
  }
  const illustrative = region.partnershipPlans.some((plan) => plan.provenance === 'illustrative');
  return allocationIndicators(
    region.districts,
    result.solution.outcomes,
    pupilCounts(region.baselines, region.pupilProjections),
    mappedNqtYear(need),
    illustrative ? 'illustrative' : 'estimated',
  );
}

/** The fill rate by district in the cycle of `sources`. */
export function fillRateIndicator(region: RegionDataset, sources: CycleSources): AreaIndicator {
  const rates = cycleFillRates(sources, region.partnerships);
  return districtFillRate(region.districts, region.partnerships, rates.byPartnership, rates);
}

/** The forecast fill rate at the end of the cycle by district, in the cycle of `sources`. */
export function forecastFillIndicator(region: RegionDataset, sources: CycleSources): AreaIndicator {
  const rates = cycleFillRates(sources, region.partnerships);
  return districtForecastFill(region.districts, region.partnerships, rates.cells, rates);
}
