/**
 * The spreads of the Monte Carlo's drawn flows, calibrated from the history of the TWM series:
 * the earlier publication's projections against the latest one's outturn, or, without an
 * earlier publication, each phase's year-on-year movement.
 */
import type {
  AcademicYear,
  NationalFlow,
  NationalFlowType,
  Phase,
  RegionDataset,
  SecondarySubject,
} from '../data/types.ts';
import { SECONDARY_SUBJECTS } from '../data/types.ts';
import { DRAWN_FLOWS, perPhase, type DrawnFlow, type FlowSpread } from './parameter-types.ts';
import { constant } from './constants.ts';
import { COVID_YEARS } from './calibration.ts';

/** The TWM flow each drawn flow is calibrated on. */
export const DRAWN_FLOW_TYPES: Record<DrawnFlow, NationalFlowType> = {
  leaverRate: 'Total leaver rate',
  returners: 'Returners',
  newToSector: 'New to state-funded sector entrants',
  pipeline: 'Newly qualified entrants',
};

/** One phase's value of a flow type in a year: primary's Total; secondary over its subjects. */
function phaseValue(
  flows: ReadonlyMap<string, number>,
  phase: Phase,
  type: NationalFlowType,
  year: AcademicYear,
  stockShares: Readonly<Record<SecondarySubject, number>>,
): { total: number; bySubject: Map<SecondarySubject, number> } | null {
  if (phase === 'primary') {
    const value = flows.get(`primary|Total|${type}|${year}`);
    return value === undefined ? null : { total: value, bySubject: new Map() };
  }
  const bySubject = new Map<SecondarySubject, number>();
  let total = 0;
  for (const subject of SECONDARY_SUBJECTS) {
    const value = flows.get(`secondary|${subject}|${type}|${year}`);
    if (value === undefined) return null;
    bySubject.set(subject, value);
    // Rates are stock-weighted means; counts add up.
    total += type.endsWith('rate') ? stockShares[subject] * value : value;
  }
  return { total, bySubject };
}

/**
 * The years the spreads are calibrated on: projected by the earlier publication and recorded
 * by the latest, COVID years left out. The backtest marks its comparisons in these years as
 * in sample and leaves them out of its coverage.
 */
export function publicationErrorYears(
  latest: readonly NationalFlow[],
  earlier: readonly NationalFlow[],
): AcademicYear[] {
  return [...new Set(earlier.filter((f) => !f.historic).map((f) => f.year))]
    .filter((year) => !COVID_YEARS.includes(year))
    .filter((year) => latest.some((f) => f.historic && f.year === year))
    .sort();
}

/**
 * Spreads of the drawn flows from the TWM's own forecast errors: what the earlier publication
 * projected for a year against what the latest one records for it (its first trajectory
 * years that are now historic, COVID years left out). For each flow:
 *   phase error e_P = outturn / projection - 1 (secondary: of the subjects' total, rates
 *   stock-weighted), and its SD the root mean square over phases and years, pooled because
 *   there are only two phases;
 *   subject error e_s - e_P, its SD the stock-weighted root mean square over the subjects.
 * A flow is left out when no year has both (e.g. a dataset without the earlier publication).
 */
export function publicationErrorSpreads(
  latest: readonly NationalFlow[],
  earlier: readonly NationalFlow[],
  stockShares: Readonly<Record<SecondarySubject, number>>,
): Partial<Record<DrawnFlow, FlowSpread>> {
  const index = (flows: readonly NationalFlow[], historic: boolean) =>
    new Map(
      flows
        .filter((f) => f.historic === historic && Number.isFinite(f.value))
        .map((f) => [`${f.phase}|${f.subject}|${f.type}|${f.year}`, f.value]),
    );
  const outturn = index(latest, true);
  const projected = index(earlier, false);
  const years = publicationErrorYears(latest, earlier);
  const spreads: Partial<Record<DrawnFlow, FlowSpread>> = {};
  for (const flow of DRAWN_FLOWS) {
    const type = DRAWN_FLOW_TYPES[flow];
    const phaseErrors: number[] = [];
    const subjectVariances: number[] = [];
    for (const year of years) {
      for (const phase of ['primary', 'secondary'] as const) {
        const now = phaseValue(outturn, phase, type, year, stockShares);
        const then = phaseValue(projected, phase, type, year, stockShares);
        if (!now || !then || !(then.total > 0)) continue;
        const error = now.total / then.total - 1;
        phaseErrors.push(error);
        if (phase === 'primary') continue;
        let variance = 0;
        for (const subject of SECONDARY_SUBJECTS) {
          const before = then.bySubject.get(subject)!;
          if (!(before > 0)) continue;
          const deviation = now.bySubject.get(subject)! / before - 1 - error;
          variance += stockShares[subject] * deviation ** 2;
        }
        subjectVariances.push(variance);
      }
    }
    if (phaseErrors.length === 0) continue;
    const rms = Math.sqrt(phaseErrors.reduce((sum, e) => sum + e * e, 0) / phaseErrors.length);
    const subject =
      subjectVariances.length === 0
        ? 0
        : Math.sqrt(subjectVariances.reduce((a, b) => a + b, 0) / subjectVariances.length);
    spreads[flow] = { phase: { primary: rms, secondary: rms }, subject };
  }
  return spreads;
}

