import { describe, expect, it } from 'vitest';
import {
  buildModelInputs,
  defaultParameters,
  resolveParameters,
  runDeterministic,
  runDraws,
} from '../../../src/model/index.ts';
import { fixtureDataset, plannedRegionNeedWidths } from './fixtures.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/**
 * Intakes of the years not yet recruited are planned on the central forecast. A draw stands for
 * one possible outturn: its error in a year's need is not met by that year's intake (which was
 * planned before the outturn was known) but shows as a shortfall or surplus carried forward.
 */
const TODAY = fixedClock('2026-12-03')();
const dataset = fixtureDataset();
const inputs = buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, TODAY)));
const DRAWS = 400;
const draws = runDraws(inputs, { seed: 3, firstDraw: 0, drawCount: DRAWS });
const central = runDeterministic(inputs);
const Y = inputs.yearCount;
const plannedYears = [...Array(Y).keys()].filter((t) => Number.isNaN(inputs.pipeline[t]));

describe('planned intakes in the Monte Carlo', () => {
  it('the fixture has recruited years and at least two planned years', () => {
    expect(plannedYears.length).toBeGreaterThanOrEqual(2);
    expect(plannedYears[0]).toBeGreaterThan(0);
  });

  it("every draw's planned intake is the central projection's, not the draw's own need", () => {
    const drawn = draws.outputs.postgraduateEntrants!;
    const need = draws.outputs.nqtNeed!;
    let differs = 0;
    for (let d = 0; d < DRAWS; d++) {
      for (let cell = 0; cell < inputs.cellCount; cell++) {
        if (!Number.isNaN(inputs.pipeline[cell]!)) continue;
        const value = drawn[d * inputs.cellCount + cell]!;
        expect(value).toBe(central.outputs.postgraduateEntrants[cell]);
        if (Math.abs(Math.max(0, need[d * inputs.cellCount + cell]!) - value) > 1e-6) differs++;
      }
    }
    // The draws' needs do move, so planning on them would have given other intakes.
    expect(differs).toBeGreaterThan(0);
  });

  it('hand-worked identity: the gap carries forward, a surplus on top of the new gap', () => {
    // Supply after year t = what stayed + every inflow, and need is what would bring it from
    // W(t-1) = min(C, D) to demand; so an intake short of the need by x NQTs leaves supply
    // short of demand by cap_ECT1 x x, plus whatever surplus the year before had:
    //   C(t) - D(t) = cap_ECT1 (Q(t) - N(t)) + max(0, C(t-1) - D(t-1)).
    const cap0 = inputs.stageCapacity[0]!;
    const { supply, demand, postgraduateEntrants, nqtNeed } = draws.outputs;
    let shortOrOver = 0;
    for (let d = 0; d < 50; d++) {
      for (let cell = 0; cell < inputs.cellCount; cell++) {
        if (cell % Y === 0) continue;
        const i = d * inputs.cellCount + cell;
        const gap = cap0 * (postgraduateEntrants![i]! - nqtNeed![i]!);
        if (Math.abs(gap) > 1e-6) shortOrOver++;
        expect(supply![i]! - demand![i]!).toBeCloseTo(
          gap + Math.max(0, supply![i - 1]! - demand![i - 1]!),
          6,
        );
      }
    }
    expect(shortOrOver).toBeGreaterThan(0);
  });

  it('the range of the region total trainee need widens with the horizon over planned years', () => {
    const widths = plannedRegionNeedWidths(inputs, draws.outputs.traineeNeed!, DRAWS);
    expect(widths).toHaveLength(plannedYears.length);
    for (let k = 1; k < widths.length; k++) {
      expect(widths[k]!).toBeGreaterThan(widths[k - 1]!);
    }
  });
});
