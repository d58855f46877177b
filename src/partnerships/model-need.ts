/**
 * The supply model's output as the district forecast the partnership core consumes.
 *
 * The model reports NQT need by district, subject group and academic year t (the year the
 * NQTs start work). Postgraduate trainees who meet it enter training a year earlier, so the
 * need of NQT year t is filed under ENTRY year t-1. The partnership forecast covers the entry
 * years the model plans: the next three from today's date (inputs.planningEntryYears; on
 * 3 December 2026, 2027/28 to 2029/30). Earlier entry years are already recruited.
 */
import type { AcademicYear } from '../data/types.ts';
import { entryYearOfNqt, type ModelInputs } from '../model/index.ts';
import type { DistrictNeed } from './partnership-forecast.ts';

/** Entry years the forecast covers: those the model plans whose NQT year it projects. */
export function forecastEntryYears(
  inputs: Pick<ModelInputs, 'planningEntryYears' | 'years'>,
): AcademicYear[] {
  return inputs.planningEntryYears.filter((entry) =>
    inputs.years.some((nqtYear) => entryYearOfNqt(nqtYear) === entry),
  );
}

/** Per-cell values of one model output, in the model's cell order (`cellIndex`). */
export interface CellRanges {
  p10: ArrayLike<number>;
  p50: ArrayLike<number>;
  p90: ArrayLike<number>;
}

/**
 * District need per planned ENTRY year from the model's NQT-need percentiles (P10/P50/P90
 * across Monte Carlo draws, or one deterministic run given as all three). Cells are read in
 * the model's order: (district x group + group) x years + year.
 */
export function districtNeedFromModel(
  inputs: Pick<ModelInputs, 'planningEntryYears' | 'years' | 'groups' | 'cellCount'> & {
    districts: readonly { code: string }[];
  },
  ranges: CellRanges,
): DistrictNeed[] {
  for (const key of ['p10', 'p50', 'p90'] as const) {
    if (ranges[key].length !== inputs.cellCount) {
      throw new Error(
        `model output ${key} has ${ranges[key].length} cells; the model inputs have ${inputs.cellCount}`,
      );
    }
  }
  const entryYears = new Set(forecastEntryYears(inputs));
  const yearCount = inputs.years.length;
  const rows: DistrictNeed[] = [];
  inputs.districts.forEach((district, d) => {
    inputs.groups.forEach((subject, g) => {
      inputs.years.forEach((nqtYear, y) => {
        const year = entryYearOfNqt(nqtYear);
        if (!entryYears.has(year)) return;
        const cell = (d * inputs.groups.length + g) * yearCount + y;
        rows.push({
          districtCode: district.code,
          subject,
          year,
          p10: ranges.p10[cell] ?? Number.NaN,
          p50: ranges.p50[cell] ?? Number.NaN,
          p90: ranges.p90[cell] ?? Number.NaN,
        });
      });
    });
  });
  return rows;
}
