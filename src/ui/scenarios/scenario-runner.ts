/**
 * Runs scenarios in the model worker pool (the main thread never simulates): prepares the
 * levers for the dataset, then runs the central projection, the draws and the percentiles in
 * workers. One pool for the page; cancelling aborts the run and terminates its workers.
 */
import type { RegionDataset } from '../../data/types.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import {
  prepareScenario,
  runScenario,
  type ModelRunner,
  type RunProgress,
  type Scenario,
  type ScenarioIssue,
  type ScenarioResult,
} from '../../scenarios/index.ts';

export type RunOutcome =
  { ok: true; result: ScenarioResult } | { ok: false; issues: ScenarioIssue[] };

function poolRunner(pool: ModelPool, signal: AbortSignal): ModelRunner {
  return {
    runDraws: (inputs, request, onProgress) => pool.run(inputs, { ...request, signal, onProgress }),
    summariseRun: (inputs, request, onProgress) =>
      pool.runSummary(inputs, { ...request, signal, onProgress }),
    summariseTotals: (run) => pool.summariseTotals(run, signal),
  };
}

export class ScenarioRunner {
  private readonly pool: ModelPool;

  constructor(pool = new ModelPool()) {
    this.pool = pool;
  }

  /** Rejects with an AbortError when cancelled; lever problems come back as issues. */
  async run(
    scenario: Scenario,
    dataset: RegionDataset,
    signal: AbortSignal,
    onProgress: RunProgress,
  ): Promise<RunOutcome> {
    const prepared = prepareScenario(scenario, dataset);
    if (!prepared.ok) return prepared;
    const result = await runScenario(prepared.setup, poolRunner(this.pool, signal), {
      signal,
      onProgress,
    });
    return { ok: true, result };
  }

  dispose(): void {
    this.pool.terminate();
  }
}
