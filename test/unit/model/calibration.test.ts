import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type { AcademicYear, RegionDataset, SecondarySubject } from '../../../src/data/types.ts';
import { SECONDARY_SUBJECTS } from '../../../src/data/types.ts';
import { academicYear, addYears } from '../../../src/data/academic-year.ts';
import {
  CAREER_STAGES,
  buildModelInputs,
  calibrateStages,
  defaultParameters,
  earlyCareerHazards,
  resolveParameters,
  runDeterministic,
  type ModelParameters,
} from '../../../src/model/index.ts';
import {
  COVID_YEARS,
  calibrationYears,
  flowConsistentStockShares,
  identityResidualRate,
  type FlowLookup,
} from '../../../src/model/calibration.ts';
import { publicationErrorSpreads } from '../../../src/model/spread-calibration.ts';
import { fixedClock } from '../../../src/data/clock.ts';
import { fixtureDataset } from './fixtures.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

const y = academicYear;

/*
 * Flow-consistent stock shares, hand-worked. Phase stock S: 2022/23 1000, 2023/24 1000,
 * 2024/25 1010; working-hour loss rate h = 0.01; calibration years 2023/24 and 2024/25.
 * Mathematics: inflows 60 and 62, leaver rate 0.1 both years:
 *   sum inflow 122; sum outflow (0.1 + 0.01) 1000 + 0 + (0.1 + 0.01) 1000 + 10 = 230
 *   raw share 122 / 230 = 0.530435
 * Physics: inflows 20 and 21, leaver rate 0.12: 41 / (130 + 0 + 130 + 10) = 41 / 270 = 0.151852
 * Others has no flows and keeps its hour share 0.2; Mathematics (hours 0.5) and Physics
 * (hours 0.3) share the other 0.8 in proportion to their raw shares:
 *   Mathematics 0.8 x 0.530435 / 0.682287 = 0.621949, Physics 0.8 x 0.151852 / 0.682287 = 0.178051
 */
describe('flow-consistent subject stock shares (hand-worked)', () => {
  const stock: Record<string, number> = { '2022/23': 1000, '2023/24': 1000, '2024/25': 1010 };
  const flows: Record<string, Record<string, [number, number]>> = {
    Mathematics: { inflow: [60, 62], rate: [0.1, 0.1] },
    Physics: { inflow: [20, 21], rate: [0.12, 0.12] },
  };
  const years = [y('2023/24'), y('2024/25')];
  // The inflow is all returners here; the other two inflow types are zero.
  const flow: FlowLookup = (group, type, year) => {
    const subject = flows[group];
    const t = years.indexOf(year);
    if (!subject || t < 0) return undefined;
    if (type === 'Total leaver rate') return subject.rate![t];
    if (type === 'Returners') return subject.inflow![t];
    if (type === 'New to state-funded sector entrants' || type === 'Newly qualified entrants') {
      return 0;
    }
    return undefined;
  };
  const hours = Object.fromEntries(SECONDARY_SUBJECTS.map((s) => [s, 0])) as Record<
    SecondarySubject,
    number
  >;
  hours.Mathematics = 0.5;
  hours.Physics = 0.3;
  hours.Others = 0.2;

  it('matches the worked figures', () => {
    const shares = flowConsistentStockShares(flow, years, (year) => stock[year], 0.01, hours);
    const maths = 122 / 230;
    const physics = 41 / 270;
    expect(shares.Mathematics).toBeCloseTo((0.8 * maths) / (maths + physics), 12);
    expect(shares.Mathematics).toBeCloseTo(0.621949, 6);
    expect(shares.Physics).toBeCloseTo(0.178051, 6);
    expect(shares.Others).toBeCloseTo(0.2, 12);
    expect(shares.History).toBe(0);
    expect(SECONDARY_SUBJECTS.reduce((sum, s) => sum + shares[s], 0)).toBeCloseTo(1, 12);
  });
});

