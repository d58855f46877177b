/** Thin Comlink shell around boundary projection: the API lives in src/runtime/geography-worker-api.ts. */
import { expose } from 'comlink';
import { createGeographyWorkerApi } from '../src/runtime/geography-worker-api.ts';

const api = createGeographyWorkerApi();
expose(api);

export type GeographyWorkerApi = typeof api;
