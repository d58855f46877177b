/**
 * The append-only ledger of in-year redistribution: every step (who, when, what, why) is an
 * entry; nothing is ever changed or deleted, and undo is a compensating entry. Current
 * allocations are derived by replaying the entries from the baseline, so whatever holds the
 * entries (IndexedDB, an exported file) is enough to reconstruct them.
 *
 * Each entry carries the SHA-256 hash of its contents and of the previous entry's hash (a
 * hash chain), an idempotency key naming the step (e.g. `<transfer id>:apply`), so a retried
 * write of the same step is recognised and cannot apply a transfer twice, and the ECDSA
 * signature of its actor's key, registered in the ledger's key list (ledger-keys.ts), so an
 * entry cannot be edited and re-hashed, nor made in someone else's name.
 */
import type { SubjectGroup } from '../data/types.ts';
import { MANAGER_SIGNER, type KeyList, type SignerId } from './ledger-keys.ts';
import { MAX_PLACES } from './ledger-schema.ts';
import { cellKey } from './returns.ts';
import type { TransferProposal } from './transfer-model.ts';
import { transition, type Role, type TransferStatus, type WorkflowEvent } from './workflow.ts';

export interface Actor {
  name: string;
  role: Role;
  /** The partnership a donor or recipient acts for; null for the manager. */
  partnershipCode: string | null;
}

export interface AllocationLine {
  partnershipCode: string;
  partnershipName: string;
  subject: SubjectGroup;
  places: number;
}

export interface TransferTerms {
  id: string;
  timePeriod: string;
  /** Cycle month (1 = October) of the returns the proposal was based on. */
  monthIndex: number;
  from: { partnershipCode: string; partnershipName: string; subject: SubjectGroup };
  to: { partnershipCode: string; partnershipName: string; subject: SubjectGroup };
  places: number;
  expectedGain: number;
  reason: string;
}

export type LedgerAction =
  | { type: 'baseline'; timePeriod: string; allocations: AllocationLine[] }
  | { type: 'propose'; transfer: TransferTerms }
  | { type: WorkflowEvent; transferId: string };

/** An entry before it is sealed into the chain. */
export interface LedgerDraft {
  ledgerId: string;
  idempotencyKey: string;
  /** ISO date-time of the step. */
  at: string;
  actor: Actor;
  action: LedgerAction;
  why: string;
}

