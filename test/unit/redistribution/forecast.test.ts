import { describe, expect, it } from 'vitest';
import {
  CYCLE_MONTHS,
  DEFAULT_RECRUITMENT_CURVE,
  closedDistribution,
  curveProblems,
  customCurve,
  expectedCapped,
  fitCurves,
  forecastFinal,
  probabilityAtLeast,
  type RecruitmentReturn,
} from '../../../src/redistribution/index.ts';

/** Hand-made curve: straight line, so March (month 6) is exactly half way. */
const linear = customCurve(
  CYCLE_MONTHS.map((_, m) => (m + 1) / 12),
  'linear',
);
/** Another curve a quarter of the way by March. */
const slow = customCurve([0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.35, 0.5, 0.65, 0.8, 0.9, 1], 'slow');

describe('forecastFinal', () => {
  it('matches the hand-worked negative binomial at half way with no prior', () => {
    // n = 4 recruits, c = 0.5, prior weight 0: the recruits to come are NB(r = 4, p = 0.5):
    // P(j) = C(j + 3, j) / 2^(4 + j) = 1/16, 4/32, 10/64, 20/128, 35/256, 56/512, 84/1024, 120/2048, 165/4096, ...
    // cumulative 0.0625, 0.1875, 0.34375, 0.5, 0.637, 0.746, 0.828, 0.887, 0.927
    // so P10 = 4 + 1, P50 = 4 + 3, P90 = 4 + 8 and the mean is n / c = 8.
    const f = forecastFinal(4, 6, 0, { curves: [linear], priorWeight: 0 });
    expect(f.futurePmf.slice(0, 5)).toEqual(
      [1 / 16, 4 / 32, 10 / 64, 20 / 128, 35 / 256].map((p) => expect.closeTo(p, 8)),
    );
    expect(f.expected).toBeCloseTo(8, 6);
    expect([f.p10, f.p50, f.p90]).toEqual([5, 7, 12]);
  });

  it('leans on the prior early in the cycle', () => {
    // Prior mean 20 with weight 0.1 (alpha0 = 2, beta0 = 0.1); nothing recruited by October (c = 0.04):
    // expected = 0 + (1 - 0.04)(2 + 0)/(0.1 + 0.04) = 13.714...
    const f = forecastFinal(0, 1, 20, { curves: [DEFAULT_RECRUITMENT_CURVE], priorWeight: 0.1 });
    expect(f.expected).toBeCloseTo((0.96 * 2) / 0.14, 4);
  });

  it('narrows as the cycle progresses and is certain in September', () => {
    const widths = CYCLE_MONTHS.map((_, m) => {
      const share = linear.shares[m]!;
      const f = forecastFinal(Math.round(24 * share), m + 1, 24, { curves: [linear] });
      return f.p90 - f.p10;
    });
    for (let m = 1; m < widths.length; m++) expect(widths[m]).toBeLessThanOrEqual(widths[m - 1]!);
    expect(widths[11]).toBe(0);
    const september = forecastFinal(24, 12, 30, { curves: [linear] });
    expect([september.p10, september.expected, september.p90]).toEqual([24, 24, 24]);
  });

  it('mixes past years with equal weight, widening the range', () => {
    // With no prior, each curve alone expects n / c: 4 / 0.5 = 8 and 4 / 0.25 = 16; the mixture expects 12.
    const mixed = forecastFinal(4, 6, 0, { curves: [linear, slow], priorWeight: 0 });
    expect(mixed.expected).toBeCloseTo(12, 5);
    const single = forecastFinal(4, 6, 0, { curves: [linear], priorWeight: 0 });
    expect(mixed.p90 - mixed.p10).toBeGreaterThan(single.p90 - single.p10);
    expect(mixed.futurePmf.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
  });
});

describe('probabilities and capped expectation', () => {
  it('gives P(final >= k) and E[min(final, limit)] for a closed cell', () => {
    const closed = closedDistribution(5);
    expect([4, 5, 6].map((k) => probabilityAtLeast(closed, k))).toEqual([1, 1, 0]);
    expect(expectedCapped(closed, 3)).toBe(3);
    expect(expectedCapped(closed, 8)).toBe(5);
  });

  it('E[min(final, L)] is the sum of P(final >= k) and tends to the mean', () => {
    const f = forecastFinal(4, 6, 0, { curves: [linear], priorWeight: 0 });
    // P(final >= 5) = 1 - 1/16, P(final >= 6) = 1 - 3/16.
    expect(probabilityAtLeast(f, 5)).toBeCloseTo(15 / 16, 8);
    expect(expectedCapped(f, 6)).toBeCloseTo(4 + 15 / 16 + 13 / 16, 8);
    expect(expectedCapped(f, 400)).toBeCloseTo(f.expected, 6);
  });
});

describe('curves', () => {
  it('checks an edited curve', () => {
    expect(curveProblems(DEFAULT_RECRUITMENT_CURVE.shares)).toEqual([]);
    expect(curveProblems([0.5, 1])[0]).toMatch(/12 monthly shares/);
    const falling = [...linear.shares];
    falling[3] = 0.1;
    expect(curveProblems(falling)).toEqual([
      expect.stringMatching(/^January: .*below the previous month/),
    ]);
    expect(() => customCurve([...linear.shares.slice(0, 11), 0.9])).toThrow(
      /September share must be 1/,
    );
  });

  it('fits one curve per complete past year from the region totals', () => {
    const row = (
      timePeriod: string,
      monthIndex: number,
      code: string,
      recruited: number,
    ): RecruitmentReturn => ({
      timePeriod,
      month: CYCLE_MONTHS[monthIndex - 1]!,
      monthIndex,
      partnershipCode: code,
      partnershipName: code,
      subject: 'Physics',
      allocation: 20,
      applications: 50,
      offers: 30,
      recruited,
      withdrawn: 0,
    });
    // 202324: A recruits m and B recruits m each month, so the region has 2m of 24: share m / 12,
    // except a withdrawal in June (A drops back) which the running maximum smooths out.
    const past = CYCLE_MONTHS.flatMap((_, m) => [
      row('202324', m + 1, 'A', m === 8 ? 6 : m + 1),
      row('202324', m + 1, 'B', m + 1),
    ]);
    // 202425 lacks August: skipped. The current year is excluded.
    const incomplete = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12].map((m) => row('202425', m, 'A', m));
    const current = [row('202526', 1, 'A', 3)];
    const fitted = fitCurves([...past, ...incomplete, ...current], '202526');
    expect(fitted?.skipped).toEqual(['202425']);
    expect(fitted?.years).toHaveLength(1);
    const shares = fitted!.years[0]!.shares;
    expect(shares[0]).toBeCloseTo(2 / 24, 12);
    // June: (6 + 9) / 24 = 0.625 is below May's 16 / 24, so May's share is kept.
    expect(shares[8]).toBeCloseTo(16 / 24, 12);
    expect(shares[11]).toBe(1);
    expect(fitted!.mean.shares).toEqual(shares);
    expect(fitCurves(incomplete)).toBeNull();
  });
});
