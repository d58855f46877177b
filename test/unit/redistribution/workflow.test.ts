import { describe, expect, it } from 'vitest';
import {
  TRANSFER_STATUSES,
  WORKFLOW_EVENTS,
  availableEvents,
  baselineDraft,
  emptyLedgerState,
  proposalIdAfter,
  proposalDraft,
  stepDraft,
  transition,
  type Actor,
  type TransferStatus,
  type LedgerState,
  type Role,
  type TransferProposal,
  type WorkflowEvent,
} from '../../../src/redistribution/index.ts';
import { appendSigned } from '../../fixtures/ledger/keys.ts';

const ROLES: Role[] = ['donor', 'recipient', 'manager'];

/** Every allowed step, written out by hand: status, event, role -> next status. */
const ALLOWED: [string, WorkflowEvent, Role, string][] = [
  ['proposed', 'donor-agree', 'donor', 'donor-agreed'],
  ['donor-agreed', 'recipient-agree', 'recipient', 'recipient-agreed'],
  ['recipient-agreed', 'approve', 'manager', 'approved'],
  ['approved', 'apply', 'manager', 'applied'],
  ['applied', 'undo', 'manager', 'undone'],
  ...(['proposed', 'donor-agreed', 'recipient-agreed', 'approved'] as const).flatMap((status) =>
    ROLES.map(
      (role) => [status, 'decline', role, 'declined'] as [string, WorkflowEvent, Role, string],
    ),
  ),
];

describe('transition (exhaustive)', () => {
  const all = TRANSFER_STATUSES.flatMap((status) =>
    WORKFLOW_EVENTS.flatMap((event) => ROLES.map((role) => [status, event, role] as const)),
  );

  it.each(all)('%s + %s by %s', (status, event, role) => {
    const result = transition(status, event, role, 'a reason');
    const allowed = ALLOWED.find(([s, e, r]) => s === status && e === event && r === role);
    if (allowed) expect(result).toEqual({ ok: true, status: allowed[3] });
    else expect(result.ok).toBe(false);
  });

  it('needs a reason to decline or undo', () => {
    expect(transition('proposed', 'decline', 'donor', '  ')).toEqual({
      ok: false,
      reason: 'a reason is needed to decline',
    });
    expect(transition('applied', 'undo', 'manager')).toEqual({
      ok: false,
      reason: 'a reason is needed to undo',
    });
  });

  it('explains a refusal', () => {
    expect(transition('proposed', 'approve', 'manager')).toEqual({
      ok: false,
      reason: 'cannot approve: it is waiting for the donor to agree',
    });
    expect(transition('proposed', 'donor-agree', 'recipient')).toEqual({
      ok: false,
      reason: 'only the donor can donor-agree',
    });
  });

  it('offers each role only its buttons', () => {
    expect(availableEvents('proposed', 'donor')).toEqual(['donor-agree', 'decline']);
    expect(availableEvents('proposed', 'recipient')).toEqual(['decline']);
    expect(availableEvents('applied', 'manager')).toEqual(['undo']);
    expect(availableEvents('declined', 'manager')).toEqual([]);
  });
});

const manager: Actor = { name: 'Regional manager', role: 'manager', partnershipCode: null };
const donor: Actor = { name: 'A lead', role: 'donor', partnershipCode: 'A' };
const recipient: Actor = { name: 'B lead', role: 'recipient', partnershipCode: 'B' };
const proposal: TransferProposal = {
  id: '202526-06:A:Physics>B:Physics',
  from: { partnershipCode: 'A', partnershipName: 'A', subject: 'Physics' },
  to: { partnershipCode: 'B', partnershipName: 'B', subject: 'Physics' },
  places: 3,
  expectedGain: 2,
  weightedGain: 2,
  reason: 'A will not fill them; B has candidates.',
};
const at = '2025-03-31T10:00:00Z';

