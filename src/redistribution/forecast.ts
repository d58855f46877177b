/**
 * Fill forecast: expected end-of-cycle recruitment of a partnership x subject and its range,
 * from the month reached and a recruitment curve (the share of final recruitment usually
 * reached by the end of each month of the October-September cycle).
 *
 * Method (a gamma-Poisson, i.e. beta/binomial-style, model whose uncertainty shrinks as the
 * cycle progresses):
 * - the cell's final recruitment has an unknown rate lambda with a gamma prior of mean
 *   `priorMean` (by default the allocation times the track record) and weight `priorWeight`,
 *   counted in cycle shares: 0.1 means the prior counts as much as 10% of a cycle's returns;
 * - by the month with curve share c, the recruits so far n ~ Poisson(c x lambda), so
 *   lambda | n ~ Gamma(alpha0 + n, beta0 + c) and the recruits still to come are negative
 *   binomial with r = alpha0 + n and p = (beta0 + c) / (beta0 + 1). The expected final is
 *   n + (1 - c)(alpha0 + n)/(beta0 + c), which is n / c when the prior weight is 0, and the
 *   spread falls to nothing in September (c = 1);
 * - when past years' returns are loaded, each past year gives its own curve and the forecast
 *   is the equal-weight mixture over those curves, so the range also carries the dispersion
 *   of the curve across years.
 * P10, P50 and P90 are quantiles of that predictive distribution (whole places).
 */
import type { Provenance } from '../data/types.ts';
import { CYCLE_MONTHS } from './cycle.ts';
import type { RecruitmentReturn } from './returns.ts';

export interface RecruitmentCurve {
  label: string;
  /** Cumulative share of final recruitment by the end of each cycle month, October first; the last is 1. */
  shares: readonly number[];
  provenance: Provenance;
  method: string;
}

/**
 * An assumed S-shaped cycle: slow in autumn, fastest January to June, complete in September.
 * No public monthly recruitment curve by partnership was found, so this is illustrative and
 * should be replaced by a curve fitted from past years' returns.
 */
export const DEFAULT_RECRUITMENT_CURVE: RecruitmentCurve = {
  label: 'Default curve (illustrative)',
  shares: [0.04, 0.1, 0.17, 0.27, 0.38, 0.5, 0.61, 0.71, 0.8, 0.88, 0.95, 1],
  provenance: 'illustrative',
  method:
    'Assumed shape, not from published data: recruitment builds from October, is fastest from January to June and is complete when courses start in September.',
};

/** Problems with an edited curve (empty when it is usable). */
export function curveProblems(shares: readonly number[]): string[] {
  const problems: string[] = [];
  if (shares.length !== CYCLE_MONTHS.length) {
    problems.push(
      `a curve needs ${CYCLE_MONTHS.length} monthly shares (October to September), not ${shares.length}`,
    );
    return problems;
  }
  shares.forEach((share, index) => {
    const month = CYCLE_MONTHS[index] as string;
    if (!Number.isFinite(share) || share <= 0 || share > 1) {
      problems.push(`${month}: share ${share} must be above 0 and at most 1`);
    } else if (index > 0 && share < (shares[index - 1] as number)) {
      problems.push(
        `${month}: share ${share} is below the previous month's; shares are cumulative`,
      );
    }
  });
  if (shares[shares.length - 1] !== 1)
    problems.push('September share must be 1 (recruitment is complete)');
  return problems;
}

/** A curve the user edited, checked. */
export function customCurve(shares: readonly number[], label = 'Edited curve'): RecruitmentCurve {
  const problems = curveProblems(shares);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  return {
    label,
    shares: [...shares],
    provenance: 'imported',
    method: 'Entered by the user.',
  };
}

export interface FittedCurves {
  /** The mean of the yearly curves, for display. */
  mean: RecruitmentCurve;
  /** One curve per complete past year; the forecast mixes them. */
  years: RecruitmentCurve[];
  /** Time periods skipped because they lack months or ended with no recruits. */
  skipped: string[];
}

/**
 * Fit curves from past years' returns: for each time period with all twelve months, the
 * region's recruited total at each month over its September total (made non-decreasing, as
 * a late withdrawal can dip the running total). Null when no year is complete.
 */
export function fitCurves(
  returns: readonly RecruitmentReturn[],
  exceptPeriod?: string,
): FittedCurves | null {
  const totals = new Map<string, number[]>();
  for (const r of returns) {
    if (r.timePeriod === exceptPeriod) continue;
    const months =
      totals.get(r.timePeriod) ?? new Array<number>(CYCLE_MONTHS.length).fill(Number.NaN);
    const previous = months[r.monthIndex - 1] as number;
    months[r.monthIndex - 1] = (Number.isNaN(previous) ? 0 : previous) + r.recruited;
    totals.set(r.timePeriod, months);
  }
  const years: RecruitmentCurve[] = [];
  const skipped: string[] = [];
  for (const [period, months] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    const final = months[months.length - 1] as number;
    if (months.some(Number.isNaN) || !(final > 0)) {
      skipped.push(period);
      continue;
    }
    let runningMax = 0;
    const shares = months.map((total) => {
      runningMax = Math.max(runningMax, Math.min(1, total / final));
      return runningMax;
    });
    shares[shares.length - 1] = 1;
    years.push({
      label: `Fitted from ${period} returns`,
      shares,
      provenance: 'derived',
      method: `Region total recruited at the end of each month of ${period} as a share of its September total.`,
    });
  }
  if (years.length === 0) return null;
  const mean = CYCLE_MONTHS.map(
    (_, m) => years.reduce((sum, y) => sum + (y.shares[m] as number), 0) / years.length,
  );
  return {
    mean: {
      label: `Mean of ${years.length} fitted year${years.length === 1 ? '' : 's'}`,
      shares: mean,
      provenance: 'derived',
      method: `Average of the curves fitted from ${years.map((y) => y.label.replace('Fitted from ', '')).join(', ')}.`,
    },
    years,
    skipped,
  };
}

