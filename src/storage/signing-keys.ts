/**
 * This browser's signing keys and the manager keys it trusts, in the ledger database. A key
 * pair is made the first time an actor signs (the manager, or a partnership acted as) and
 * kept as a non-extractable CryptoKey: IndexedDB stores it, but no script can read it out.
 * A manager key made here is trusted here; another manager's key is trusted only when the
 * user accepts it by fingerprint (see LedgerStore.importVerified).
 */
import type { IDBPDatabase } from 'idb';
import {
  MANAGER_SIGNER,
  generateActorKey,
  type ActorKey,
  type SignerId,
} from '../redistribution/index.ts';
import type { LedgerDb, TrustedManagerKey } from './ledger-db.ts';

function isConstraintError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ConstraintError'
  );
}

export class SigningKeys {
  constructor(private readonly db: IDBPDatabase<LedgerDb>) {}

  /** The key this browser holds for `actor`, if any. */
  held(actor: SignerId): Promise<ActorKey | undefined> {
    return this.db.get('actorKeys', actor);
  }

  /** The key this browser holds for `actor`, made now if it has none. */
  async keyFor(actor: SignerId, at: string): Promise<ActorKey> {
    const held = await this.held(actor);
    if (held !== undefined) return held;
    const made = await generateActorKey(actor, at);
    const tx = this.db.transaction(['actorKeys', 'trustedManagers'], 'readwrite');
    const done = tx.done;
    done.catch(() => undefined);
    try {
      await tx.objectStore('actorKeys').add(made);
      if (actor === MANAGER_SIGNER) {
        await tx.objectStore('trustedManagers').put({
          keyId: made.keyId,
          publicKey: made.publicKey,
          trustedAt: at,
          how: 'made in this browser',
        });
      }
      await done;
      return made;
    } catch (error) {
      // Another tab made this actor's key first: use that one.
      if (!isConstraintError(error)) throw error;
      await done.catch(() => undefined);
      return (await this.held(actor))!;
    }
  }

  /** Every key this browser holds, by actor. */
  all(): Promise<ActorKey[]> {
    return this.db.getAll('actorKeys');
  }

  trustedManagers(): Promise<TrustedManagerKey[]> {
    return this.db.getAll('trustedManagers');
  }
}
