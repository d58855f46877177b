import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadRegionDataset } from '../../../src/data/load.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import {
  DEFAULT_CHOICES,
  ENGLAND_NATIONAL,
  WHOLE_REGION,
  type ForecastChoices,
} from '../../../src/ui/forecast/forecast-view.ts';
import '../../../src/ui/forecast/tsp-forecast-inputs.ts';

let region: RegionDataset;

beforeAll(async () => {
  const dataDir = join(process.cwd(), 'data');
  region = (await loadRegionDataset((path) => readFile(join(dataDir, path), 'utf8'))).dataset;
});

afterEach(() => {
  document.body.replaceChildren();
});

async function pupilProvenance(choices: ForecastChoices): Promise<string> {
  const element = document.createElement('tsp-forecast-inputs');
  element.region = region;
  element.choices = choices;
  document.body.append(element);
  await element.updateComplete;
  const row = [...element.querySelectorAll('.govuk-summary-list__row')].find((r) =>
    /pupil/i.test(r.querySelector('dt')!.textContent!),
  );
  return row!.querySelector('dd')!.textContent!;
}

describe('tsp-forecast-inputs', () => {
  it('says which pupil years are census counts, for the region and for England', async () => {
    expect(await pupilProvenance({ ...DEFAULT_CHOICES, area: WHOLE_REGION })).toContain(
      'Pupils in 2024/25 and 2025/26 are school census counts (outturn); later years are projections',
    );
    // TWM file 1 counts up to its base year; its 2025/26 is a projection.
    expect(await pupilProvenance({ ...DEFAULT_CHOICES, area: ENGLAND_NATIONAL })).toContain(
      'Pupils in 2024/25 are school census counts (outturn); later years are projections',
    );
  });
});
