import { describe, expect, it } from 'vitest';
import { allocate, type AllocationResult } from '../../../src/allocation/allocate.ts';
import { checkAllocation } from '../../../src/allocation/check.ts';
import { expectedFill, placeYield, regionalFill } from '../../../src/allocation/rules.ts';
import { fillOf } from '../../../src/allocation/check-rules.ts';
import { highsEngine, need, partnership, plan, problem, years } from './fixtures.ts';
import { academicYear } from '../../../src/data/academic-year.ts';

const places = (result: AllocationResult, code: string) =>
  result.solution!.places.find((row) => row.partnershipCode === code)!.places;

function expectChecked(result: AllocationResult): void {
  expect(result.check?.violations).toEqual([]);
  expect(result.status, result.message).toBe('optimal');
  expect(result.solution).not.toBeNull();
}

/*
 * Fairness, worked by hand. Doncaster needs 100 English NQTs in 2027/28, far above supply.
 * A and B had 10 places each last year (capacity 20, conversion 0.5). All A's NQTs stay in
 * Doncaster (0.5 per place), half of B's leave the region (0.25 per place). A regional cap of
 * 18 places (90% of last year) binds. No other costs, no stability rule.
 *
 * Write A = 9 + d, B = 9 - d. Unmet need = 100 - 0.5 (9 + d) - 0.25 (9 - d) = 93.25 - 0.25 d.
 * Fairness: the common factor g puts A and B within half a place of 10 g at no cost; beyond
 * that each place costs w. The least over g of (|9 + d - 10 g| - 1/2)+ + (|9 - d - 10 g| - 1/2)+
 * is (2d - 1)+ (put 10 g between them). So the cost is 93.25 - 0.25 d + w (2d - 1)+.
 *   No fairness: d as large as the cap allows: A = 18, B = 0, cost 100 - 9 = 91.
 *   w = 1: whole places d = 0 costs 93.25, d = 1 costs 93 + 1: A = 9, B = 9, cost 93.25.
 *   w = 0.1: the slope beyond d = 1/2 is -0.25 + 0.2 < 0, so d = 9: A = 18, B = 0, cost
 *   91 + 0.1 x (18 - 1) = 92.7.
 */
const fairnessCase = (weightPerPlace: number | null) =>
  problem({
    entryYears: years('2026/27'),
    districts: [{ code: 'D1', name: 'Doncaster', coldSpotWeight: 1 }],
    need: [need('D1', 'English', '2027/28', 100)],
    partnerships: [partnership('A', { D1: 1 }), partnership('B', { D1: 0.5, outside: 0.5 })],
    plans: [
      plan('A', 'English', { capacity: 20, lastYearAllocation: 10 }),
      plan('B', 'English', { capacity: 20, lastYearAllocation: 10 }),
    ],
    regionalCaps: [{ subject: 'English', entryYear: academicYear('2026/27'), places: 18 }],
    fairness: weightPerPlace === null ? null : { weightPerPlace },
    costs: { surplusPerTeacher: 0, changePerPlace: 0, perPlace: 0 },
  });

describe('fairness: equal relative change, weighed against unmet need', () => {
  it('without it, every place goes where it meets most need: A = 18, B = 0, cost 91', async () => {
    const result = allocate(fairnessCase(null), await highsEngine());
    expectChecked(result);
    expect([places(result, 'A'), places(result, 'B')]).toEqual([18, 0]);
    expect(result.objective).toBeCloseTo(91, 6);
  });

  it('at 1 unmet teacher per place both share the cut: A = B = 9, cost 93.25', async () => {
    const result = allocate(fairnessCase(1), await highsEngine());
    expectChecked(result);
    expect([places(result, 'A'), places(result, 'B')]).toEqual([9, 9]);
    expect(result.objective).toBeCloseTo(93.25, 6);
    expect(result.check!.objective.fairnessCost).toBeCloseTo(0, 9);
  });

  it('at 0.1 need outweighs it: A = 18, B = 0, cost 91 + 0.1 x 17 = 92.7', async () => {
    const result = allocate(fairnessCase(0.1), await highsEngine());
    expectChecked(result);
    expect([places(result, 'A'), places(result, 'B')]).toEqual([18, 0]);
    expect(result.check!.objective.fairnessCost).toBeCloseTo(1.7, 6);
    expect(result.objective).toBeCloseTo(92.7, 6);
  });

  it('reports each partnership’s change in per cent and why, and the largest cut, in words', async () => {
    const { changes } = allocate(fairnessCase(1), await highsEngine());
    const [a, b] = changes!.partnerships;
    expect(a!.percent).toBeCloseTo(-10, 9);
    expect(a!.text).toBe(
      "Partnership A, 2026/27: 9 places, 10% fewer than last year's 10 places. Why: the regional cap is reached in English; its fair share at the common change in its subjects is 9.",
    );
    expect(b!.places).toBe(9);
    expect(changes!.summary).toBe(
      'The largest cut from last year is 10%, at Partnership A in 2026/27. Fairness: every place a partnership has more than half a place away from the common change in a subject is weighed as 1 unmet teacher.',
    );
    const unfair = allocate(fairnessCase(null), await highsEngine()).changes!;
    expect(unfair.largestCut?.partnershipCode).toBe('B');
    expect(unfair.summary).toContain('The largest cut from last year is 100%, at Partnership B');
    expect(unfair.summary).toContain('No fairness rule is set');
  });

  it('the checker prices a plan the model did not choose the same way', async () => {
    const result = allocate(fairnessCase(1), await highsEngine());
    const moved = structuredClone(result.solution!);
    moved.places.find((row) => row.partnershipCode === 'A')!.places = 12;
    moved.places.find((row) => row.partnershipCode === 'B')!.places = 6;
    const report = checkAllocation(fairnessCase(1), moved, {
      wholePlaces: true,
      minimumCohorts: true,
      reportedObjective: null,
    });
    // d = 3: (2 x 3 - 1) = 5 places away from the common change.
    expect(report.objective.fairnessCost).toBeCloseTo(5, 9);
  });
});

