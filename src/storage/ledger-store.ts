/**
 * IndexedDB persistence of the redistribution ledger (via `idb`). Entries are only ever added:
 * each step is written in one readwrite transaction together with the ledger's head record,
 * so a tab killed mid-write leaves either the whole entry or nothing. A unique index on the
 * step's idempotency key means a retried write cannot add the same step twice, and a write
 * made after another tab has moved the head on is re-checked against the new head.
 *
 * Each entry is signed by this browser's key for its actor (see signing-keys.ts). Importing a
 * ledger file checks it against what is held and writes it in one transaction.
 */
import type { IDBPDatabase } from 'idb';
import {
  GENESIS_HASH,
  MANAGER_SIGNER,
  appendStep,
  emptyLedgerState,
  replayLedger,
  signerOf,
  type AppendResult,
  registerKey,
  type KeyList,
  type KeyRegistration,
  type LedgerDraft,
  type LedgerEntry,
  type LedgerState,
  type VerifiedLedger,
} from '../redistribution/index.ts';
import { LEDGER_DB_NAME, openLedgerDb, type ArchivedLedger, type LedgerDb } from './ledger-db.ts';
import {
  IMPORT_STORES,
  checkAndWrite,
  type ImportOptions,
  type StoreImportResult,
} from './ledger-import.ts';
import { SigningKeys } from './signing-keys.ts';

export { LEDGER_DB_NAME } from './ledger-db.ts';
const MAX_ATTEMPTS = 3;

export class LedgerStoreError extends Error {
  override name = 'LedgerStoreError';
}

export type { ImportOptions, StoreImportResult } from './ledger-import.ts';

function ledgerRange(ledgerId: string): IDBKeyRange {
  return IDBKeyRange.bound([ledgerId, 0], [ledgerId, Number.MAX_SAFE_INTEGER]);
}

function isConstraintError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ConstraintError'
  );
}

export class LedgerStore {
  readonly keys: SigningKeys;

  private constructor(private readonly db: IDBPDatabase<LedgerDb>) {
    this.keys = new SigningKeys(db);
  }

  /** Open (creating on first use) the ledger database. */
  static async open(name = LEDGER_DB_NAME): Promise<LedgerStore> {
    return new LedgerStore(await openLedgerDb(name));
  }

  close(): void {
    this.db.close();
  }

  /** Ledgers replaced by imports, oldest first (kept, never deleted). */
  archived(): Promise<ArchivedLedger[]> {
    return this.db.getAll('archive');
  }

  /** Ledger ids held (e.g. one per recruitment cycle). */
  async ledgerIds(): Promise<string[]> {
    return (await this.db.getAllKeys('heads')).sort();
  }

  /** Read a ledger and rebuild its state by replay; a stored ledger that does not replay is reported, not repaired. */
  async load(ledgerId: string): Promise<LedgerState> {
    const tx = this.db.transaction(['entries', 'heads'], 'readonly');
    const [entries, head] = await Promise.all([
      tx.objectStore('entries').getAll(ledgerRange(ledgerId)),
      tx.objectStore('heads').get(ledgerId),
      tx.done,
    ]);
    if (entries.length === 0) return emptyLedgerState(ledgerId);
    const replay = replayLedger(ledgerId, entries, head?.keyList ?? null);
    if (!replay.ok) {
      throw new LedgerStoreError(
        `The stored ledger ${ledgerId} is inconsistent at entry ${replay.seq}: ${replay.reason}`,
      );
    }
    if (head === undefined || head.hash !== replay.state.headHash) {
      throw new LedgerStoreError(
        `The stored ledger ${ledgerId} does not end at its recorded head entry`,
      );
    }
    return replay.state;
  }

