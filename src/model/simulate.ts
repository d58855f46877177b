/**
 * The stock-flow kernel: one pass over every district x subject group x projection year, for
 * one set of uncertain inputs (Factors). The deterministic run and every Monte Carlo draw go
 * through this same function, so a draw with zero spread is the deterministic run, bit for bit.
 *
 * Units: demand D and supply C are FTE of teaching capacity (an ECT1 teaching 90% of an FTE
 * adds 0.9); stock S and the flows (leavers, returners, ...) are contract FTE.
 * Demand of the district's phase, with base capacity C_P(0) and base-year shortage rate b:
 *   D_P(t) = D_P(t-1) (1 + e (P(t)/P(t-1) - 1)),  D_P(0) = C_P(0) (1 + b)   elasticity mode
 *   D_P(t) = P(t) / PTR x C_P(0)/S_P(0)                                    explicit PTR mode
 * and of a subject with teaching-hour share q (1 for primary) and base capacity C(0):
 *   D(t)   = D(0) + q (D_P(t) - D_P(0)),  D(0) = C(0) (1 + b)  (PTR mode: D(0) = C(0), D_P(0) = C_P(0))
 * so the base stock meets base demand subject by subject (the TWM assumption) and a change in
 * pupils changes each subject's demand by its share of the hours taught. C(0) is the capacity
 * under the base year's induction rules: a scenario's induction policy changes supply, not
 * the teaching the schools need.
 * Per cell and year t, with stage FTE s_k(t-1) and capacity per FTE cap_k:
 *   L_k    = r_k s_k(t-1)                                 leavers by stage
 *   H_k    = h s_k(t-1)                                   working-hour losses
 *   G      = stayers moving ECT1->ECT2 and ECT2->3-5, times their capacity gain (induction ends)
 *   W(t-1) = min(C(t-1), D(t-1))                          a surplus does not reduce need
 *   E(t)   = [D(t) - W(t-1)] + sum cap_k L_k + sum cap_k H_k - G       entrant need
 *   N(t)   = (E - returners - new to sector - cap_ECT1 x other-route NQs - net movers) / cap_ECT1
 *   T(t)   = N(t) / (FTE per head x completion x employment)  trainees, entry year t-1
 *   Q(t)   = expected postgraduate NQs where recruited, else the plan: max(0, N) of the run
 *            itself in the central projection; in a Monte Carlo draw the central projection's
 *            plan (Factors.plannedEntrants), since intakes are planned on the forecast, not on
 *            the outturn a draw stands for: a draw's error in one year's need is not made good
 *            by that year's intake but carries into the next year's need (so ranges widen
 *            with the horizon, as forecast errors do).
 *   S(t)   = S(t-1) - L - H + returners + new to sector + other routes + Q + net movers
 */
import type { ModelInputs } from './inputs.ts';
import { STAGE_COUNT } from './inputs.ts';

