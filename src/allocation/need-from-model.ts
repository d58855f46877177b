/**
 * The allocation's NQT need from the supply model's central projection, shared by the
 * allocate CLI (which runs the model itself, in Node) and the Allocation page (which runs the
 * same zero-spread draw in the model worker and passes its cells here).
 */
import type { AcademicYear } from '../data/academic-year.ts';
import { cellIndex, type ModelInputs } from '../model/index.ts';
import type { NeedRecord } from './problem.ts';

export interface ModelNeed {
  need: NeedRecord[];
  /** The NQT years the model projects, in order. */
  years: AcademicYear[];
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
  const need: NeedRecord[] = [];
  inputs.districts.forEach((district, a) => {
    inputs.groups.forEach((subject, g) => {
      inputs.years.forEach((nqtYear, t) => {
        need.push({
          districtCode: district.code,
          subject,
          nqtYear,
          teachers: nqtNeed[cellIndex(inputs, a, g, t)]!,
        });
      });
    });
  });
  return { need, years: [...inputs.years] };
}