/*
 * Expected fill, worked by hand. Physics plans: A recruited 6 of 10 places, B 18 of 20, C has
 * no record. Regional rate = (6 + 18) / (10 + 20) = 0.8. Credibility weight k = 20 places:
 *   A: Z = 10 / 30; fill = 1/3 x 0.6 + 2/3 x 0.8 = (6 + 20 x 0.8) / 30 = 22/30 = 0.7333
 *   B: Z = 20 / 40; fill = (18 + 16) / 40 = 0.85
 *   C: Z = 0: the regional rate, 0.8
 * Conversion 0.5, so expected NQTs per place 0.3667, 0.425 and 0.4.
 */
const fillCase = problem({
  need: [need('D1', 'Physics', '2027/28', 100)],
  partnerships: [
    partnership('A', { D1: 1 }),
    partnership('B', { D1: 1 }),
    partnership('C', { D1: 1 }),
  ],
  plans: [
    plan('A', 'Physics', { capacity: 10, recentAllocated: 10, recentRecruited: 6 }),
    plan('B', 'Physics', { capacity: 10, recentAllocated: 20, recentRecruited: 18 }),
    plan('C', 'Physics', { capacity: 10 }),
  ],
  fill: { credibilityPlaces: 20 },
  costs: { surplusPerTeacher: 0.1, changePerPlace: 0, perPlace: 0 },
});

describe('expected fill from track record, shrunk toward the regional rate', () => {
  it('gives A 0.7333, B 0.85 and C the regional 0.8, in the model and in the checker', () => {
    expect(regionalFill(fillCase).bySubject.get('Physics')).toBeCloseTo(0.8, 12);
    const fills = fillCase.plans.map((p) => expectedFill(fillCase, p));
    expect(fills[0]).toBeCloseTo(22 / 30, 12);
    expect(fills[1]).toBeCloseTo(0.85, 12);
    expect(fills[2]).toBeCloseTo(0.8, 12);
    expect(fillCase.plans.map((p) => fillOf(fillCase, p))).toEqual(
      fills.map((f) => expect.closeTo(f, 12)),
    );
    expect(placeYield(fillCase, fillCase.plans[0]!)).toBeCloseTo(0.36667, 5);
  });

  it('credits each district with expected NQTs, not full places: 10 x (0.3667 + 0.425 + 0.4)', async () => {
    const result = allocate(fillCase, await highsEngine());
    expectChecked(result);
    const supply = result.solution!.outcomes[0]!.supply;
    expect(supply).toBeCloseTo(10 * (22 / 30 / 2 + 0.425 + 0.4), 9);
    const a = result.solution!.places.find((row) => row.partnershipCode === 'A')!;
    expect(a.expectedNqts).toBeCloseTo(10 * (22 / 30) * 0.5, 9);
  });

  it('never expects more than one trainee per place: 30 of 20 recruited is a fill of 1', () => {
    const over = problem({
      ...fillCase,
      plans: [plan('A', 'Physics', { recentAllocated: 20, recentRecruited: 30 })],
    });
    // (30 + 20 x 1.5) / 40 = 1.5, capped at 1.
    expect(expectedFill(over, over.plans[0]!)).toBe(1);
    expect(fillOf(over, over.plans[0]!)).toBe(1);
  });

  it('assumes every place filled when fill is not modelled', () => {
    const full = { ...fillCase, fill: null };
    expect(full.plans.map((p) => expectedFill(full, p))).toEqual([1, 1, 1]);
  });
});