export interface LedgerEntry extends LedgerDraft {
  /** 1, 2, 3, ... without gaps. */
  seq: number;
  prevHash: string;
  /** Id of the key that signed the entry, registered for its actor in the key list. */
  keyId: string;
  /** SHA-256 of the entry's contents (everything but the hash and the signature). */
  hash: string;
  /** ECDSA P-256 signature of those same contents by the actor's key (base64url). */
  signature: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Whose key must sign a step: the manager's, or the acting partnership's. */
export function signerOf(actor: Actor): SignerId {
  return actor.role === 'manager' ? MANAGER_SIGNER : (actor.partnershipCode ?? '');
}

export interface TransferRecord {
  terms: TransferTerms;
  status: TransferStatus;
  /** The entries of this transfer, in order (proposal first). */
  steps: LedgerEntry[];
}

export interface LedgerState {
  ledgerId: string;
  timePeriod: string | null;
  /** Current allocation by cell key (partnership|subject). */
  allocations: ReadonlyMap<string, AllocationLine>;
  transfers: ReadonlyMap<string, TransferRecord>;
  entries: readonly LedgerEntry[];
  headHash: string;
  /** The manager-signed list of keys allowed to sign entries; null before the baseline. */
  keyList: KeyList | null;
}

export function emptyLedgerState(ledgerId: string): LedgerState {
  return {
    ledgerId,
    timePeriod: null,
    allocations: new Map(),
    transfers: new Map(),
    entries: [],
    headHash: GENESIS_HASH,
    keyList: null,
  };
}

// ---- drafting the steps --------------------------------------------------------------------

export function baselineDraft(
  ledgerId: string,
  timePeriod: string,
  allocations: readonly AllocationLine[],
  actor: Actor,
  at: string,
  why: string,
): LedgerDraft {
  return {
    ledgerId,
    idempotencyKey: `${ledgerId}:baseline`,
    at,
    actor,
    action: { type: 'baseline', timePeriod, allocations: allocations.map((a) => ({ ...a })) },
    why,
  };
}

export function proposalDraft(
  ledgerId: string,
  proposal: TransferProposal,
  timePeriod: string,
  monthIndex: number,
  actor: Actor,
  at: string,
): LedgerDraft {
  const transfer: TransferTerms = {
    id: proposal.id,
    timePeriod,
    monthIndex,
    from: { ...proposal.from },
    to: { ...proposal.to },
    places: proposal.places,
    expectedGain: proposal.expectedGain,
    reason: proposal.reason,
  };
  return {
    ledgerId,
    idempotencyKey: `${proposal.id}:propose`,
    at,
    actor,
    action: { type: 'propose', transfer },
    why: proposal.reason,
  };
}

/** A workflow step on a transfer; each step happens at most once, so its key is fixed. */
export function stepDraft(
  ledgerId: string,
  transferId: string,
  event: WorkflowEvent,
  actor: Actor,
  at: string,
  why: string,
): LedgerDraft {
  return {
    ledgerId,
    idempotencyKey: `${transferId}:${event}`,
    at,
    actor,
    action: { type: event, transferId },
    why,
  };
}

// ---- replay ---------------------------------------------------------------------------------

interface Working {
  timePeriod: string | null;
  allocations: Map<string, AllocationLine>;
  transfers: Map<string, TransferRecord>;
}

/** Why a step cannot follow the ledger so far, or null when it can. */
function stepProblem(working: Working, draft: LedgerDraft): string | null {
  const { action, actor } = draft;
  if ((actor.role === 'manager') !== (actor.partnershipCode === null)) {
    return actor.role === 'manager'
      ? 'the manager does not act for a partnership'
      : `a ${actor.role} must act for a partnership`;
  }
  if (action.type === 'baseline') {
    if (actor.role !== 'manager') return 'only the manager sets the baseline allocation';
    const absurd = action.allocations.find(
      (line) => !(Number.isInteger(line.places) && line.places >= 0 && line.places <= MAX_PLACES),
    );
    if (absurd !== undefined) {
      return `${absurd.partnershipCode} ${absurd.subject} cannot start with ${absurd.places} places (0 to ${MAX_PLACES} whole places)`;
    }
    return working.timePeriod === null ? null : 'the ledger already has its baseline allocation';
  }
  if (working.timePeriod === null) return 'the ledger must start with the baseline allocation';
  if (action.type === 'propose') {
    const t = action.transfer;
    if (working.transfers.has(t.id)) return `transfer ${t.id} has already been proposed`;
    if (!(Number.isInteger(t.places) && t.places > 0 && t.places <= MAX_PLACES))
      return `a transfer must move a whole number of places from 1 to ${MAX_PLACES}, not ${t.places}`;
    if (t.from.partnershipCode === t.to.partnershipCode && t.from.subject === t.to.subject) {
      return 'a transfer must move places to a different partnership or subject';
    }
    const donor = working.allocations.get(cellKey(t.from.partnershipCode, t.from.subject));
    if (donor === undefined)
      return `${t.from.partnershipCode} has no ${t.from.subject} allocation to give`;
    return null;
  }
  const record = working.transfers.get(action.transferId);
  if (record === undefined) return `transfer ${action.transferId} has not been proposed`;
  const result = transition(record.status, action.type, actor.role, draft.why);
  if (!result.ok) return result.reason;
  const t = record.terms;
  if (actor.role === 'donor' && actor.partnershipCode !== t.from.partnershipCode) {
    return `only ${t.from.partnershipCode} can act as the donor of this transfer`;
  }
  if (actor.role === 'recipient' && actor.partnershipCode !== t.to.partnershipCode) {
    return `only ${t.to.partnershipCode} can act as the recipient of this transfer`;
  }
  if (action.type === 'apply') {
    const donor = working.allocations.get(cellKey(t.from.partnershipCode, t.from.subject));
    const held = donor?.places ?? 0;
    if (held < t.places) {
      return `${t.from.partnershipCode} now holds ${held} ${t.from.subject} places, fewer than the ${t.places} to move`;
    }
  }
  if (action.type === 'undo') {
    const recipient = working.allocations.get(cellKey(t.to.partnershipCode, t.to.subject));
    const held = recipient?.places ?? 0;
    if (held < t.places) {
      return `${t.to.partnershipCode} now holds ${held} ${t.to.subject} places, fewer than the ${t.places} to give back`;
    }
  }
  return null;
}

function addPlaces(working: Working, line: Omit<AllocationLine, 'places'>, change: number): void {
  const key = cellKey(line.partnershipCode, line.subject);
  const current = working.allocations.get(key);
  working.allocations.set(key, {
    partnershipCode: line.partnershipCode,
    partnershipName: current?.partnershipName ?? line.partnershipName,
    subject: line.subject,
    places: (current?.places ?? 0) + change,
  });
}

function applyToWorking(working: Working, entry: LedgerEntry): void {
  const { action } = entry;
  if (action.type === 'baseline') {
    working.timePeriod = action.timePeriod;
    for (const line of action.allocations)
      working.allocations.set(cellKey(line.partnershipCode, line.subject), { ...line });
    return;
  }
  if (action.type === 'propose') {
    working.transfers.set(action.transfer.id, {
      terms: action.transfer,
      status: 'proposed',
      steps: [entry],
    });
    return;
  }
  const record = working.transfers.get(action.transferId)!;
  const next = transition(record.status, action.type, entry.actor.role, entry.why);
  if (!next.ok) throw new Error(next.reason);
  working.transfers.set(action.transferId, {
    ...record,
    status: next.status,
    steps: [...record.steps, entry],
  });
  const t = record.terms;
  if (action.type === 'apply') {
    addPlaces(working, t.from, -t.places);
    addPlaces(working, t.to, t.places);
  } else if (action.type === 'undo') {
    addPlaces(working, t.to, -t.places);
    addPlaces(working, t.from, t.places);
  }
}

function toWorking(state: LedgerState): Working {
  return {
    timePeriod: state.timePeriod,
    allocations: new Map(state.allocations),
    transfers: new Map(state.transfers),
  };
}

/** Why a draft step cannot be appended to the ledger now, or null when it can. */
export function draftProblem(state: LedgerState, draft: LedgerDraft): string | null {
  if (draft.ledgerId !== state.ledgerId)
    return `the step belongs to ledger ${draft.ledgerId}, not ${state.ledgerId}`;
  return stepProblem(toWorking(state), draft);
}

export type ReplayResult =
  { ok: true; state: LedgerState } | { ok: false; seq: number; reason: string };

/**
 * Rebuild allocations and transfer statuses from the entries, checking every step (not the
 * signatures: ledger-file.ts verifies those for files; the browser's own store is trusted).
 */
export function replayLedger(
  ledgerId: string,
  entries: readonly LedgerEntry[],
  keyList: KeyList | null = null,
): ReplayResult {
  const working: Working = { timePeriod: null, allocations: new Map(), transfers: new Map() };
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1)
      return { ok: false, seq: entry.seq, reason: `entry ${index + 1} is numbered ${entry.seq}` };
    const problem =
      entry.ledgerId !== ledgerId
        ? `it belongs to ledger ${entry.ledgerId}`
        : stepProblem(working, entry);
    if (problem !== null) return { ok: false, seq: entry.seq, reason: problem };
    applyToWorking(working, entry);
  }
  return {
    ok: true,
    state: {
      ledgerId,
      ...working,
      entries: [...entries],
      headHash: entries.length === 0 ? GENESIS_HASH : entries[entries.length - 1]!.hash,
      keyList,
    },
  };
}

/** The state after an entry that `draftProblem` allowed (its key list is the caller's). */
export function withEntry(state: LedgerState, entry: LedgerEntry, keyList: KeyList): LedgerState {
  const working = toWorking(state);
  applyToWorking(working, entry);
  return {
    ledgerId: state.ledgerId,
    ...working,
    entries: [...state.entries, entry],
    headHash: entry.hash,
    keyList,
  };
}

/** Allocation lines of the ledger's current state, sorted by partnership and subject. */
export function currentAllocations(state: LedgerState): AllocationLine[] {
  return [...state.allocations.values()].sort(
    (a, b) =>
      a.partnershipCode.localeCompare(b.partnershipCode) || a.subject.localeCompare(b.subject),
  );
}
