/** Thin Comlink shell around the data loader: the API lives in data-worker-api.ts. */
import { expose } from 'comlink';
import { browserReader } from '../src/data/browser-reader.ts';
import { createDataWorkerApi } from './data-worker-api.ts';

const api = createDataWorkerApi(browserReader());
expose(api);

export type DataWorkerApi = typeof api;