/*
 * Working-hour losses from the identity, hand-worked: S(2022/23) 1000, S(2023/24) 990,
 * leaver rate 0.1, inflows 95: loss = (1000 - 990 - 100 + 95) / 1000 = 0.005.
 * S(2024/25) 985, rate 0.1, inflows 92: loss = (990 - 985 - 99 + 92) / 990 = -0.00202.
 * Mean: (0.005 - 0.0020202) / 2 = 0.0014899.
 */
describe('working-hour losses from the stock-flow identity (hand-worked)', () => {
  it('is the mean unexplained loss as a share of the opening stock', () => {
    const stock: Record<string, number> = { '2022/23': 1000, '2023/24': 990, '2024/25': 985 };
    const inflow: Record<string, number> = { '2023/24': 95, '2024/25': 92 };
    const rate = identityResidualRate(
      [y('2023/24'), y('2024/25')],
      (year) => stock[year],
      () => 0.1,
      (year) => inflow[year],
    );
    expect(rate).toBeCloseTo((0.005 + -2 / 990) / 2, 12);
  });

  it('leaves the COVID years out of every calibration', () => {
    const years = calibrationYears(y('2024/25'), () => true);
    expect(years).toEqual(['2017/18', '2018/19', '2022/23', '2023/24', '2024/25']);
    for (const year of COVID_YEARS) expect(years).not.toContain(year);
  });
});

describe('career-stage leaving calibrated to gross leaving by service length', () => {
  const hazard = earlyCareerHazards();
  for (const [label, ect1, under55, over55] of [
    ['primary-like', 0.033, 0.077, 0.017],
    ['secondary-like', 0.045, 0.075, 0.019],
    ['low leaving', 0.04, 0.03, 0.01],
  ] as const) {
    it(`reproduces the under-55 rate with leaving falling by service (${label})`, () => {
      const { shares, rates, scale } = calibrateStages(ect1, under55, over55);
      const under55Leaving =
        shares.ect1 * rates.ect1 +
        shares.ect2 * rates.ect2 +
        shares.years3to5 * rates.years3to5 +
        shares.years6plus * rates.years6plus;
      expect(under55Leaving).toBeCloseTo(under55, 9);
      expect(shares.over55 * rates.over55).toBeCloseTo(over55, 12);
      expect(CAREER_STAGES.reduce((sum, stage) => sum + shares[stage], 0)).toBeCloseTo(1, 12);
      // The published shape, scaled: year 1, years 2-3 and the 6+ rate (years 4-5 hazard).
      expect(rates.ect1).toBeCloseTo(scale * hazard.year1, 12);
      expect(rates.ect2).toBeCloseTo(scale * hazard.years2to3, 12);
      expect(rates.years6plus).toBeCloseTo(scale * hazard.years4to5, 12);
      expect(rates.ect1).toBeGreaterThan(rates.ect2);
      expect(rates.ect2).toBeGreaterThan(rates.years3to5);
      expect(rates.years3to5).toBeGreaterThanOrEqual(rates.years6plus);
    });
  }
});

/*
 * The total leaver rate sets the level of leaving; the under-55 and 55+ rates only split it.
 * The 2025 TWM file rounds each rate to three decimals: primary 2015/16 reads under 55 0.077,
 * 55+ 0.026 and total 0.102 (the 2026 file: 0.076424 + 0.025950 = 0.102374), so its parts add
 * up to 0.103. Hand-worked, every year at those rounded figures:
 *   under-55 leaving 0.102 x 0.077 / 0.103 = 0.0762524
 *   55+ leaving      0.102 x 0.026 / 0.103 = 0.0257476
 *   all stages       0.102 (not 0.103: 0.1 points of stock a year, 220 FTE of England's primary)
 */
