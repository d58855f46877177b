/**
 * Sealing a step into the ledger: its hash (covering the previous entry's, so the entries form
 * a chain) and its signature by the actor's key, registered in the manager's key list.
 */
import {
  MANAGER_SIGNER,
  canonicalJson,
  keyFingerprint,
  registerKey,
  registrationOf,
  sha256Hex,
  signKeyList,
  signText,
  type ActorKey,
  type KeyList,
} from './ledger-keys.ts';
import {
  GENESIS_HASH,
  draftProblem,
  signerOf,
  withEntry,
  type LedgerDraft,
  type LedgerEntry,
  type LedgerState,
} from './ledger.ts';

type Unsealed = Omit<LedgerEntry, 'hash' | 'signature'>;

/** The text an entry's hash and signature cover: its contents, seq, prevHash and key id. */
export function entryText(entry: Unsealed): string {
  const { seq, ledgerId, idempotencyKey, at, actor, action, why, prevHash, keyId } = entry;
  return canonicalJson({ seq, ledgerId, idempotencyKey, at, actor, action, why, prevHash, keyId });
}

/** The hash an entry must carry: SHA-256 of its contents including seq, prevHash and key id. */
export function entryHash(entry: Unsealed): Promise<string> {
  return sha256Hex(entryText(entry));
}

/** Seal a draft as the entry after `previous` (null for the first), signed by `signer`. */
export async function sealEntry(
  previous: LedgerEntry | null,
  draft: LedgerDraft,
  signer: ActorKey,
): Promise<LedgerEntry> {
  const unsealed: Unsealed = {
    ...draft,
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
    keyId: signer.keyId,
  };
  const text = entryText(unsealed);
  return { ...unsealed, hash: await sha256Hex(text), signature: await signText(signer, text) };
}

export type AppendResult =
  | { ok: true; state: LedgerState; entry: LedgerEntry; duplicate: boolean }
  | { ok: false; state: LedgerState; reason: string };

/**
 * The key list once `signer` may sign in it, or why it may not. The manager starts the list
 * with the baseline; a key not yet registered is registered when this holder has a manager
 * key the list registers (the manager's browser), and refused otherwise.
 */
async function keyListWith(
  state: LedgerState,
  signer: ActorKey,
  manager: ActorKey | null,
  at: string,
): Promise<{ ok: true; keyList: KeyList } | { ok: false; reason: string }> {
  const list = state.keyList;
  if (list === null) {
    if (manager === null) return { ok: false, reason: 'the manager must start the ledger' };
    const others = signer.actor === MANAGER_SIGNER ? [] : [registrationOf(signer, at)];
    return { ok: true, keyList: await signKeyList(state.ledgerId, others, manager, at) };
  }
  const registered = list.keys.find((k) => k.keyId === signer.keyId);
  if (registered !== undefined) return { ok: true, keyList: list };
  const canRegister =
    manager !== null &&
    list.keys.some((k) => k.keyId === manager.keyId && k.actor === MANAGER_SIGNER);
  if (!canRegister) {
    return {
      ok: false,
      reason: `this browser's key for ${signer.actor} (${keyFingerprint(signer.keyId)}) is not registered with the manager of this ledger: ask the manager to register it`,
    };
  }
  return { ok: true, keyList: await registerKey(list, registrationOf(signer, at), manager, at) };
}

/**
 * Append one step in memory, signed by `signer` (the key of the step's actor); `manager` is
 * the manager key this holder has, if any, to start the key list or register the signer.
 * A step whose idempotency key is already in the ledger is a retry: the entry already held
 * is returned and nothing changes.
 */
export async function appendStep(
  state: LedgerState,
  draft: LedgerDraft,
  signer: ActorKey,
  manager: ActorKey | null = signer.actor === MANAGER_SIGNER ? signer : null,
): Promise<AppendResult> {
  const existing = state.entries.find((e) => e.idempotencyKey === draft.idempotencyKey);
  if (existing !== undefined) return { ok: true, state, entry: existing, duplicate: true };
  const problem = draftProblem(state, draft);
  if (problem !== null) return { ok: false, state, reason: problem };
  if (signer.actor !== signerOf(draft.actor)) {
    return {
      ok: false,
      state,
      reason: `the step is made by ${signerOf(draft.actor)} but the key is ${signer.actor}'s`,
    };
  }
  const listed = await keyListWith(state, signer, manager, draft.at);
  if (!listed.ok) return { ok: false, state, reason: listed.reason };
  const previous = state.entries[state.entries.length - 1] ?? null;
  const entry = await sealEntry(previous, draft, signer);
  return { ok: true, duplicate: false, entry, state: withEntry(state, entry, listed.keyList) };
}
