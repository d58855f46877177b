/**
 * The transfer LP: move releasable places (unlikely to be filled) to partnerships that can
 * absorb them, within a subject or an allowed substitution group, maximising expected
 * regional recruitment weighted by cold-spot need.
 *
 * Expected recruitment of a cell recruiting to a limit L is E[min(final, L)] = sum over
 * k = 1..L of P(final >= k), so the k-th place above L is worth P(final >= L + k) and the j-th
 * place released from the top is worth P(final >= L - j + 1). Gains fall and losses rise
 * place by place, so the objective is concave and piecewise linear; it is written with one
 * [0, 1] "segment" column per place:
 *
 *   maximise  sum_q sum_k w_q P_q(L_q + k) absorb[q,k] - sum_d sum_j w_d P_d(L_d - j + 1) release[d,j]
 *             - sum_arcs (moveCost + substitutionPenalty if subjects differ) move[d,q]
 *   release_d:  sum_q move[d,q] - sum_j release[d,j] = 0
 *   absorb_q:   sum_d move[d,q] - sum_k absorb[q,k] = 0
 *   0 <= move[d,q] <= min(releasable_d, absorbable_q), whole places
 *
 * w is the need weight (1 = average; higher in cold spots). The rows form a network matrix,
 * so the LP optimum is already in whole places; moves are still marked integer as a guard.
 * With all weights 1 and no penalties, the objective is exactly the change in expected
 * regional recruitment.
 */
import type { SubjectGroup } from '../data/types.ts';
import type { SolverEngine, SolveStatus } from '../solver/engine.ts';
import { ModelBuilder, type LinearModel } from '../solver/model.ts';
import { cellKey } from './returns.ts';
import { probabilityAtLeast, type FinalDistribution } from './forecast.ts';

/** One partnership x subject as the transfer model sees it. */
export interface TransferCell {
  partnershipCode: string;
  partnershipName: string;
  subject: SubjectGroup;
  /** Current allocation (from the ledger). */
  allocation: number;
  /** What it may recruit to under the rules switched on (at least the allocation). */
  limit: number;
  /** Places it could train in the subject; null when not known. */
  capacity: number | null;
  recruited: number;
  /** Offers made and not yet accepted or withdrawn. */
  pendingOffers: number;
  forecast: FinalDistribution;
  /** Cold-spot need weight of the districts it supplies (1 = average). */
  needWeight: number;
  /** False when a stop notice has closed recruitment. */
  open: boolean;
}

export interface TransferOptions {
  /** Groups of subjects whose places may substitute for each other (e.g. the three sciences). */
  substitutionGroups: readonly (readonly SubjectGroup[])[];
  /** A place is releasable when the chance it is filled is below this. */
  releaseThreshold: number;
  /** A recipient takes a place only when the chance of filling it is at least this. */
  absorbThreshold: number;
  /** Objective cost per place moved: ties go to fewer moves. */
  moveCost: number;
  /** Extra cost per place moved to a different subject of a substitution group. */
  substitutionPenalty: number;
  /** Most places one cell may release or absorb in one run (keeps the model small). */
  maxPlacesPerCell: number;
}

export const DEFAULT_TRANSFER_OPTIONS: TransferOptions = {
  substitutionGroups: [],
  releaseThreshold: 0.2,
  absorbThreshold: 0.5,
  moveCost: 0.001,
  substitutionPenalty: 0.05,
  maxPlacesPerCell: 200,
};

/** The sciences, the usual substitution group (switched on by the manager, not by default). */
export const SCIENCE_SUBSTITUTION_GROUP: readonly SubjectGroup[] = [
  'Biology',
  'Chemistry',
  'Physics',
];

export interface TransferArc {
  donor: TransferCell;
  recipient: TransferCell;
  column: number;
}

export interface TransferModel {
  lp: LinearModel;
  arcs: TransferArc[];
  /** Places each donor cell could release (by cell key), with each place's fill probability. */
  releasable: Map<string, number[]>;
  /** Places each recipient cell could absorb (by cell key), with each place's fill probability. */
  absorbable: Map<string, number[]>;
}

function releasePlaces(cell: TransferCell, options: TransferOptions): number[] {
  const committed = cell.recruited + cell.pendingOffers;
  const probabilities: number[] = [];
  for (let j = 1; j <= Math.min(cell.allocation - committed, options.maxPlacesPerCell); j++) {
    const probability = probabilityAtLeast(cell.forecast, cell.limit - j + 1);
    if (probability >= options.releaseThreshold) break;
    probabilities.push(probability);
  }
  return probabilities;
}

function absorbPlaces(cell: TransferCell, options: TransferOptions): number[] {
  if (!cell.open) return [];
  const room = cell.capacity === null ? options.maxPlacesPerCell : cell.capacity - cell.allocation;
  const probabilities: number[] = [];
  for (let k = 1; k <= Math.min(room, options.maxPlacesPerCell); k++) {
    const probability = probabilityAtLeast(cell.forecast, cell.limit + k);
    if (probability < options.absorbThreshold) break;
    probabilities.push(probability);
  }
  return probabilities;
}

