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
import { systemClock } from '../../data/clock.ts';

export type RunOutcome =
  { ok: true; result: ScenarioResult } | { ok: false; issues: ScenarioIssue[] };

/** All results, or the first scenario with a lever problem (the later ones are not run). */
export type BatchOutcome =
  | { ok: true; results: ScenarioResult[] }
  | { ok: false; scenario: Scenario; issues: ScenarioIssue[] };

export interface BatchCallbacks {
  onStart: (scenario: Scenario) => void;
  /** `stage` names the scenario when there are several; `fraction` is of the whole batch. */
  onProgress: (stage: string, fraction: number) => void;
}

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
    const prepared = await prepareScenario(scenario, dataset, systemClock());
    if (!prepared.ok) return prepared;
    const result = await runScenario(prepared.setup, poolRunner(this.pool, signal), {
      signal,
      onProgress,
    });
    return { ok: true, result };
  }

  /** Runs scenarios one after another; rejects with an AbortError when cancelled. */
  async runInTurn(
    scenarios: readonly Scenario[],
    dataset: RegionDataset,
    signal: AbortSignal,
    { onStart, onProgress }: BatchCallbacks,
  ): Promise<BatchOutcome> {
    const results: ScenarioResult[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      const prefix =
        scenarios.length > 1 ? `Scenario ${i + 1} of ${scenarios.length}, ${scenario.name}: ` : '';
      onStart(scenario);
      const outcome = await this.run(scenario, dataset, signal, (stage, fraction) =>
        onProgress(`${prefix}${stage}`, (i + fraction) / scenarios.length),
      );
      if (!outcome.ok) return { ok: false, scenario, issues: outcome.issues };
      results.push(outcome.result);
    }
    return { ok: true, results };
  }

  dispose(): void {
    this.pool.terminate();
  }
}
