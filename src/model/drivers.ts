/**
 * Driver decomposition of trainee need. NQT need is a sum of parts (see simulate.ts), each
 * divided by the ECT1 capacity c0 because one NQT FTE adds c0 of teaching capacity:
 *   N(t) = [ (D(t) - D(t-1))                 demand growth
 *          + (D(t-1) - W(t-1))               under-supply carried forward
 *          + leavers (capacity)              leavers
 *          + working-hour losses (capacity)  working hours
 *          - capacity regained as induction ends   induction
 *          - returners - new to sector - c0 x other-route NQs - net movers ] / c0
 * and trainee need T(t) = N(t) / k(t), k = FTE per head x completion x employment. The change
 * between consecutive projection years splits exactly (up to rounding) as
 *   T(t) - T(t-1) = sum_j [n_j(t) - n_j(t-1)] / k(t)  +  N(t-1) (1/k(t) - 1/k(t-1))
 * where the last term is the conversion driver.
 */
import type { ModelInputs } from './inputs.ts';
import type { DeterministicResult } from './monte-carlo.ts';

export const NEED_COMPONENTS = [
  'demandGrowth',
  'underSupply',
  'leavers',
  'workingHours',
  'induction',
  'returners',
  'newToSector',
  'otherRoutes',
  'netMovers',
] as const;
export type NeedComponent = (typeof NEED_COMPONENTS)[number];

export const DRIVER_NAMES = [...NEED_COMPONENTS, 'conversion'] as const;
export type DriverName = (typeof DRIVER_NAMES)[number];

export interface DriverDecomposition {
  /** Parts of NQT need (FTE) per cell and year; they sum to nqtNeed. */
  components: Record<NeedComponent, Float64Array>;
  /** Parts of the change of trainee need from the previous projection year (NaN in the first year). */
  change: Record<DriverName, Float64Array>;
  /** Trainee need minus the previous year's (NaN in the first year). */
  totalChange: Float64Array;
}

export function decomposeDrivers(
  inputs: ModelInputs,
  result: DeterministicResult,
): DriverDecomposition {
  const { cellCount, yearCount: Y, groupCount: G } = inputs;
  const o = result.outputs;
  const cap0 = inputs.stageCapacity[0]!;
  const components = {} as Record<NeedComponent, Float64Array>;
  for (const name of NEED_COMPONENTS) components[name] = new Float64Array(cellCount);
  const change = {} as Record<DriverName, Float64Array>;
  for (const name of DRIVER_NAMES) change[name] = new Float64Array(cellCount);
  const totalChange = new Float64Array(cellCount);
  const conversion = new Float64Array(cellCount);

  for (let area = 0; area < inputs.districtCount * G; area++) {
    const ph = inputs.groupPhase[area % G]!;
    const g = area % G;
    const k = inputs.ftePerHead[ph]! * inputs.completionRate[g]! * inputs.employmentRate[g]!;
    for (let t = 0; t < Y; t++) {
      const i = area * Y + t;
      conversion[i] = k;
      const previousDemand = t === 0 ? result.base.demand[area]! : o.demand[i - 1]!;
      const previousSupply = t === 0 ? result.base.supply[area]! : o.supply[i - 1]!;
      const met = Math.min(previousDemand, previousSupply);
      components.demandGrowth[i] = (o.demand[i]! - previousDemand) / cap0;
      components.underSupply[i] = (previousDemand - met) / cap0;
      components.leavers[i] = o.leaversCapacity[i]! / cap0;
      components.workingHours[i] = o.workingHourLossesCapacity[i]! / cap0;
      components.induction[i] = -o.inductionGain[i]! / cap0;
      components.returners[i] = -o.returners[i]! / cap0;
      components.newToSector[i] = -o.newToSector[i]! / cap0;
      components.otherRoutes[i] = -o.otherRouteEntrants[i]!;
      components.netMovers[i] = -o.netMovers[i]! / cap0;
    }
    for (let t = 0; t < Y; t++) {
      const i = area * Y + t;
      if (t === 0) {
        for (const name of DRIVER_NAMES) change[name][i] = Number.NaN;
        totalChange[i] = Number.NaN;
        continue;
      }
      for (const name of NEED_COMPONENTS) {
        change[name][i] = (components[name][i]! - components[name][i - 1]!) / conversion[i]!;
      }
      change.conversion[i] = o.nqtNeed[i - 1]! * (1 / conversion[i]! - 1 / conversion[i - 1]!);
      totalChange[i] = o.traineeNeed[i]! - o.traineeNeed[i - 1]!;
    }
  }
  return { components, change, totalChange };
}
