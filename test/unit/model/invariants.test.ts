import { describe, expect, it } from 'vitest';
import {
  DRIVER_NAMES,
  NEED_COMPONENTS,
  buildModelInputs,
  credibilityWeight,
  decomposeDrivers,
  defaultParameters,
  resolveParameters,
  runDeterministic,
  type ParameterOverrides,
} from '../../../src/model/index.ts';
import { ALPHA, BETA, fixtureDataset, handWorkedOverrides } from './fixtures.ts';
import { academicYear, byAcademicYear } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

/** A busy scenario: every flow non-zero, so the balances below test every term. */
function busyOverrides(): ParameterOverrides {
  return {
    ...handWorkedOverrides(),
    workingHourLossRate: { primary: 0.01, secondary: 0.015 },
    otherRoutes: {
      assessmentOnly: { Primary: byAcademicYear({ '2025/26': 10, '2026/27': 12, '2027/28': 8 }) },
      international: { Mathematics: byAcademicYear({ '2026/27': 6 }) },
      undergraduateStarts: {
        Primary: byAcademicYear({ '2022/23': 30, '2023/24': 40, '2024/25': 50 }),
      },
    },
    netMovers: [
      { districtCode: ALPHA, subject: 'Primary', year: academicYear('2026/27'), fte: 1.5 },
      { districtCode: BETA, subject: 'Mathematics', year: academicYear('2025/26'), fte: -2 },
    ],
    localLeavers: [{ districtCode: BETA, subject: 'Primary', leaversFte: 45, stockFte: 300 }],
  };
}

function run(overrides: ParameterOverrides) {
  const dataset = fixtureDataset();
  const inputs = buildModelInputs(
    dataset,
    resolveParameters(defaultParameters(dataset, TODAY), overrides),
  );
  return { inputs, result: runDeterministic(inputs) };
}

describe('stock-flow balance', () => {
  for (const [label, overrides] of [
    ['hand-worked', handWorkedOverrides()],
    ['busy', busyOverrides()],
    ['defaults', {}],
  ] as const) {
    it(`holds every year, in FTE and in teaching capacity (${label})`, () => {
      const { inputs, result } = run(overrides);
      const o = result.outputs;
      const cap0 = inputs.stageCapacity[0]!;
      let checked = 0;
      for (let area = 0; area < inputs.districtCount * inputs.groupCount; area++) {
        for (let t = 0; t < inputs.yearCount; t++) {
          const i = area * inputs.yearCount + t;
          const previousStock = t === 0 ? result.base.stockFte[area]! : o.stockFte[i - 1]!;
          const previousSupply = t === 0 ? result.base.supply[area]! : o.supply[i - 1]!;
          const inflows = o.returners[i]! + o.newToSector[i]! + o.netMovers[i]!;
          const newlyQualified = o.otherRouteEntrants[i]! + o.postgraduateEntrants[i]!;
          // S(t) = S(t-1) - leavers - working-hour losses + returners + new to sector + NQs + movers
          expect(o.stockFte[i]).toBeCloseTo(
            previousStock - o.leavers[i]! - o.workingHourLosses[i]! + inflows + newlyQualified,
            9,
          );
          // C(t) = C(t-1) - capacity lost + capacity regained as induction ends + entrants' capacity
          expect(o.supply[i]).toBeCloseTo(
            previousSupply -
              o.leaversCapacity[i]! -
              o.workingHourLossesCapacity[i]! +
              o.inductionGain[i]! +
              inflows +
              cap0 * newlyQualified,
            9,
          );
          checked++;
        }
      }
      expect(checked).toBe(2 * 19 * inputs.yearCount);
    });
  }

  it('meets demand exactly in a planned year that starts short', () => {
    const { inputs, result } = run(busyOverrides());
    const maths = inputs.groups.indexOf('Mathematics');
    const i = (0 * inputs.groupCount + maths) * inputs.yearCount + 2;
    expect(result.outputs.shortfall[i - 1]).toBeGreaterThan(0);
    expect(result.outputs.supply[i]).toBeCloseTo(result.outputs.demand[i]!, 9);
  });

  it('brings undergraduates in three years after they start, converted and apportioned', () => {
    const { inputs, result } = run(busyOverrides());
    const primary = inputs.groups.indexOf('Primary');
    // Alpha (10% of national FTE), 2025/26: assessment only 10 + undergraduates who started
    // 2022/23: 30 x 0.8 completion x 0.5 employment x 1 FTE per head = 12 -> 0.1 x 22 = 2.2.
    expect(result.outputs.otherRouteEntrants[primary * 3]).toBeCloseTo(2.2, 12);
    // 2027/28: 0.1 x (8 + 50 x 0.4) = 2.8
    expect(result.outputs.otherRouteEntrants[primary * 3 + 2]).toBeCloseTo(2.8, 12);
  });
});

