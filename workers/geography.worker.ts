/** Thin Comlink shell around boundary projection: the API lives in geography-worker-api.ts. */
import { expose } from 'comlink';
import { createGeographyWorkerApi } from './geography-worker-api.ts';

const api = createGeographyWorkerApi();
expose(api);

export type GeographyWorkerApi = typeof api;
