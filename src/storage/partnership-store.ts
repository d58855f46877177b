/**
 * IndexedDB persistence of the Partnerships page (via `idb`): the lead's local-intelligence
 * entries, the manager's loaded submissions and any partner-school lists a partnership
 * uploaded, so a reload keeps them. One small record per kind, written whole; records
 * carry a version so a later shape is never read as this one.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  IntelligenceEntry,
  PartnerSchoolLink,
  SubmittedForecastRow,
} from '../partnerships/index.ts';

export const PARTNERSHIPS_DB_NAME = 'teacher-supply-planner-partnerships';
const DB_VERSION = 1;
const RECORD_VERSION = 1;

/** A submission the manager loaded (its entries are held in `managerEntries`). */
export interface LoadedSubmission {
  partnershipCode: string;
  fileName: string;
  /** ISO 8601 time it was loaded. */
  loadedAt: string;
  entryCount: number;
  /** The forecast as the partnership submitted it, to compare with the manager's run. */
  forecast: SubmittedForecastRow[];
}

export interface PartnershipsSnapshot {
  /** Entries typed by partnership leads on this device (their working copy). */
  leadEntries: IntelligenceEntry[];
  /** Entries accepted from loaded submission files: what the amalgamation counts. */
  managerEntries: IntelligenceEntry[];
  submissions: LoadedSubmission[];
  /** Links from uploaded partner-school lists; they replace the illustrative ones of their partnerships. */
  importedLinks: PartnerSchoolLink[];
}

type RecordKey = keyof PartnershipsSnapshot;

interface StoredRecord {
  key: RecordKey;
  version: number;
  value: unknown;
}

interface PartnershipsDb extends DBSchema {
  records: { key: RecordKey; value: StoredRecord };
}

export const EMPTY_SNAPSHOT: PartnershipsSnapshot = {
  leadEntries: [],
  managerEntries: [],
  submissions: [],
  importedLinks: [],
};

export class PartnershipStore {
  private constructor(private readonly db: IDBPDatabase<PartnershipsDb>) {}

  /** Open (creating on first use) the database. */
  static async open(name = PARTNERSHIPS_DB_NAME): Promise<PartnershipStore> {
    const db = await openDB<PartnershipsDb>(name, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('records', { keyPath: 'key' });
      },
    });
    return new PartnershipStore(db);
  }

  /** Everything saved; a record missing or of another version reads as empty. */
  async load(): Promise<PartnershipsSnapshot> {
    const snapshot: PartnershipsSnapshot = { ...EMPTY_SNAPSHOT };
    for (const key of Object.keys(EMPTY_SNAPSHOT) as RecordKey[]) {
      const record = await this.db.get('records', key);
      if (record?.version === RECORD_VERSION && Array.isArray(record.value)) {
        (snapshot[key] as unknown[]) = record.value;
      }
    }
    return snapshot;
  }

  /** Saves the given parts in one transaction, so a reload never sees half an update. */
  async save(parts: Partial<PartnershipsSnapshot>): Promise<void> {
    const transaction = this.db.transaction('records', 'readwrite');
    for (const [key, value] of Object.entries(parts) as [RecordKey, unknown][]) {
      void transaction.store.put({ key, version: RECORD_VERSION, value });
    }
    await transaction.done;
  }

  close(): void {
    this.db.close();
  }
}
