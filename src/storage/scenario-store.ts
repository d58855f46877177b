/**
 * Scenarios saved in this browser (IndexedDB via idb). Each record is re-validated when read,
 * so a record damaged by an older version of the app is reported, not loaded half-way.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { describeIssues, loadScenario, type Scenario } from '../scenarios/index.ts';

export const SCENARIO_DB_NAME = 'teacher-supply-planner-scenarios';
const DB_VERSION = 1;

export interface SavedScenario {
  id: string;
  savedAt: string;
  scenario: Scenario;
}

interface ScenarioDb extends DBSchema {
  scenarios: { key: string; value: { id: string; savedAt: string; scenario: unknown } };
}

export class ScenarioStore {
  private db: Promise<IDBPDatabase<ScenarioDb>> | undefined;

  private open(): Promise<IDBPDatabase<ScenarioDb>> {
    this.db ??= openDB<ScenarioDb>(SCENARIO_DB_NAME, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('scenarios', { keyPath: 'id' });
      },
    });
    return this.db;
  }

  /** Saved scenarios, oldest first, and a line for each record that no longer validates. */
  async list(): Promise<{ saved: SavedScenario[]; problems: string[] }> {
    const records = await (await this.open()).getAll('scenarios');
    const saved: SavedScenario[] = [];
    const problems: string[] = [];
    for (const record of records) {
      const loaded = await loadScenario(record.scenario);
      if (loaded.ok)
        saved.push({ id: record.id, savedAt: record.savedAt, scenario: loaded.scenario });
      else problems.push(...describeIssues(loaded.issues, `Saved scenario ${record.id}`));
    }
    saved.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    return { saved, problems };
  }

  /** Saves a copy under a new id (an existing saved scenario is never overwritten). */
  async save(scenario: Scenario, now = new Date()): Promise<SavedScenario> {
    const record = { id: `saved-${crypto.randomUUID()}`, savedAt: now.toISOString(), scenario };
    await (await this.open()).add('scenarios', record);
    return record;
  }

  async remove(id: string): Promise<void> {
    await (await this.open()).delete('scenarios', id);
  }
}
