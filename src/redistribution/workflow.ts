/**
 * The agreement workflow of one transfer, as a pure state machine:
 *
 *   proposed -> donor agrees -> recipient agrees -> manager approves -> applied
 *
 * Any party (donor, recipient or manager) may decline, with a reason, at any point before the
 * transfer is applied; an applied transfer can only be undone by the manager, with a reason,
 * which the ledger records as a compensating entry. Allocations change only on `apply`
 * (and back on `undo`).
 */

export type TransferStatus =
  'proposed' | 'donor-agreed' | 'recipient-agreed' | 'approved' | 'applied' | 'declined' | 'undone';

export const TRANSFER_STATUSES: readonly TransferStatus[] = [
  'proposed',
  'donor-agreed',
  'recipient-agreed',
  'approved',
  'applied',
  'declined',
  'undone',
];

export type WorkflowEvent =
  'donor-agree' | 'recipient-agree' | 'approve' | 'apply' | 'decline' | 'undo';

export const WORKFLOW_EVENTS: readonly WorkflowEvent[] = [
  'donor-agree',
  'recipient-agree',
  'approve',
  'apply',
  'decline',
  'undo',
];

/** Who acts: the donor or recipient partnership, or the regional allocation manager. */
export type Role = 'donor' | 'recipient' | 'manager';

export type TransitionResult = { ok: true; status: TransferStatus } | { ok: false; reason: string };

const STEPS: Record<
  Exclude<WorkflowEvent, 'decline'>,
  { from: TransferStatus; to: TransferStatus; role: Role }
> = {
  'donor-agree': { from: 'proposed', to: 'donor-agreed', role: 'donor' },
  'recipient-agree': { from: 'donor-agreed', to: 'recipient-agreed', role: 'recipient' },
  approve: { from: 'recipient-agreed', to: 'approved', role: 'manager' },
  apply: { from: 'approved', to: 'applied', role: 'manager' },
  undo: { from: 'applied', to: 'undone', role: 'manager' },
};

const DECLINABLE: readonly TransferStatus[] = [
  'proposed',
  'donor-agreed',
  'recipient-agreed',
  'approved',
];

const WAITING_FOR: Record<TransferStatus, string> = {
  proposed: 'it is waiting for the donor to agree',
  'donor-agreed': 'it is waiting for the recipient to agree',
  'recipient-agreed': 'it is waiting for the manager to approve',
  approved: 'it is approved and waiting to be applied',
  applied: 'it has been applied',
  declined: 'it has been declined',
  undone: 'it has been undone',
};

/** The next status after `event` by someone in `role`, or why the step is not allowed. */
export function transition(
  status: TransferStatus,
  event: WorkflowEvent,
  role: Role,
  reason = '',
): TransitionResult {
  if ((event === 'decline' || event === 'undo') && reason.trim() === '') {
    return { ok: false, reason: `a reason is needed to ${event}` };
  }
  if (event === 'decline') {
    if (!DECLINABLE.includes(status))
      return { ok: false, reason: `cannot decline: ${WAITING_FOR[status]}` };
    return { ok: true, status: 'declined' };
  }
  const step = STEPS[event];
  if (status !== step.from) return { ok: false, reason: `cannot ${event}: ${WAITING_FOR[status]}` };
  if (role !== step.role) return { ok: false, reason: `only the ${step.role} can ${event}` };
  return { ok: true, status: step.to };
}

/** The events open to someone in `role` from `status` (for the UI's buttons). */
export function availableEvents(status: TransferStatus, role: Role): WorkflowEvent[] {
  return WORKFLOW_EVENTS.filter((event) => transition(status, event, role, 'reason').ok);
}

/** Whether a transfer is over (applied, declined or undone): the same move again is a new transfer. */
export function isSettled(status: TransferStatus): boolean {
  return status === 'applied' || status === 'declined' || status === 'undone';
}

/**
 * The id a proposed move takes, given the ledger's transfers: its own id when that is new or
 * still in progress (the page then follows the one in progress); when the same move was
 * settled earlier in the month, the first of `id#2`, `id#3`, ... that is new or in progress.
 */
export function proposalIdAfter(
  id: string,
  statusOf: (transferId: string) => TransferStatus | undefined,
): string {
  let candidate = id;
  for (let repeat = 2; ; repeat++) {
    const status = statusOf(candidate);
    if (status === undefined || !isSettled(status)) return candidate;
    candidate = `${id}#${repeat}`;
  }
}
