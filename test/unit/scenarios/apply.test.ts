/** Levers to model inputs, post-model adjustments and comparisons: hand-worked cases and invariants. */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEesCsv, formatEesMeta, parseCsv } from '../../../src/data/ees.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import {
  DRIVER_NAMES,
  defaultParameters,
  runDeterministic,
  type ModelInputs,
} from '../../../src/model/index.ts';
import {
  comparisonTable,
  describeIssues,
  differenceAt,
  driverDifference,
  driverTable,
  leverSeries,
  loadFormulaParser,
  localRunner,
  prepareScenario,
  runScenario,
  type Scenario,
  type ScenarioSetup,
} from '../../../src/scenarios/index.ts';
import { mentorCheck } from '../../../src/scenarios/mentors.ts';
import { applyRecruitmentShares } from '../../../src/scenarios/recruitment.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

let dataset: RegionDataset;
beforeAll(async () => {
  dataset = (await loadRegionDataset(nodeReader())).dataset;
});

const scenario = (
  levers: Scenario['levers'],
  run = { draws: 0, spread: 1, seed: 1 },
): Scenario => ({
  schemaVersion: 2,
  name: 'Test',
  description: '',
  levers,
  run,
});

async function setupOf(levers: Scenario['levers'], run?: Scenario['run']): Promise<ScenarioSetup> {
  const prepared = await prepareScenario(scenario(levers, run), dataset, TODAY);
  if (!prepared.ok) throw new Error(describeIssues(prepared.issues).join('\n'));
  return prepared.setup;
}

describe('lever values by year', () => {
  it('evaluates formulas for each projection year (year = start year, t = years after base)', async () => {
    // leverSeries is the synchronous step after prepareScenario has loaded the formula parser.
    await loadFormulaParser();
    const years = [academicYear('2025/26'), academicYear('2026/27'), academicYear('2027/28')];
    expect([...leverSeries({ formula: '1 + 0.1 * t' }, 'returnerMultiplier', years)]).toEqual([
      1.1, 1.2, 1.3,
    ]);
    expect([...leverSeries({ formula: 'year - 2025' }, 'returnerMultiplier', years)]).toEqual([
      0, 1, 2,
    ]);
    expect([...leverSeries(0.5, 'returnerMultiplier', years)]).toEqual([0.5, 0.5, 0.5]);
  });

  it('refuses a formula that leaves the lever range in some year, naming year and range', async () => {
    // Base year 2024/25: t = 3 is 2027/28, where 1 + t = 4 > 3.
    const prepared = await prepareScenario(
      scenario({ returnerMultiplier: { formula: '1 + t' } }),
      dataset,
      TODAY,
    );
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) {
      expect(describeIssues(prepared.issues)).toEqual([
        'levers.returnerMultiplier.formula: gives 4 in 2027/28; it must be between 0 and 3',
      ]);
    }
  });
});