describe('career-stage leaving adds up to the total leaver rate (hand-worked)', () => {
  it('splits the total rate by the under-55 and 55+ rates when they do not add up to it', () => {
    const dataset = fixtureDataset();
    const rounded: Partial<Record<string, number>> = {
      'Under 55 leaver rate': 0.077,
      '55+ leaver rate': 0.026,
      'Total leaver rate': 0.102,
    };
    dataset.nationalFlows = dataset.nationalFlows.map((f) =>
      f.phase === 'primary' && rounded[f.type] !== undefined
        ? { ...f, value: rounded[f.type]! }
        : f,
    );
    const parameters = defaultParameters(dataset, TODAY);
    const shares = parameters.stageShares.Primary;
    const rates = parameters.leaverRates.Primary;
    const leaving = (stages: readonly (typeof CAREER_STAGES)[number][]) =>
      stages.reduce((sum, stage) => sum + shares[stage] * rates[stage], 0);
    expect(leaving(CAREER_STAGES)).toBeCloseTo(0.102, 12);
    expect(leaving(['over55'])).toBeCloseTo(0.0257476, 7);
    expect(leaving(['ect1', 'ect2', 'years3to5', 'years6plus'])).toBeCloseTo(0.0762524, 7);
  });
});

describe('the default dataset: subject stocks consistent with their flows', () => {
  let dataset: RegionDataset;
  let parameters: ModelParameters;
  beforeAll(async () => {
    dataset = (await loadRegionDataset(nodeReader())).dataset;
    parameters = resolveParameters(defaultParameters(dataset, TODAY));
  });

  const publishedFlow = (subject: string, type: string, year: AcademicYear) =>
    dataset.nationalFlows.find(
      (f) =>
        f.phase === 'secondary' &&
        f.subject === subject &&
        f.type === type &&
        f.year === year &&
        f.publicationYear === 2026,
    )?.value;
  const flowValue = (subject: string, type: string, year: AcademicYear) =>
    publishedFlow(subject, type, year)!;
  const stock = (year: AcademicYear) =>
    dataset.nationalPupilTeacher.find((r) => r.phase === 'secondary' && r.year === year)!
      .teacherFte;

  /** Over the calibration years: (inflows - leavers) / stock of a subject with stock share x. */
  const netGrowth = (subject: SecondarySubject, share: number) => {
    let net = 0;
    let exposure = 0;
    for (const year of calibrationYears(y('2024/25'), () => true)) {
      const before = share * stock(addYears(year, -1));
      net +=
        flowValue(subject, 'Returners', year) +
        flowValue(subject, 'New to state-funded sector entrants', year) +
        flowValue(subject, 'Newly qualified entrants', year) -
        flowValue(subject, 'Total leaver rate', year) * before;
      exposure += before;
    }
    return net / exposure;
  };

  it('gives every subject the same net growth per FTE from its published flows', () => {
    const flowShares = SECONDARY_SUBJECTS.map((s) =>
      netGrowth(s, parameters.subjectStockShares[s]),
    );
    const hourShares = SECONDARY_SUBJECTS.map((s) =>
      netGrowth(s, dataset.subjectShares.find((share) => share.subject === s)!.share),
    );
    // Flow-consistent stocks: one rate for all (h + growth); teaching hours: several points apart.
    expect(Math.max(...flowShares) - Math.min(...flowShares)).toBeLessThan(1e-4);
    expect(Math.max(...hourShares) - Math.min(...hourShares)).toBeGreaterThan(0.05);
  });

  it('gives each district the published rates per FTE of every flow, in every subject', () => {
    const inputs = buildModelInputs(dataset, parameters);
    const { outputs, base } = runDeterministic(inputs);
    const year = inputs.years[0]!;
    const nationalFte = stock(y('2024/25'));
    for (let a = 0; a < inputs.districtCount; a++) {
      SECONDARY_SUBJECTS.forEach((subject) => {
        const g = inputs.groups.indexOf(subject);
        const area = a * inputs.groupCount + g;
        const i = area * inputs.yearCount;
        const nationalStock = nationalFte * parameters.subjectStockShares[subject];
        const perFte = (value: number) => value / base.stockFte[area]!;
        expect(perFte(outputs.returners[i]!)).toBeCloseTo(
          flowValue(subject, 'Returners', year) / nationalStock,
          12,
        );
        expect(perFte(outputs.newToSector[i]!)).toBeCloseTo(
          flowValue(subject, 'New to state-funded sector entrants', year) / nationalStock,
          12,
        );
        // Newly qualified entrants of every route: postgraduate plus the other routes.
        expect(
          perFte(outputs.postgraduateEntrants[i]! + outputs.otherRouteEntrants[i]!),
        ).toBeCloseTo(flowValue(subject, 'Newly qualified entrants', year) / nationalStock, 12);
        // Leavers: the calibration target, the mean of the TWM projection years' total rate.
        const target = (type: string) =>
          inputs.years
            .map((projection) => publishedFlow(subject, type, projection))
            .filter((v) => v !== undefined)
            .reduce((sum, v, _, all) => sum + v / all.length, 0);
        expect(perFte(outputs.leavers[i]!)).toBeCloseTo(target('Total leaver rate'), 12);
      });
    }
  });

  it('estimates working-hour losses of a few tenths of a percent of stock a year', () => {
    expect(parameters.workingHourLossRate.primary).toBeGreaterThan(0.003);
    expect(parameters.workingHourLossRate.primary).toBeLessThan(0.006);
    expect(parameters.workingHourLossRate.secondary).toBeGreaterThan(0.001);
    expect(parameters.workingHourLossRate.secondary).toBeLessThan(0.005);
  });
});

