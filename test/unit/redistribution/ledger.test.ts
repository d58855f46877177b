import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  MANAGER_SIGNER,
  appendStep,
  baselineDraft,
  canonicalJson,
  currentAllocations,
  emptyLedgerState,
  entryHash,
  entryText,
  exportLedger,
  generateActorKey,
  importLedger,
  keyListProblem,
  keyThumbprint,
  proposalDraft,
  replayLedger,
  sha256Hex,
  signCheckpoint,
  signText,
  stepDraft,
  verifyText,
  type Actor,
  type LedgerDraft,
  type LedgerEntry,
  type LedgerState,
  type TransferProposal,
} from '../../../src/redistribution/index.ts';
import { appendSigned, keyOf } from '../../fixtures/ledger/keys.ts';

const manager: Actor = { name: 'Manager', role: 'manager', partnershipCode: null };
const donorA: Actor = { name: 'A', role: 'donor', partnershipCode: 'A' };
const recipientB: Actor = { name: 'B', role: 'recipient', partnershipCode: 'B' };
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

function baseline(places = 10): LedgerDraft {
  return baselineDraft(
    '202526',
    '202526',
    [
      { partnershipCode: 'A', partnershipName: 'A', subject: 'Physics', places },
      { partnershipCode: 'B', partnershipName: 'B', subject: 'Physics', places: 5 },
    ],
    manager,
    at,
    'Allocation 2025/26',
  );
}

