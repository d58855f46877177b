import { describe, expect, it } from 'vitest';
import { allocate, type AllocationResult } from '../../../src/allocation/allocate.ts';
import { buildAllocationModel } from '../../../src/allocation/build.ts';
import { checkAllocation } from '../../../src/allocation/check.ts';
import type { AllocationProblem } from '../../../src/allocation/problem.ts';
import { DEFAULT_STABILITY } from '../../../src/allocation/problem.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import { highsEngine, need, partnership, plan, problem, years } from './fixtures.ts';

/** Every allocation test verifies the returned plan with the independent checker. */
function expectValid(p: AllocationProblem, result: AllocationResult, whole: boolean): void {
  expect(result.solution, result.message).not.toBeNull();
  const report = checkAllocation(p, result.solution!, {
    wholePlaces: whole,
    minimumCohorts: whole,
    reportedObjective: result.objective,
  });
  expect(report.violations).toEqual([]);
  expect(result.check?.ok).toBe(true);
}

function places(result: AllocationResult, partnershipCode: string, year = '2026/27'): number {
  const row = result.solution!.places.find(
    (p) => p.partnershipCode === partnershipCode && p.entryYear === year,
  );
  return row!.places;
}

/*
 * Hand-worked case. One district needs 14 Mathematics NQTs in 2027/28.
 * A: conversion 0.7, all NQTs stay in Doncaster, capacity 10.
 * B: conversion 0.8, half its NQTs leave the region (0.4 per place in Doncaster), capacity 20.
 * A place costs 0.01, an unmet teacher 1, a surplus teacher 0.1.
 * LP: fill A first (0.7 per place): A = 10 gives 7; B covers 7 / 0.4 = 17.5.
 *     Objective = 0.01 x 27.5 = 0.275.
 * Whole places: B = 18 gives 14.2 (surplus 0.2): 0.28 + 0.02 = 0.30;
 *     B = 17 leaves 0.2 unmet: 0.27 + 0.2 = 0.47; A = 9, B = 19: 13.9, 0.28 + 0.1 = 0.38.
 *     Optimum A = 10, B = 18, objective 0.30.
 */
const handCase = problem({
  districts: [{ code: 'D1', name: 'Doncaster', coldSpotWeight: 1 }],
  need: [need('D1', 'Mathematics', '2027/28', 14)],
  partnerships: [partnership('A', { D1: 1 }), partnership('B', { D1: 0.5, outside: 0.5 })],
  plans: [
    plan('A', 'Mathematics', { capacity: 10, conversionRate: 0.7 }),
    plan('B', 'Mathematics', { capacity: 20, conversionRate: 0.8 }),
  ],
});

describe('allocate: hand-worked optimum', () => {
  it('solves the LP to A = 10, B = 17.5, objective 0.275', async () => {
    const result = allocate(handCase, await highsEngine(), {
      wholePlaces: false,
      minimumCohorts: false,
    });
    expect(result.status).toBe('optimal');
    expectValid(handCase, result, false);
    expect(places(result, 'A')).toBeCloseTo(10, 6);
    expect(places(result, 'B')).toBeCloseTo(17.5, 6);
    expect(result.objective).toBeCloseTo(0.275, 6);
    expect(result.lpObjective).toBeCloseTo(0.275, 6);
  });

  it('gives whole places A = 10, B = 18, objective 0.30', async () => {
    const result = allocate(handCase, await highsEngine());
    expect(result.status).toBe('optimal');
    expectValid(handCase, result, true);
    expect(places(result, 'A')).toBe(10);
    expect(places(result, 'B')).toBe(18);
    expect(result.objective).toBeCloseTo(0.3, 6);
    const outcome = result.solution!.outcomes[0]!;
    expect(outcome.supply).toBeCloseTo(14.2, 6);
    expect(outcome.surplus).toBeCloseTo(0.2, 6);
    expect(outcome.unmet).toBeCloseTo(0, 6);
  });

  it('values one more A place at 0.0075 (it replaces 1.75 B places), all of it in penalties', async () => {
    const engine = await highsEngine();
    const result = allocate(handCase, engine, { wholePlaces: false, minimumCohorts: false });
    const capacityA = result.marginalValues.find((m) => m.id.startsWith('plan-capacity|A|'))!;
    expect(capacityA.objective).toBeCloseTo(0.0075, 6);
    // Need is met either way: the saving is 0.75 places' tie-break cost, not unmet need.
    expect(capacityA.weightedUnmetCut).toBeCloseTo(0, 9);
    expect(capacityA.penaltyChange).toBeCloseTo(-0.0075, 9);
    expect(capacityA.place!.nqtsPerPlace).toBeCloseTo(0.7, 9);
    const bigger = {
      ...handCase,
      plans: handCase.plans.map((p) => (p.partnershipCode === 'A' ? { ...p, capacity: 11 } : p)),
    };
    const resolved = allocate(bigger, engine, { wholePlaces: false, minimumCohorts: false });
    expect(result.objective! - resolved.objective!).toBeCloseTo(0.0075, 6);
    expect(result.binding.map((b) => b.id)).toContain('plan-capacity|A|Mathematics|SCITT|2026/27');
  });
});

