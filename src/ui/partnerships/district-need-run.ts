/**
 * The district forecast behind the Partnerships page: the supply model's Monte Carlo run in
 * the worker pool (never on the main thread), its NQT need summarised to P10/P50/P90 per
 * district, subject group and year in the workers, then filed under entry years.
 */
import type { RegionDataset } from '../../data/types.ts';
import { buildModelInputs, defaultParameters } from '../../model/index.ts';
import {
  districtNeedFromModel,
  forecastEntryYears,
  type DistrictNeed,
} from '../../partnerships/index.ts';
import type { ModelPool } from '../../runtime/model-pool.ts';
import type { AcademicYear } from '../../data/academic-year.ts';

/** Seeded, so every device and every reload shows the same figures. */
export const FORECAST_RUN = { seed: 20_240, drawCount: 500 } as const;

export interface DistrictNeedRun {
  need: DistrictNeed[];
  entryYears: AcademicYear[];
  /** The model's base year: the latest with published teacher numbers. */
  baseYear: AcademicYear;
  drawCount: number;
  seed: number;
}

/** What the page needs of a pool (a ModelPool, or a stand-in in tests). */
export type NeedPool = Pick<ModelPool, 'runSummary'>;

export async function runDistrictNeed(
  dataset: RegionDataset,
  pool: NeedPool,
  options: {
    /** The date the plan is made on. */
    today: Date;
    signal?: AbortSignal;
    onProgress?: (drawsDone: number, drawCount: number) => void;
  },
): Promise<DistrictNeedRun> {
  // Building the inputs is a small bookkeeping step; the simulation runs in the workers.
  const inputs = buildModelInputs(dataset, defaultParameters(dataset, options.today));
  const run = await pool.runSummary(inputs, {
    ...FORECAST_RUN,
    outputs: ['nqtNeed'],
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const summary = run.ranges.nqtNeed;
  if (summary === undefined) throw new Error('The model run returned no NQT need.');
  return {
    need: districtNeedFromModel(inputs, summary),
    entryYears: forecastEntryYears(inputs),
    baseYear: inputs.baseYear,
    ...FORECAST_RUN,
  };
}
