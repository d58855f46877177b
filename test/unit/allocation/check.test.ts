import { describe, expect, it } from 'vitest';
import { allocate } from '../../../src/allocation/allocate.ts';
import { checkAllocation } from '../../../src/allocation/check.ts';
import {
  allocationTable,
  districtOutcomeTable,
  needFromForecastCsv,
} from '../../../src/allocation/csv.ts';
import { DEFAULT_STABILITY } from '../../../src/allocation/problem.ts';
import type { AllocationSolution } from '../../../src/allocation/solution.ts';
import { SCR_SIZE, syntheticAllocationProblem } from '../../../src/allocation/synthetic.ts';
import { formatEesCsv } from '../../../src/data/ees.ts';
import { formatNumber } from '../../../src/allocation/words.ts';
import { highsEngine, need, partnership, plan, problem, years } from './fixtures.ts';
import { academicYear } from '../../../src/data/academic-year.ts';

const base = problem({
  entryYears: years('2026/27', '2027/28'),
  need: [need('D1', 'Chemistry', '2027/28', 12), need('D1', 'Chemistry', '2028/29', 12)],
  partnerships: [partnership('A', { D1: 1 }, { totalCapacity: 40, mentorCapacity: 40 })],
  plans: [plan('A', 'Chemistry', { capacity: 30, minimumCohort: 6, lastYearAllocation: 20 })],
  regionalCaps: [{ subject: 'Chemistry', entryYear: academicYear('2026/27'), places: 40 }],
  stability: DEFAULT_STABILITY,
  pool: { share: 0.1, districtShares: null, conversionRate: null },
});

const clone = (solution: AllocationSolution): AllocationSolution => structuredClone(solution);
const rules = (report: ReturnType<typeof checkAllocation>) =>
  [...new Set(report.violations.map((v) => v.rule))].sort();

describe('independent checker', () => {
  it('passes the solver plan and flags every kind of tampering', async () => {
    const result = allocate(base, await highsEngine());
    const options = {
      wholePlaces: true,
      minimumCohorts: true,
      reportedObjective: result.objective,
    };
    expect(checkAllocation(base, result.solution!, options).violations).toEqual([]);

    const over = clone(result.solution!);
    over.places[0]!.places = 31;
    // 31 in 2026/27 breaks capacity (30) and the 20 + 5 stability limit, makes the 2027/28
    // figure a cut of more than 5, leaves the pool below its share, and the supply no longer
    // matches the district outcomes.
    expect(rules(checkAllocation(base, over, { ...options, reportedObjective: null }))).toEqual([
      'balance',
      'plan-capacity',
      'pool-share',
      'stability-decrease',
      'stability-increase',
    ]);

    const fractional = clone(result.solution!);
    fractional.places[1]!.places += 0.5;
    expect(
      rules(checkAllocation(base, fractional, { ...options, reportedObjective: null })),
    ).toContain('whole-places');

    const small = clone(result.solution!);
    small.places[1]!.places = 3;
    expect(rules(checkAllocation(base, small, { ...options, reportedObjective: null }))).toContain(
      'minimum-cohort',
    );

    const cheaper = clone(result.solution!);
    expect(
      rules(
        checkAllocation(base, cheaper, { ...options, reportedObjective: result.objective! - 1 }),
      ),
    ).toEqual(['objective']);

    const missing = clone(result.solution!);
    missing.places.pop();
    expect(
      rules(checkAllocation(base, missing, { ...options, reportedObjective: null })),
    ).toContain('table');
  });
});

describe('search limit', () => {
  it('stops at a node limit the same way on every machine, with a checked plan and its gap', async () => {
    // The dense synthetic SCR-size problem, a gap no plan reaches and no node allowed: HiGHS
    // stops before its first node with the LP plan rounded to whole places, never with nothing.
    const p = syntheticAllocationProblem(SCR_SIZE);
    const result = allocate(p, await highsEngine(), {
      nodeLimit: 0,
      relativeGap: 1e-9,
      timeLimitSeconds: 600,
    });
    expect(result.status).toBe('time-limit');
    expect(result.check?.ok).toBe(true);
    expect(result.message).toContain(
      'A search limit (search limit reached) stopped the search before the plan was proved within 1e-7% of the best possible.',
    );
    const gap = result.gap!;
    expect(gap.relative).toBeGreaterThan(0);
    expect(gap.relative).toBeLessThan(0.05);
    // Against the better of the two bounds: never below the LP's.
    expect(gap.bound).toBeGreaterThanOrEqual(result.lpObjective! - 1e-6);
    expect(gap.absolute).toBeCloseTo(result.objective! - gap.bound, 6);
    expect(result.message).toContain(`within ${formatNumber(gap.relative * 100)}% of the best`);
  });
});

describe('EES CSV', () => {
  it('writes the allocation and district outcomes with totals and no blank cells', async () => {
    const result = allocate(base, await highsEngine());
    const allocation = formatEesCsv(allocationTable(base, result.solution!));
    const lines = allocation.trim().split('\n');
    expect(lines[0]).toBe(
      'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,partnership_code,partnership_name,partnership_type,route,subject,places_count,in_region_places_count,previous_places_count,change_count,capacity_count,minimum_cohort_count,expected_nqts_count,nqt_time_period',
    );
    const first = result.solution!.places[0]!;
    expect(lines[1]).toBe(
      `202627,Academic year,Regional,E92000001,England,x,Test region,A,Partnership A,SCITT,SCITT,Chemistry,${first.places},${first.places},20,${first.places - 20},30,6,${Number((first.places * 0.5).toFixed(2))},202728`,
    );
    expect(lines.some((line) => line.includes(',Total,Total,Total,Total,Total,'))).toBe(true);
    const outcomes = formatEesCsv(districtOutcomeTable(base, result.solution!));
    expect(outcomes.split('\n')[1]).toMatch(
      /^202728,Academic year,Local authority district,E92000001,England,x,Test region,D1,Doncaster,Chemistry,12,/,
    );
  });

  it('reads NQT need from the forecast CSV, naming bad rows', () => {
    const text = [
      'time_period,time_identifier,geographic_level,country_code,country_name,lad_code,lad_name,phase,subject,nqt_need_fte,nqt_need_fte_p50',
      '202728,Academic year,Local authority district,E92000001,England,E08000016,Barnsley,Primary,Total,30.5,31.0',
      '202728,Academic year,Local authority district,E92000001,England,E08000016,Barnsley,Secondary,Physics,4.2,x',
      '202728,Academic year,Local authority district,E92000001,England,E08000016,Barnsley,Secondary,Physics,lots,x',
      '2027,Academic year,Local authority district,E92000001,England,E08000016,Barnsley,Secondary,Music,1,1',
    ].join('\n');
    const { need: records, issues } = needFromForecastCsv(text, 'forecast.csv');
    expect(records).toEqual([
      { districtCode: 'E08000016', subject: 'Primary', nqtYear: '2027/28', teachers: 31 },
      { districtCode: 'E08000016', subject: 'Physics', nqtYear: '2027/28', teachers: 4.2 },
    ]);
    expect(issues).toEqual([
      {
        file: 'forecast.csv',
        row: 4,
        column: 'nqt_need_fte',
        message: '"lots" is not a number written in digits',
        fix: 'Enter an NQT need in FTE at least -100,000 and below 100,000, or a symbol for a missing value (x, z, c, low or u)',
      },
      {
        file: 'forecast.csv',
        row: 5,
        column: 'time_period',
        message: '"2027" is not an academic year this tool plans',
        fix: 'Enter the academic year as 6 digits, like 202526 for 2025/26',
      },
    ]);
  });
});