function substitutable(a: SubjectGroup, b: SubjectGroup, options: TransferOptions): boolean {
  return (
    a === b || options.substitutionGroups.some((group) => group.includes(a) && group.includes(b))
  );
}

/** Build the transfer LP as plain data (engine-neutral LinearModel). */
export function buildTransferModel(
  cells: readonly TransferCell[],
  options: TransferOptions = DEFAULT_TRANSFER_OPTIONS,
): TransferModel {
  const builder = new ModelBuilder('in_year_transfers', 'maximize');
  const releasable = new Map<string, number[]>();
  const absorbable = new Map<string, number[]>();
  for (const cell of cells) {
    const key = cellKey(cell.partnershipCode, cell.subject);
    const release = releasePlaces(cell, options);
    const absorb = absorbPlaces(cell, options);
    if (release.length > 0) releasable.set(key, release);
    if (absorb.length > 0) absorbable.set(key, absorb);
  }
  const donors = cells.filter((c) => releasable.has(cellKey(c.partnershipCode, c.subject)));
  const recipients = cells.filter((c) => absorbable.has(cellKey(c.partnershipCode, c.subject)));
  const arcs: TransferArc[] = [];
  for (const donor of donors) {
    for (const recipient of recipients) {
      if (donor === recipient || !substitutable(donor.subject, recipient.subject, options))
        continue;
      const bound = Math.min(
        releasable.get(cellKey(donor.partnershipCode, donor.subject))!.length,
        absorbable.get(cellKey(recipient.partnershipCode, recipient.subject))!.length,
      );
      const cost =
        options.moveCost + (donor.subject === recipient.subject ? 0 : options.substitutionPenalty);
      const column = builder.addColumn(
        `move_${donor.partnershipCode}_${donor.subject}_to_${recipient.partnershipCode}_${recipient.subject}`,
        -cost,
        0,
        bound,
        'integer',
      );
      arcs.push({ donor, recipient, column });
    }
  }
  for (const donor of donors) {
    const places = releasable.get(cellKey(donor.partnershipCode, donor.subject))!;
    const outgoing = arcs.filter((a) => a.donor === donor);
    if (outgoing.length === 0) continue;
    const segments = places.map((probability, j) =>
      builder.addColumn(
        `release_${donor.partnershipCode}_${donor.subject}_${j + 1}`,
        -donor.needWeight * probability,
        0,
        1,
        'continuous',
      ),
    );
    builder.addRow(`release_${donor.partnershipCode}_${donor.subject}`, 0, 0, [
      ...outgoing.map((a) => [a.column, 1] as const),
      ...segments.map((column) => [column, -1] as const),
    ]);
  }
  for (const recipient of recipients) {
    const places = absorbable.get(cellKey(recipient.partnershipCode, recipient.subject))!;
    const incoming = arcs.filter((a) => a.recipient === recipient);
    if (incoming.length === 0) continue;
    const segments = places.map((probability, k) =>
      builder.addColumn(
        `absorb_${recipient.partnershipCode}_${recipient.subject}_${k + 1}`,
        recipient.needWeight * probability,
        0,
        1,
        'continuous',
      ),
    );
    builder.addRow(`absorb_${recipient.partnershipCode}_${recipient.subject}`, 0, 0, [
      ...incoming.map((a) => [a.column, 1] as const),
      ...segments.map((column) => [column, -1] as const),
    ]);
  }
  return { lp: builder.build(), arcs, releasable, absorbable };
}

/** A proposed move of places, with its reason in words. */
export interface TransferProposal {
  /** Stable id: donor, recipient and the time period/month it was proposed for. */
  id: string;
  from: { partnershipCode: string; partnershipName: string; subject: SubjectGroup };
  to: { partnershipCode: string; partnershipName: string; subject: SubjectGroup };
  places: number;
  /** Expected extra recruits at the recipient minus expected recruits lost at the donor. */
  expectedGain: number;
  /** The same, weighted by cold-spot need. */
  weightedGain: number;
  reason: string;
}

export interface TransferPlan {
  status: SolveStatus | 'nothing-to-move';
  /** The engine's words, or why nothing could move. */
  detail: string;
  proposals: TransferProposal[];
  placesMoved: number;
  expectedGain: number;
  weightedGain: number;
  model: TransferModel;
}

function describeForecast(cell: TransferCell): string {
  const f = cell.forecast;
  const range = f.p10 === f.p90 ? `${f.p50}` : `${f.p50} (likely range ${f.p10} to ${f.p90})`;
  return `${cell.partnershipName} (${cell.partnershipCode}) has recruited ${cell.recruited} of ${cell.allocation} ${cell.subject} places${
    cell.pendingOffers > 0
      ? ` with ${cell.pendingOffers} offer${cell.pendingOffers === 1 ? '' : 's'} pending`
      : ''
  } and is forecast to reach ${range}`;
}

function percent(probability: number, bound: 'at most' | 'at least'): string {
  const rounded = Math.round(probability * 100);
  if (rounded === 0 && probability > 0) return 'under 1%';
  if (rounded === 100 && probability < 1) return 'over 99%';
  return `${bound} ${rounded}%`;
}

