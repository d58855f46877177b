import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../../../src/scenarios/index.ts';
import { SCENARIO_DB_NAME, ScenarioStore } from '../../../src/storage/scenario-store.ts';

describe('scenarios saved in the browser', () => {
  it('saves copies under new ids, lists them oldest first and removes them', async () => {
    const store = new ScenarioStore();
    const [baseline, falling] = await shippedScenarios();
    const first = await store.save(falling!.scenario, new Date('2026-01-02T10:00:00Z'));
    const second = await store.save(baseline!.scenario, new Date('2026-01-01T10:00:00Z'));
    expect(first.id).not.toBe(second.id);
    const { saved, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(saved.map((s) => s.scenario.name)).toEqual(['Baseline', 'Falling primary rolls']);
    expect(saved[1]!.scenario).toEqual(falling!.scenario);
    await store.remove(second.id);
    expect((await store.list()).saved.map((s) => s.id)).toEqual([first.id]);
  });

  it('reports a damaged record instead of loading it', async () => {
    const store = new ScenarioStore();
    await store.list();
    const db = await openDB(SCENARIO_DB_NAME, 1);
    await db.put('scenarios', {
      id: 'saved-broken',
      savedAt: '2026-01-03T00:00:00Z',
      scenario: { schemaVersion: 2, name: 'x', description: '', levers: { inductionYears: 7 } },
    });
    db.close();
    const { saved, problems } = await store.list();
    expect(saved.some((s) => s.id === 'saved-broken')).toBe(false);
    expect(problems).toEqual([
      'Saved scenario saved-broken: levers.inductionYears: must be a whole number from 0 to 2 (got 7)',
    ]);
  });
});