/**
 * Historic phase-level series of one flow type by year. Primary has a 'Total' series;
 * the TWM publishes secondary by subject only, so secondary counts are summed over subjects
 * and rates averaged with the subjects' stock shares as weights.
 */
export function historicPhaseSeries(
  dataset: Pick<RegionDataset, 'nationalFlows'>,
  phase: Phase,
  type: NationalFlowType,
  stockShares: Readonly<Record<SecondarySubject, number>>,
): { year: AcademicYear; value: number }[] {
  const best = new Map<string, NationalFlow>();
  for (const flow of dataset.nationalFlows) {
    if (flow.phase !== phase || flow.type !== type || !flow.historic) continue;
    if (phase === 'primary' && flow.subject !== 'Total') continue;
    if (phase === 'secondary' && (flow.subject === 'Total' || flow.subject === 'Primary')) continue;
    if (!Number.isFinite(flow.value)) continue;
    const key = `${flow.subject}|${flow.year}`;
    const seen = best.get(key);
    if (!seen || flow.publicationYear > seen.publicationYear) best.set(key, flow);
  }
  const isRate = type.endsWith('rate');
  const weight = (subject: string) =>
    phase === 'primary' || !isRate ? 1 : (stockShares[subject as SecondarySubject] ?? 0);
  const byYear = new Map<AcademicYear, { sum: number; weights: number }>();
  for (const flow of best.values()) {
    const entry = byYear.get(flow.year) ?? { sum: 0, weights: 0 };
    entry.sum += weight(flow.subject) * flow.value;
    entry.weights += weight(flow.subject);
    byYear.set(flow.year, entry);
  }
  return [...byYear.keys()].sort().map((year) => {
    const { sum, weights } = byYear.get(year)!;
    return { year, value: isRate ? (weights > 0 ? sum / weights : 0) : sum };
  });
}

/**
 * SD of the year-on-year log change of a series, leaving out changes into or out of a COVID
 * year: how much a one-year-ahead level can move when no publication error is at hand.
 */
export function logChangeSd(
  series: readonly { year: AcademicYear; value: number }[],
  fallback: number,
): number {
  const changes: number[] = [];
  for (let i = 1; i < series.length; i++) {
    const previous = series[i - 1]!;
    const current = series[i]!;
    if (COVID_YEARS.includes(previous.year) || COVID_YEARS.includes(current.year)) continue;
    if (previous.value > 0 && current.value > 0)
      changes.push(Math.log(current.value / previous.value));
  }
  if (changes.length < 3) return fallback;
  const mean = changes.reduce((sum, value) => sum + value, 0) / changes.length;
  const variance =
    changes.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (changes.length - 1);
  return Math.sqrt(variance);
}

/**
 * Spreads of the drawn flows: the TWM's publication-to-publication errors where the dataset
 * has the earlier publication; else each phase's historic year-on-year movement (COVID years
 * left out) for the phase shock and the named fallback for subjects.
 */
export function drawnFlowSpreads(
  dataset: RegionDataset,
  stockShares: Record<SecondarySubject, number>,
): Record<DrawnFlow, FlowSpread> {
  const fromPublications = publicationErrorSpreads(
    dataset.nationalFlows,
    dataset.earlierNationalFlows,
    stockShares,
  );
  const fallback = constant('relativeSdFallback');
  const spreads = {} as Record<DrawnFlow, FlowSpread>;
  for (const flow of DRAWN_FLOWS) {
    spreads[flow] = fromPublications[flow] ?? {
      phase: perPhase((phase) =>
        logChangeSd(
          historicPhaseSeries(dataset, phase, DRAWN_FLOW_TYPES[flow], stockShares),
          fallback,
        ),
      ),
      subject: fallback,
    };
  }
  return spreads;
}
