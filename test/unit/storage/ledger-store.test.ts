import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import {
  GENESIS_HASH,
  MANAGER_SIGNER,
  baselineDraft,
  currentAllocations,
  exportLedger,
  importLedger,
  signCheckpoint,
  proposalDraft,
  stepDraft,
  type Actor,
  type LedgerDraft,
  type TransferProposal,
  type VerifiedLedger,
} from '../../../src/redistribution/index.ts';
import { LedgerStore, type ImportOptions } from '../../../src/storage/ledger-store.ts';

const manager: Actor = { name: 'Manager', role: 'manager', partnershipCode: null };
const at = '2025-03-31T10:00:00Z';
const REGION = { partnershipCodes: new Set(['A', 'B']) };
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

  /** The source's ledger exported (with the manager's checkpoint when asked) and verified. */
  async function exportedFrom(store: LedgerStore, checkpoint: boolean): Promise<VerifiedLedger> {
    const state = await store.load('202526');
    const manager = (await store.keys.held(MANAGER_SIGNER))!;
    const mark = checkpoint ? await signCheckpoint(state, manager, at) : null;
    const verified = await importLedger(exportLedger(state, at, mark), 'ledger.json', REGION);
    if (!verified.ok) throw new Error(verified.issues[0]!.message);
    return verified.ledger;
  }
  const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
    replace: false,
    acceptManagerKeyId: null,
    at,
    ...extra,
  });

  it('signs each step with this browser’s key for its actor and trusts its own manager key', async () => {
    const store = await open(freshName());
    await appendAll(store, [baseline, ...agreements, apply]);
    const state = await store.load('202526');
    const held = await store.keys.all();
    expect(held.map((k) => k.actor).sort()).toEqual(['A', 'B', 'manager']);
    expect(held.every((k) => !k.privateKey.extractable)).toBe(true);
    expect(state.keyList!.keys.map((k) => k.actor)).toEqual(['manager', 'A', 'B']);
    const keyOf = (actor: string) => held.find((k) => k.actor === actor)!.keyId;
    expect(state.entries.map((e) => e.keyId)).toEqual(
      ['manager', 'manager', 'A', 'B', 'manager', 'manager'].map(keyOf),
    );
    expect((await store.keys.trustedManagers()).map((k) => [k.keyId, k.how])).toEqual([
      [keyOf('manager'), 'made in this browser'],
    ]);
  });

  it('imports into another browser only once its user accepts the manager key by fingerprint', async () => {
    const source = await open(freshName());
    await appendAll(source, [baseline, ...agreements, apply]);
    const verified = await exportedFrom(source, false);

    const target = await open(freshName());
    const unknown = await target.importVerified(verified, options());
    expect(unknown.ok ? 'imported' : unknown.reason).toMatch(
      /^The ledger's keys are registered by a manager key this browser does not know \(fingerprint [0-9a-f ]{19}\)/,
    );
    expect(!unknown.ok && unknown.untrustedManagerKey?.keyId).toBe(verified.signedBy.keyId);
    expect((await target.load('202526')).entries).toHaveLength(0);
    expect(await target.keys.trustedManagers()).toEqual([]);

    const accepted = await target.importVerified(
      verified,
      options({ acceptManagerKeyId: verified.signedBy.keyId }),
    );
    expect(accepted.ok && currentAllocations(accepted.state).map((l) => l.places)).toEqual([8, 7]);
    expect((await target.keys.trustedManagers()).map((k) => k.how)).toEqual([
      'accepted by fingerprint',
    ]);
    // The same file again adds nothing.
    const again = await target.importVerified(verified, options());
    expect(again.ok && again.added).toBe(0);
  });

  it('adds the new entries of a file that extends the ledger held', async () => {
    const source = await open(freshName());
    await appendAll(source, [baseline, ...agreements]);
    const early = await exportedFrom(source, false);
    await appendAll(source, [apply]);
    const later = await exportedFrom(source, false);
    const target = await open(freshName());
    const accept = options({ acceptManagerKeyId: early.signedBy.keyId });
    expect((await target.importVerified(early, accept)).ok).toBe(true);
    const extended = await target.importVerified(later, options());
    expect(extended.ok && [extended.added, extended.state.entries.length]).toEqual([1, 6]);
    // An older copy of a ledger held changes nothing.
    const older = await target.importVerified(early, options());
    expect(older.ok && [older.added, older.state.entries.length]).toEqual([0, 6]);
  });

  it('replaces a different ledger only with the manager’s checkpoint, archiving the one replaced', async () => {
    const source = await open(freshName());
    await appendAll(source, [baseline, ...agreements, apply]);
    const plain = await exportedFrom(source, false);
    const checkpointed = await exportedFrom(source, true);

    const other = await open(freshName());
    await appendAll(other, [{ ...baseline, why: 'A different allocation' }]);
    const accept = { acceptManagerKeyId: plain.signedBy.keyId };
    const differs = await other.importVerified(plain, options(accept));
    expect(differs.ok ? 'imported' : differs.reason).toMatch(
      /differs from the one held \(1 entries\); nothing was changed/,
    );
    const noCheckpoint = await other.importVerified(plain, options({ ...accept, replace: true }));
    expect(noCheckpoint.ok ? 'imported' : noCheckpoint.reason).toMatch(
      /^The file has no checkpoint signed by the manager, so it cannot replace the ledger held \(1 entries\); nothing was changed/,
    );
    expect((await other.load('202526')).entries.map((e) => e.why)).toEqual([
      'A different allocation',
    ]);

    const replaced = await other.importVerified(
      checkpointed,
      options({ ...accept, replace: true }),
    );
    expect(replaced.ok && replaced.state.entries).toHaveLength(6);
    expect((await other.archived()).map((a) => a.entries.map((e) => e.why))).toEqual([
      ['A different allocation'],
    ]);
  });

  it('checks and writes an import in one transaction: a write failing part-way changes nothing', async () => {
    const source = await open(freshName());
    await appendAll(source, [baseline, ...agreements, apply]);
    const checkpointed = await exportedFrom(source, true);
    const other = await open(freshName());
    await appendAll(other, [{ ...baseline, why: 'A different allocation' }]);
    const before = await other.load('202526');

    // The fourth entry written fails, as a full disk or a dying tab would.
    const realAdd = IDBObjectStore.prototype.add;
    let adds = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'entries' && ++adds === 4)
        throw new DOMException('disk full', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    await expect(
      other.importVerified(
        checkpointed,
        options({ acceptManagerKeyId: checkpointed.signedBy.keyId, replace: true }),
      ),
    ).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(adds).toBe(4);
    const after = await other.load('202526');
    expect(after.entries).toEqual(before.entries);
    expect(after.keyList).toEqual(before.keyList);
    expect(await other.archived()).toEqual([]);
    // The key accepted in the failed import was not kept either.
    expect((await other.keys.trustedManagers()).map((k) => k.how)).toEqual([
      'made in this browser',
    ]);
  });

  it('never lets a tampered file reach the store', async () => {
    const store = await open(freshName());
    await appendAll(store, [baseline, ...agreements, apply]);
    const held = await store.load('202526');
    const file = JSON.parse(exportLedger(held, at));
    file.entries[0].action.allocations[0].places = 99;
    const result = await importLedger(JSON.stringify(file), 'ledger.json', REGION);
    expect(result.ok).toBe(false);
    expect((await store.load('202526')).entries).toEqual(held.entries);
  });

  it('keeps version 1 (unsigned) ledgers aside when the database is upgraded', async () => {
    const name = freshName();
    const v1 = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore('entries', { keyPath: ['ledgerId', 'seq'] });
        database.createObjectStore('heads', { keyPath: 'ledgerId' });
      },
    });
    await v1.put('entries', { ledgerId: '202526', seq: 1, why: 'unsigned' });
    await v1.put('heads', { ledgerId: '202526', seq: 1, hash: GENESIS_HASH });
    v1.close();
    const store = await open(name);
    expect((await store.load('202526')).entries).toEqual([]);
    store.close();
    const raw = await openDB(name);
    expect([...raw.objectStoreNames].sort()).toEqual([
      'actorKeys',
      'archive',
      'entries',
      'heads',
      'trustedManagers',
      'unsignedEntriesV1',
      'unsignedHeadsV1',
    ]);
    expect(await raw.getAll('unsignedEntriesV1')).toEqual([
      { ledgerId: '202526', seq: 1, why: 'unsigned' },
    ]);
    raw.close();
  });
});
