/**
 * The allocation's NQT need from the supply model's central projection, shared by the
 * allocate CLI (which runs the model itself, in Node) and the Allocation page (which runs the
 * same zero-spread draw in the model worker and passes its cells here).
 */
import { cellIndex, type ModelInputs } from '../model/index.ts';
import type { NeedRecord } from './problem.ts';
import { startYearOf } from '../data/academic-year.ts';

export interface ModelNeed {
  need: NeedRecord[];
  /** Start year of the model's first projected year: the first NQT year it has need for. */
  firstYear: number;
}

/** Need records from the model's per-cell NQT need (its cell order, `cellIndex`). */
export function needRecordsFromCells(
  inputs: Pick<
    ModelInputs,
    'districts' | 'groups' | 'years' | 'cellCount' | 'groupCount' | 'yearCount'
  >,
  nqtNeed: ArrayLike<number>,
): ModelNeed {
  if (nqtNeed.length < inputs.cellCount) {
    throw new Error(
      `The model returned NQT need for ${nqtNeed.length} cells; its inputs have ${inputs.cellCount}.`,
    );
  }
  const years = inputs.years.map(startYearOf);
  const need: NeedRecord[] = [];
  inputs.districts.forEach((district, a) => {
    inputs.groups.forEach((subject, g) => {
      years.forEach((nqtYear, t) => {
        need.push({
          districtCode: district.code,
          subject,
          nqtYear,
          teachers: nqtNeed[cellIndex(inputs, a, g, t)]!,
        });
      });
    });
  });
  return { need, firstYear: years[0]! };
}

/** How many entry years an allocation plans for (the rolling three years). */
export const PLANNED_ENTRY_YEAR_COUNT = 3;

/**
 * The entry years to allocate: the first `count` whose postgraduate trainees qualify in a year
 * the model projects (entry year y gives NQTs in y + 1), the same three entry years the
 * Forecast and Partnerships pages show. A later entry year would be planned against need the
 * model has not projected, which the district balance would read as zero.
 */
export function plannedEntryYears(need: ModelNeed, count = PLANNED_ENTRY_YEAR_COUNT): number[] {
  return Array.from({ length: count }, (_, i) => need.firstYear + i);
}
