/**
 * Brings returns, the ledger's current allocations, the rules and the forecast together into
 * the per-cell view that the transfer model, the KPIs and the UI use.
 */
import type { Partnership } from '../data/types.ts';
import { CYCLE_MONTHS } from './cycle.ts';
import {
  DEFAULT_RECRUITMENT_CURVE,
  closedDistribution,
  fitCurves,
  forecastFinal,
  type RecruitmentCurve,
} from './forecast.ts';
import type { LedgerState } from './ledger.ts';
import { cellKey, returnsForMonth, type ReturnsContext, type ReturnsState } from './returns.ts';
import {
  closingNotice,
  endOfCycleMonth,
  recruitmentLimit,
  type RedistributionRules,
} from './rules.ts';
import type { TransferCell } from './transfer-model.ts';

export interface CurveChoice {
  curves: RecruitmentCurve[];
  /** Plain-English note for the UI on where the curve came from. */
  description: string;
}

/**
 * The curves a forecast uses: an edited curve when given, else one curve per complete past
 * year in the returns, else the illustrative default.
 */
export function chooseCurves(
  returns: ReturnsState,
  timePeriod: string,
  edited?: RecruitmentCurve,
): CurveChoice {
  if (edited !== undefined)
    return { curves: [edited], description: `${edited.label}: ${edited.method}` };
  const fitted = fitCurves(returns.returns, timePeriod);
  if (fitted !== null) {
    return {
      curves: fitted.years,
      description: `Fitted from ${fitted.years.length} past year${fitted.years.length === 1 ? '' : 's'} of returns; the range mixes the years' curves.`,
    };
  }
  return {
    curves: [DEFAULT_RECRUITMENT_CURVE],
    description: `${DEFAULT_RECRUITMENT_CURVE.label}: ${DEFAULT_RECRUITMENT_CURVE.method}`,
  };
}

export interface TrackingInput {
  returns: ReturnsState;
  /** Current allocations come from here when it has a baseline; else from the returns. */
  ledger: LedgerState | null;
  timePeriod: string;
  monthIndex: number;
  curves: readonly RecruitmentCurve[];
  priorWeight?: number;
  rules: RedistributionRules;
  /** Training capacity by cell key; a cell not listed has no known limit. */
  capacities?: ReadonlyMap<string, number>;
  /** Cold-spot need weight by cell key (default 1). */
  needWeights?: ReadonlyMap<string, number>;
  /** Past recruited / allocated by cell key, the prior for the fill (default 1). */
  trackRecords?: ReadonlyMap<string, number>;
}

export interface TrackingView {
  cells: TransferCell[];
  /** Cells with an allocation in the ledger but no return for the month. */
  missingReturns: string[];
  asOf: string;
  monthName: string;
}

/** Per-cell view of the month: allocation, limit under the rules, forecast and whether still open. */
export function trackingView(input: TrackingInput): TrackingView {
  const asOf = endOfCycleMonth(input.timePeriod, input.monthIndex);
  const month = returnsForMonth(input.returns, input.timePeriod, input.monthIndex);
  const cells: TransferCell[] = [];
  const seen = new Set<string>();
  for (const r of month) {
    const key = cellKey(r.partnershipCode, r.subject);
    seen.add(key);
    const allocation = input.ledger?.allocations.get(key)?.places ?? r.allocation;
    const closed = closingNotice(r.partnershipCode, r.subject, asOf, input.rules);
    const priorMean = allocation * (input.trackRecords?.get(key) ?? 1);
    cells.push({
      partnershipCode: r.partnershipCode,
      partnershipName: r.partnershipName,
      subject: r.subject,
      allocation,
      limit: recruitmentLimit(allocation, r.recruited, input.rules),
      capacity: input.capacities?.get(key) ?? null,
      recruited: r.recruited,
      pendingOffers: Math.max(0, r.offers - r.recruited - r.withdrawn),
      forecast:
        closed === null
          ? forecastFinal(r.recruited, input.monthIndex, priorMean, {
              curves: input.curves,
              ...(input.priorWeight === undefined ? {} : { priorWeight: input.priorWeight }),
            })
          : closedDistribution(r.recruited),
      needWeight: input.needWeights?.get(key) ?? 1,
      open: closed === null,
    });
  }
  const missingReturns = [...(input.ledger?.allocations.keys() ?? [])].filter(
    (key) => !seen.has(key) && (input.ledger?.allocations.get(key)?.places ?? 0) > 0,
  );
  return { cells, missingReturns, asOf, monthName: CYCLE_MONTHS[input.monthIndex - 1] ?? '' };
}

/** What returns are checked against: the dataset's partnerships and today's date. */
export function returnsContextFor(
  partnerships: readonly Pick<Partnership, 'code' | 'name'>[],
  today: Date,
): ReturnsContext {
  return { partnerships: partnerships.map(({ code, name }) => ({ code, name })), today };
}

/**
 * Need weight of each partnership: its employment footprint times the districts' cold-spot
 * weights (1 = average), so a place whose trainees go to cold spots counts for more and one
 * whose trainees mostly leave the region counts for less. `outsideWeight` values the share
 * employed outside the region (0 by default: it does not help the region).
 */
export function partnershipNeedWeights(
  partnerships: readonly Pick<Partnership, 'code' | 'employmentFootprint'>[],
  districtWeights: ReadonlyMap<string, number>,
  outsideWeight = 0,
): Map<string, number> {
  const weights = new Map<string, number>();
  for (const p of partnerships) {
    let weight = 0;
    for (const [area, share] of Object.entries(p.employmentFootprint)) {
      weight += share * (area === 'outside' ? outsideWeight : (districtWeights.get(area) ?? 1));
    }
    weights.set(p.code, weight);
  }
  return weights;
}

/** Spread partnership weights over its cells (the key format trackingView takes). */
export function cellNeedWeights(
  cells: readonly { partnershipCode: string; subject: string }[],
  byPartnership: ReadonlyMap<string, number>,
): Map<string, number> {
  return new Map(
    cells.map((c) => [
      cellKey(c.partnershipCode, c.subject),
      byPartnership.get(c.partnershipCode) ?? 1,
    ]),
  );
}