async function ledgerWithProposal(): Promise<LedgerState> {
  let state = emptyLedgerState('202526');
  const lines = [
    { partnershipCode: 'A', partnershipName: 'A', subject: 'Physics' as const, places: 10 },
    { partnershipCode: 'B', partnershipName: 'B', subject: 'Physics' as const, places: 5 },
  ];
  for (const draft of [
    baselineDraft('202526', '202526', lines, manager, at, 'allocation'),
    proposalDraft('202526', proposal, '202526', 6, manager, at),
  ]) {
    const result = await appendSigned(state, draft);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

function places(state: LedgerState): [number, number] {
  return [state.allocations.get('A|Physics')!.places, state.allocations.get('B|Physics')!.places];
}

const step = (event: WorkflowEvent, actor: Actor, why = '') =>
  stepDraft('202526', proposal.id, event, actor, at, why);
const fullPath: [WorkflowEvent, Actor][] = [
  ['donor-agree', donor],
  ['recipient-agree', recipient],
  ['approve', manager],
];

describe('the workflow in the ledger', () => {
  it('applies no transfer without all three agreements', async () => {
    // Try to apply after 0, 1 and 2 of the 3 agreements: refused each time, allocations unchanged.
    for (let agreed = 0; agreed < fullPath.length; agreed++) {
      let state = await ledgerWithProposal();
      for (const [event, actor] of fullPath.slice(0, agreed))
        state = ((await appendSigned(state, step(event, actor))) as { state: LedgerState }).state;
      const apply = await appendSigned(state, step('apply', manager));
      expect(apply.ok).toBe(false);
      expect(places(apply.state)).toEqual([10, 5]);
    }
  });

  it('moves the places once all three have agreed and the manager applies', async () => {
    let state = await ledgerWithProposal();
    for (const [event, actor] of [...fullPath, ['apply', manager] as const]) {
      const result = await appendSigned(state, step(event, actor));
      expect(result.ok).toBe(true);
      if (result.ok) state = result.state;
      expect(places(state)).toEqual(event === 'apply' ? [7, 8] : [10, 5]);
    }
    expect(state.transfers.get(proposal.id)?.status).toBe('applied');
  });

  it('checks the acting partnership, not just the role', async () => {
    const state = await ledgerWithProposal();
    const impostor: Actor = { name: 'B lead', role: 'donor', partnershipCode: 'B' };
    const result = await appendSigned(state, step('donor-agree', impostor));
    expect(result.ok ? 'accepted' : result.reason).toBe(
      'only A can act as the donor of this transfer',
    );
  });

  it('lets any party decline with a reason, after which nothing can apply it', async () => {
    for (const [who, after] of [
      [donor, 0],
      [recipient, 1],
      [manager, 3],
    ] as const) {
      let state = await ledgerWithProposal();
      for (const [event, actor] of fullPath.slice(0, after))
        state = ((await appendSigned(state, step(event, actor))) as { state: LedgerState }).state;
      const declined = await appendSigned(
        state,
        step('decline', who, 'Candidates expected after all'),
      );
      expect(declined.ok).toBe(true);
      if (!declined.ok) return;
      expect(declined.state.transfers.get(proposal.id)?.status).toBe('declined');
      expect(declined.entry.why).toBe('Candidates expected after all');
      const later = await appendSigned(
        declined.state,
        step(after === 3 ? 'apply' : 'approve', manager),
      );
      expect(later.ok).toBe(false);
      expect(places(later.state)).toEqual([10, 5]);
    }
  });

  it('undoes an applied transfer with a compensating entry, keeping the history', async () => {
    let state = await ledgerWithProposal();
    for (const [event, actor] of [...fullPath, ['apply', manager] as const])
      state = ((await appendSigned(state, step(event, actor))) as { state: LedgerState }).state;
    const length = state.entries.length;
    const undone = await appendSigned(state, step('undo', manager, 'Donor found late candidates'));
    expect(undone.ok).toBe(true);
    if (!undone.ok) return;
    expect(places(undone.state)).toEqual([10, 5]);
    expect(undone.state.entries).toHaveLength(length + 1);
    expect(undone.state.entries.slice(0, length)).toEqual(state.entries);
    expect(undone.state.transfers.get(proposal.id)?.steps.map((e) => e.action.type)).toEqual([
      'propose',
      'donor-agree',
      'recipient-agree',
      'approve',
      'apply',
      'undo',
    ]);
  });

  it('ignores a retried step (same idempotency key) instead of applying it twice', async () => {
    let state = await ledgerWithProposal();
    for (const [event, actor] of [...fullPath, ['apply', manager] as const])
      state = ((await appendSigned(state, step(event, actor))) as { state: LedgerState }).state;
    const retry = await appendSigned(state, step('apply', manager));
    expect(retry.ok && retry.duplicate).toBe(true);
    expect(places(retry.state)).toEqual([7, 8]);
    expect(retry.state.entries).toHaveLength(state.entries.length);
  });

  it('refuses to apply when the donor no longer holds the places', async () => {
    let state = await ledgerWithProposal();
    const second: TransferProposal = { ...proposal, id: 'second', places: 9 };
    state = (
      (await appendSigned(state, proposalDraft('202526', second, '202526', 6, manager, at))) as {
        state: LedgerState;
      }
    ).state;
    const run = async (id: string) => {
      for (const [event, actor] of [...fullPath, ['apply', manager] as const]) {
        const result = await appendSigned(state, stepDraft('202526', id, event, actor, at, ''));
        if (!result.ok) return result.reason;
        state = result.state;
      }
      return 'applied';
    };
    expect(await run(proposal.id)).toBe('applied');
    expect(await run('second')).toBe('A now holds 7 Physics places, fewer than the 9 to move');
    expect(places(state)).toEqual([7, 8]);
  });
});

describe('ids of moves proposed again', () => {
  it('keeps the id of a new or in-progress move and numbers a move settled before', () => {
    const ledger = new Map<string, TransferStatus>([
      ['m:A>B', 'applied'],
      ['m:A>B#2', 'declined'],
      ['m:C>D', 'donor-agreed'],
      ['m:E>F', 'undone'],
    ]);
    const statusOf = (id: string) => ledger.get(id);
    expect(proposalIdAfter('m:A>B', statusOf)).toBe('m:A>B#3');
    expect(proposalIdAfter('m:C>D', statusOf)).toBe('m:C>D');
    expect(proposalIdAfter('m:E>F', statusOf)).toBe('m:E>F#2');
    expect(proposalIdAfter('m:G>H', statusOf)).toBe('m:G>H');
    ledger.set('m:E>F#2', 'proposed');
    expect(proposalIdAfter('m:E>F', statusOf)).toBe('m:E>F#2');
  });
});
