/**
 * The default data is read and validated in the data worker: what it sends the page must
 * survive structured cloning unchanged (no functions, class instances or lost fields), and be
 * what the loader gives on the main thread.
 */
import { describe, expect, it } from 'vitest';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import { createDataWorkerApi } from '../../../workers/data-worker-api.ts';

describe('the data worker API', () => {
  it('gives the loader’s dataset and issues, unchanged by structured cloning', async () => {
    const sent = await createDataWorkerApi(nodeReader()).load();
    expect(sent.issues).toEqual([]);
    expect(sent.dataset.districts).toHaveLength(9);
    expect(sent.dataset.indicators.length).toBeGreaterThan(0);
    expect(structuredClone(sent)).toStrictEqual(sent);
    expect(sent).toEqual(await loadRegionDataset(nodeReader()));
  }, 60_000);
});
