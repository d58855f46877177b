import { describe, expect, it } from 'vitest';
import { SECONDARY_SUBJECTS, type SecondarySubject } from '../../../src/data/types.ts';
import { academicYear, addYears } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';
import {
  buildModelInputs,
  cellIndex,
  defaultParameters,
  resolveParameters,
  runDeterministic,
} from '../../../src/model/index.ts';
import {
  assessmentOnlyEntrants,
  postgraduatePipeline,
  undergraduateStarts,
} from '../../../src/model/routes.ts';
import { fixtureDataset } from './fixtures.ts';

const y = academicYear;
const NQT_YEARS = [y('2025/26'), y('2026/27'), y('2027/28')];
const shares = Object.fromEntries(SECONDARY_SUBJECTS.map((s) => [s, 0])) as Record<
  SecondarySubject,
  number
>;
shares.Mathematics = 0.6;
shares.Physics = 0.4;

/*
 * Route split, hand-worked (national, FTE per head 1).
 * Undergraduate new entrants (all phases): 2022/23 1,000; 2023/24 1,200 (the last published,
 * so 2024/25 holds 1,200). 80% primary; secondary by stock share (maths 0.6, physics 0.4):
 *   NQT 2025/26 <- entry 2022/23: primary 800, maths 0.2 x 0.6 x 1,000 = 120, physics 80
 *   NQT 2027/28 <- entry 2024/25 (held): primary 960
 * Assessment-only QTS awards: 2023/24 100, 2024/25 120 -> NQT years 2024/25 and 2025/26,
 * 2026/27 and 2027/28 hold 120. Split like the stock, primary share 0.5:
 *   NQT 2025/26: primary 60, maths 0.5 x 0.6 x 120 = 36
 * Postgraduate pipeline, primary, conversion 0.91 x 0.68 = 0.6188, all-route NQEs 2,000:
 *   NQT 2025/26 = 2,000 - 800 x 0.6188 - 60 = 2,000 - 495.04 - 60 = 1,444.96
 */
describe('the route split (hand-worked)', () => {
  const dataset = {
    ittNewEntrants: [
      {
        entryYear: y('2022/23'),
        courseLevel: 'Undergraduate' as const,
        phase: 'Total' as const,
        count: 1000,
      },
      {
        entryYear: y('2023/24'),
        courseLevel: 'Undergraduate' as const,
        phase: 'Total' as const,
        count: 1200,
      },
      // Postgraduate entrants are not another route: ignored here.
      {
        entryYear: y('2023/24'),
        courseLevel: 'Postgraduate' as const,
        phase: 'Total' as const,
        count: 9999,
      },
    ],
    qtsAwards: [
      { year: y('2023/24'), route: 'Assessment only route', count: 100 },
      { year: y('2024/25'), route: 'Assessment only route', count: 120 },
      { year: y('2024/25'), route: 'OTT recognised for QTS', count: 5000 },
    ],
  };

  it('brings undergraduates in three years after they start, split by phase and subject', () => {
    const starts = undergraduateStarts(dataset, shares, NQT_YEARS);
    expect(starts.Primary['2022/23' as never]).toBeCloseTo(800, 12);
    expect(starts.Mathematics['2022/23' as never]).toBeCloseTo(120, 12);
    expect(starts.Physics['2022/23' as never]).toBeCloseTo(80, 12);
    expect(starts.Primary['2024/25' as never]).toBeCloseTo(960, 12);
    expect(starts.History['2022/23' as never]).toBe(0);
  });

  it('counts assessment-only awards a year later, split like the stock', () => {
    const entrants = assessmentOnlyEntrants(dataset, shares, 0.5, () => 1, NQT_YEARS);
    expect(entrants.Primary['2025/26' as never]).toBeCloseTo(60, 12);
    expect(entrants.Mathematics['2025/26' as never]).toBeCloseTo(36, 12);
    expect(entrants.Primary['2027/28' as never]).toBeCloseTo(60, 12);
  });

  it('nets the other routes out of the all-route NQEs of the recruited cohorts only', () => {
    const conversion = 0.91 * 0.68;
    const starts = undergraduateStarts(dataset, shares, NQT_YEARS);
    const ao = assessmentOnlyEntrants(dataset, shares, 0.5, () => 1, NQT_YEARS);
    const pipeline = postgraduatePipeline(
      { ['2025/26' as never]: 2000, ['2026/27' as never]: 2100, ['2027/28' as never]: 2100 },
      (year) => (starts.Primary[addYears(year, -3)] ?? 0) * conversion + (ao.Primary[year] ?? 0),
      NQT_YEARS,
      // Planned from entry year 2026/27: only the 2025/26 NQT cohort (entry 2024/25 and
      // earlier) and 2026/27 (entry 2025/26) are recruited.
      [y('2026/27'), y('2027/28'), y('2028/29')],
    );
    expect(pipeline['2025/26' as never]).toBeCloseTo(2000 - 800 * conversion - 60, 9);
    expect(pipeline['2025/26' as never]).toBeCloseTo(1444.96, 2);
    expect(pipeline['2027/28' as never]).toBeNull();
  });
});

describe('the route split in the model (fixture, Alpha holds 10% of national FTE)', () => {
  // Other routes nationally, primary: undergraduates 20 x 0.8 x 0.91 x 0.68 = 9.9008 FTE (entry
  // 2022/23, held after it) and assessment only 4 x 0.5 = 2 FTE (the fixture's phases have equal
  // FTE): 11.9008, of which Alpha takes 10%: 1.19008.
  const dataset = {
    ...fixtureDataset(),
    ittNewEntrants: [
      {
        entryYear: y('2022/23'),
        courseLevel: 'Undergraduate' as const,
        phase: 'Total' as const,
        count: 20,
      },
    ],
    qtsAwards: [{ year: y('2024/25'), route: 'Assessment only route', count: 4 }],
  };
  const today = fixedClock('2026-12-03')();
  const inputs = buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, today)));
  const { outputs } = runDeterministic(inputs);
  const primary = inputs.groups.indexOf('Primary');
  const alphaOther = 0.1 * (20 * 0.8 * 0.91 * 0.68 + 2);

  it('supplies the recruited years with exactly the all-route NQEs, postgraduate plus the rest', () => {
    // Fixture all-route NQEs: 40 a year for primary, held; Alpha's share 10%: 4 FTE.
    const i = cellIndex(inputs, 0, primary, 0);
    expect(outputs.otherRouteEntrants[i]).toBeCloseTo(alphaOther, 9);
    expect(outputs.postgraduateEntrants[i]! + outputs.otherRouteEntrants[i]!).toBeCloseTo(4, 9);
  });

  it('takes the other routes out of the postgraduate need of the first planned year', () => {
    const plain = fixtureDataset();
    const without = runDeterministic(
      buildModelInputs(plain, resolveParameters(defaultParameters(plain, today))),
    );
    // The recruited years bring the same entrants either way, so 2028/29 (planned) starts from
    // the same stock and its postgraduate NQT need falls by exactly the other routes' FTE.
    const t = inputs.years.indexOf(y('2028/29'));
    const i = cellIndex(inputs, 0, primary, t);
    expect(outputs.otherRouteEntrants[i]).toBeCloseTo(alphaOther, 9);
    expect(without.outputs.nqtNeed[i]! - outputs.nqtNeed[i]!).toBeCloseTo(alphaOther, 9);
  });
});
