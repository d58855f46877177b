/**
 * Where a backtest stock error comes from, flow by flow. The model's stock and the outturn
 * stock both obey the stock-flow identity year by year,
 *   S(t) = S(t-1) - leavers(t) - working-hour losses(t) + returners(t) + new to sector(t)
 *          + newly qualified entrants(t) + net movers(t),
 * the outturn's working-hour losses being whatever its published flows leave unexplained (the
 * identity residual, as calibration.ts estimates them). So the error n years ahead splits
 * exactly into the base-year stock difference plus, per flow, the sum over the n years of the
 * model's flow minus the outturn's (outflows with the sign turned, so each part is what the
 * flow added to the forecast's excess over the outturn):
 *   S_m(n) - S_o(n) = [S_m(0) - S_o(0)] + sum_t [-(L_m - L_o) - (H_m - H_o) + (R_m - R_o) + ...]
 * Outturn leavers are the published rate x the outturn stock a year earlier.
 *
 * Besides, `revisions` says how much of it the latest publication's revisions of the origin
 * year alone explain: the earlier publication's figure for the origin year minus the latest's,
 * for every inflow and the leaver rate (x the outturn stock), in each year scored. It is part
 * of the flows' figures, not added to them.
 */
import type { AcademicYear, Phase } from '../data/types.ts';
import type { Outturn } from './backtest-data.ts';
import { phaseGroups, phaseInflow, phaseLeaverRate } from './backtest-measures.ts';
import { STAGE_COUNT, type ModelInputs } from './inputs.ts';
import type { DrawResult } from './monte-carlo.ts';
import type { OutputName } from './simulate.ts';

/** A year's inflows (FTE) of a phase. */
interface Inflows {
  returners: number;
  newToSector: number;
  newlyQualified: number;
}

/** A year's leaver rate and inflows in one publication. */
export interface OriginFigures extends Inflows {
  leaverRate: number;
}

/** One year of outturn: stocks from TWM file 1, the leaver rate and inflows from the flows. */
export interface OutturnYear extends OriginFigures {
  stockBefore: number;
  stock: number;
}

/** One year of a phase's stock and flows (FTE), as the model or the outturn has them. */
export interface YearStockFlows extends Inflows {
  stockBefore: number;
  stock: number;
  leavers: number;
  workingHourLosses: number;
  netMovers: number;
}

/** A stock error split by flow (FTE): what each part added to forecast minus outturn. */
export type StockAttribution = Record<(typeof ATTRIBUTION_PARTS)[number], number> & {
  /** Forecast minus outturn n years ahead: the sum of the parts. */
  total: number;
  /** Of the parts: the latest publication's revisions of the origin year's flows. */
  revisions: number;
};

export const ATTRIBUTION_PARTS = [
  'baseStock',
  'leavers',
  'workingHourLosses',
  'returners',
  'newToSector',
  'newlyQualified',
  'netMovers',
] as const;

/** The outturn's flows of a year, its working-hour losses being the identity residual. */
export function outturnFlows(year: OutturnYear): YearStockFlows {
  const leavers = year.leaverRate * year.stockBefore;
  const inflow = year.returners + year.newToSector + year.newlyQualified;
  return {
    stockBefore: year.stockBefore,
    stock: year.stock,
    leavers,
    workingHourLosses: year.stockBefore - leavers + inflow - year.stock,
    returners: year.returners,
    newToSector: year.newToSector,
    newlyQualified: year.newlyQualified,
    netMovers: 0,
  };
}

/**
 * Splits the error of the model's stock at the end of `model` (years 1..n after the origin)
 * against the outturn of the same years. `earlier` and `latest` are the origin year's figures
 * in the publication the model ran on and in the one it is scored against.
 */
