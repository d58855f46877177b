import { describe, expect, it } from 'vitest';
import { allocate } from '../../../src/allocation/allocate.ts';
import { DEFAULT_STABILITY } from '../../../src/allocation/problem.ts';
import { highsEngine, need, partnership, plan, problem } from './fixtures.ts';
import { academicYear } from '../../../src/data/academic-year.ts';

describe('infeasibility diagnosis', () => {
  it('names fixed places above capacity, with both numbers, and nothing else', async () => {
    const p = problem({
      need: [need('D1', 'Mathematics', '2027/28', 40)],
      partnerships: [
        partnership('TF', { D1: 1 }, { name: 'Teach First', type: 'Teach First' }),
        partnership('A', { D1: 1 }),
      ],
      plans: [
        plan('TF', 'Mathematics', { route: 'Teach First', capacity: 20, fixedPlaces: 30 }),
        plan('A', 'Mathematics', { capacity: 15 }),
      ],
      regionalCaps: [{ subject: 'Mathematics', entryYear: academicYear('2026/27'), places: 60 }],
    });
    const result = allocate(p, await highsEngine());
    expect(result.status).toBe('infeasible');
    expect(result.solution).toBeNull();
    const diagnosis = result.diagnosis!;
    expect(diagnosis.irreducible).toBe(true);
    expect(diagnosis.integer).toBe(false);
    expect(diagnosis.constraints.map((c) => c.id).sort()).toEqual([
      'fixed-places|TF|Mathematics|Teach First|2026/27',
      'plan-capacity|TF|Mathematics|Teach First|2026/27',
    ]);
    expect(result.message).toContain(
      'Fixed places: Teach First Mathematics (Teach First) has exactly 30 places in 2026/27',
    );
    expect(result.message).toContain(
      'Capacity: Teach First Mathematics (Teach First) can take at most 20 places in 2026/27',
    );
    // The smallest fix: one of the two gives way by the 10 places between them.
    expect(diagnosis.relaxations.map((r) => r.amount)).toEqual([10]);
  });

  it('finds stability floors that together exceed the regional cap', async () => {
    // A and B had 50 places each; the band lets each shrink by 20% to 40. A cap of 60 places
    // cannot hold 40 + 40. A third partnership C (no floor) is not part of the clash.
    const p = problem({
      need: [need('D1', 'History', '2027/28', 10)],
      partnerships: [
        partnership('A', { D1: 1 }),
        partnership('B', { D1: 1 }),
        partnership('C', { D1: 1 }),
      ],
      plans: [
        plan('A', 'History', { lastYearAllocation: 50 }),
        plan('B', 'History', { lastYearAllocation: 50 }),
        plan('C', 'History', { lastYearAllocation: 0 }),
      ],
      regionalCaps: [{ subject: 'History', entryYear: academicYear('2026/27'), places: 60 }],
      stability: DEFAULT_STABILITY,
    });
    const result = allocate(p, await highsEngine());
    expect(result.status).toBe('infeasible');
    expect(result.diagnosis!.constraints.map((c) => c.id).sort()).toEqual([
      'regional-cap|History|2026/27',
      'stability-decrease|A|History|SCITT|2026/27',
      'stability-decrease|B|History|SCITT|2026/27',
    ]);
    expect(result.message).toContain('may shrink by at most 10 places');
    expect(result.message).toContain('at most 60 places in History');
    expect(result.diagnosis!.relaxations.reduce((sum, r) => sum + r.amount, 0)).toBeCloseTo(20, 6);
  });

  it('finds a clash that only whole places and minimum cohorts create', async () => {
    // 3 fixed places with a minimum cohort of 5: the LP is fine, the MILP is not.
    const p = problem({
      need: [need('D1', 'Music', '2027/28', 5)],
      partnerships: [partnership('A', { D1: 1 })],
      plans: [plan('A', 'Music', { fixedPlaces: 3, minimumCohort: 5 })],
    });
    const result = allocate(p, await highsEngine());
    expect(result.status).toBe('infeasible');
    const diagnosis = result.diagnosis!;
    expect(diagnosis.integer).toBe(true);
    expect(diagnosis.constraints.map((c) => c.family).sort()).toEqual([
      'fixed-places',
      'minimum-cohort',
    ]);
    expect(result.message).toContain('must have no places or at least 5 places');
  });

  it('reports invalid input without solving', async () => {
    const p = problem({
      partnerships: [partnership('A', { D1: 0.5 })],
      plans: [plan('A', 'Music', { capacity: -1 })],
    });
    const result = allocate(p, await highsEngine());
    expect(result.status).toBe('invalid-input');
    expect(result.issues.map((i) => i.field)).toEqual([
      'partnerships[0].employmentFootprint',
      'plans[0].capacity',
    ]);
    expect(result.message).toContain('footprint shares sum to 0.500');
  });
});
