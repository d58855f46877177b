import type { Highs, Model, ModelData } from 'highs';
import {
  BASIS_STATUS,
  emptySolveResult,
  hasIntegerColumns,
  type Basis,
  type SolveOptions,
  type SolveResult,
  type SolverEngine,
} from './engine.ts';
import type { LinearModel } from './model.ts';
import { applyModelChanges, basisByName, sameStructure } from './warm-model.ts';

/**
 * HiGHS (WebAssembly, MIT) as the solver engine. The model goes in through the typed-array
 * `passModel` route (`createModel(ModelData)`), not LP text. Every solve has a time limit and
 * its model status is always read: a time-limited point is never reported as optimal.
 *
 * Warm slots (SolveOptions.warmSlot): the HiGHS model of a slot stays alive between solves.
 * The next model in the slot, when it has the same rows, columns and matrix pattern, goes in
 * as bound, cost and coefficient changes, and HiGHS re-solves by simplex from the last basis;
 * a model of another shape is passed whole, with the last basis carried over by row and
 * column name where it fits. Everything that touches WebAssembly runs inside the error
 * handling: a failure is a result with status 'error', never an exception.
 */
export function createHighsEngine(highs: Highs): SolverEngine {
  const { modelStatus, solutionStatus, variableType, objectiveSense } = highs.constants;
  const slots = new Map<string, { native: Model; model: LinearModel }>();

  function toModelData(model: LinearModel, relax: boolean): ModelData {
    const integer = !relax && hasIntegerColumns(model);
    const numCols = model.colNames.length;
    const numRows = model.rowNames.length;
    const integrality = integer
      ? Int32Array.from(model.colInteger, (flag) =>
          flag === 1 ? variableType.integer : variableType.continuous,
        )
      : undefined;
    return {
      numCols,
      numRows,
      sense: model.sense === 'minimize' ? objectiveSense.minimize : objectiveSense.maximize,
      offset: model.offset,
      colCost: model.colCost,
      // highs.infinity is IEEE infinity, so unbounded sides pass through unchanged.
      colLower: model.colLower,
      colUpper: model.colUpper,
      rowLower: model.rowLower,
      rowUpper: model.rowUpper,
      matrix: {
        format: 'csr',
        numRows,
        numCols,
        starts: model.rowStarts,
        indices: model.rowIndices,
        values: model.rowValues,
      },
      // No names: HiGHS never needs them here (we read results by index), and copying
      // ~10,000 strings into WebAssembly costs about 20 ms of every SCR-size solve.
      ...(integrality ? { integrality } : {}),
    };
  }

  /** The native model to solve: a fresh one, or the slot's, brought up to `model`. */
  function nativeFor(model: LinearModel, options: SolveOptions): { native: Model; kept: boolean } {
    const relax = options.relaxIntegrality ?? false;
    const slotName = options.warmSlot;
    if (slotName === undefined) {
      return { native: highs.createModel(toModelData(model, relax)), kept: false };
    }
    const slot = slots.get(slotName);
    if (slot && sameStructure(slot.model, model)) {
      applyModelChanges(slot.native, slot.model, model);
    } else if (slot) {
      const previous = readBasis(slot.native);
      slot.native.passModel(toModelData(model, relax));
      const carried = previous ? basisByName(slot.model, model, previous) : null;
      if (carried) {
        try {
          slot.native.setBasis(carried);
        } catch {
          // A basis HiGHS will not take is no loss: the solve starts cold.
        }
      }
    } else {
      slots.set(slotName, { native: highs.createModel(toModelData(model, relax)), model });
    }
    const current = slots.get(slotName)!;
    current.model = model;
    return { native: current.native, kept: true };
  }

  function runOnce(
    model: LinearModel,
    options: SolveOptions,
    presolve: 'choose' | 'off',
  ): { result: SolveResult; rawStatus: number } {
    const integer = !options.relaxIntegrality && hasIntegerColumns(model);
    const started = performance.now();
    let handle: { native: Model; kept: boolean } | null = null;
    try {
      handle = nativeFor(model, options);
      const { native } = handle;
      native.options.set({
        output_flag: false,
        presolve,
        time_limit: options.timeLimitSeconds,
        random_seed: 0,
        ...(integer
          ? {
              mip_rel_gap: options.relativeGap ?? 1e-4,
              mip_max_nodes: options.nodeLimit ?? 2 ** 31 - 1,
            }
          : { solver: options.lpMethod ?? 'simplex' }),
      });
      if (integer && options.start?.length === model.colNames.length) {
        native.setSolution({ colValue: options.start });
      }
      const { modelStatus: status } = native.run();
      const seconds = (performance.now() - started) / 1000;
      const primalFeasible =
        Number(native.info.get('primal_solution_status')) === solutionStatus.feasible;
      const detail = describeStatus(status);
      const base = emptySolveResult('HiGHS', 'error', detail, seconds, integer);
      if (status === modelStatus.infeasible) {
        return { result: { ...base, status: 'infeasible' }, rawStatus: status };
      }
      if (status === modelStatus.unbounded) {
        return { result: { ...base, status: 'unbounded' }, rawStatus: status };
      }
      if (status === modelStatus.unboundedOrInfeasible) {
        return { result: base, rawStatus: status };
      }
      const optimal = status === modelStatus.optimal || status === modelStatus.empty;
      const stoppedEarly =
        status === modelStatus.timeLimit ||
        status === modelStatus.iterationLimit ||
        status === modelStatus.interrupted ||
        status === modelStatus.solutionLimit;
      if (!optimal && !stoppedEarly) return { result: base, rawStatus: status };
      if (!primalFeasible && stoppedEarly) {
        return { result: { ...base, status: 'time-limit' }, rawStatus: status };
      }
      const solution = native.getSolution();
      const basis = options.keepBasis && !integer ? readBasis(native) : undefined;
      const mipGap = integer ? Number(native.info.get('mip_gap')) : null;
      const mipBound = integer ? Number(native.info.get('mip_dual_bound')) : null;
      return {
        result: {
          ...base,
          status: optimal ? 'optimal' : 'time-limit',
          hasSolution: primalFeasible,
          objective: native.getObjectiveValue(),
          colValue: solution.colValue,
          rowValue: solution.rowValue,
          rowDual: integer ? new Float64Array(0) : solution.rowDual,
          colDual: integer ? new Float64Array(0) : solution.colDual,
          mipGap: mipGap !== null && Number.isFinite(mipGap) ? mipGap : null,
          mipBound: mipBound !== null && Number.isFinite(mipBound) ? mipBound : null,
          ...(basis ? { basis } : {}),
        },
        rawStatus: status,
      };
    } catch (error) {
      // A kept model in an unknown state is dropped: the next solve in the slot starts afresh.
      if (options.warmSlot !== undefined) dropSlot(options.warmSlot);
      const seconds = (performance.now() - started) / 1000;
      const message = error instanceof Error ? error.message : String(error);
      return {
        result: emptySolveResult('HiGHS', 'error', `HiGHS failed: ${message}`, seconds, integer),
        rawStatus: modelStatus.solveError,
      };
    } finally {
      if (handle && !handle.kept) handle.native.dispose();
    }
  }

  function dropSlot(name: string): void {
    const slot = slots.get(name);
    slots.delete(name);
    try {
      slot?.native.dispose();
    } catch {
      // Already gone.
    }
  }

  return {
    name: 'HiGHS',
    solve(model, options) {
      const first = runOnce(model, options, 'choose');
      // Presolve can prove "infeasible or unbounded" without saying which; without presolve
      // HiGHS tells them apart.
      if (first.rawStatus !== modelStatus.unboundedOrInfeasible) return first.result;
      const second = runOnce(model, options, 'off');
      return { ...second.result, seconds: first.result.seconds + second.result.seconds };
    },
    releaseWarmSlots() {
      for (const name of [...slots.keys()]) dropSlot(name);
    },
  };
}