describe('levers as model parameters', () => {
  it('multiplies leaving rates by stage and returners by year', async () => {
    const defaults = defaultParameters(dataset, TODAY);
    const setup = await setupOf({
      leaverRateMultipliers: { ect1: 3 },
      returnerMultiplier: { formula: '1 + 0.1 * t' },
    });
    expect(setup.parameters.leaverRates.Physics.ect1).toBeCloseTo(
      defaults.leaverRates.Physics.ect1 * 3,
      12,
    );
    expect(setup.parameters.leaverRates.Physics.ect2).toBe(defaults.leaverRates.Physics.ect2);
    expect(setup.parameters.returners.Primary[academicYear('2026/27')]).toBeCloseTo(
      defaults.returners.Primary[academicYear('2026/27')]! * 1.2,
      9,
    );
  });

  it('sets the working-hour loss rate of one phase and leaves the other at its default', async () => {
    const defaults = defaultParameters(dataset, TODAY);
    const setup = await setupOf({ workingHourLossRate: { primary: 0.01 } });
    // The lever is the rate itself: primary 0.01 (1% of FTE a year), secondary as estimated.
    expect(setup.parameters.workingHourLossRate).toEqual({
      primary: 0.01,
      secondary: defaults.workingHourLossRate.secondary,
    });
    expect([...setup.inputs.workingHourLossRate]).toEqual([
      0.01,
      defaults.workingHourLossRate.secondary,
    ]);
    // More hours lost in primary raises its need: each year's primary demand is unchanged and
    // the stock carried into it is smaller by at least 1% of the year before's.
    const base = (await setupOf({})).inputs;
    const run = (inputs: ModelInputs) => runDeterministic(inputs).outputs;
    const before = run(base);
    const after = run(setup.inputs);
    const Y = base.yearCount;
    expect(after.demand[Y - 1]).toBeCloseTo(before.demand[Y - 1]!, 9);
    expect(after.workingHourLosses[Y - 1]!).toBeGreaterThan(before.workingHourLosses[Y - 1]!);
  });

  it('compounds the pupil growth adjustment year on year', async () => {
    const base = (await setupOf({})).inputs;
    const adjusted = (await setupOf({ pupilGrowthAdjustment: { primary: -0.01 } })).inputs;
    const Y = base.yearCount;
    for (let t = 0; t < Y; t++) {
      // District 0, primary: P'(t) = P(t) x 0.99^(t+1); secondary unchanged.
      expect(adjusted.pupils[t]!).toBeCloseTo(base.pupils[t]! * 0.99 ** (t + 1), 9);
      expect(adjusted.pupils[Y + t]).toBe(base.pupils[Y + t]);
    }
  });

  it('brings iQTS arrivals to the region: completers x share gaining QTS x share coming here', async () => {
    // 1000 x 0.5 x 0.05 = 25 FTE a year across the region (FTE per head 1), split by subject,
    // on top of the default other routes (assessment only).
    const { inputs: base } = await setupOf({});
    const { inputs } = await setupOf({
      internationalQts: { completers: 1000, shareGainingQts: 0.5, shareComingToRegion: 0.05 },
    });
    for (let t = 0; t < inputs.yearCount; t++) {
      let sum = 0;
      for (let cell = 0; cell < inputs.districtCount * inputs.groupCount; cell++) {
        const i = cell * inputs.yearCount + t;
        sum += inputs.otherRouteEntrants[i]! - base.otherRouteEntrants[i]!;
      }
      expect(sum).toBeCloseTo(25, 6);
    }
    const { inputs: physicsOnly } = await setupOf({
      internationalQts: {
        completers: 1000,
        shareGainingQts: 0.5,
        shareComingToRegion: 0.05,
        subjects: ['Physics'],
      },
    });
    const physics = physicsOnly.groups.indexOf('Physics');
    let physicsSum = 0;
    for (let a = 0; a < physicsOnly.districtCount; a++) {
      const i = (a * physicsOnly.groupCount + physics) * physicsOnly.yearCount;
      physicsSum += physicsOnly.otherRouteEntrants[i]! - base.otherRouteEntrants[i]!;
    }
    expect(physicsSum).toBeCloseTo(25, 6);
  });
});

describe('recruitment as a share of allocation', () => {
  it('a share of 1 changes nothing', async () => {
    expect((await setupOf({ recruitmentShare: { Physics: 1 } })).recruitmentShares.size).toBe(0);
  });

  it('fixes each unrecruited year at share x the central need, in year order', async () => {
    const setup = await setupOf({ recruitmentShare: { Physics: 0.5 } });
    const g = setup.inputs.groups.indexOf('Physics');
    const before = setup.inputs;
    const planned = before.years.map((_, t) =>
      Number.isNaN(before.pipeline[g * before.yearCount + t]!),
    );
    expect(planned.some(Boolean)).toBe(true);
    const first = planned.indexOf(true);
    const centralNeed = runDeterministic(before).outputs.nqtNeed;
    const after = await applyRecruitmentShares(
      before,
      setup.recruitmentShares,
      async (inputs) => runDeterministic(inputs).outputs.nqtNeed,
    );
    for (let a = 0; a < before.districtCount; a++) {
      const i = (a * before.groupCount + g) * before.yearCount + first;
      // The first planned year's need is unaffected by the share, so it is the central need.
      expect(after.pipeline[i]).toBeCloseTo(0.5 * Math.max(0, centralNeed[i]!), 9);
    }
    const other = before.groups.indexOf('History');
    expect(Number.isNaN(after.pipeline[other * before.yearCount + first]!)).toBe(true);
  });
});

