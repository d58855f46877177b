/**
 * IndexedDB persistence of what the In-year page holds besides the ledger (which has its own
 * store, ledger-store.ts): the recruitment returns and the manager's settings
 * (rules, recruitment curve, month shown, who is acting). Each is one record written whole,
 * so a reload finds exactly what was last saved.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecruitmentReturn, StopNotice } from '../redistribution/index.ts';

export const IN_YEAR_DB_NAME = 'teacher-supply-planner-in-year';
const IN_YEAR_DB_VERSION = 1;

/** The returns held, and whether the illustrative defaults are among them (the UI says so). */
export interface StoredReturns {
  returns: RecruitmentReturn[];
  includesIllustrative: boolean;
  /** File names and manual entries loaded since the defaults, newest last. */
  loaded: string[];
}

export interface InYearSettings {
  overRecruitment: boolean;
  toleranceBands: boolean;
  stopNotices: StopNotice[];
  /** Let Biology, Chemistry and Physics places move between each other. */
  substituteSciences: boolean;
  /** An edited recruitment curve (12 cumulative shares), or null for the default/fitted one. */
  curveShares: number[] | null;
  /** Cycle month shown (1 = October), or null for the latest month returned. */
  monthIndex: number | null;
  /** 'manager' or the code of the partnership acting. */
  actingAs: string;
  actorName: string;
}

export const DEFAULT_SETTINGS: InYearSettings = {
  overRecruitment: false,
  toleranceBands: false,
  stopNotices: [],
  substituteSciences: false,
  curveShares: null,
  monthIndex: null,
  actingAs: 'manager',
  actorName: '',
};

interface InYearDb extends DBSchema {
  records: {
    key: string;
    value: StoredReturns | InYearSettings;
  };
}

/** Records are kept per recruitment cycle, so a new cycle starts clean. */
function key(kind: 'returns' | 'settings', timePeriod: string): string {
  return `${timePeriod}:${kind}`;
}

export class InYearStore {
  private constructor(private readonly db: IDBPDatabase<InYearDb>) {}

  static async open(name = IN_YEAR_DB_NAME): Promise<InYearStore> {
    const db = await openDB<InYearDb>(name, IN_YEAR_DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('records');
      },
    });
    return new InYearStore(db);
  }

  close(): void {
    this.db.close();
  }

  async loadReturns(timePeriod: string): Promise<StoredReturns | undefined> {
    return (await this.db.get('records', key('returns', timePeriod))) as StoredReturns | undefined;
  }

  async saveReturns(timePeriod: string, stored: StoredReturns): Promise<void> {
    await this.db.put('records', stored, key('returns', timePeriod));
  }

  async loadSettings(timePeriod: string): Promise<InYearSettings> {
    const held = (await this.db.get('records', key('settings', timePeriod))) as
      Partial<InYearSettings> | undefined;
    // Fields added in later versions fall back to their defaults.
    return { ...DEFAULT_SETTINGS, ...held };
  }

  async saveSettings(timePeriod: string, settings: InYearSettings): Promise<void> {
    await this.db.put('records', settings, key('settings', timePeriod));
  }
}