/** The native model's basis in our codes, or null when it has no valid one. */
function readBasis(native: Model): Basis | null {
  if (Number(native.info.get('basis_validity')) !== 1) return null;
  const { colStatus, rowStatus } = native.getBasis();
  // HiGHS's codes are ours (0 lower, 1 basic, 2 upper, 3 free at zero), bar 4 "nonbasic".
  const convert = (codes: Int32Array) =>
    Int8Array.from(codes, (code) => (code === 4 ? BASIS_STATUS.lower : code));
  return { colStatus: convert(colStatus), rowStatus: convert(rowStatus) };
}

const STATUS_WORDS: Record<number, string> = {
  0: 'No status set',
  1: 'The model could not be loaded',
  2: 'The model is invalid',
  3: 'Presolve failed',
  4: 'The solver failed',
  5: 'Postsolve failed',
  6: 'The model is empty',
  7: 'Optimal',
  8: 'Infeasible: no plan meets every constraint',
  9: 'Infeasible or unbounded',
  10: 'Unbounded',
  11: 'Objective bound reached',
  12: 'Objective target reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown outcome',
  16: 'Search limit reached',
  17: 'Interrupted',
};

function describeStatus(status: number): string {
  return STATUS_WORDS[status] ?? `HiGHS model status ${status}`;
}