export function attributeStockError(
  model: readonly YearStockFlows[],
  outturn: readonly OutturnYear[],
  earlier: OriginFigures,
  latest: OriginFigures,
): StockAttribution {
  const parts: StockAttribution = {
    total: model.at(-1)!.stock - outturn.at(-1)!.stock,
    baseStock: model[0]!.stockBefore - outturn[0]!.stockBefore,
    leavers: 0,
    workingHourLosses: 0,
    returners: 0,
    newToSector: 0,
    newlyQualified: 0,
    netMovers: 0,
    revisions: 0,
  };
  model.forEach((m, t) => {
    const o = outturnFlows(outturn[t]!);
    parts.leavers -= m.leavers - o.leavers;
    parts.workingHourLosses -= m.workingHourLosses - o.workingHourLosses;
    parts.returners += m.returners - o.returners;
    parts.newToSector += m.newToSector - o.newToSector;
    parts.newlyQualified += m.newlyQualified - o.newlyQualified;
    parts.netMovers += m.netMovers;
    parts.revisions +=
      -(earlier.leaverRate - latest.leaverRate) * o.stockBefore +
      (earlier.returners - latest.returners) +
      (earlier.newToSector - latest.newToSector) +
      (earlier.newlyQualified - latest.newlyQualified);
  });
  return parts;
}

/**
 * The attribution of the central projection's phase stock `t + 1` years after the origin
 * (national mode: one area), or undefined where an outturn figure is missing.
 */
export function phaseStockAttribution(
  inputs: ModelInputs,
  central: DrawResult,
  latest: Outturn,
  earlier: Outturn,
  phase: Phase,
  t: number,
): StockAttribution | undefined {
  const groups = phaseGroups(inputs, phase);
  const Y = inputs.yearCount;
  const sum = (output: OutputName, u: number) =>
    groups.reduce((total, g) => total + central.outputs[output]![g * Y + u]!, 0);
  let baseStock = 0;
  for (const g of groups) {
    for (let k = 0; k < STAGE_COUNT; k++) baseStock += inputs.baseStock[g * STAGE_COUNT + k]!;
  }
  const model: YearStockFlows[] = [];
  const outturn: OutturnYear[] = [];
  for (let u = 0; u <= t; u++) {
    const year = inputs.years[u]!;
    const before = u === 0 ? inputs.baseYear : inputs.years[u - 1]!;
    model.push({
      stockBefore: u === 0 ? baseStock : sum('stockFte', u - 1),
      stock: sum('stockFte', u),
      leavers: sum('leavers', u),
      workingHourLosses: sum('workingHourLosses', u),
      returners: sum('returners', u),
      newToSector: sum('newToSector', u),
      newlyQualified: sum('postgraduateEntrants', u) + sum('otherRouteEntrants', u),
      netMovers: sum('netMovers', u),
    });
    const figures = originFigures(inputs, latest, phase, year);
    const stockBefore = latest.stock(phase, before);
    const stock = latest.stock(phase, year);
    if (!figures || stockBefore === undefined || stock === undefined) return undefined;
    outturn.push({ ...figures, stockBefore, stock });
  }
  const then = originFigures(inputs, earlier, phase, inputs.baseYear);
  const now = originFigures(inputs, latest, phase, inputs.baseYear);
  return then && now ? attributeStockError(model, outturn, then, now) : undefined;
}

/** A phase's leaver rate and inflows of a year in one publication. */
function originFigures(
  inputs: ModelInputs,
  publication: Outturn,
  phase: Phase,
  year: AcademicYear,
): OriginFigures | undefined {
  const leaverRate = phaseLeaverRate(inputs, publication, phase, year);
  const returners = phaseInflow(inputs, publication, phase, 'returners', year);
  const newToSector = phaseInflow(inputs, publication, phase, 'newToSector', year);
  const newlyQualified = phaseInflow(inputs, publication, phase, 'newlyQualified', year);
  if (leaverRate === undefined || returners === undefined) return undefined;
  if (newToSector === undefined || newlyQualified === undefined) return undefined;
  return { leaverRate, returners, newToSector, newlyQualified };
}