describe('allocate: marginal value in words', () => {
  it('says what one more physics place is worth where need is unmet', async () => {
    // Doncaster needs 50 physics NQTs; X can train 10, each giving 0.7 NQTs in Doncaster:
    // one more place cuts weighted unmet need by 0.7 (weight 1, no place cost).
    const p = problem({
      need: [need('D1', 'Physics', '2027/28', 50)],
      partnerships: [partnership('X', { D1: 1 }, { name: 'Sheffield Hallam' })],
      plans: [
        plan('X', 'Physics', { capacity: 10, conversionRate: 0.7, route: 'HEI postgraduate' }),
      ],
      costs: { surplusPerTeacher: 0.1, changePerPlace: 0, perPlace: 0 },
    });
    const result = allocate(p, await highsEngine());
    expectValid(p, result, true);
    expect(result.objective).toBeCloseTo(50 - 7, 6);
    const [top] = result.marginalValues;
    expect(top?.objective).toBeCloseTo(0.7, 6);
    expect(top?.weightedUnmetCut).toBeCloseTo(0.7, 9);
    expect(top?.text).toBe(
      "One more Physics place at Sheffield Hallam (HEI postgraduate) in 2026/27: planned again with it, weighted unmet need would fall by 0.70 (0.70 fewer unmet teachers), and penalties would not change. One place there is expected to give 0.70 NQTs in 2027/28 (fill 100% × the plan's own conversion 70%), of which 0.70 in Doncaster, where need is unmet.",
    );
  });

  it('gives weighted unmet need in its own units: a cold-spot weight of 2 doubles it, NQTs stay 0.45 a place', async () => {
    // Weight 2 in Doncaster; fill 90% from a record of 9 of 10 with no shrinkage partner (the
    // region's rate is the same 90%); completion 100% x employment 50%: 0.45 NQTs a place, and
    // one more place cuts weighted unmet need by 2 x 0.45 = 0.9.
    const p = problem({
      districts: [{ code: 'D1', name: 'Doncaster', coldSpotWeight: 2 }],
      need: [need('D1', 'Physics', '2027/28', 50)],
      partnerships: [partnership('X', { D1: 1 })],
      plans: [plan('X', 'Physics', { capacity: 10, recentAllocated: 10, recentRecruited: 9 })],
      fill: { credibilityPlaces: 20 },
      costs: { surplusPerTeacher: 0.1, changePerPlace: 0, perPlace: 0 },
    });
    const [top] = allocate(p, await highsEngine()).marginalValues;
    expect(top?.place?.nqtsPerPlace).toBeCloseTo(0.45, 9);
    expect(top?.weightedUnmetCut).toBeCloseTo(0.9, 9);
    expect(top?.unmetTeachersCut).toBeCloseTo(0.45, 9);
    expect(top?.text).toContain(
      'weighted unmet need would fall by 0.90 (0.45 fewer unmet teachers), and penalties would not change. One place there is expected to give 0.45 NQTs in 2027/28 (fill 90% × completion 100% × employment 50%)',
    );
  });

  it('never says more teachers raise unmet need: with cold-spot weight 0 the effect is on penalties alone', async () => {
    // Teach First's 10 fixed places in a district whose unmet need carries no weight: one more
    // fixed place sends 0.5 NQTs there and costs 0.01 in place cost; weighted need is unchanged.
    const p = problem({
      districts: [{ code: 'D1', name: 'Doncaster', coldSpotWeight: 0 }],
      need: [need('D1', 'Physics', '2027/28', 50)],
      partnerships: [partnership('TF', { D1: 1 }, { type: 'Teach First' })],
      plans: [plan('TF', 'Physics', { route: 'Teach First', fixedPlaces: 10 })],
    });
    const result = allocate(p, await highsEngine());
    const fixed = result.marginalValues.find((m) => m.family === 'fixed-places')!;
    expect(fixed.objective).toBeCloseTo(-0.01, 9);
    expect(fixed.weightedUnmetCut).toBe(0);
    expect(fixed.unmetTeachersCut).toBeCloseTo(0.5, 9);
    expect(fixed.penaltyChange).toBeCloseTo(0.01, 9);
    expect(fixed.text).toContain(
      'weighted unmet need would not change (0.50 fewer unmet teachers, where unmet need carries no weight), and penalties would rise by 0.01.',
    );
    for (const value of result.marginalValues) expect(value.text).not.toMatch(/need would rise/);
  });
});