  /**
   * Append one step, signed by this browser's key for the step's actor (made on first use;
   * registered in the key list when this browser holds the manager's key). A step already
   * stored (same idempotency key) is returned as a duplicate and nothing is written. Aborting
   * `signal` before the transaction commits rolls it back.
   */
  async append(draft: LedgerDraft, signal?: AbortSignal): Promise<AppendResult> {
    const signer = await this.keys.keyFor(signerOf(draft.actor), draft.at);
    const manager =
      signer.actor === MANAGER_SIGNER ? signer : ((await this.keys.held(MANAGER_SIGNER)) ?? null);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const state = await this.load(draft.ledgerId);
      // Signing is asynchronous and would let a transaction commit early, so the entry is
      // sealed first and the write then checks the head has not moved.
      const result = await appendStep(state, draft, signer, manager);
      if (!result.ok || result.duplicate) return result;
      signal?.throwIfAborted();
      const outcome = await this.writeEntry(
        result.entry,
        state.headHash,
        result.state.keyList,
        signal,
      );
      if (outcome === 'written') {
        return { ...result, state: await this.load(draft.ledgerId) };
      }
      // 'moved': another writer got there first; go round again against the new head.
    }
    throw new LedgerStoreError(
      `Could not append to ledger ${draft.ledgerId}: it kept changing under this write`,
    );
  }

  /**
   * Register another browser's public key in the ledger's key list, signed again by this
   * browser's manager key, which must be the one that registers the ledger's keys.
   */
  async registerPublicKey(
    ledgerId: string,
    registration: KeyRegistration,
    at: string,
  ): Promise<{ ok: true; state: LedgerState } | { ok: false; reason: string }> {
    const manager = await this.keys.held(MANAGER_SIGNER);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const state = await this.load(ledgerId);
      const list = state.keyList;
      const managesList =
        manager !== undefined &&
        list?.keys.some((k) => k.keyId === manager.keyId && k.actor === MANAGER_SIGNER) === true;
      if (list === null || !managesList) {
        return {
          ok: false,
          reason:
            "only the manager whose key registers this ledger's keys can register another, and this browser does not hold that key",
        };
      }
      if (list.keys.some((k) => k.keyId === registration.keyId)) return { ok: true, state };
      const keyList = await registerKey(list, registration, manager!, at);
      const tx = this.db.transaction('heads', 'readwrite');
      const head = await tx.store.get(ledgerId);
      if (head?.hash === state.headHash && head.keyList?.signature === list.signature) {
        await tx.store.put({ ...head, keyList });
        await tx.done;
        return { ok: true, state: await this.load(ledgerId) };
      }
      await tx.done;
      // Another tab changed the ledger meanwhile: go round again.
    }
    throw new LedgerStoreError(`Could not register the key: ledger ${ledgerId} kept changing`);
  }

  private async writeEntry(
    entry: LedgerEntry,
    expectedHead: string,
    keyList: KeyList | null,
    signal?: AbortSignal,
  ): Promise<'written' | 'moved'> {
    const tx = this.db.transaction(['entries', 'heads'], 'readwrite');
    // Failures surface once, through tx.done; the individual requests must not also reject unheard.
    const done = tx.done;
    done.catch(() => undefined);
    const onAbort = () => tx.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const head = await tx.objectStore('heads').get(entry.ledgerId);
      if ((head?.hash ?? GENESIS_HASH) !== expectedHead) {
        tx.abort();
        await done.catch(() => undefined);
        return 'moved';
      }
      tx.objectStore('entries')
        .add(entry)
        .catch(() => undefined);
      tx.objectStore('heads')
        .put({ ledgerId: entry.ledgerId, seq: entry.seq, hash: entry.hash, keyList })
        .catch(() => undefined);
      await done;
      return 'written';
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isConstraintError(error)) return 'moved';
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Store a ledger that `importLedger` has verified, checking it against what is held and
   * writing it in ONE readwrite transaction (see ledger-import.ts), so no other tab can change
   * the ledger between the check and the write, and a refusal or a failure part-way leaves
   * everything as it was.
   */
  async importVerified(
    verified: VerifiedLedger,
    options: ImportOptions,
  ): Promise<StoreImportResult> {
    const tx = this.db.transaction(IMPORT_STORES, 'readwrite');
    const done = tx.done;
    done.catch(() => undefined);
    const rollBack = async () => {
      // An exception in our code does not end a transaction by itself: abort it explicitly
      // (a failed request may have aborted it already, and aborting twice throws).
      try {
        tx.abort();
      } catch {
        // already finished
      }
      await done.catch(() => undefined);
    };
    let outcome;
    try {
      outcome = await checkAndWrite(tx, verified, options);
    } catch (error) {
      await rollBack();
      throw error;
    }
    if (!outcome.ok) {
      await rollBack();
      return outcome;
    }
    await done;
    return { ok: true, added: outcome.added, state: await this.load(verified.state.ledgerId) };
  }
}
