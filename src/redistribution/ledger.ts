/**
 * The append-only ledger of in-year redistribution: every step (who, when, what, why) is an
 * entry; nothing is ever changed or deleted, and undo is a compensating entry. Current
 * allocations are derived by replaying the entries from the baseline, so whatever holds the
 * entries (IndexedDB, an exported file) is enough to reconstruct them.
 *
 * Each entry carries the SHA-256 hash of its contents and of the previous entry's hash (a
 * hash chain), and an idempotency key naming the step (e.g. `<transfer id>:apply`), so a
 * retried write of the same step is recognised and cannot apply a transfer twice.
 */
import { z } from 'zod';
import type { DataIssue, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import { cellKey } from './returns.ts';
import type { TransferProposal } from './transfer-model.ts';
import {
  transition,
  WORKFLOW_EVENTS,
  type Role,
  type TransferStatus,
  type WorkflowEvent,
} from './workflow.ts';

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
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
export const LEDGER_FILE_FORMAT = 'teacher-supply-planner-ledger';
export const LEDGER_FILE_VERSION = 1;

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
}

export function emptyLedgerState(ledgerId: string): LedgerState {
  return {
    ledgerId,
    timePeriod: null,
    allocations: new Map(),
    transfers: new Map(),
    entries: [],
    headHash: GENESIS_HASH,
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
  if (action.type === 'baseline') {
    return working.timePeriod === null ? null : 'the ledger already has its baseline allocation';
  }
  if (working.timePeriod === null) return 'the ledger must start with the baseline allocation';
  if (action.type === 'propose') {
    const t = action.transfer;
    if (working.transfers.has(t.id)) return `transfer ${t.id} has already been proposed`;
    if (!(Number.isInteger(t.places) && t.places > 0))
      return `a transfer must move a whole number of places above 0, not ${t.places}`;
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

/** Rebuild allocations and transfer statuses from the entries, checking every step. */
export function replayLedger(ledgerId: string, entries: readonly LedgerEntry[]): ReplayResult {
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
    },
  };
}

// ---- hashing --------------------------------------------------------------------------------

/** JSON with object keys sorted at every level, so equal contents always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The hash an entry must carry: SHA-256 of its contents including seq and prevHash. */
export function entryHash(entry: Omit<LedgerEntry, 'hash'>): Promise<string> {
  const { seq, ledgerId, idempotencyKey, at, actor, action, why, prevHash } = entry;
  return sha256Hex(
    canonicalJson({ seq, ledgerId, idempotencyKey, at, actor, action, why, prevHash }),
  );
}

/** Seal a draft as the entry after `previous` (null for the first). */
export async function sealEntry(
  previous: LedgerEntry | null,
  draft: LedgerDraft,
): Promise<LedgerEntry> {
  const unsealed = {
    ...draft,
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: await entryHash(unsealed) };
}

export type AppendResult =
  | { ok: true; state: LedgerState; entry: LedgerEntry; duplicate: boolean }
  | { ok: false; state: LedgerState; reason: string };

/**
 * Append one step in memory. A step whose idempotency key is already in the ledger is a
 * retry: the entry already held is returned and nothing changes.
 */
export async function appendStep(state: LedgerState, draft: LedgerDraft): Promise<AppendResult> {
  const existing = state.entries.find((e) => e.idempotencyKey === draft.idempotencyKey);
  if (existing !== undefined) return { ok: true, state, entry: existing, duplicate: true };
  const problem = draftProblem(state, draft);
  if (problem !== null) return { ok: false, state, reason: problem };
  const previous = state.entries[state.entries.length - 1] ?? null;
  const entry = await sealEntry(previous, draft);
  const working = toWorking(state);
  applyToWorking(working, entry);
  return {
    ok: true,
    duplicate: false,
    entry,
    state: {
      ledgerId: state.ledgerId,
      ...working,
      entries: [...state.entries, entry],
      headHash: entry.hash,
    },
  };
}

// ---- export and import ----------------------------------------------------------------------

export interface LedgerFile {
  format: typeof LEDGER_FILE_FORMAT;
  version: typeof LEDGER_FILE_VERSION;
  ledgerId: string;
  exportedAt: string;
  entryCount: number;
  headHash: string;
  entries: LedgerEntry[];
}

export function exportLedger(state: LedgerState, exportedAt: string): string {
  const file: LedgerFile = {
    format: LEDGER_FILE_FORMAT,
    version: LEDGER_FILE_VERSION,
    ledgerId: state.ledgerId,
    exportedAt,
    entryCount: state.entries.length,
    headHash: state.headHash,
    entries: [...state.entries],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const subjectSchema = z.enum(SUBJECT_GROUPS as [SubjectGroup, ...SubjectGroup[]]);
const sideSchema = z.strictObject({
  partnershipCode: z.string(),
  partnershipName: z.string(),
  subject: subjectSchema,
});
const count = z.number().int().nonnegative();
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

const entrySchema = z.strictObject({
  seq: z.number().int().positive(),
  ledgerId: z.string().min(1),
  idempotencyKey: z.string().min(1),
  at: z.string().min(1),
  actor: z.strictObject({
    name: z.string(),
    role: z.enum(['donor', 'recipient', 'manager']),
    partnershipCode: z.string().nullable(),
  }),
  action: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('baseline'),
      timePeriod: z.string(),
      allocations: z.array(
        z.strictObject({
          partnershipCode: z.string(),
          partnershipName: z.string(),
          subject: subjectSchema,
          places: count,
        }),
      ),
    }),
    z.strictObject({
      type: z.literal('propose'),
      transfer: z.strictObject({
        id: z.string().min(1),
        timePeriod: z.string(),
        monthIndex: z.number().int().min(1).max(12),
        from: sideSchema,
        to: sideSchema,
        places: count,
        expectedGain: z.number(),
        reason: z.string(),
      }),
    }),
    z.strictObject({
      type: z.enum(WORKFLOW_EVENTS as [WorkflowEvent, ...WorkflowEvent[]]),
      transferId: z.string().min(1),
    }),
  ]),
  why: z.string(),
  prevHash: hashSchema,
  hash: hashSchema,
});

