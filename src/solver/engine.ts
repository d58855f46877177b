import type { LinearModel } from './model.ts';

/**
 * The one interface every solver engine implements. Solves are synchronous (HiGHS blocks
 * until it finishes or reaches its limits), so callers run them inside a worker.
 */
export interface SolverEngine {
  readonly name: string;
  solve(model: LinearModel, options: SolveOptions): SolveResult;
  /** Frees the models kept for warm starts (SolveOptions.warmSlot), when the engine keeps any. */
  releaseWarmSlots?(): void;
}

export interface SolveOptions {
  /** Always set: no solve may run unbounded in time. */
  timeLimitSeconds: number;
  /** Relative MIP gap at which the search stops (e.g. 1e-3). */
  relativeGap?: number;
  /**
   * MIP only: branch-and-bound nodes the search may open. The search then stops at the same
   * point on every machine, which a time limit cannot promise.
   */
  nodeLimit?: number;
  /**
   * Keep the model in the engine under this name: the next solve in the same slot starts from
   * this one's basis (a re-solve after an edit), and the model is not rebuilt in the engine
   * when only bounds, costs or coefficients changed. Engines without warm starts ignore it.
   */
  warmSlot?: string;
  /** LP algorithm; simplex by default (it re-solves from a basis after an edit). */
  lpMethod?: 'ipm' | 'simplex' | 'choose';
  /** Solve the LP relaxation: integrality flags are ignored. */
  relaxIntegrality?: boolean;
  /**
   * A feasible point to start a MIP from (one value per column). With it the search has an
   * incumbent at once, so a time limit can never leave it with nothing.
   */
  start?: Float64Array;
  /** LP only: also return the final basis, so another solver can check the optimum from it. */
  keepBasis?: boolean;
}

/** Basis status codes, per column and per row (a row's status is its activity's). */
export const BASIS_STATUS = { lower: 0, basic: 1, upper: 2, free: 3 } as const;

export interface Basis {
  colStatus: Int8Array;
  rowStatus: Int8Array;
}

export type SolveStatus =
  | 'optimal'
  /** Stopped at the time limit; `hasSolution` says whether a feasible point came back. */
  | 'time-limit'
  | 'infeasible'
  | 'unbounded'
  | 'error';

export interface SolveResult {
  engine: string;
  status: SolveStatus;
  /** True when colValue holds a point the engine reports feasible. */
  hasSolution: boolean;
  /** The engine's own words about the outcome, e.g. 'Time limit reached'. */
  detail: string;
  objective: number | null;
  colValue: Float64Array;
  rowValue: Float64Array;
  /** d objective / d row bound (LP only; empty for MIP). */
  rowDual: Float64Array;
  colDual: Float64Array;
  /** MIP only: relative gap between the incumbent and the best bound, and that bound. */
  mipGap: number | null;
  mipBound: number | null;
  integer: boolean;
  seconds: number;
  /** The final basis, when asked for (keepBasis) and the engine has one. */
  basis?: Basis;
}

export function emptySolveResult(
  engine: string,
  status: SolveStatus,
  detail: string,
  seconds: number,
  integer: boolean,
): SolveResult {
  return {
    engine,
    status,
    hasSolution: false,
    detail,
    objective: null,
    colValue: new Float64Array(0),
    rowValue: new Float64Array(0),
    rowDual: new Float64Array(0),
    colDual: new Float64Array(0),
    mipGap: null,
    mipBound: null,
    integer,
    seconds,
  };
}

export function hasIntegerColumns(model: LinearModel): boolean {
  return model.colInteger.some((flag) => flag === 1);
}