describe('allocate: minimum viable cohort (x = 0 or x >= m)', () => {
  // Doncaster needs 2 NQTs; A gives 0.5 per place, minimum cohort 8, place cost 0.01.
  const base = problem({
    need: [need('D1', 'Mathematics', '2027/28', 2)],
    partnerships: [partnership('A', { D1: 1 })],
    plans: [plan('A', 'Mathematics', { capacity: 20, minimumCohort: 8 })],
  });

  it('opens at the minimum when a cohort is worth it: x = 8, objective 0.08 + 0.1 x 2 = 0.28', async () => {
    const engine = await highsEngine();
    const lp = allocate(base, engine, { wholePlaces: false, minimumCohorts: false });
    expect(places(lp, 'A')).toBeCloseTo(4, 6); // the LP would run a cohort of 4
    const result = allocate(base, engine);
    expectValid(base, result, true);
    expect(places(result, 'A')).toBe(8);
    expect(result.objective).toBeCloseTo(0.28, 6);
    expect(result.binding.some((b) => b.family === 'minimum-cohort')).toBe(true);
  });

  it('closes when the surplus costs more: x = 0, objective 2 (8 places would cost 0.08 + 2)', async () => {
    const costly = { ...base, costs: { ...base.costs, surplusPerTeacher: 1 } };
    const result = allocate(costly, await highsEngine());
    expectValid(costly, result, true);
    expect(places(result, 'A')).toBe(0);
    expect(result.objective).toBeCloseTo(2, 6);
  });
});