describe('driver decomposition', () => {
  for (const [label, overrides] of [
    ['busy', busyOverrides()],
    ['defaults', {}],
    ['ptr mode', { demandMode: 'ptr' } as ParameterOverrides],
  ] as const) {
    it(`components sum to NQT need and drivers to the change in trainee need (${label})`, () => {
      const { inputs, result } = run(overrides);
      const drivers = decomposeDrivers(inputs, result);
      for (let i = 0; i < inputs.cellCount; i++) {
        const componentSum = NEED_COMPONENTS.reduce(
          (sum, name) => sum + drivers.components[name][i]!,
          0,
        );
        expect(componentSum).toBeCloseTo(result.outputs.nqtNeed[i]!, 9);
        const t = i % inputs.yearCount;
        if (t === 0) {
          expect(drivers.totalChange[i]).toBeNaN();
          continue;
        }
        const driverSum = DRIVER_NAMES.reduce((sum, name) => sum + drivers.change[name][i]!, 0);
        const change = result.outputs.traineeNeed[i]! - result.outputs.traineeNeed[i - 1]!;
        expect(drivers.totalChange[i]).toBe(change);
        expect(driverSum).toBeCloseTo(change, 9);
      }
    });
  }

  it('attributes a pupil-driven change to demand growth', () => {
    const { inputs, result } = run(handWorkedOverrides());
    const drivers = decomposeDrivers(inputs, result);
    const primary = inputs.groups.indexOf('Primary');
    // Alpha primary demand growth: t=1 +4.925, t=2 0, so the driver is (0 - 4.925)/0.9/0.4.
    expect(drivers.change.demandGrowth[primary * 3 + 1]).toBeCloseTo(-4.925 / 0.9 / 0.4, 9);
  });
});

describe('regionalisation', () => {
  it('shrinks a local leaver rate toward the national rate by its credibility weight', () => {
    const base = run(handWorkedOverrides());
    const local = run({
      ...handWorkedOverrides(),
      localLeavers: [{ districtCode: ALPHA, subject: 'Primary', leaversFte: 15, stockFte: 100 }],
    });
    // National stage-weighted rate of the hand-worked stock:
    // 0.1*0.1 + 0.1*0.1 + 0.2*0.05 + 0.5*0.05 + 0.1*0.2 = 0.075. Local rate 15/100 = 0.15.
    // k = 0.075 * 0.925 / 0.015^2 = 308.33; Z = 100 / 408.33 = 0.2449;
    // shrunk = 0.2449 * 0.15 + 0.7551 * 0.075 = 0.09337, so leavers scale by 0.09337 / 0.075.
    const z = credibilityWeight(100, 0.075, 0.015);
    expect(z).toBeCloseTo(100 / (100 + (0.075 * 0.925) / 0.000225), 12);
    const scale = (z * 0.15 + (1 - z) * 0.075) / 0.075;
    const primary = base.inputs.groups.indexOf('Primary');
    expect(local.result.outputs.leavers[primary * 3]).toBeCloseTo(
      base.result.outputs.leavers[primary * 3]! * scale,
      9,
    );
    // Beta is untouched.
    const beta = (1 * base.inputs.groupCount + primary) * 3;
    expect(local.result.outputs.leavers[beta]).toBe(base.result.outputs.leavers[beta]);
  });
});