describe('mentor check (hand-worked)', () => {
  it('counts ECT1 entrants and ECT2 stayers against mentor places', () => {
    // One cell, two years. Base ECT1 stock 10, ECT1 leaving 10%, no working-hour loss.
    // Year 1: ECT1 = 20 + 0 = 20, ECT2 = 10 x 0.9 = 9 -> 29 ECTs, 30 places: none unmentored.
    // Year 2: ECT1 = 30 + 5 = 35, ECT2 = 20 x 0.9 = 18 -> 53 ECTs, 50 places: 3 unmentored.
    const inputs = {
      districtCount: 1,
      groupCount: 1,
      yearCount: 2,
      years: [academicYear('2025/26'), academicYear('2026/27')],
      groupPhase: Uint8Array.of(0),
      leaverRates: Float64Array.of(0.1, 0.08, 0.06, 0.09, 0.2),
      workingHourLossRate: Float64Array.of(0, 0),
      baseStock: Float64Array.of(10, 9, 20, 100, 10),
    } as unknown as ModelInputs;
    const outputs = {
      postgraduateEntrants: Float64Array.of(20, 30),
      otherRouteEntrants: Float64Array.of(0, 5),
    };
    const twoYears = mentorCheck(inputs, outputs, Float64Array.of(30, 50), 2);
    expect(twoYears.map((y) => [y.ects, y.unmentored])).toEqual([
      [29, 0],
      [53, 3],
    ]);
    expect(mentorCheck(inputs, outputs, Float64Array.of(30, 50), 1).map((y) => y.ects)).toEqual([
      20, 35,
    ]);
    expect(mentorCheck(inputs, outputs, Float64Array.of(30, 50), 0).map((y) => y.ects)).toEqual([
      0, 0,
    ]);
  });
});

describe('comparison', () => {
  const run = { draws: 40, spread: 1, seed: 5 };

  it('splits the difference from the baseline exactly by driver, for every total', async () => {
    const baseline = await runScenario(await setupOf({}, run), localRunner());
    const other = await runScenario(
      await setupOf(
        {
          leaverRateMultipliers: { ect1: 0.8 },
          completionRate: { Physics: 0.7 },
          pupilGrowthAdjustment: { secondary: 0.01 },
        },
        run,
      ),
      localRunner(),
    );
    const { layout } = other;
    for (let area = 0; area < layout.areas.length; area++) {
      for (let subject = 0; subject < layout.subjects.length; subject++) {
        for (let year = 0; year < layout.years.length; year++) {
          for (const output of ['nqtNeed', 'traineeNeed'] as const) {
            const at = { area, subject, year };
            const { parts, total } = driverDifference(other, baseline, output, at);
            const sum = DRIVER_NAMES.reduce((s, name) => s + parts[name], 0);
            expect(sum).toBeCloseTo(total, 8);
            expect(total).toBeCloseTo(differenceAt(other, baseline, output, at).central, 8);
          }
        }
      }
    }
    // Only the physics completion rate moves the conversion driver.
    const physics = layout.subjects.indexOf('Physics');
    const region = layout.areas.length - 1;
    expect(
      driverDifference(other, baseline, 'traineeNeed', { area: region, subject: physics, year: 0 })
        .parts.conversion,
    ).toBeGreaterThan(0);
    expect(
      driverDifference(other, baseline, 'traineeNeed', { area: region, subject: 0, year: 0 }).parts
        .conversion,
    ).toBe(0);
  });

  it('pairs draws by seed: a scenario minus itself is zero with a zero range', async () => {
    const a = await runScenario(await setupOf({}, run), localRunner());
    const b = await runScenario(await setupOf({}, run), localRunner());
    const region = a.layout.areas.length - 1;
    expect(differenceAt(b, a, 'nqtNeed', { area: region, subject: 0, year: 2 })).toEqual({
      central: 0,
      p10: 0,
      p50: 0,
      p90: 0,
    });
    // A district difference has no paired range.
    expect(differenceAt(b, a, 'nqtNeed', { area: 0, subject: 0, year: 2 }).p10).toBeNull();
  });

  it('writes tidy EES tables with a meta file', async () => {
    const baseline = await runScenario(await setupOf({}, run), localRunner());
    const other = await runScenario(
      await setupOf({ returnerMultiplier: 1.2 }, { ...run, draws: 0 }),
      localRunner(),
    );
    const table = comparisonTable([baseline, other]);
    const { layout } = baseline;
    expect(table.rows).toHaveLength(
      2 * layout.areas.length * layout.subjects.length * layout.years.length,
    );
    const csv = parseCsv(formatEesCsv(table));
    expect(csv.columns.slice(0, 3)).toEqual(['time_period', 'time_identifier', 'geographic_level']);
    expect(csv.rows.every((row) => Object.values(row).every((cell) => cell !== ''))).toBe(true);
    // The baseline's differences are not applicable; the other run had no draws, so no ranges.
    expect(csv.rows[0]!.nqt_need_fte_difference).toBe('z');
    expect(csv.rows.at(-1)!.nqt_need_fte_p10).toBe('x');
    const meta = parseCsv(formatEesMeta(table));
    expect(meta.rows.map((row) => row.col_name)).toEqual(table.columns.slice(7));
    expect(driverTable([baseline, other]).rows).toHaveLength(
      layout.areas.length * layout.subjects.length * layout.years.length,
    );
  });
});
