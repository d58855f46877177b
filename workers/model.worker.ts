/** Thin Comlink shell around the supply model: the API lives in model-worker-api.ts. */
import { expose } from 'comlink';
import { modelWorkerApi } from './model-worker-api.ts';

const api = modelWorkerApi;
expose(api);

export type ModelWorkerApi = typeof api;