function round1(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/**
 * Turn a solution of the transfer LP into proposals. Each proposal's gain takes the next
 * places of its donor and recipient in turn, so the proposals' gains add up to the total.
 */
export function proposalsFromSolution(
  model: TransferModel,
  colValue: ArrayLike<number>,
  proposalPrefix: string,
): TransferProposal[] {
  const releasedSoFar = new Map<string, number>();
  const absorbedSoFar = new Map<string, number>();
  const proposals: TransferProposal[] = [];
  for (const arc of model.arcs) {
    const places = Math.round(colValue[arc.column] ?? 0);
    if (places <= 0) continue;
    const donorKey = cellKey(arc.donor.partnershipCode, arc.donor.subject);
    const recipientKey = cellKey(arc.recipient.partnershipCode, arc.recipient.subject);
    const released = releasedSoFar.get(donorKey) ?? 0;
    const absorbed = absorbedSoFar.get(recipientKey) ?? 0;
    const losses = model.releasable.get(donorKey)!.slice(released, released + places);
    const gains = model.absorbable.get(recipientKey)!.slice(absorbed, absorbed + places);
    releasedSoFar.set(donorKey, released + places);
    absorbedSoFar.set(recipientKey, absorbed + places);
    const loss = losses.reduce((s, p) => s + p, 0);
    const gain = gains.reduce((s, p) => s + p, 0);
    const weightedGain = arc.recipient.needWeight * gain - arc.donor.needWeight * loss;
    const subjects =
      arc.donor.subject === arc.recipient.subject
        ? `${arc.donor.subject}`
        : `${arc.donor.subject} place${places === 1 ? '' : 's'} as ${arc.recipient.subject}`;
    const reason = [
      `Move ${places} ${subjects} place${places === 1 ? '' : 's'} from ${arc.donor.partnershipCode} to ${arc.recipient.partnershipCode}.`,
      `${describeForecast(arc.donor)}, so ${places === 1 ? 'this place is' : 'these places are'} unlikely to be filled (chance of filling ${places === 1 ? 'it' : 'each'} ${percent(Math.max(...losses), 'at most')}).`,
      `${describeForecast(arc.recipient)}, more than the ${arc.recipient.limit} it may recruit to (chance of filling ${places === 1 ? 'the extra place' : 'each extra place'} ${percent(Math.min(...gains), 'at least')}).`,
      `Expected regional recruitment rises by ${round1(gain - loss)}${
        arc.recipient.needWeight !== 1 || arc.donor.needWeight !== 1
          ? ` (${round1(weightedGain)} weighted by cold-spot need: recipient weight ${round1(arc.recipient.needWeight)}, donor ${round1(arc.donor.needWeight)})`
          : ''
      }.`,
    ].join(' ');
    proposals.push({
      id: `${proposalPrefix}:${arc.donor.partnershipCode}:${arc.donor.subject}>${arc.recipient.partnershipCode}:${arc.recipient.subject}`,
      from: {
        partnershipCode: arc.donor.partnershipCode,
        partnershipName: arc.donor.partnershipName,
        subject: arc.donor.subject,
      },
      to: {
        partnershipCode: arc.recipient.partnershipCode,
        partnershipName: arc.recipient.partnershipName,
        subject: arc.recipient.subject,
      },
      places,
      expectedGain: gain - loss,
      weightedGain,
      reason,
    });
  }
  return proposals;
}

/** Build and solve the transfer model with the project's solver layer. */
export function proposeTransfers(
  cells: readonly TransferCell[],
  engine: SolverEngine,
  proposalPrefix: string,
  options: TransferOptions = DEFAULT_TRANSFER_OPTIONS,
  timeLimitSeconds = 10,
): TransferPlan {
  const model = buildTransferModel(cells, options);
  const empty = (status: TransferPlan['status'], detail: string): TransferPlan => ({
    status,
    detail,
    proposals: [],
    placesMoved: 0,
    expectedGain: 0,
    weightedGain: 0,
    model,
  });
  if (model.arcs.length === 0) {
    const reason =
      model.releasable.size === 0
        ? 'no partnership has places that are unlikely to be filled'
        : model.absorbable.size === 0
          ? 'no partnership has candidates beyond its allocation and room to train them'
          : 'no partnership with spare places recruits to a subject that one with extra candidates can use';
    return empty('nothing-to-move', `Nothing to move: ${reason}.`);
  }
  const result = engine.solve(model.lp, { timeLimitSeconds, lpMethod: 'simplex' });
  if (!result.hasSolution) return empty(result.status, result.detail);
  const proposals = proposalsFromSolution(model, result.colValue, proposalPrefix);
  return {
    status: result.status,
    detail: result.detail,
    proposals,
    placesMoved: proposals.reduce((s, p) => s + p.places, 0),
    expectedGain: proposals.reduce((s, p) => s + p.expectedGain, 0),
    weightedGain: proposals.reduce((s, p) => s + p.weightedGain, 0),
    model,
  };
}
