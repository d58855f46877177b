/**
 * National mode: England as one area, run by the same code from the TWM national inputs
 * (nationalPupilTeacher for pupils and teacher FTE, nationalFlows for rates and counts).
 * With one area its share of national FTE is 1, so national counts enter whole.
 */
import type { RegionDataset } from '../data/types.ts';
import { buildModelInputs, type ModelInputs } from './inputs.ts';
import { runDeterministic, type DeterministicResult } from './monte-carlo.ts';
import { PHASES, type ModelParameters, type ParameterOverrides } from './parameter-types.ts';
import { defaultParameters } from './defaults.ts';
import { resolveParameters } from './parameters.ts';

export const ENGLAND = { code: 'E92000001', name: 'England' };

/** The dataset reduced to England as a single district, from the national TWM series. */
export function nationalDataset(dataset: RegionDataset): RegionDataset {
  const rows = dataset.nationalPupilTeacher;
  return {
    regionName: ENGLAND.name,
    baseYear: dataset.baseYear,
    districts: [
      {
        code: ENGLAND.code,
        name: ENGLAND.name,
        educationLaNumber: 0,
        educationLaCode: ENGLAND.code,
        educationLaName: ENGLAND.name,
        membership: 'national',
      },
    ],
    baselines: PHASES.flatMap((phase) =>
      rows
        .filter((row) => row.phase === phase && row.year === dataset.baseYear)
        .map((row) => ({
          districtCode: ENGLAND.code,
          phase,
          baseYear: row.year,
          pupils: row.pupils,
          teacherFte: row.teacherFte,
          pupilsProvenance: 'published' as const,
          teacherFteProvenance: 'published' as const,
          method: 'TWM file 1: national pupils and teacher FTE.',
        })),
    ),
    pupilProjections: rows
      .filter((row) => dataset.baseYear !== null && row.year > dataset.baseYear)
      .map((row) => ({
        districtCode: ENGLAND.code,
        phase: row.phase,
        year: row.year,
        pupils: row.pupils,
        // TWM file 1 marks its modelled years (projection = Yes); the rest are census outturn.
        counted: !row.projection,
        provenance: 'published' as const,
        method: row.projection
          ? 'TWM file 1: national pupil projection.'
          : 'TWM file 1: national pupils (census outturn).',
      })),
    subjectShares: dataset.subjectShares,
    nationalFlows: dataset.nationalFlows,
    earlierNationalFlows: dataset.earlierNationalFlows,
    nationalPupilTeacher: rows,
    nationalPupilProjections: dataset.nationalPupilProjections,
    ittNewEntrants: dataset.ittNewEntrants,
    qtsAwards: dataset.qtsAwards,
    publishedTraineeNeed: dataset.publishedTraineeNeed,
    partnerships: [],
    partnershipPlans: [],
    schools: [],
    indicators: [],
  };
}

export interface NationalRun {
  parameters: ModelParameters;
  inputs: ModelInputs;
  result: DeterministicResult;
}

/**
 * Runs England as one area. District-level overrides (localLeavers, netMovers) do not apply
 * nationally and are dropped.
 */
export function runNational(
  dataset: RegionDataset,
  today: Date,
  overrides: ParameterOverrides = {},
): NationalRun {
  const england = nationalDataset(dataset);
  const nationalOverrides: ParameterOverrides = { ...overrides, localLeavers: [], netMovers: [] };
  const parameters = resolveParameters(defaultParameters(england, today), nationalOverrides);
  const inputs = buildModelInputs(england, parameters);
  return { parameters, inputs, result: runDeterministic(inputs) };
}
