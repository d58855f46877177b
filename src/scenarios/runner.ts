/**
 * What a scenario run needs from the model: the central run, a Monte Carlo run reduced to
 * totals per draw, and percentiles of those totals. In the browser a ModelPool does this in
 * workers (src/ui/scenarios/scenario-runner.ts); in Node (CLI, tests) `localRunner` calls the
 * model directly.
 */
import {
  runDraws,
  runSummary,
  summariseTotals,
  type DrawResult,
  type DrawSummary,
  type ModelInputs,
  type OutputName,
  type RunSummary,
  type SummaryRequest,
} from '../model/index.ts';

export interface DrawRequest {
  seed: number;
  drawCount: number;
  spread: number;
  /** Outputs to keep; default all. */
  outputs?: readonly OutputName[];
}

export interface ModelRunner {
  runDraws(
    inputs: ModelInputs,
    request: DrawRequest,
    onProgress?: (drawsDone: number, drawCount: number) => void,
  ): Promise<DrawResult>;
  /** A Monte Carlo run reduced where it runs (see runSummary). */
  summariseRun(
    inputs: ModelInputs,
    request: SummaryRequest,
    onProgress?: (drawsDone: number, drawCount: number) => void,
  ): Promise<RunSummary>;
  /** P10/P50/P90 of each total of a run. */
  summariseTotals(run: Pick<RunSummary, 'drawCount' | 'totals'>): Promise<DrawSummary>;
}

/** Runs the model in this thread: for Node only (the browser's main thread never simulates). */
export function localRunner(): ModelRunner {
  return {
    async runDraws(inputs, request, onProgress) {
      return runDraws(inputs, { ...request, firstDraw: 0 }, (done) =>
        onProgress?.(done, request.drawCount),
      );
    },
    async summariseRun(inputs, request, onProgress) {
      return runSummary(inputs, request, (done) => onProgress?.(done, request.drawCount));
    },
    async summariseTotals(run) {
      return summariseTotals(run);
    },
  };
}
