/** How the In-year page words transfer statuses, workflow steps and ledger actions. */
import type {
  LedgerAction,
  TransferStatus,
  TransferTerms,
  WorkflowEvent,
} from '../../redistribution/index.ts';

export const STATUS_WORDS: Record<TransferStatus, { label: string; tag: string }> = {
  proposed: { label: 'Waiting for the donor', tag: 'govuk-tag--light-blue' },
  'donor-agreed': {
    label: 'Donor agreed, waiting for the recipient',
    tag: 'govuk-tag--light-blue',
  },
  'recipient-agreed': { label: 'Both agreed, waiting for the manager', tag: 'govuk-tag--purple' },
  approved: { label: 'Approved, not yet applied', tag: 'govuk-tag--purple' },
  applied: { label: 'Applied', tag: 'govuk-tag--green' },
  declined: { label: 'Declined', tag: 'govuk-tag--red' },
  undone: { label: 'Undone', tag: 'govuk-tag--grey' },
};

export function eventLabel(event: WorkflowEvent, terms: TransferTerms): string {
  switch (event) {
    case 'donor-agree':
      return `Agree as donor (${terms.from.partnershipCode})`;
    case 'recipient-agree':
      return `Agree as recipient (${terms.to.partnershipCode})`;
    case 'approve':
      return 'Approve';
    case 'apply':
      return 'Apply to allocations';
    case 'decline':
      return 'Decline';
    case 'undo':
      return 'Undo';
  }
}

/** Past-tense words for a workflow step in the ledger. */
const EVENT_DONE: Record<WorkflowEvent, string> = {
  'donor-agree': 'Donor agreed',
  'recipient-agree': 'Recipient agreed',
  approve: 'Manager approved',
  apply: 'Applied to allocations',
  decline: 'Declined',
  undo: 'Undone (compensating entry)',
};

export function termsText(terms: Pick<TransferTerms, 'from' | 'to' | 'places'>): string {
  const plural = terms.places === 1 ? '' : 's';
  const subjects =
    terms.from.subject === terms.to.subject
      ? terms.from.subject
      : `${terms.from.subject} (as ${terms.to.subject})`;
  return `${terms.places} ${subjects} place${plural} from ${terms.from.partnershipCode} to ${terms.to.partnershipCode}`;
}

/** A step of one transfer, in the transfer's own list (its terms are shown above it). */
export function stepText(action: LedgerAction): string {
  if (action.type === 'baseline') return 'Starting allocation';
  if (action.type === 'propose') return 'Proposed by the manager';
  return EVENT_DONE[action.type];
}

/** One line for a ledger entry's action. */
export function actionText(
  action: LedgerAction,
  transfers: ReadonlyMap<string, { terms: TransferTerms }>,
): string {
  if (action.type === 'baseline') {
    const places = action.allocations.reduce((sum, line) => sum + line.places, 0);
    return `Starting allocation ${action.timePeriod}: ${action.allocations.length} partnership subjects, ${places} places`;
  }
  if (action.type === 'propose') return `Proposed: move ${termsText(action.transfer)}`;
  const terms = transfers.get(action.transferId)?.terms;
  return `${EVENT_DONE[action.type]}: ${terms ? termsText(terms) : action.transferId}`;
}
