/**
 * What the backtest compares in one year: each measure's outturn (latest TWM publication) and
 * how to read the model's figure for it from any draw of a run.
 *
 * - stock: teacher FTE at the end of the year, by phase (TWM file 1);
 * - leavers: FTE by phase; the outturn is the published leaver rate x the previous year's
 *   stock (secondary: each subject's rate weighted by the model's stock shares);
 * - leaver rate by secondary subject: the model's leavers / its stock a year earlier, against
 *   the published rate (subject stocks are not published, their rates are);
 * - returners, new-to-sector entrants: FTE by phase and subject;
 * - newly qualified entrants (postgraduate and other routes): FTE by phase and subject, in the
 *   years whose cohorts are recruited (in planned years the model sets them to the need).
 */
import type { AcademicYear, Phase } from '../data/types.ts';
import type { ModelInputs } from './inputs.ts';
import type { DrawResult } from './monte-carlo.ts';
import type { OutputName } from './simulate.ts';
import type { Outturn } from './backtest-data.ts';
import { STAGE_COUNT } from './inputs.ts';

export type BacktestMeasure =
  'stock' | 'leavers' | 'leaverRate' | 'returners' | 'newToSector' | 'newlyQualified';

export interface MeasureReading {
  measure: BacktestMeasure;
  phase: Phase;
  subject: string;
  outturn: number;
  /** The model's figure in draw d of a run. */
  value(run: DrawResult, d: number): number;
}

const FLOW_TYPES = {
  returners: 'Returners',
  newToSector: 'New to state-funded sector entrants',
  newlyQualified: 'Newly qualified entrants',
} as const;

/** The subject groups of a phase (national mode: group g's cell in year t is g * Y + t). */
export function phaseGroups(inputs: ModelInputs, phase: Phase): number[] {
  const ph = phase === 'primary' ? 0 : 1;
  return inputs.groups.map((_, g) => g).filter((g) => inputs.groupPhase[g] === ph);
}

/** The TWM subject of a group: 'Total' for primary. */
function subjectOf(inputs: ModelInputs, phase: Phase, g: number): string {
  return phase === 'primary' ? 'Total' : inputs.groups[g]!;
}

/** A phase's published leaver rate: secondary subjects' rates weighted by the stock shares. */
export function phaseLeaverRate(
  inputs: ModelInputs,
  outturn: Outturn,
  phase: Phase,
  year: AcademicYear,
): number | undefined {
  return phaseGroups(inputs, phase).reduce<number | undefined>((total, g) => {
    const rate = outturn.flow(phase, subjectOf(inputs, phase, g), 'Total leaver rate', year);
    return total === undefined || rate === undefined
      ? undefined
      : total + rate * inputs.stockShare[g]!;
  }, 0);
}

/** A phase's published count of one inflow: secondary summed over its subjects. */
export function phaseInflow(
  inputs: ModelInputs,
  outturn: Outturn,
  phase: Phase,
  measure: keyof typeof FLOW_TYPES,
  year: AcademicYear,
): number | undefined {
  return phaseGroups(inputs, phase).reduce<number | undefined>((total, g) => {
    const value = outturn.flow(phase, subjectOf(inputs, phase, g), FLOW_TYPES[measure], year);
    return total === undefined || value === undefined ? undefined : total + value;
  }, 0);
}

export function stockAndFlowMeasures(
  inputs: ModelInputs,
  outturn: Outturn,
  t: number,
): MeasureReading[] {
  const year = inputs.years[t]!;
  const previous = t === 0 ? inputs.baseYear : inputs.years[t - 1]!;
  const Y = inputs.yearCount;
  // National mode: one area, so group g's cell in year t is g * Y + t.
  const sum = (run: DrawResult, d: number, output: OutputName, groups: number[], at = t) =>
    groups.reduce((total, g) => total + run.outputs[output]![d * run.cellCount + g * Y + at]!, 0);
  const baseStock = (g: number) => {
    let stock = 0;
    for (let k = 0; k < STAGE_COUNT; k++) stock += inputs.baseStock[g * STAGE_COUNT + k]!;
    return stock;
  };
  const stockBefore = (run: DrawResult, d: number, g: number) =>
    t === 0 ? baseStock(g) : sum(run, d, 'stockFte', [g], t - 1);
  const recruited = (g: number) => !Number.isNaN(inputs.pipeline[g * Y + t]!);

  const readings: MeasureReading[] = [];
  const add = (reading: Omit<MeasureReading, 'outturn'> & { outturn: number | undefined }) => {
    if (reading.outturn !== undefined && reading.outturn > 0) {
      readings.push(reading as MeasureReading);
    }
  };
  for (const phase of ['primary', 'secondary'] as const) {
    const groups = phaseGroups(inputs, phase);
    const subject = (g: number) => subjectOf(inputs, phase, g);
    add({
      measure: 'stock',
      phase,
      subject: 'Total',
      outturn: outturn.stock(phase, year),
      value: (run, d) => sum(run, d, 'stockFte', groups),
    });
    const stockBeforeOutturn = outturn.stock(phase, previous);
    const rateOf = (g: number) => outturn.flow(phase, subject(g), 'Total leaver rate', year);
    const phaseRate = phaseLeaverRate(inputs, outturn, phase, year);
    add({
      measure: 'leavers',
      phase,
      subject: 'Total',
      outturn:
        phaseRate === undefined || stockBeforeOutturn === undefined
          ? undefined
          : phaseRate * stockBeforeOutturn,
      value: (run, d) => sum(run, d, 'leavers', groups),
    });
    for (const measure of ['returners', 'newToSector', 'newlyQualified'] as const) {
      const counted = measure === 'newlyQualified' ? groups.filter(recruited) : groups;
      if (counted.length !== groups.length) continue;
      const type = FLOW_TYPES[measure];
      const outputs: OutputName[] =
        measure === 'newlyQualified' ? ['postgraduateEntrants', 'otherRouteEntrants'] : [measure];
      const model = (run: DrawResult, d: number, of: number[]) =>
        outputs.reduce((total, output) => total + sum(run, d, output, of), 0);
      add({
        measure,
        phase,
        subject: 'Total',
        outturn: phaseInflow(inputs, outturn, phase, measure, year),
        value: (run, d) => model(run, d, groups),
      });
      if (phase === 'secondary') {
        for (const g of groups) {
          add({
            measure,
            phase,
            subject: subject(g),
            outturn: outturn.flow(phase, subject(g), type, year),
            value: (run, d) => model(run, d, [g]),
          });
        }
      }
    }
    if (phase === 'secondary') {
      for (const g of groups) {
        add({
          measure: 'leaverRate',
          phase,
          subject: subject(g),
          outturn: rateOf(g),
          value: (run, d) => sum(run, d, 'leavers', [g]) / stockBefore(run, d, g),
        });
      }
    }
  }
  return readings;
}