export interface ForecastOptions {
  /** Curves to mix with equal weight (one per past year, or the single default/edited one). */
  curves: readonly RecruitmentCurve[];
  /** Prior weight in cycle shares (default 0.1). */
  priorWeight?: number;
}

/**
 * Predictive distribution of a cell's end-of-cycle recruitment. Plain data (no methods) so it
 * can cross a worker boundary: `futurePmf[j]` is the probability of j more recruits.
 */
export interface FinalDistribution {
  recruited: number;
  futurePmf: number[];
  expected: number;
  p10: number;
  p50: number;
  p90: number;
}

export const DEFAULT_PRIOR_WEIGHT = 0.1;
const PMF_TAIL = 1e-9;

/** log Gamma by the Lanczos approximation (g = 7), accurate to about 1e-13 for x > 0. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < c.length; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Negative binomial pmf with real r > 0 and success probability p in (0, 1], until the tail is negligible. */
function negativeBinomialPmf(r: number, p: number): number[] {
  if (r <= 0 || p >= 1) return [1];
  const pmf: number[] = [];
  let cumulative = 0;
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  const base = -logGamma(r);
  for (let j = 0; cumulative < 1 - PMF_TAIL; j++) {
    const value = Math.exp(base + logGamma(r + j) - logGamma(j + 1) + r * logP + j * logQ);
    pmf.push(value);
    cumulative += value;
    // Past the mode the terms shrink; stop on a negligible term even if rounding kept the sum short of 1.
    if (j > (r * (1 - p)) / p && value < PMF_TAIL * 1e-3) break;
  }
  return pmf;
}

function quantile(recruited: number, pmf: readonly number[], q: number): number {
  let cumulative = 0;
  for (let j = 0; j < pmf.length; j++) {
    cumulative += pmf[j] as number;
    if (cumulative >= q - 1e-12) return recruited + j;
  }
  return recruited + pmf.length - 1;
}

/**
 * Forecast one cell from its recruits so far at a cycle month (1 = October ... 12 = September).
 */
export function forecastFinal(
  recruited: number,
  monthIndex: number,
  priorMean: number,
  options: ForecastOptions,
): FinalDistribution {
  if (options.curves.length === 0)
    throw new RangeError('a forecast needs at least one recruitment curve');
  const priorWeight = options.priorWeight ?? DEFAULT_PRIOR_WEIGHT;
  const alpha0 = Math.max(0, priorMean) * priorWeight;
  const mixture: number[] = [];
  for (const curve of options.curves) {
    const share = curve.shares[monthIndex - 1];
    if (share === undefined) throw new RangeError(`month index ${monthIndex} is not 1..12`);
    const pmf = negativeBinomialPmf(alpha0 + recruited, (priorWeight + share) / (priorWeight + 1));
    pmf.forEach((value, j) => {
      mixture[j] = (mixture[j] ?? 0) + value / options.curves.length;
    });
  }
  const total = mixture.reduce((sum, value) => sum + value, 0);
  const futurePmf = mixture.map((value) => value / total);
  const expected = recruited + futurePmf.reduce((sum, value, j) => sum + value * j, 0);
  return {
    recruited,
    futurePmf,
    expected,
    p10: quantile(recruited, futurePmf, 0.1),
    p50: quantile(recruited, futurePmf, 0.5),
    p90: quantile(recruited, futurePmf, 0.9),
  };
}

/** P(final recruitment >= k): the chance that a k-th place is filled. */
export function probabilityAtLeast(distribution: FinalDistribution, k: number): number {
  const futureNeeded = k - distribution.recruited;
  if (futureNeeded <= 0) return 1;
  let below = 0;
  for (let j = 0; j < futureNeeded && j < distribution.futurePmf.length; j++) {
    below += distribution.futurePmf[j] as number;
  }
  return Math.max(0, 1 - below);
}

/** Expected recruitment when at most `limit` can be recruited: E[min(final, limit)] = sum of P(final >= k), k = 1..limit. */
export function expectedCapped(distribution: FinalDistribution, limit: number): number {
  let total = 0;
  for (let k = 1; k <= limit; k++) total += probabilityAtLeast(distribution, k);
  return total;
}

/** A distribution with no recruitment still to come (e.g. recruitment stopped). */
export function closedDistribution(recruited: number): FinalDistribution {
  return {
    recruited,
    futurePmf: [1],
    expected: recruited,
    p10: recruited,
    p50: recruited,
    p90: recruited,
  };
}
