/**
 * District balance, for every district, subject and NQT year the plans reach:
 *   supply + unmet - surplus = NQT need (from the supply model),
 * with unmet costing its weight (cold-spot weight x subject priority) and surplus c_over.
 * Supply is each place's expected NQTs spread over districts by the partnership's employment
 * footprint (over all its NQTs), and the pool's NQTs by its district shares.
 *
 * A cell the plans reach but the need data does not cover is left out and reported as missing:
 * need that is not known is never read as zero.
 */
import type { AcademicYear } from '../../data/academic-year.ts';
import type { SubjectGroup } from '../../data/types.ts';
import { nameCode, yearCode, type BuildContext } from '../build-context.ts';
import {
  nqtYearOf,
  placeYield,
  POOL_ROUTE,
  poolDistrictShares,
  poolYield,
  unmetWeight,
} from '../rules.ts';
import { formatNumber } from '../words.ts';
import type { ConstraintFamilyEntry } from './family.ts';

export const balance: ConstraintFamilyEntry = {
  family: 'balance',
  build(context: BuildContext) {
    const { problem, builder } = context;
    // Cells by number (district, subject, year indices), not by a string made for each lookup:
    // hashing fresh strings was most of the family's time.
    const districtIndex = new Map(problem.districts.map((d, i) => [d.code, i]));
    const subjectIndex = new Map(context.subjects.map((subject, i) => [subject, i]));
    const yearIndex = new Map<AcademicYear, number>();
    const cellKey = (districtCode: string, subject: SubjectGroup, nqtYear: AcademicYear) => {
      let year = yearIndex.get(nqtYear);
      if (year === undefined) {
        year = yearIndex.size;
        yearIndex.set(nqtYear, year);
      }
      const district = districtIndex.get(districtCode) ?? -1;
      return (
        (year * subjectIndex.size + subjectIndex.get(subject)!) * (districtIndex.size + 1) +
        district +
        1
      );
    };
    const supplyTerms = new Map<number, [number, number][]>();
    const reachable = new Set<AcademicYear>();
    const addSupply = (cell: number, column: number, coefficient: number) => {
      if (coefficient === 0) return;
      const terms = supplyTerms.get(cell) ?? [];
      terms.push([column, coefficient]);
      supplyTerms.set(cell, terms);
    };
    // Each partnership's footprint over the region's districts, read once.
    const footprints = new Map(
      problem.partnerships.map((partnership) => [
        partnership.code,
        Object.entries(partnership.employmentFootprint).filter(([code]) => districtIndex.has(code)),
      ]),
    );
    context.facts.forEach(({ plan }, planIndex) => {
      const perPlace = placeYield(problem, plan);
      const footprint = footprints.get(plan.partnershipCode)!;
      context.entryYears.forEach((year, yearIndex) => {
        const nqtYear = nqtYearOf(plan.route, year);
        reachable.add(nqtYear);
        const column = context.placeColumns[planIndex]![yearIndex]!;
        for (const [districtCode, share] of footprint) {
          addSupply(cellKey(districtCode, plan.subject, nqtYear), column, perPlace * share);
        }
      });
    });
    for (const [subject, columns] of context.poolColumns) {
      const shares = poolDistrictShares(problem, subject);
      const perPlace = poolYield(problem, subject);
      context.entryYears.forEach((year, yearIndex) => {
        const nqtYear = nqtYearOf(POOL_ROUTE, year);
        reachable.add(nqtYear);
        for (const [districtCode, share] of shares) {
          addSupply(cellKey(districtCode, subject, nqtYear), columns[yearIndex]!, perPlace * share);
        }
      });
    }

    const needByCell = new Map<number, number>();
    for (const record of problem.need) {
      if (!districtIndex.has(record.districtCode) || !reachable.has(record.nqtYear)) {
        context.unreachableNeed += record.teachers;
        continue;
      }
      const cell = cellKey(record.districtCode, record.subject, record.nqtYear);
      needByCell.set(cell, (needByCell.get(cell) ?? 0) + record.teachers);
    }

    const years = [...reachable].sort();
    const subjectCodes = context.subjects.map(nameCode);
    const yearCodes = years.map(yearCode);
    for (const district of problem.districts) {
      for (const [s, subject] of context.subjects.entries()) {
        for (const [y, nqtYear] of years.entries()) {
          const cell = cellKey(district.code, subject, nqtYear);
          const terms = supplyTerms.get(cell) ?? [];
          const need = needByCell.get(cell);
          if (need === undefined) {
            if (terms.length > 0)
              context.missingNeed.push({ districtCode: district.code, subject, nqtYear });
            continue;
          }
          const weight = unmetWeight(problem, district.coldSpotWeight, subject);
          const short = `${district.code}_${subjectCodes[s]}_${yearCodes[y]}`;
          const unmetColumn = builder.addColumn(
            `unmet_${short}`,
            context.cost(weight),
            0,
            Infinity,
            'continuous',
          );
          const surplusColumn = builder.addColumn(
            `surplus_${short}`,
            context.cost(problem.costs.surplusPerTeacher),
            0,
            Infinity,
            'continuous',
          );
          context.addConstraint(
            {
              id: `balance|${district.code}|${subject}|${nqtYear}`,
              family: 'balance',
              limit: need,
              districtCode: district.code,
              subject,
              nqtYear,
            },
            [
              {
                name: `bal_${short}`,
                lower: need,
                upper: need,
                terms: [...terms, [unmetColumn, 1], [surplusColumn, -1]],
              },
            ],
          );
          context.balance.push({
            districtCode: district.code,
            subject,
            nqtYear,
            need,
            weight,
            unmetColumn,
            surplusColumn,
            row: builder.numRows - 1,
          });
        }
      }
    }
  },
  describe: (info, names) =>
    `${names.district(info.districtCode ?? '')} needs ${formatNumber(info.limit)} new ${info.subject} teachers in ${info.nqtYear}`,
  bindingWords: ['district balance', 'district balances'],
  policy: false,
  relaxation: null,
};
