/**
 * Thin Comlink shell around the solver layer (solver-worker-api.ts). HiGHS's WebAssembly
 * is loaded from the URL Vite gives the bundled highs.wasm, once, and warmed before the first
 * real solve; the worker lives as long as the page unless a call is aborted.
 */
import { expose } from 'comlink';
import loadHighs from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { createHighsEngine } from '../src/solver/highs-engine.ts';
import { createSolverWorkerApi } from './solver-worker-api.ts';

const api = createSolverWorkerApi(() =>
  loadHighs({ locateFile: () => highsWasmUrl }).then(createHighsEngine),
);
expose(api);

export type SolverWorkerApi = typeof api;
