import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  baselineDraft,
  currentAllocations,
  exportLedger,
  importLedger,
  proposalDraft,
  stepDraft,
  type Actor,
  type LedgerDraft,
  type TransferProposal,
} from '../../../src/redistribution/index.ts';
import { LedgerStore } from '../../../src/storage/ledger-store.ts';

const manager: Actor = { name: 'Manager', role: 'manager', partnershipCode: null };
const at = '2025-03-31T10:00:00Z';
const proposal: TransferProposal = {
  id: 'p1',
  from: { partnershipCode: 'A', partnershipName: 'A', subject: 'Physics' },
  to: { partnershipCode: 'B', partnershipName: 'B', subject: 'Physics' },
  places: 2,
  expectedGain: 1.5,
  weightedGain: 1.5,
  reason: 'A will not fill them.',
};
const baseline = baselineDraft(
  '202526',
  '202526',
  [
    { partnershipCode: 'A', partnershipName: 'A', subject: 'Physics', places: 10 },
    { partnershipCode: 'B', partnershipName: 'B', subject: 'Physics', places: 5 },
  ],
  manager,
  at,
  'Allocation 2025/26',
);
const agreements: LedgerDraft[] = [
  proposalDraft('202526', proposal, '202526', 6, manager, at),
  stepDraft(
    '202526',
    'p1',
    'donor-agree',
    { name: 'A', role: 'donor', partnershipCode: 'A' },
    at,
    '',
  ),
  stepDraft(
    '202526',
    'p1',
    'recipient-agree',
    { name: 'B', role: 'recipient', partnershipCode: 'B' },
    at,
    '',
  ),
  stepDraft('202526', 'p1', 'approve', manager, at, ''),
];
const apply = stepDraft('202526', 'p1', 'apply', manager, at, '');

let dbCount = 0;
const opened: LedgerStore[] = [];
async function open(name: string): Promise<LedgerStore> {
  const store = await LedgerStore.open(name);
  opened.push(store);
  return store;
}
const freshName = () => `ledger-test-${++dbCount}`;

async function appendAll(store: LedgerStore, drafts: readonly LedgerDraft[]): Promise<void> {
  for (const draft of drafts) {
    const result = await store.append(draft);
    if (!result.ok) throw new Error(result.reason);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) store.close();
});

describe('LedgerStore', () => {
  it('writes, reopens and replays to the same allocations', async () => {
    const name = freshName();
    const first = await open(name);
    await appendAll(first, [baseline, ...agreements, apply]);
    const before = await first.load('202526');
    first.close();
    const reopened = await open(name);
    const after = await reopened.load('202526');
    expect(currentAllocations(after).map((l) => [l.partnershipCode, l.places])).toEqual([
      ['A', 8],
      ['B', 7],
    ]);
    expect(after.entries).toEqual(before.entries);
    expect(after.transfers.get('p1')?.status).toBe('applied');
    expect(await reopened.ledgerIds()).toEqual(['202526']);
  });

  it('stores a retried step once (idempotency key)', async () => {
    const store = await open(freshName());
    await appendAll(store, [baseline, ...agreements, apply]);
    const retry = await store.append(apply);
    expect(retry.ok && retry.duplicate).toBe(true);
    const state = await store.load('202526');
    expect(state.entries).toHaveLength(6);
    expect(currentAllocations(state).map((l) => l.places)).toEqual([8, 7]);
  });

  it('keeps nothing of a write interrupted before it commits, and a retry applies it once', async () => {
    const store = await open(freshName());
    await appendAll(store, [baseline, ...agreements]);
    // Simulate the tab dying mid-write: abort as soon as the entry has been put, before the
    // head record is written and before the transaction commits.
    const controller = new AbortController();
    const realAdd = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      const request = realAdd.apply(this, args);
      controller.abort(new Error('tab closed'));
      return request;
    });
    await expect(store.append(apply, controller.signal)).rejects.toThrow('tab closed');
    vi.restoreAllMocks();
    const interrupted = await store.load('202526');
    expect(interrupted.entries).toHaveLength(5);
    expect(interrupted.transfers.get('p1')?.status).toBe('approved');
    expect(currentAllocations(interrupted).map((l) => l.places)).toEqual([10, 5]);

    const retried = await store.append(apply);
    expect(retried.ok && !retried.duplicate).toBe(true);
    const again = await store.append(apply);
    expect(again.ok && again.duplicate).toBe(true);
    const final = await store.load('202526');
    expect(final.entries).toHaveLength(6);
    expect(currentAllocations(final).map((l) => l.places)).toEqual([8, 7]);
  });

  it('refuses a step the workflow does not allow and writes nothing', async () => {
    const store = await open(freshName());
    await appendAll(store, [baseline, agreements[0]!]);
    const result = await store.append(apply);
    expect(result.ok ? 'written' : result.reason).toBe(
      'cannot apply: it is waiting for the donor to agree',
    );
    expect((await store.load('202526')).entries).toHaveLength(2);
  });

  it('sees a step written by another tab and chains after it', async () => {
    const name = freshName();
    const tabOne = await open(name);
    const tabTwo = await open(name);
    await appendAll(tabOne, [baseline, agreements[0]!]);
    await appendAll(tabTwo, [agreements[1]!]);
    const result = await tabOne.append(agreements[2]!);
    expect(result.ok && result.entry.seq).toBe(4);
    expect((await tabTwo.load('202526')).transfers.get('p1')?.status).toBe('recipient-agreed');
  });

  it('imports a verified ledger file into an empty store, and refuses to overwrite a different one', async () => {
    const source = await open(freshName());
    await appendAll(source, [baseline, ...agreements, apply]);
    const file = exportLedger(await source.load('202526'), at);
    const verified = await importLedger(file, 'ledger.json');
    if (!verified.ok) throw new Error('export should verify');

    const target = await open(freshName());
    const imported = await target.importVerified(verified.state);
    expect(imported.ok && currentAllocations(imported.state).map((l) => l.places)).toEqual([8, 7]);

    const other = await open(freshName());
    const otherBaseline = { ...baseline, why: 'A different allocation' };
    await appendAll(other, [otherBaseline]);
    const refused = await other.importVerified(verified.state);
    expect(refused.ok ? 'imported' : refused.reason).toMatch(
      /differs from the one held \(1 entries\); nothing was changed/,
    );
    expect((await other.load('202526')).entries.map((e) => e.why)).toEqual([
      'A different allocation',
    ]);
    const replaced = await other.importVerified(verified.state, true);
    expect(replaced.ok && replaced.state.entries).toHaveLength(6);
  });

  it('never lets a tampered file reach the store', async () => {
    const store = await open(freshName());
    await appendAll(store, [baseline, ...agreements, apply]);
    const held = await store.load('202526');
    const file = JSON.parse(exportLedger(held, at));
    file.entries[0].action.allocations[0].places = 99;
    const result = await importLedger(JSON.stringify(file), 'ledger.json');
    expect(result.ok).toBe(false);
    expect((await store.load('202526')).entries).toEqual(held.entries);
  });
});