/** Every per-cell output, in the order of the arrays in an OutputSink. */
export const OUTPUT_NAMES = [
  'demand',
  'supply',
  'stockFte',
  'leavers',
  'workingHourLosses',
  'returners',
  'newToSector',
  'otherRouteEntrants',
  'postgraduateEntrants',
  'netMovers',
  'inductionGain',
  'leaversCapacity',
  'workingHourLossesCapacity',
  'shortfall',
  'entrantNeed',
  'nqtNeed',
  'traineeNeed',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** Output arrays by OUTPUT_NAMES position; null = not recorded. */
export type OutputSink = (Float64Array | null)[];

/** The uncertain inputs of one run. Deterministic values = the parameters themselves. */
export interface Factors {
  /** Multiplier of every leaver rate of a group. */
  leaverMultiplier: Float64Array;
  /** Multiplier of returners of a group. */
  returnerMultiplier: Float64Array;
  /** Multiplier of new-to-sector entrants of a group. */
  newToSectorMultiplier: Float64Array;
  /** Multiplier of the recruited cohorts' newly qualified entrants (the pipeline) of a group. */
  pipelineMultiplier: Float64Array;
  /** Elasticity by phase index. */
  elasticity: Float64Array;
  /** Pupils by (district, phase, year), after projection error. */
  pupils: Float64Array;
  completionRate: Float64Array;
  employmentRate: Float64Array;
  /**
   * Postgraduate NQs of the years not yet recruited, by cell, as planned from the central
   * projection (centralPlan); null in the central projection itself, which plans max(0, N).
   */
  plannedEntrants: Float64Array | null;
}

export function deterministicFactors(inputs: ModelInputs): Factors {
  return {
    leaverMultiplier: new Float64Array(inputs.groupCount).fill(1),
    returnerMultiplier: new Float64Array(inputs.groupCount).fill(1),
    newToSectorMultiplier: new Float64Array(inputs.groupCount).fill(1),
    pipelineMultiplier: new Float64Array(inputs.groupCount).fill(1),
    elasticity: inputs.elasticity.slice(),
    pupils: inputs.pupils.slice(),
    completionRate: inputs.completionRate.slice(),
    employmentRate: inputs.employmentRate.slice(),
    plannedEntrants: null,
  };
}

/** The central projection's postgraduate NQs by cell: the intakes a draw's years are planned on. */
export function centralPlan(inputs: ModelInputs): Float64Array {
  const planned = new Float64Array(inputs.cellCount);
  const sink: OutputSink = OUTPUT_NAMES.map((name) =>
    name === 'postgraduateEntrants' ? planned : null,
  );
  simulate(inputs, deterministicFactors(inputs), sink, drawMajor(inputs, 0));
  return planned;
}

/** Base-year values per (district, group): what year 1 starts from. */
export interface BaseValues {
  demand: Float64Array;
  supply: Float64Array;
  stockFte: Float64Array;
}

export function baseValues(inputs: ModelInputs): BaseValues {
  const cells = inputs.districtCount * inputs.groupCount;
  const demand = new Float64Array(cells);
  const supply = new Float64Array(cells);
  const stockFte = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    const a = Math.floor(cell / inputs.groupCount);
    const g = cell % inputs.groupCount;
    const ph = inputs.groupPhase[g]!;
    let stock = 0;
    for (let k = 0; k < STAGE_COUNT; k++) stock += inputs.baseStock[cell * STAGE_COUNT + k]!;
    stockFte[cell] = stock;
    const capacity = baseCapacityOf(inputs, cell);
    supply[cell] = capacity;
    const anchors = demandAnchors(inputs, a, ph, capacity);
    const phaseDemand = phaseDemandOf(inputs, a, ph, inputs.basePupils[a * 2 + ph]!, anchors.phase);
    demand[cell] = Math.max(
      0,
      anchors.cell + inputs.subjectShare[g]! * (phaseDemand - anchors.phase),
    );
  }
  return { demand, supply, stockFte };
}

/** A cell's base-year capacity under the base year's induction rules (inputs.baseStageCapacity). */
function baseCapacityOf(inputs: ModelInputs, area: number): number {
  let capacity = 0;
  for (let k = 0; k < STAGE_COUNT; k++) {
    capacity += inputs.baseStageCapacity[k]! * inputs.baseStock[area * STAGE_COUNT + k]!;
  }
  return capacity;
}

/**
 * Where demand starts: the cell's D(0) and its phase's D_P(0) in the district (see the header).
 * PTR mode anchors on capacity, so a ratio other than the base year's shows as a shortage.
 */
function demandAnchors(inputs: ModelInputs, a: number, ph: number, cellBaseCapacity: number) {
  const phaseCapacity = inputs.phaseBaseCapacity[a * 2 + ph]!;
  if (inputs.demandMode === 1) return { cell: cellBaseCapacity, phase: phaseCapacity };
  const uplift = 1 + inputs.baseShortfallRate[ph]!;
  return { cell: cellBaseCapacity * uplift, phase: phaseCapacity * uplift };
}

/** PTR-mode phase demand for `pupils`; in elasticity mode the anchor (base-year demand). */
function phaseDemandOf(
  inputs: ModelInputs,
  a: number,
  ph: number,
  pupils: number,
  phaseAnchor: number,
): number {
  if (inputs.demandMode === 0) return phaseAnchor;
  const stock = inputs.phaseBaseStock[a * 2 + ph]!;
  const capacityPerFte = stock > 0 ? inputs.phaseBaseCapacity[a * 2 + ph]! / stock : 1;
  return (pupils / inputs.pupilTeacherRatio[ph]!) * capacityPerFte;
}

/**
 * Which areas (district x group, index a * G + g) a run covers, and where it writes: the
 * output of cell c goes to sink[o][offset + c * stride].
 */
export interface SinkLayout {
  areaFrom: number;
  areaTo: number;
  offset: number;
  stride: number;
}

/** Every area of draw d of a draw-major array: [d * cellCount + cell]. */
export function drawMajor(inputs: ModelInputs, d: number): SinkLayout {
  return {
    areaFrom: 0,
    areaTo: inputs.districtCount * inputs.groupCount,
    offset: d * inputs.cellCount,
    stride: 1,
  };
}

/**
 * Runs the model once for the areas of `layout`, writing where it says. No allocation inside:
 * the Monte Carlo calls this once per draw.
 */
