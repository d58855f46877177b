/**
 * The IndexedDB database of the in-year ledger: its entries, each ledger's head (last entry
 * and the manager-signed key list), this browser's signing keys, the manager keys it trusts,
 * and ledgers replaced by an import (archived, never deleted).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  ActorKey,
  KeyList,
  LedgerEntry,
  PublicJwk,
  SignerId,
} from '../redistribution/index.ts';

export const LEDGER_DB_NAME = 'teacher-supply-planner-ledger';
/** Version 2: signed entries, key lists, actor keys and trusted manager keys. */
const LEDGER_DB_VERSION = 2;

export interface LedgerHead {
  ledgerId: string;
  seq: number;
  hash: string;
  keyList: KeyList | null;
}

export interface TrustedManagerKey {
  keyId: string;
  publicKey: PublicJwk;
  trustedAt: string;
  how: 'made in this browser' | 'accepted by fingerprint';
}

export interface ArchivedLedger {
  ledgerId: string;
  replacedAt: string;
  entries: LedgerEntry[];
  keyList: KeyList | null;
}

export interface LedgerDb extends DBSchema {
  entries: {
    key: [string, number];
    value: LedgerEntry;
    indexes: { byIdempotencyKey: [string, string] };
  };
  heads: { key: string; value: LedgerHead };
  /** This browser's key pairs, one per actor; the private keys cannot be exported. */
  actorKeys: { key: SignerId; value: ActorKey };
  trustedManagers: { key: string; value: TrustedManagerKey };
  archive: { key: number; value: ArchivedLedger };
}

export function openLedgerDb(name: string): Promise<IDBPDatabase<LedgerDb>> {
  return openDB<LedgerDb>(name, LEDGER_DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion === 1) {
        // Version 1 entries were not signed, so they cannot be verified: kept aside under
        // other names (IndexedDB can rename a store while upgrading), not used.
        const stores = transaction as unknown as { objectStore(name: string): IDBObjectStore };
        stores.objectStore('entries').name = 'unsignedEntriesV1';
        stores.objectStore('heads').name = 'unsignedHeadsV1';
      }
      const entries = database.createObjectStore('entries', { keyPath: ['ledgerId', 'seq'] });
      entries.createIndex('byIdempotencyKey', ['ledgerId', 'idempotencyKey'], { unique: true });
      database.createObjectStore('heads', { keyPath: 'ledgerId' });
      database.createObjectStore('actorKeys', { keyPath: 'actor' });
      database.createObjectStore('trustedManagers', { keyPath: 'keyId' });
      database.createObjectStore('archive', { autoIncrement: true });
    },
  });
}
