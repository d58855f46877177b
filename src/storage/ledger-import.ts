/**
 * The check-and-write of a verified ledger file into the ledger database, run inside ONE
 * readwrite transaction by LedgerStore.importVerified. It awaits only IndexedDB requests, so
 * the transaction stays open from the first read to the last write:
 * - the manager key that signed the file's key list must be trusted here (made here, accepted
 *   earlier, or accepted now by `acceptManagerKeyId`);
 * - a file that extends the ledger held adds its new entries; one the held ledger already
 *   contains changes nothing;
 * - a different ledger is refused unless `replace` and the file carries the manager's signed
 *   checkpoint; the entries it replaces are archived, not deleted.
 */
import type { IDBPTransaction } from 'idb';
import {
  GENESIS_HASH,
  keyFingerprint,
  type KeyRegistration,
  type LedgerState,
  type VerifiedLedger,
} from '../redistribution/index.ts';
import type { LedgerDb } from './ledger-db.ts';

export type StoreImportResult =
  | { ok: true; state: LedgerState; added: number }
  | {
      ok: false;
      reason: string;
      /** Set when the refusal is only that this browser does not trust the signing manager key. */
      untrustedManagerKey?: KeyRegistration;
    };

export interface ImportOptions {
  /** Replace a different ledger held under the same id (needs the manager's checkpoint). */
  replace: boolean;
  /** Key id of a manager key the user accepted by fingerprint for this import. */
  acceptManagerKeyId: string | null;
  at: string;
}

export const IMPORT_STORES = ['entries', 'heads', 'trustedManagers', 'archive'] as const;
type ImportTransaction = IDBPTransaction<LedgerDb, typeof IMPORT_STORES, 'readwrite'>;

export type ImportOutcome = { ok: true; added: number } | Extract<StoreImportResult, { ok: false }>;

function ledgerRange(ledgerId: string): IDBKeyRange {
  return IDBKeyRange.bound([ledgerId, 0], [ledgerId, Number.MAX_SAFE_INTEGER]);
}

function refusal(reason: string, untrustedManagerKey?: KeyRegistration): ImportOutcome {
  return untrustedManagerKey === undefined
    ? { ok: false, reason }
    : { ok: false, reason, untrustedManagerKey };
}

/** Checks the file against what the transaction reads, and writes it when it may be stored. */
export async function checkAndWrite(
  tx: ImportTransaction,
  verified: VerifiedLedger,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const { state, keyList, signedBy, checkpoint } = verified;
  const ledgerId = state.ledgerId;
  const trusted = tx.objectStore('trustedManagers');
  if ((await trusted.get(signedBy.keyId)) === undefined) {
    if (options.acceptManagerKeyId !== signedBy.keyId) {
      return refusal(
        `The ledger's keys are registered by a manager key this browser does not know (fingerprint ${keyFingerprint(signedBy.keyId)}). Check the fingerprint with the regional allocation manager; if it matches, say you trust it and import again. Nothing was changed.`,
        signedBy,
      );
    }
    await trusted.put({
      keyId: signedBy.keyId,
      publicKey: signedBy.publicKey,
      trustedAt: options.at,
      how: 'accepted by fingerprint',
    });
  }
  const entries = tx.objectStore('entries');
  const held = await entries.getAll(ledgerRange(ledgerId));
  const heldHead = held[held.length - 1]?.hash ?? GENESIS_HASH;
  const fileEntries = state.entries;
  const extendsHeld = held.length === 0 || fileEntries[held.length - 1]?.hash === heldHead;
  const containedInHeld = held[fileEntries.length - 1]?.hash === state.headHash;
  if (extendsHeld) {
    for (const entry of fileEntries.slice(held.length)) await entries.add(entry);
  } else if (containedInHeld && !options.replace) {
    return { ok: true, added: 0 };
  } else {
    if (!options.replace) {
      return refusal(
        `The file's ledger ${ledgerId} differs from the one held (${held.length} entries); nothing was changed. Replace the held ledger explicitly to load it.`,
      );
    }
    if (checkpoint === null) {
      return refusal(
        `The file has no checkpoint signed by the manager, so it cannot replace the ledger held (${held.length} entries); nothing was changed. Export the ledger from the manager's browser while acting as the manager.`,
      );
    }
    if (
      checkpoint.keyId !== signedBy.keyId &&
      (await trusted.get(checkpoint.keyId)) === undefined
    ) {
      return refusal(
        `The file's checkpoint is signed by a manager key this browser does not trust (fingerprint ${keyFingerprint(checkpoint.keyId)}); nothing was changed.`,
      );
    }
    await tx.objectStore('archive').add({
      ledgerId,
      replacedAt: options.at,
      entries: held,
      keyList: (await tx.objectStore('heads').get(ledgerId))?.keyList ?? null,
    });
    await entries.delete(ledgerRange(ledgerId));
    for (const entry of fileEntries) await entries.add(entry);
  }
  const last = fileEntries[fileEntries.length - 1]!;
  await tx.objectStore('heads').put({ ledgerId, seq: last.seq, hash: last.hash, keyList });
  return { ok: true, added: extendsHeld ? fileEntries.length - held.length : fileEntries.length };
}