async function ledgerOf(drafts: readonly LedgerDraft[]): Promise<LedgerState> {
  let state = emptyLedgerState('202526');
  for (const draft of drafts) {
    const result = await appendSigned(state, draft);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

function appliedLedger(): Promise<LedgerState> {
  return ledgerOf([
    baseline(),
    proposalDraft('202526', proposal, '202526', 6, manager, at),
    stepDraft('202526', 'p1', 'donor-agree', donorA, at, ''),
    stepDraft('202526', 'p1', 'recipient-agree', recipientB, at, ''),
    stepDraft('202526', 'p1', 'approve', manager, at, ''),
    stepDraft('202526', 'p1', 'apply', manager, at, ''),
  ]);
}

interface FileJson {
  entryCount: number;
  headHash: string;
  keyList: { keys: { actor: string; keyId: string }[]; signedBy: string; signature: string };
  checkpoint: unknown;
  entries: LedgerEntry[];
}

/** Import result as one line: 'accepted' or the first message. */
async function outcome(text: string): Promise<string> {
  const result = await importLedger(text, 'ledger.json', REGION);
  if (result.ok) return 'accepted';
  expect(result.issues[0]!.file).toBe('ledger.json');
  return result.issues[0]!.message;
}

/** Re-hash and re-chain every entry from `from` on, and the file's head, as a forger would. */
async function reseal(file: FileJson, from: number): Promise<void> {
  for (let i = from; i < file.entries.length; i++) {
    const entry = file.entries[i]!;
    entry.prevHash = i === 0 ? GENESIS_HASH : file.entries[i - 1]!.hash;
    entry.hash = await entryHash(entry);
  }
  file.headHash = file.entries[file.entries.length - 1]!.hash;
  file.entryCount = file.entries.length;
}

async function exported(checkpoint = false): Promise<FileJson> {
  const state = await appliedLedger();
  const mark = checkpoint ? await signCheckpoint(state, await keyOf(MANAGER_SIGNER), at) : null;
  return JSON.parse(exportLedger(state, at, mark)) as FileJson;
}

describe('keys and signatures', () => {
  it('a key id is the RFC 7638 thumbprint of the public key', async () => {
    // RFC 7638 section 3.1 hashes the members crv, kty, x, y in that order with no spaces.
    const key = await keyOf('A');
    const members = `{"crv":"P-256","kty":"EC","x":"${key.publicKey.x}","y":"${key.publicKey.y}"}`;
    expect(key.keyId).toBe(await sha256Hex(members));
    expect(await keyThumbprint(key.publicKey)).toBe(key.keyId);
  });

  it('signs with ECDSA P-256: a signature verifies for its text and key only', async () => {
    const a = await keyOf('A');
    const b = await keyOf('B');
    const signature = await signText(a, 'move 2 places');
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await verifyText(a.publicKey, 'move 2 places', signature)).toBe(true);
    expect(await verifyText(a.publicKey, 'move 3 places', signature)).toBe(false);
    expect(await verifyText(b.publicKey, 'move 2 places', signature)).toBe(false);
    // The private key never leaves WebCrypto.
    expect(a.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', a.privateKey)).rejects.toThrow();
  });
});

describe('hash chain and signatures', () => {
  it('links each entry to the one before, hashes and signs its contents', async () => {
    const state = await appliedLedger();
    expect(state.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < state.entries.length; i++)
      expect(state.entries[i]!.prevHash).toBe(state.entries[i - 1]!.hash);
    const { hash, signature, ...rest } = state.entries[2]!;
    expect(await entryHash(rest)).toBe(hash);
    const donorKey = await keyOf('A');
    expect(rest.keyId).toBe(donorKey.keyId);
    expect(await verifyText(donorKey.publicKey, entryText(rest), signature)).toBe(true);
    expect(state.headHash).toBe(state.entries[5]!.hash);
  });

  it('keeps a key list signed by the manager, with each signer registered as it first acts', async () => {
    const state = await appliedLedger();
    const list = state.keyList!;
    expect(list.keys.map((k) => k.actor)).toEqual(['manager', 'A', 'B']);
    expect(list.signedBy).toBe((await keyOf(MANAGER_SIGNER)).keyId);
    expect(await keyListProblem(list, '202526')).toBeNull();
  });

  it('hashes the same contents the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  });

  it('SHA-256 is the real digest (known test vector)', async () => {
    // SHA-256("abc") per FIPS 180-2: ba7816bf...
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('replays to the same allocations', async () => {
    const state = await appliedLedger();
    const replay = replayLedger('202526', state.entries);
    expect(replay.ok && currentAllocations(replay.state).map((l) => l.places)).toEqual([8, 7]);
  });

  it('refuses to sign a step with a key that is not its actor’s, or with an unregistered key', async () => {
    const state = await ledgerOf([
      baseline(),
      proposalDraft('202526', proposal, '202526', 6, manager, at),
    ]);
    const agree = stepDraft('202526', 'p1', 'donor-agree', donorA, at, '');
    const wrongKey = await appendStep(state, agree, await keyOf('B'), null);
    expect(wrongKey.ok ? 'signed' : wrongKey.reason).toBe(
      "the step is made by A but the key is B's",
    );
    // A's key is not registered yet and no manager key is at hand to register it.
    const unregistered = await appendStep(state, agree, await keyOf('A'), null);
    expect(unregistered.ok ? 'signed' : unregistered.reason).toMatch(
      /^this browser's key for A \([0-9a-f ]+\) is not registered with the manager/,
    );
  });

  it('refuses a baseline or a transfer with an absurd number of places', async () => {
    await expect(ledgerOf([baseline(1e15)])).rejects.toThrow(
      'A Physics cannot start with 1000000000000000 places (0 to 10000 whole places)',
    );
    await expect(
      ledgerOf([
        baseline(),
        proposalDraft('202526', { ...proposal, places: 1e6 }, '202526', 6, manager, at),
      ]),
    ).rejects.toThrow('a transfer must move a whole number of places from 1 to 10000');
  });
});

describe('export and import', () => {
  it('round-trips an honest ledger file, naming the manager key to trust', async () => {
    const state = await appliedLedger();
    const result = await importLedger(exportLedger(state, at), 'ledger.json', REGION);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ledger.state.entries).toEqual(state.entries);
    expect(currentAllocations(result.ledger.state)).toEqual(currentAllocations(state));
    expect(result.ledger.signedBy.keyId).toBe((await keyOf(MANAGER_SIGNER)).keyId);
    expect(result.ledger.checkpoint).toBeNull();
  });

  it('accepts a manager checkpoint that covers the whole file', async () => {
    const file = await exported(true);
    const result = await importLedger(JSON.stringify(file), 'ledger.json', REGION);
    expect(result.ok && result.ledger.checkpoint?.entryCount).toBe(6);
  });

  it('refuses an edited entry (hash no longer matches)', async () => {
    const file = await exported();
    (file.entries[1]!.action as { transfer: { places: number } }).transfer.places = 5;
    expect(await outcome(JSON.stringify(file))).toBe(
      'entry 2 has been altered: its contents no longer match its SHA-256 hash',
    );
  });

  it('refuses an edit re-sealed with new hashes all the way to the head (the signature gives it away)', async () => {
    const file = await exported();
    (file.entries[1]!.action as { transfer: { places: number } }).transfer.places = 5;
    await reseal(file, 1);
    expect(await outcome(JSON.stringify(file))).toBe(
      'entry 2 has a signature that does not match its contents: it was changed after manager signed it',
    );
  });

  it('refuses an approval “by” the donor re-signed with the recipient’s key', async () => {
    const file = await exported();
    // Entry 3 is A's agreement; a forger holding B's key re-signs it as if A's.
    const entry = file.entries[2]!;
    const b = await keyOf('B');
    entry.keyId = b.keyId;
    await reseal(file, 2);
    // Every entry from there on signed again, each with a key its forger could hold.
    for (const later of file.entries.slice(2)) {
      const key = later.actor.role === 'manager' ? await keyOf(MANAGER_SIGNER) : b;
      later.signature = await signText(key, entryText(later));
    }
    expect(await outcome(JSON.stringify(file))).toBe(
      'entry 3 says it was made by A but is signed with the key of B',
    );
  });

  it('refuses an entry signed with a key the manager has not registered', async () => {
    const file = await exported();
    const forger = await generateActorKey('A', at);
    const entry = file.entries[2]!;
    entry.why = 'Agreed (forged)';
    entry.keyId = forger.keyId;
    await reseal(file, 2);
    entry.signature = await signText(forger, entryText(entry));
    expect(await outcome(JSON.stringify(file))).toMatch(
      /^entry 3 is signed with key [0-9a-f ]{19}, which the manager has not registered/,
    );
  });

  it('refuses a key list the forger added their own key to', async () => {
    const file = await exported();
    const forger = await generateActorKey('A', at);
    (file.keyList.keys as unknown[]).push({
      actor: 'A',
      keyId: forger.keyId,
      publicKey: forger.publicKey,
      registeredAt: at,
    });
    expect(await outcome(JSON.stringify(file))).toBe(
      "the manager's signature does not match the key list: keys were added, removed or changed",
    );
  });

  it('refuses a transfer to partnership EVIL, edited in or even signed by the manager', async () => {
    const file = await exported();
    const transfer = (file.entries[1]!.action as { transfer: { to: { partnershipCode: string } } })
      .transfer;
    transfer.to.partnershipCode = 'EVIL';
    await reseal(file, 1);
    expect(await outcome(JSON.stringify(file))).toMatch(/^entry 2 has a signature that does not/);

    const evil = { ...proposal, to: { ...proposal.to, partnershipCode: 'EVIL' } };
    const signed = await ledgerOf([
      baseline(),
      proposalDraft('202526', evil, '202526', 6, manager, at),
    ]);
    expect(await outcome(exportLedger(signed, at))).toBe(
      "entry 2 names partnership EVIL, which is not in the region's partnership file",
    );
  });

  it('refuses a baseline of 1e15 places before looking at its signature', async () => {
    const file = await exported();
    (file.entries[0]!.action as { allocations: { places: number }[] }).allocations[0]!.places =
      1e15;
    expect(await outcome(JSON.stringify(file))).toBe(
      'entry 1: action.allocations.0.places must be at most 10,000 places',
    );
  });

  it('refuses a file with its last entries cut off, however the header is fixed up', async () => {
    const cut = await exported(true);
    cut.entries.splice(4);
    expect(await outcome(JSON.stringify(cut))).toMatch(
      /says it holds 6 entries but has 4: it has been cut short or edited/,
    );
    cut.entryCount = 4;
    expect(await outcome(JSON.stringify(cut))).toMatch(
      /head hash differs\): the file is truncated or altered/,
    );
    // Header fixed too: the manager's checkpoint still covers six entries.
    cut.headHash = cut.entries[3]!.hash;
    expect(await outcome(JSON.stringify(cut))).toMatch(
      /^the manager's checkpoint covers 6 entries ending [0-9a-f]{12}, not the file's 4/,
    );
  });

  it('refuses a file whose text is cut short, and one that is not a ledger', async () => {
    const text = JSON.stringify(await exported());
    expect(await outcome(text.slice(0, Math.floor(text.length * 0.7)))).toMatch(
      /the text ends before the JSON is complete: the file is cut short/,
    );
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(await outcome(deep)).toMatch(
      /^the file nests lists or objects more than 64 levels deep/,
    );
    expect(await outcome('{"format":"something else"}')).toMatch(
      /^the file is not a ledger export/,
    );
  });

  it('refuses a removed middle entry', async () => {
    const file = await exported();
    file.entries.splice(2, 1);
    file.entryCount = 5;
    expect(await outcome(JSON.stringify(file))).toMatch(/entry 3 is numbered 4/);
  });

  it('leaves the ledger held unchanged when a file is refused', async () => {
    const held = await appliedLedger();
    const snapshot = structuredClone(held);
    const file = JSON.parse(exportLedger(held, at));
    file.entries[5].action.type = 'undo';
    expect(await outcome(JSON.stringify(file))).not.toBe('accepted');
    expect(held).toEqual(snapshot);
  });
});
