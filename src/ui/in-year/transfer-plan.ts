/**
 * Runs the transfer LP in the solver worker. Building the model is cheap bookkeeping and stays
 * here; the solve goes to the worker (SolverClient), and its result is handed back to
 * `proposeTransfers` through an engine that only returns it, so the proposals, reasons and
 * totals are made by the redistribution core exactly as in the CLI.
 */
import {
  buildTransferModel,
  proposeTransfers,
  type TransferCell,
  type TransferOptions,
  type TransferPlan,
} from '../../redistribution/index.ts';
import type { SolveOptions, SolveResult, SolverEngine } from '../../solver/engine.ts';
import type { LinearModel } from '../../solver/model.ts';

/** What the page needs of the solver client (SolverClient in src/runtime/solver-client.ts). */
export interface TransferSolver {
  solve(model: LinearModel, options: SolveOptions, signal?: AbortSignal): Promise<SolveResult>;
}

/** The options proposeTransfers solves with, so the worker's solve is the one it would make. */
const TIME_LIMIT_SECONDS = 10;

export async function planTransfers(
  cells: readonly TransferCell[],
  solver: TransferSolver,
  proposalPrefix: string,
  options: TransferOptions,
  signal?: AbortSignal,
): Promise<TransferPlan> {
  const model = buildTransferModel(cells, options);
  let solved: SolveResult | null = null;
  if (model.arcs.length > 0) {
    solved = await solver.solve(
      model.lp,
      { timeLimitSeconds: TIME_LIMIT_SECONDS, lpMethod: 'simplex' },
      signal,
    );
  }
  const answered = solved;
  const replay: SolverEngine = {
    name: 'HiGHS (worker)',
    solve() {
      // proposeTransfers only solves when the model has moves, and then `answered` is set.
      if (answered === null) throw new Error('the transfer model was not solved in the worker');
      return answered;
    },
  };
  return proposeTransfers(cells, replay, proposalPrefix, options, TIME_LIMIT_SECONDS);
}