const fileSchema = z.strictObject({
  format: z.literal(LEDGER_FILE_FORMAT),
  version: z.literal(LEDGER_FILE_VERSION),
  ledgerId: z.string().min(1),
  exportedAt: z.string(),
  entryCount: count,
  headHash: hashSchema,
  entries: z.array(z.unknown()),
});

export type LedgerImportResult =
  { ok: true; state: LedgerState } | { ok: false; issues: DataIssue[] };

/**
 * Read an exported ledger file and check it completely: format, every entry's fields, the
 * hash chain (a changed entry no longer matches its hash; a removed or reordered one breaks
 * the chain), the entry count and head hash (a truncated file falls short of them) and a
 * replay of every step. Nothing is returned unless all of it holds.
 */
export async function importLedger(text: string, fileName: string): Promise<LedgerImportResult> {
  const refuse = (message: string, column: string | null = null): LedgerImportResult => ({
    ok: false,
    issues: [{ file: fileName, row: null, column, message }],
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(
      'is not complete JSON: the file is damaged or truncated, so the ledger was not loaded',
    );
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    const first = file.error.issues[0]!;
    return refuse(
      `is not a ledger export: ${first.path.join('.') || 'file'} ${first.message}`,
      first.path.join('.') || null,
    );
  }
  const { ledgerId, entryCount, headHash } = file.data;
  const entries: LedgerEntry[] = [];
  for (const [index, raw] of file.data.entries.entries()) {
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      return refuse(
        `entry ${index + 1}: ${first.path.join('.')} ${first.message}`,
        first.path.join('.') || null,
      );
    }
    entries.push(parsed.data as LedgerEntry);
  }
  if (entries.length !== entryCount) {
    return refuse(
      `the file says it holds ${entryCount} entries but has ${entries.length}: it has been truncated or edited, so it was refused`,
    );
  }
  let previousHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1)
      return refuse(
        `entry ${index + 1} is numbered ${entry.seq}: entries are missing or reordered`,
      );
    if (entry.prevHash !== previousHash) {
      return refuse(
        `entry ${entry.seq} does not follow entry ${entry.seq - 1} (hash chain broken): entries were removed, reordered or altered`,
      );
    }
    const { hash, ...unsealed } = entry;
    if ((await entryHash(unsealed)) !== hash) {
      return refuse(
        `entry ${entry.seq} has been altered: its contents no longer match its SHA-256 hash`,
      );
    }
    previousHash = hash;
  }
  if (previousHash !== headHash) {
    return refuse(
      'the last entry is not the one the file was exported with (head hash differs): the file is truncated or altered',
    );
  }
  const replay = replayLedger(ledgerId, entries);
  if (!replay.ok) return refuse(`entry ${replay.seq} is not a valid step: ${replay.reason}`);
  return { ok: true, state: replay.state };
}

/** Allocation lines of the ledger's current state, sorted by partnership and subject. */
export function currentAllocations(state: LedgerState): AllocationLine[] {
  return [...state.allocations.values()].sort(
    (a, b) =>
      a.partnershipCode.localeCompare(b.partnershipCode) || a.subject.localeCompare(b.subject),
  );
}