export function simulate(
  inputs: ModelInputs,
  factors: Factors,
  sink: OutputSink,
  layout: SinkLayout,
): void {
  const { areaFrom, areaTo, offset, stride } = layout;
  const G = inputs.groupCount;
  const Y = inputs.yearCount;
  const K = STAGE_COUNT;
  const cap0 = inputs.stageCapacity[0]!;
  const cap1 = inputs.stageCapacity[1]!;
  const baseCap0 = inputs.baseStageCapacity[0]!;
  const baseCap1 = inputs.baseStageCapacity[1]!;
  const [
    outDemand,
    outSupply,
    outStock,
    outLeavers,
    outHours,
    outReturners,
    outNewToSector,
    outOther,
    outPostgraduate,
    outMovers,
    outInduction,
    outLeaversCapacity,
    outHoursCapacity,
    outShortfall,
    outEntrantNeed,
    outNqtNeed,
    outTraineeNeed,
  ] = sink;
  const ptrMode = inputs.demandMode === 1;
  // Locals, not property loads, in the hot loop.
  const groupPhase = inputs.groupPhase;
  const baseStock = inputs.baseStock;
  const leaverRates = inputs.leaverRates;
  const hourRates = inputs.workingHourLossRate;
  const progressYears3to5 = inputs.progressYears3to5;
  const progressYears6plus = inputs.progressYears6plus;
  const ftePerHead = inputs.ftePerHead;
  const basePupils = inputs.basePupils;
  const ratios = inputs.pupilTeacherRatio;
  const subjectShare = inputs.subjectShare;
  const phaseBaseStock = inputs.phaseBaseStock;
  const phaseBaseCapacity = inputs.phaseBaseCapacity;
  const returnerFlows = inputs.returners;
  const newToSectorFlows = inputs.newToSector;
  const otherRouteFlows = inputs.otherRouteEntrants;
  const undergraduateFlows = inputs.undergraduateStarts;
  const moverFlows = inputs.netMovers;
  const pipeline = inputs.pipeline;
  const leaverMultipliers = factors.leaverMultiplier;
  const returnerMultipliers = factors.returnerMultiplier;
  const newToSectorMultipliers = factors.newToSectorMultiplier;
  const pipelineMultipliers = factors.pipelineMultiplier;
  const completionRates = factors.completionRate;
  const employmentRates = factors.employmentRate;
  const elasticities = factors.elasticity;
  const drawnPupils = factors.pupils;
  const plannedEntrants = factors.plannedEntrants;

  for (let area = areaFrom; area < areaTo; area++) {
    const a = Math.floor(area / G);
    const g = area - a * G;
    const ph = groupPhase[g]!;
    const stageBase = area * K;
    let s0 = baseStock[stageBase]!;
    let s1 = baseStock[stageBase + 1]!;
    let s2 = baseStock[stageBase + 2]!;
    let s3 = baseStock[stageBase + 3]!;
    let s4 = baseStock[stageBase + 4]!;
    const leaverMultiplier = leaverMultipliers[g]!;
    const r0 = Math.min(1, leaverRates[stageBase]! * leaverMultiplier);
    const r1 = Math.min(1, leaverRates[stageBase + 1]! * leaverMultiplier);
    const r2 = Math.min(1, leaverRates[stageBase + 2]! * leaverMultiplier);
    const r3 = Math.min(1, leaverRates[stageBase + 3]! * leaverMultiplier);
    const r4 = Math.min(1, leaverRates[stageBase + 4]! * leaverMultiplier);
    const hours = hourRates[ph]!;
    // Working-hour losses come from those who stay, so a stage never loses more than it has.
    const h0 = Math.min(hours, 1 - r0);
    const h1 = Math.min(hours, 1 - r1);
    const h2 = Math.min(hours, 1 - r2);
    const h3 = Math.min(hours, 1 - r3);
    const h4 = Math.min(hours, 1 - r4);
    const p35 = progressYears3to5[g]!;
    const p6 = progressYears6plus[g]!;
    const returnerMultiplier = returnerMultipliers[g]!;
    const newToSectorMultiplier = newToSectorMultipliers[g]!;
    const pipelineMultiplier = pipelineMultipliers[g]!;
    const completion = completionRates[g]!;
    const employment = employmentRates[g]!;
    const conversion = ftePerHead[ph]! * completion * employment;
    const elasticity = elasticities[ph]!;
    const pupilBase = (a * 2 + ph) * Y;

    // The stock enters year 1 valued under the base year's induction rules; a scenario's rules
    // apply from year 1, so a change of rules shows as capacity gained or lost in that year.
    let held0 = baseCap0;
    let held1 = baseCap1;
    let capacity = held0 * s0 + held1 * s1 + s2 + s3 + s4;
    const anchors = demandAnchors(inputs, a, ph, baseCapacityOf(inputs, area));
    const hourShare = subjectShare[g]!;
    const phaseStock = phaseBaseStock[a * 2 + ph]!;
    const phaseCapacityPerFte = phaseStock > 0 ? phaseBaseCapacity[a * 2 + ph]! / phaseStock : 1;
    let previousPupils = basePupils[a * 2 + ph]!;
    let phaseDemand = phaseDemandOf(inputs, a, ph, previousPupils, anchors.phase);
    let demand = Math.max(0, anchors.cell + hourShare * (phaseDemand - anchors.phase));

    for (let t = 0; t < Y; t++) {
      const i = area * Y + t;
      const out = offset + i * stride;
      const pupils = drawnPupils[pupilBase + t]!;
      phaseDemand = ptrMode
        ? (pupils / ratios[ph]!) * phaseCapacityPerFte
        : phaseDemand * (1 + elasticity * (previousPupils > 0 ? pupils / previousPupils - 1 : 0));
      const cellDemand = anchors.cell + hourShare * (phaseDemand - anchors.phase);
      const newDemand = cellDemand > 0 ? cellDemand : 0;

      const l0 = r0 * s0;
      const l1 = r1 * s1;
      const l2 = r2 * s2;
      const l3 = r3 * s3;
      const l4 = r4 * s4;
      const leavers = l0 + l1 + l2 + l3 + l4;
      const leaversCapacity = held0 * l0 + held1 * l1 + l2 + l3 + l4;
      const w0 = h0 * s0;
      const w1 = h1 * s1;
      const w2 = h2 * s2;
      const w3 = h3 * s3;
      const w4 = h4 * s4;
      const hourLosses = w0 + w1 + w2 + w3 + w4;
      const hourLossesCapacity = held0 * w0 + held1 * w1 + w2 + w3 + w4;
      const stay0 = s0 - l0 - w0;
      const stay1 = s1 - l1 - w1;
      const stay2 = s2 - l2 - w2;
      const stay3 = s3 - l3 - w3;
      const stay4 = s4 - l4 - w4;
      const inductionGain = stay0 * (cap1 - held0) + stay1 * (1 - held1);

      const returners = returnerFlows[i]! * returnerMultiplier;
      const newToSector = newToSectorFlows[i]! * newToSectorMultiplier;
      const otherRoutes = otherRouteFlows[i]! + undergraduateFlows[i]! * conversion;
      const movers = moverFlows[i]!;

      const metDemand = capacity < demand ? capacity : demand;
      const entrantNeed =
        newDemand - metDemand + leaversCapacity + hourLossesCapacity - inductionGain;
      const nqtNeed = (entrantNeed - returners - newToSector - cap0 * otherRoutes - movers) / cap0;
      const traineeNeed = nqtNeed / conversion;
      const expected = pipeline[i]!;
      const postgraduate = !Number.isNaN(expected)
        ? expected * pipelineMultiplier
        : plannedEntrants
          ? plannedEntrants[i]!
          : Math.max(nqtNeed, 0);

      s4 = stay4 + p6 * stay3;
      s3 = (1 - p6) * stay3 + p35 * stay2 + returners + newToSector + movers;
      s2 = (1 - p35) * stay2 + stay1;
      s1 = stay0;
      s0 = otherRoutes + postgraduate;
      const stock = s0 + s1 + s2 + s3 + s4;
      capacity = cap0 * s0 + cap1 * s1 + s2 + s3 + s4;
      held0 = cap0;
      held1 = cap1;

      if (outDemand) outDemand[out] = newDemand;
      if (outSupply) outSupply[out] = capacity;
      if (outStock) outStock[out] = stock;
      if (outLeavers) outLeavers[out] = leavers;
      if (outHours) outHours[out] = hourLosses;
      if (outReturners) outReturners[out] = returners;
      if (outNewToSector) outNewToSector[out] = newToSector;
      if (outOther) outOther[out] = otherRoutes;
      if (outPostgraduate) outPostgraduate[out] = postgraduate;
      if (outMovers) outMovers[out] = movers;
      if (outInduction) outInduction[out] = inductionGain;
      if (outLeaversCapacity) outLeaversCapacity[out] = leaversCapacity;
      if (outHoursCapacity) outHoursCapacity[out] = hourLossesCapacity;
      if (outShortfall) outShortfall[out] = newDemand > capacity ? newDemand - capacity : 0;
      if (outEntrantNeed) outEntrantNeed[out] = entrantNeed;
      if (outNqtNeed) outNqtNeed[out] = nqtNeed;
      if (outTraineeNeed) outTraineeNeed[out] = traineeNeed;

      demand = newDemand;
      previousPupils = pupils;
    }
  }
}