describe('allocate: stability widened by track record', () => {
  it('lets a partnership that filled its places grow further', async () => {
    // Both had 20 places; need is far above supply. Band 20% (4 places). A recruited 20/20:
    // full bonus 30% -> may grow by 10 to 30. B recruited 14/20 (70%, below the 80% threshold)
    // -> grows by 4 to 24.
    const p = problem({
      districts: [{ code: 'D1', name: 'Doncaster', coldSpotWeight: 1 }],
      need: [need('D1', 'English', '2027/28', 100)],
      partnerships: [partnership('A', { D1: 1 }), partnership('B', { D1: 1 })],
      plans: [
        plan('A', 'English', { lastYearAllocation: 20, recentAllocated: 20, recentRecruited: 20 }),
        plan('B', 'English', { lastYearAllocation: 20, recentAllocated: 20, recentRecruited: 14 }),
      ],
      stability: { ...DEFAULT_STABILITY, minimumBandPlaces: 2 },
    });
    const result = allocate(p, await highsEngine());
    expectValid(p, result, true);
    expect(places(result, 'A')).toBe(30);
    expect(places(result, 'B')).toBe(24);
    const bindingIds = result.binding.map((b) => b.id);
    expect(bindingIds).toContain('stability-increase|A|English|SCITT|2026/27');
    expect(bindingIds).toContain('stability-increase|B|English|SCITT|2026/27');
  });

  it('holds the bands as bounds on the change columns when change has a cost, with their marginal values', async () => {
    // As above, with a cost of 0.02 per place changed. LP: A = 30, B = 24, 27 NQTs for a need
    // of 100: 73 + 0.01 x 54 + 0.02 x (10 + 4) = 73.82. One more place beyond either band
    // cuts unmet need by 0.5 at 0.01 + 0.02 more cost: worth 0.47.
    const p = problem({
      districts: [{ code: 'D1', name: 'Doncaster', coldSpotWeight: 1 }],
      need: [need('D1', 'English', '2027/28', 100)],
      partnerships: [partnership('A', { D1: 1 }), partnership('B', { D1: 1 })],
      plans: [
        plan('A', 'English', { lastYearAllocation: 20, recentAllocated: 20, recentRecruited: 20 }),
        plan('B', 'English', { lastYearAllocation: 20, recentAllocated: 20, recentRecruited: 14 }),
      ],
      stability: { ...DEFAULT_STABILITY, minimumBandPlaces: 2 },
      costs: { surplusPerTeacher: 0.1, changePerPlace: 0.02, perPlace: 0.01 },
    });
    const built = buildAllocationModel(p, { wholePlaces: false, minimumCohorts: false });
    const increase = built.constraints.find(
      (c) => c.id === 'stability-increase|A|English|SCITT|2026/27',
    )!;
    expect(increase.rows).toEqual([]);
    expect(built.model.colUpper[increase.bound!.column]).toBe(10);

    const result = allocate(p, await highsEngine(), { wholePlaces: false, minimumCohorts: false });
    expectValid(p, result, false);
    expect(places(result, 'A')).toBeCloseTo(30, 6);
    expect(places(result, 'B')).toBeCloseTo(24, 6);
    expect(result.lpObjective).toBeCloseTo(73.82, 9);
    const bindingIds = result.binding.map((b) => b.id);
    expect(bindingIds).toContain('stability-increase|A|English|SCITT|2026/27');
    expect(bindingIds).toContain('stability-increase|B|English|SCITT|2026/27');
    expect(bindingIds).not.toContain('stability-decrease|A|English|SCITT|2026/27');
    // 30 of a capacity of 100: a one-sided row away from its limit does not bind.
    expect(bindingIds).not.toContain('plan-capacity|A|English|SCITT|2026/27');
    const value = (id: string) => result.marginalValues.find((m) => m.id === id);
    expect(value('stability-increase|A|English|SCITT|2026/27')?.objective).toBeCloseTo(0.47, 6);
    expect(value('stability-increase|B|English|SCITT|2026/27')?.objective).toBeCloseTo(0.47, 6);
    // Split: 0.5 fewer unmet teachers against 0.01 + 0.02 more in place and change costs.
    expect(value('stability-increase|A|English|SCITT|2026/27')?.weightedUnmetCut).toBeCloseTo(
      0.5,
      9,
    );
    expect(value('stability-increase|A|English|SCITT|2026/27')?.penaltyChange).toBeCloseTo(0.03, 9);
    expect(value('stability-decrease|A|English|SCITT|2026/27')).toBeUndefined();
  });

  it('bounds the change year on year over the rolling three years', async () => {
    // 20 last year, no record: band max(20% x 20, 5 places minimum) = 5 each year, so at
    // most 25, 30, 35 over three entry years (the band is set from last year's allocation).
    const p = problem({
      entryYears: years('2026/27', '2027/28', '2028/29'),
      districts: [{ code: 'D1', name: 'Doncaster', coldSpotWeight: 1 }],
      need: ['2027/28', '2028/29', '2029/30'].map((year) => need('D1', 'English', year, 100)),
      partnerships: [partnership('A', { D1: 1 })],
      plans: [plan('A', 'English', { lastYearAllocation: 20 })],
      stability: DEFAULT_STABILITY,
    });
    const result = allocate(p, await highsEngine());
    expectValid(p, result, true);
    expect(['2026/27', '2027/28', '2028/29'].map((year) => places(result, 'A', year))).toEqual([
      25, 30, 35,
    ]);
  });
});

