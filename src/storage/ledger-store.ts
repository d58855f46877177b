/**
 * IndexedDB persistence of the redistribution ledger (via `idb`). Entries are only ever added:
 * each step is written in one readwrite transaction together with the ledger's head record,
 * so a tab killed mid-write leaves either the whole entry or nothing. A unique index on the
 * step's idempotency key means a retried write cannot add the same step twice, and a write
 * made after another tab has moved the head on is re-checked against the new head.
 *
 * Hashing (crypto.subtle) is asynchronous and would let an IndexedDB transaction commit early,
 * so an entry is sealed first and the transaction then checks the head has not moved.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  GENESIS_HASH,
  draftProblem,
  emptyLedgerState,
  replayLedger,
  sealEntry,
  type AppendResult,
  type LedgerDraft,
  type LedgerEntry,
  type LedgerState,
} from '../redistribution/ledger.ts';

export const LEDGER_DB_NAME = 'teacher-supply-planner-ledger';
const LEDGER_DB_VERSION = 1;
const MAX_ATTEMPTS = 3;

interface LedgerHead {
  ledgerId: string;
  seq: number;
  hash: string;
}

interface LedgerDb extends DBSchema {
  entries: {
    key: [string, number];
    value: LedgerEntry;
    indexes: { byIdempotencyKey: [string, string] };
  };
  heads: { key: string; value: LedgerHead };
}

export class LedgerStoreError extends Error {
  override name = 'LedgerStoreError';
}

export type StoreImportResult = { ok: true; state: LedgerState } | { ok: false; reason: string };

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
  private constructor(private readonly db: IDBPDatabase<LedgerDb>) {}

  /** Open (creating on first use) the ledger database. */
  static async open(name = LEDGER_DB_NAME): Promise<LedgerStore> {
    const db = await openDB<LedgerDb>(name, LEDGER_DB_VERSION, {
      upgrade(database) {
        const entries = database.createObjectStore('entries', { keyPath: ['ledgerId', 'seq'] });
        entries.createIndex('byIdempotencyKey', ['ledgerId', 'idempotencyKey'], { unique: true });
        database.createObjectStore('heads', { keyPath: 'ledgerId' });
      },
    });
    return new LedgerStore(db);
  }

  close(): void {
    this.db.close();
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
    const replay = replayLedger(ledgerId, entries);
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
   * Append one step. A step already stored (same idempotency key) is returned as a duplicate
   * and nothing is written. Aborting `signal` before the transaction commits rolls it back.
   */
  async append(draft: LedgerDraft, signal?: AbortSignal): Promise<AppendResult> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const state = await this.load(draft.ledgerId);
      const existing = await this.db.getFromIndex('entries', 'byIdempotencyKey', [
        draft.ledgerId,
        draft.idempotencyKey,
      ]);
      if (existing !== undefined) return { ok: true, state, entry: existing, duplicate: true };
      const problem = draftProblem(state, draft);
      if (problem !== null) return { ok: false, state, reason: problem };
      const previous = state.entries[state.entries.length - 1] ?? null;
      const entry = await sealEntry(previous, draft);
      signal?.throwIfAborted();
      const outcome = await this.writeEntry(entry, state.headHash, signal);
      if (outcome === 'written') {
        return { ok: true, duplicate: false, entry, state: await this.load(draft.ledgerId) };
      }
      // 'moved': another writer got there first; go round again against the new head.
    }
    throw new LedgerStoreError(
      `Could not append to ledger ${draft.ledgerId}: it kept changing under this write`,
    );
  }

  private async writeEntry(
    entry: LedgerEntry,
    expectedHead: string,
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
        .put({ ledgerId: entry.ledgerId, seq: entry.seq, hash: entry.hash })
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
   * Store a ledger that `importLedger` has verified. When a different ledger is held under the
   * same id (its entries are not the start of the imported one) it is kept unless `replace`.
   */
  async importVerified(state: LedgerState, replace = false): Promise<StoreImportResult> {
    const held = await this.load(state.ledgerId);
    const heldLength = held.entries.length;
    const extendsHeld = heldLength === 0 || state.entries[heldLength - 1]?.hash === held.headHash;
    if (!extendsHeld && !replace) {
      return {
        ok: false,
        reason: `The file's ledger ${state.ledgerId} differs from the one held (${heldLength} entries); nothing was changed. Replace the held ledger explicitly to load it.`,
      };
    }
    const tx = this.db.transaction(['entries', 'heads'], 'readwrite');
    const entries = tx.objectStore('entries');
    await entries.delete(ledgerRange(state.ledgerId));
    await Promise.all(state.entries.map((entry) => entries.add(entry)));
    const last = state.entries[state.entries.length - 1];
    if (last === undefined) await tx.objectStore('heads').delete(state.ledgerId);
    else
      await tx
        .objectStore('heads')
        .put({ ledgerId: state.ledgerId, seq: last.seq, hash: last.hash });
    await tx.done;
    return { ok: true, state: await this.load(state.ledgerId) };
  }
}
