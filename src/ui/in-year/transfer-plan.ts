/**
 * Runs the transfer LP in the solver worker. Building the model is cheap bookkeeping and stays
 * here; the solve goes to the worker (SolverClient), and its result is handed back to
 * `proposeTransfers` through an engine that only returns it, so the proposals, reasons and
 * totals are made by the redistribution core exactly as in the CLI.
 */
import {
  buildTransferModel,
  proposalIdAfter,
  proposeTransfers,
  type TransferStatus,
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
  /** Status of a transfer already in the ledger, so a move settled before gets a new id. */
  statusOf: (transferId: string) => TransferStatus | undefined = () => undefined,
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
  const plan = proposeTransfers(cells, replay, proposalPrefix, options, TIME_LIMIT_SECONDS);
  // A move settled earlier this month and proposed again is a new transfer, numbered.
  const proposals = plan.proposals.map((proposal) => ({
    ...proposal,
    id: proposalIdAfter(proposal.id, statusOf),
  }));
  return { ...plan, proposals };
}
