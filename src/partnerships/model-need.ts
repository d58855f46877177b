/**
 * The supply model's output as the district forecast the partnership core consumes.
 *
 * The model reports NQT need by district, subject group and academic year t (the year the
 * NQTs start work). Postgraduate trainees who meet it enter training a year earlier, so the
 * need of NQT year t is filed under ENTRY year t-1. The partnership forecast covers the
 * three entry years after the model's base year whose NQT year the model projects: with a
 * base year 2024/25 and projections 2025/26 to 2028/29, entry years 2025/26 to 2027/28
 * (entry 2024/25, the base year, has already started).
 */
import type { AcademicYear } from '../data/types.ts';
import type { ModelInputs } from '../model/index.ts';
import type { DistrictNeed } from './partnership-forecast.ts';
import { previousAcademicYear } from '../data/academic-year.ts';

/** How many entry years a partnership forecasts (the rolling allocation's three). */
export const FORECAST_ENTRY_YEARS = 3;

/** Entry years the forecast covers: entry year t-1 of each projected NQT year t after the base year's. */
export function forecastEntryYears(
  inputs: Pick<ModelInputs, 'baseYear' | 'years'>,
  count = FORECAST_ENTRY_YEARS,
): AcademicYear[] {
  return inputs.years
    .map(previousAcademicYear)
    .filter((entryYear) => entryYear > inputs.baseYear)
    .slice(0, count);
}

/** Per-cell values of one model output, in the model's cell order (`cellIndex`). */
export interface CellRanges {
  p10: ArrayLike<number>;
  p50: ArrayLike<number>;
  p90: ArrayLike<number>;
}

/**
 * District need per ENTRY year from the model's NQT-need percentiles (P10/P50/P90 across
 * Monte Carlo draws, or one deterministic run given as all three). Cells are read in the
 * model's order: (district x group + group) x years + year.
 */
export function districtNeedFromModel(
  inputs: Pick<ModelInputs, 'baseYear' | 'years' | 'districts' | 'groups' | 'cellCount'>,
  ranges: CellRanges,
  count = FORECAST_ENTRY_YEARS,
): DistrictNeed[] {
  for (const key of ['p10', 'p50', 'p90'] as const) {
    if (ranges[key].length !== inputs.cellCount) {
      throw new Error(
        `model output ${key} has ${ranges[key].length} cells; the model inputs have ${inputs.cellCount}`,
      );
    }
  }
  const entryYears = new Set(forecastEntryYears(inputs, count));
  const yearCount = inputs.years.length;
  const rows: DistrictNeed[] = [];
  inputs.districts.forEach((district, d) => {
    inputs.groups.forEach((subject, g) => {
      inputs.years.forEach((nqtYear, y) => {
        const year = previousAcademicYear(nqtYear);
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
