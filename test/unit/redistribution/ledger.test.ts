import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  appendStep,
  baselineDraft,
  canonicalJson,
  currentAllocations,
  emptyLedgerState,
  entryHash,
  exportLedger,
  importLedger,
  proposalDraft,
  replayLedger,
  stepDraft,
  type Actor,
  type LedgerDraft,
  type LedgerState,
  type TransferProposal,
} from '../../../src/redistribution/index.ts';

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

async function appliedLedger(): Promise<LedgerState> {
  const drafts: LedgerDraft[] = [
    baselineDraft(
      '202526',
      '202526',
      [
        { partnershipCode: 'A', partnershipName: 'A', subject: 'Physics', places: 10 },
        { partnershipCode: 'B', partnershipName: 'B', subject: 'Physics', places: 5 },
      ],
      manager,
      at,
      'Allocation 2025/26',
    ),
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
    stepDraft('202526', 'p1', 'apply', manager, at, ''),
  ];
  let state = emptyLedgerState('202526');
  for (const draft of drafts) {
    const result = await appendStep(state, draft);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

describe('hash chain', () => {
  it('links each entry to the one before and hashes its contents', async () => {
    const state = await appliedLedger();
    expect(state.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < state.entries.length; i++)
      expect(state.entries[i]!.prevHash).toBe(state.entries[i - 1]!.hash);
    const { hash, ...rest } = state.entries[3]!;
    expect(await entryHash(rest)).toBe(hash);
    expect(state.headHash).toBe(state.entries[5]!.hash);
  });

  it('hashes the same contents the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  });

  it('SHA-256 is the real digest (known test vector)', async () => {
    // SHA-256("abc") per FIPS 180-2: ba7816bf...
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'));
    expect(Buffer.from(digest).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('replays to the same allocations', async () => {
    const state = await appliedLedger();
    const replay = replayLedger('202526', state.entries);
    expect(replay.ok && currentAllocations(replay.state).map((l) => l.places)).toEqual([8, 7]);
  });
});

describe('export and import', () => {
  it('round-trips a ledger file', async () => {
    const state = await appliedLedger();
    const result = await importLedger(exportLedger(state, at), 'ledger.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.entries).toEqual(state.entries);
    expect(currentAllocations(result.state)).toEqual(currentAllocations(state));
  });

  async function refusal(
    edit: (file: {
      entries: Record<string, unknown>[];
      entryCount: number;
      headHash: string;
    }) => void,
  ): Promise<string> {
    const file = JSON.parse(exportLedger(await appliedLedger(), at));
    edit(file);
    const result = await importLedger(JSON.stringify(file), 'ledger.json');
    if (result.ok) return 'accepted';
    expect(result.issues[0]!.file).toBe('ledger.json');
    return result.issues[0]!.message;
  }

  it('refuses a tampered entry', async () => {
    const message = await refusal((file) => {
      (file.entries[1]!.action as { transfer: { places: number } }).transfer.places = 5;
    });
    expect(message).toBe('entry 2 has been altered: its contents no longer match its SHA-256 hash');
  });

  it('refuses a tampered entry even when its hash was recomputed (the chain breaks)', async () => {
    const file = JSON.parse(exportLedger(await appliedLedger(), at));
    const entry = file.entries[1];
    entry.action.transfer.places = 5;
    delete entry.hash;
    entry.hash = await entryHash(entry);
    const result = await importLedger(JSON.stringify(file), 'ledger.json');
    expect(result.ok ? 'accepted' : result.issues[0]!.message).toMatch(
      /^entry 3 does not follow entry 2 \(hash chain broken\)/,
    );
  });

  it('refuses a file with its last entries cut off', async () => {
    expect(await refusal((file) => file.entries.splice(4))).toMatch(
      /says it holds 6 entries but has 4: it has been truncated/,
    );
    // Cut off and the count fixed up: the head hash still gives it away.
    expect(
      await refusal((file) => {
        file.entries.splice(4);
        file.entryCount = 4;
      }),
    ).toMatch(/head hash differs\): the file is truncated or altered/);
  });

  it('refuses a file whose text is cut short', async () => {
    const text = exportLedger(await appliedLedger(), at);
    const result = await importLedger(text.slice(0, Math.floor(text.length * 0.7)), 'ledger.json');
    expect(result.ok ? 'accepted' : result.issues[0]!.message).toMatch(
      /not complete JSON: the file is damaged or truncated/,
    );
  });

  it('refuses a removed middle entry and a file that is not a ledger', async () => {
    expect(
      await refusal((file) => {
        file.entries.splice(2, 1);
        file.entryCount = 5;
      }),
    ).toMatch(/entry 3 is numbered 4/);
    const result = await importLedger('{"format":"something else"}', 'other.json');
    expect(result.ok ? 'accepted' : result.issues[0]!.message).toMatch(/is not a ledger export/);
  });

  it('leaves the ledger held unchanged when a file is refused', async () => {
    const held = await appliedLedger();
    const snapshot = structuredClone(held);
    const file = JSON.parse(exportLedger(held, at));
    file.entries[5].action.type = 'undo';
    const result = await importLedger(JSON.stringify(file), 'ledger.json');
    expect(result.ok).toBe(false);
    expect(held).toEqual(snapshot);
  });
});