/*
 * Spreads from publication-to-publication errors, hand-worked. One year (2024/25) projected by
 * the earlier publication and recorded by the latest; returners only (the other flows alike):
 *   primary 1,000 projected, 900 recorded: error -10%;
 *   secondary: Mathematics 100 -> 120 (+20%), Physics 100 -> 100 (0%); the phase total
 *   200 -> 220: +10%. Phase SD = sqrt((0.1^2 + 0.1^2) / 2) = 0.1 (both phases pooled).
 *   Subject deviations from +10%: maths +10%, physics -10%, stock shares 0.5 each:
 *   SD = sqrt(0.5 x 0.01 + 0.5 x 0.01) = 0.1.
 */
describe('uncertainty calibrated on publication-to-publication errors (hand-worked)', () => {
  const flow = (
    phase: 'primary' | 'secondary',
    subject: string,
    value: number,
    historic: boolean,
    publicationYear: number,
  ) => ({
    phase,
    subject: subject as never,
    type: 'Returners' as const,
    year: y('2024/25'),
    value,
    historic,
    publicationYear,
  });
  const shares = Object.fromEntries(SECONDARY_SUBJECTS.map((s) => [s, 0])) as Record<
    SecondarySubject,
    number
  >;
  shares.Mathematics = 0.5;
  shares.Physics = 0.5;
  const others = SECONDARY_SUBJECTS.filter((s) => s !== 'Mathematics' && s !== 'Physics');
  const latest = [
    flow('primary', 'Total', 900, true, 2026),
    flow('secondary', 'Mathematics', 120, true, 2026),
    flow('secondary', 'Physics', 100, true, 2026),
    ...others.map((s) => flow('secondary', s, 0, true, 2026)),
  ];
  const earlier = [
    flow('primary', 'Total', 1000, false, 2025),
    flow('secondary', 'Mathematics', 100, false, 2025),
    flow('secondary', 'Physics', 100, false, 2025),
    ...others.map((s) => flow('secondary', s, 0, false, 2025)),
  ];

  it('pools the phase errors and weighs the subject errors by stock', () => {
    const spreads = publicationErrorSpreads(latest, earlier, shares);
    expect(spreads.returners!.phase.primary).toBeCloseTo(0.1, 12);
    expect(spreads.returners!.phase.secondary).toBeCloseTo(0.1, 12);
    expect(spreads.returners!.subject).toBeCloseTo(0.1, 12);
    // No leaver rates in either publication: left to the fallback.
    expect(spreads.leaverRate).toBeUndefined();
  });

  it('has nothing to calibrate on without a projection that is now outturn', () => {
    expect(publicationErrorSpreads(latest, [], shares)).toEqual({});
  });
});
