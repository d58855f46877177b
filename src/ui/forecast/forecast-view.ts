/**
 * What the Forecast page shows for one run: the user's choices turned into model cells, and
 * the model's outputs totalled over those cells for the entry years the model plans (the next
 * three from today's date, inputs.planningEntryYears), each beside the NQT year its trainees
 * start work. Pure (no DOM), so it is tested in Node with hand-made outputs.
 */
import {
  SECONDARY_SUBJECTS,
  type AcademicYear,
  type Phase,
  type SecondarySubject,
} from '../../data/types.ts';
import {
  DRIVER_NAMES,
  type DeterministicResult,
  type DriverDecomposition,
  type DriverName,
  type ModelInputs,
  entryYearOfNqt,
  entryYearStatus,
  percentilesOf,
  plannedYearIndices,
  type RunSummary,
  type YearStatus,
} from '../../model/index.ts';
import { totalOf, type Percentiles } from './aggregate.ts';

/** Area choice values besides a district code. */
export const WHOLE_REGION = 'region';
export const ENGLAND_NATIONAL = 'national';
export const ALL_SUBJECTS = 'all';

export interface ForecastChoices {
  /** WHOLE_REGION, ENGLAND_NATIONAL or a district code. */
  area: string;
  phase: Phase;
  /** ALL_SUBJECTS or one secondary subject (ignored for primary). */
  subject: typeof ALL_SUBJECTS | SecondarySubject;
  drawCount: number;
  seed: number;
}

export const DEFAULT_CHOICES: ForecastChoices = {
  area: WHOLE_REGION,
  phase: 'secondary',
  subject: ALL_SUBJECTS,
  drawCount: 2000,
  seed: 1,
};

/** The choices as address settings (only those that differ from the defaults). */
export function choicesToSettings(choices: ForecastChoices): Record<string, string | null> {
  const differs = <K extends keyof ForecastChoices>(key: K) =>
    choices[key] === DEFAULT_CHOICES[key] ? null : String(choices[key]);
  return {
    area: differs('area'),
    phase: differs('phase'),
    subject: differs('subject'),
    draws: differs('drawCount'),
    seed: differs('seed'),
  };
}

/**
 * Choices from address settings; a setting that is missing or not one the page offers keeps
 * its default, so an old or mistyped link still opens a forecast.
 */
export function choicesFromSettings(
  read: (name: string) => string | null,
  districtCodes: readonly string[],
  maxDraws: number,
): ForecastChoices {
  const area = read('area');
  const phase = read('phase');
  const subject = read('subject');
  const whole = (text: string | null, max: number) =>
    text !== null && /^\d+$/.test(text) && Number(text) <= max ? Number(text) : undefined;
  return {
    area:
      area !== null && [WHOLE_REGION, ENGLAND_NATIONAL, ...districtCodes].includes(area)
        ? area
        : DEFAULT_CHOICES.area,
    phase: phase === 'primary' || phase === 'secondary' ? phase : DEFAULT_CHOICES.phase,
    subject:
      subject !== null && (SECONDARY_SUBJECTS as readonly string[]).includes(subject)
        ? (subject as SecondarySubject)
        : DEFAULT_CHOICES.subject,
    drawCount: whole(read('draws'), maxDraws) ?? DEFAULT_CHOICES.drawCount,
    seed: whole(read('seed'), 2_147_483_647) ?? DEFAULT_CHOICES.seed,
  };
}

/** Central projection and, when draws were run, the P10/P50/P90 of a total. */
export interface NeedRange extends Partial<Percentiles> {
  central: number;
}

export interface NeedYear {
  /** Projection year index in the model outputs: the NQT year of the entry year. */
  yearIndex: number;
  nqtYear: AcademicYear;
  /** The ITT entry year planned: postgraduate trainees start one year before they qualify. */
  entryYear: AcademicYear;
  /** 'forecast' from published inputs, 'extrapolated' past them. */
  status: YearStatus;
  nqt: NeedRange;
  trainee: NeedRange;
}

/** Why trainee need changed from one entry year to the next (central projection). */
export interface DriverChange {
  from: NeedYear;
  to: NeedYear;
  steps: { driver: DriverName; value: number }[];
}

/** Demand, supply and flows of the central projection (FTE). */
export const FLOW_OUTPUTS = [
  'demand',
  'supply',
  'stockFte',
  'leavers',
  'workingHourLosses',
  'returners',
  'newToSector',
  'otherRouteEntrants',
  'postgraduateEntrants',
  'entrantNeed',
  'shortfall',
] as const;
export type FlowOutput = (typeof FLOW_OUTPUTS)[number];

export interface FlowYear {
  nqtYear: AcademicYear;
  status: 'forecast' | 'extrapolated';
  values: Record<FlowOutput, number>;
}