describe('allocate: cold-spot weights', () => {
  // North and South each need 10 physics NQTs; the regional cap of 24 places (12 NQTs) cannot
  // meet both. Places go where an unmet teacher costs more.
  const split = (northWeight: number, southWeight: number) =>
    problem({
      districts: [
        { code: 'N', name: 'North', coldSpotWeight: northWeight },
        { code: 'S', name: 'South', coldSpotWeight: southWeight },
      ],
      need: [need('N', 'Physics', '2027/28', 10), need('S', 'Physics', '2027/28', 10)],
      partnerships: [partnership('PN', { N: 1 }), partnership('PS', { S: 1 })],
      plans: [plan('PN', 'Physics', { capacity: 30 }), plan('PS', 'Physics', { capacity: 30 })],
      regionalCaps: [{ subject: 'Physics', entryYear: academicYear('2026/27'), places: 24 }],
    });

  it('moves places toward the district whose cold-spot weight rises', async () => {
    const engine = await highsEngine();
    const southFirst = split(1, 1.5);
    const before = allocate(southFirst, engine);
    expectValid(southFirst, before, true);
    expect(places(before, 'PS')).toBe(20);
    expect(places(before, 'PN')).toBe(4);
    const northCold = split(3, 1.5);
    const after = allocate(northCold, engine);
    expectValid(northCold, after, true);
    expect(places(after, 'PN')).toBe(20);
    expect(places(after, 'PS')).toBe(4);
    expect(after.binding.map((b) => b.id)).toContain('regional-cap|Physics|2026/27');
  });
});

describe('allocate: capacities, fixed places, pool and in-region share', () => {
  it('meets total, mentor and fixed limits and counts only the in-region share against the cap', async () => {
    const p = problem({
      need: [need('D1', 'Mathematics', '2027/28', 40), need('D1', 'Physics', '2027/28', 40)],
      partnerships: [
        partnership('A', { D1: 1 }, { totalCapacity: 30, mentorCapacity: 25 }),
        // Half of C's activity is outside the region: its 20 fixed places count 10 in the cap.
        partnership('C', { D1: 0.5, outside: 0.5 }, { type: 'Teach First', inRegionShare: 0.5 }),
      ],
      plans: [
        plan('A', 'Mathematics', { capacity: 20 }),
        plan('A', 'Physics', { capacity: 20 }),
        plan('C', 'Mathematics', { route: 'Teach First', fixedPlaces: 20 }),
      ],
      regionalCaps: [{ subject: 'Mathematics', entryYear: academicYear('2026/27'), places: 25 }],
      pool: { share: 0.2, districtShares: null, conversionRate: null },
    });
    const result = allocate(p, await highsEngine());
    expectValid(p, result, true);
    const a = result.solution!.places.filter((row) => row.partnershipCode === 'A');
    const aTotal = a.reduce((sum, row) => sum + row.places, 0);
    expect(aTotal).toBeLessThanOrEqual(25); // mentors bind before total capacity
    expect(places(result, 'C')).toBe(20);
    const maths = result.solution!.places.filter((row) => row.subject === 'Mathematics');
    const mathsPool = result.solution!.pool.find((row) => row.subject === 'Mathematics')!.places;
    const regional = maths.reduce((sum, row) => sum + row.inRegionPlaces, 0) + mathsPool;
    expect(regional).toBeLessThanOrEqual(25 + 1e-9);
    expect(mathsPool).toBeGreaterThanOrEqual(0.2 * regional - 1e-9);
  });
});
