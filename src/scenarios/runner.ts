/**
 * What a scenario run needs from the model: Monte Carlo draws and their percentiles. In the
 * browser a ModelPool does this in workers (src/ui/scenarios/scenario-runner.ts); in Node
 * (CLI, tests) `localRunner` calls the model directly.
 */
import {
  runDraws,
  summariseDraws,
  type DrawResult,
  type DrawSummary,
  type ModelInputs,
  type OutputName,
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
  summarise(draws: DrawResult): Promise<DrawSummary>;
}

/** Runs the model in this thread: for Node only (the browser's main thread never simulates). */
export function localRunner(): ModelRunner {
  return {
    async runDraws(inputs, request, onProgress) {
      return runDraws(inputs, { ...request, firstDraw: 0 }, (done) =>
        onProgress?.(done, request.drawCount),
      );
    },
    async summarise(draws) {
      return summariseDraws(draws);
    },
  };
}