export interface ForecastView {
  choices: ForecastChoices;
  areaName: string;
  /** District code when one district is chosen. */
  districtCode: string | undefined;
  subjectName: string;
  years: NeedYear[];
  changes: DriverChange[];
  flows: FlowYear[];
}

/** The area cells (`district * groupCount + group`) the choices cover. */
export function selectedAreaCells(inputs: ModelInputs, choices: ForecastChoices): number[] {
  const phaseIndex = choices.phase === 'primary' ? 0 : 1;
  const districts = inputs.districts
    .map((district, index) => ({ code: district.code, index }))
    .filter(
      ({ code }) =>
        choices.area === WHOLE_REGION || choices.area === ENGLAND_NATIONAL || code === choices.area,
    )
    .map(({ index }) => index);
  const cells = [];
  for (const district of districts) {
    for (let group = 0; group < inputs.groupCount; group++) {
      if (inputs.groupPhase[group] !== phaseIndex) continue;
      if (
        choices.phase === 'secondary' &&
        choices.subject !== ALL_SUBJECTS &&
        inputs.groups[group] !== choices.subject
      )
        continue;
      cells.push(district * inputs.groupCount + group);
    }
  }
  return cells;
}

/** Per-draw totals of NQT and trainee need, one array per shown year (kept, not the draws). */
export interface SelectionDraws {
  drawCount: number;
  nqtNeed: Float64Array[];
  traineeNeed: Float64Array[];
}

/** The totals a Monte Carlo run keeps draw by draw for the selection: one per shown year. */
export function selectionTotals(inputs: ModelInputs, areaCells: readonly number[]): number[][] {
  return plannedYearIndices(inputs).map((t) =>
    areaCells.map((areaCell) => areaCell * inputs.yearCount + t),
  );
}

/** The selection's per-draw totals: the first `count` totals of a run (selectionTotals first). */
export function selectionDraws(
  run: Pick<RunSummary, 'drawCount' | 'totalCount' | 'totals'>,
  count = run.totalCount,
): SelectionDraws {
  const perTotal = (values: Float64Array) =>
    Array.from({ length: count }, (_, k) =>
      values.subarray(k * run.drawCount, (k + 1) * run.drawCount),
    );
  return {
    drawCount: run.drawCount,
    nqtNeed: perTotal(run.totals.nqtNeed!),
    traineeNeed: perTotal(run.totals.traineeNeed!),
  };
}

export interface ViewSource {
  inputs: ModelInputs;
  central: DeterministicResult;
  drivers: DriverDecomposition;
  /** Absent when the run had no draws. */
  draws: SelectionDraws | undefined;
}

function range(central: number, totals: Float64Array | undefined): NeedRange {
  return totals && totals.length > 0 ? { central, ...percentilesOf(totals) } : { central };
}

export function buildForecastView(choices: ForecastChoices, source: ViewSource): ForecastView {
  const { inputs, central, drivers, draws } = source;
  const cells = selectedAreaCells(inputs, choices);
  const district = inputs.districts.find((d) => d.code === choices.area);
  const total = (values: Float64Array, t: number) => totalOf(values, inputs, cells, t);
  const years = plannedYearIndices(inputs).map((t, shown): NeedYear => ({
    yearIndex: t,
    nqtYear: inputs.years[t]!,
    entryYear: entryYearOfNqt(inputs.years[t]!),
    status: entryYearStatus(inputs, entryYearOfNqt(inputs.years[t]!)),
    nqt: range(total(central.outputs.nqtNeed, t), draws?.nqtNeed[shown]),
    trainee: range(total(central.outputs.traineeNeed, t), draws?.traineeNeed[shown]),
  }));
  const changes = years.slice(1).map((to, i) => ({
    from: years[i]!,
    to,
    steps: DRIVER_NAMES.map((driver) => ({
      driver,
      value: total(drivers.change[driver], to.yearIndex),
    })),
  }));
  const flows = years.map((year) => {
    const values = {} as Record<FlowOutput, number>;
    for (const name of FLOW_OUTPUTS) values[name] = total(central.outputs[name], year.yearIndex);
    return { nqtYear: year.nqtYear, status: inputs.yearStatus[year.yearIndex]!, values };
  });
  return {
    choices,
    areaName: district?.name ?? inputs.regionName,
    districtCode: district?.code,
    subjectName:
      choices.phase === 'primary'
        ? 'Primary'
        : choices.subject === ALL_SUBJECTS
          ? 'All secondary subjects'
          : choices.subject,
    years,
    changes,
    flows,
  };
}

/** "Sheffield City Region, all secondary subjects", for headings, captions and chart titles. */
export function selectionLabel(view: ForecastView): string {
  const what =
    view.choices.phase === 'primary'
      ? 'primary'
      : view.choices.subject === ALL_SUBJECTS
        ? 'all secondary subjects'
        : `secondary ${view.subjectName}`;
  return `${view.areaName}, ${what}`;
}
