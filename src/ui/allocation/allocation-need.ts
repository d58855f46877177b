/**
 * The NQT need the allocation meets: the supply model's central projection, run as one draw
 * with zero spread in the model worker (bit for bit the deterministic model; the main thread
 * only builds the inputs, a few milliseconds of bookkeeping), then read into need records by
 * the same function the allocate CLI uses.
 */
import { conversionRatesFrom } from '../../allocation/from-dataset.ts';
import { needRecordsFromCells } from '../../allocation/need-from-model.ts';
import type { ConversionRate, NeedRecord } from '../../allocation/problem.ts';
import type { AcademicYear } from '../../data/academic-year.ts';
import { systemClock, type Clock } from '../../data/clock.ts';
import type { RegionDataset } from '../../data/types.ts';
import { buildModelInputs, defaultParameters } from '../../model/index.ts';
import type { ModelPool } from '../../runtime/model-pool.ts';

export interface AllocationNeed {
  need: NeedRecord[];
  /** Entry years allocated: the recruitment cycle open today and the two after it. */
  entryYears: AcademicYear[];
  /** The NQT years the model projects (need for later years is missing, not zero). */
  needYears: AcademicYear[];
  conversionRates: ConversionRate[];
  /** The model's base year, the latest with published teacher numbers. */
  baseYear: string;
}

export async function runAllocationNeed(
  dataset: RegionDataset,
  pool: Pick<ModelPool, 'run'>,
  signal?: AbortSignal,
  clock: Clock = systemClock,
): Promise<AllocationNeed> {
  const parameters = defaultParameters(dataset, clock());
  const inputs = buildModelInputs(dataset, parameters);
  const central = await pool.run(inputs, {
    seed: 1,
    drawCount: 1,
    spread: 0,
    outputs: ['nqtNeed'],
    signal,
  });
  const cells = central.outputs.nqtNeed;
  if (cells === undefined) throw new Error('The model run returned no NQT need.');
  const modelNeed = needRecordsFromCells(inputs, cells);
  return {
    need: modelNeed.need,
    // The entry years the model plans (planningEntryYears of the same clock).
    entryYears: inputs.planningEntryYears,
    needYears: modelNeed.years,
    conversionRates: conversionRatesFrom(parameters.completionRate, parameters.employmentRate),
    baseYear: inputs.baseYear,
  };
}
