import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topology } from 'topojson-specification';
import type { AreaIndicator, GeographyLevel, RegionDataset } from '../../../src/data/types.ts';
import { parentLookup, prepareGeography } from '../../../src/maps/geography.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';

const GEO_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data/geo');
const FILES: Record<GeographyLevel, string> = {
  district: 'scr_lad.topo.json',
  msoa: 'scr_msoa.topo.json',
  lsoa: 'scr_lsoa.topo.json',
};
const topologies = new Map<GeographyLevel, Topology>();
function topology(level: GeographyLevel): Topology {
  const cached = topologies.get(level);
  if (cached) return cached;
  const parsed = JSON.parse(readFileSync(join(GEO_DIR, FILES[level]), 'utf8')) as Topology;
  topologies.set(level, parsed);
  return parsed;
}

// jsdom cannot fetch the boundary files, so read them from disk instead (once, like the app).
vi.mock('../../../src/runtime/geography-client.ts', () => {
  const geographies = new Map<string, ReturnType<typeof prepareGeography>>();
  return {
    loadGeography: async (level: GeographyLevel, width: number, height: number) => {
      const key = `${level}:${width}x${height}`;
      const geography =
        geographies.get(key) ?? prepareGeography(topology(level), level, { width, height });
      geographies.set(key, geography);
      return geography;
    },
    loadParentLookup: async (level: GeographyLevel, parent: GeographyLevel) =>
      parentLookup(topology(level), level, parent),
  };
});

await import('../../../src/ui/pages/tsp-maps-page.ts');
type TspMapsPage = HTMLElementTagNameMap['tsp-maps-page'];

const DISTRICTS: [string, string][] = [
  ['E07000033', 'Bolsover'],
  ['E07000034', 'Chesterfield'],
  ['E07000035', 'Derbyshire Dales'],
  ['E07000038', 'North East Derbyshire'],
  ['E07000171', 'Bassetlaw'],
  ['E08000016', 'Barnsley'],
  ['E08000017', 'Doncaster'],
  ['E08000018', 'Rotherham'],
  ['E08000019', 'Sheffield'],
];

/** Hand-made indicator: district i (in the order above) has value start + step x i. */
function districtIndicator(
  id: string,
  higherIsWorse: boolean,
  start: number,
  step: number,
): AreaIndicator {
  return {
    id,
    label: id,
    level: 'district',
    higherIsWorse,
    unit: 'points',
    source: `test source ${id}`,
    provenance: 'illustrative',
    values: DISTRICTS.map(([code], i) => ({ areaCode: code, value: start + step * i })),
  };
}

function region(): RegionDataset {
  return {
    regionName: 'Test region',
    baseYear: academicYear('2024/25'),
    districts: DISTRICTS.map(([code, name]) => ({
      code,
      name,
      educationLaNumber: 0,
      educationLaCode: '',
      educationLaName: '',
      membership: '',
    })),
    baselines: [],
    pupilProjections: [],
    subjectShares: [],
    nationalFlows: [],
    earlierNationalFlows: [],
    ittNewEntrants: [],
    qtsAwards: [],
    publishedTraineeNeed: [],
    nationalPupilTeacher: [],
    partnerships: [
      {
        code: 'T1',
        name: 'Test partnership',
        type: 'SCITT',
        homeDistrictCode: 'E08000019',
        trainingPartners: [{ code: 'P1', name: 'Partner', districtCode: 'E08000016' }],
        inRegionShare: 1,
        inRegionShareProvenance: 'illustrative',
        employmentFootprint: { E08000019: 0.7, E08000018: 0.2, outside: 0.1 },
        footprintProvenance: 'illustrative',
        footprintMethod: 'made up for a test',
      },
    ],
    partnershipPlans: [],
    schools: [
      {
        urn: '100001',
        name: null,
        phase: 'Secondary',
        districtCode: 'E08000019',
        lsoaCode: null,
        pupils: 900,
        longitude: -1.47,
        latitude: 53.38,
      },
    ],
    indicators: [
      // deprivation 10, 20, ..., 90 (higher worse); attainment 50 everywhere but Sheffield.
      districtIndicator('deprivation', true, 10, 10),
      { ...districtIndicator('attainment', false, 50, 0) },
      {
        id: 'lsoa_score',
        label: 'LSOA score',
        level: 'lsoa',
        higherIsWorse: true,
        unit: '',
        source: 'test',
        provenance: 'illustrative',
        values: [
          { areaCode: 'E01007317', value: 4 }, // Barnsley 018A, in MSOA E02001526
          { areaCode: 'E01007318', value: 8 }, // Barnsley 018B, in MSOA E02001526
          { areaCode: 'E01019478', value: 12 }, // Bolsover 001A, in MSOA E02004045
        ],
      },
    ],
  };
}

async function settle(page: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  // Boundaries load asynchronously; wait until the map is drawn and all updates are done.
  for (let i = 0; i < 50 && !page.querySelector('svg.tsp-map'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await page.updateComplete;
  for (const child of page.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>(
    'tsp-map-controls, tsp-area-map, tsp-area-table, tsp-index-builder, tsp-school-table, tsp-partnership-reach',
  )) {
    await child.updateComplete;
  }
  // The area select box is filled a frame after the map paints: one option per area and "None".
  const areas = page.querySelectorAll('svg g.tsp-map__areas path').length;
  if (areas > 0) {
    await vi.waitFor(() =>
      expect(page.querySelectorAll('#tsp-area option')).toHaveLength(areas + 1),
    );
  }
}

function mount(): TspMapsPage {
  const page = document.createElement('tsp-maps-page') as TspMapsPage;
  document.body.append(page);
  return page;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

afterEach(() => {
  document.body.replaceChildren();
  // The page keeps its settings in the address; each test starts from a clean one.
  history.replaceState(null, '', '/');
});

describe('tsp-maps-page', () => {
  it('says it is loading until the dataset arrives', async () => {
    const page = mount();
    await page.updateComplete;
    expect(page.querySelector('[role="status"]')?.textContent).toMatch(/Loading the region/);
  });

  it('opens on the cold-spot index of the first indicator, with a table of the same numbers', async () => {
    const page = mount();
    page.region = region();
    await settle(page);
    const svg = page.querySelector('svg.tsp-map')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    // deprivation 10..90: mean 50, population sd sqrt(6000/9) = 25.82; Sheffield z = 40/25.82 = 1.549.
    const sheffield = page.querySelector('tr[data-code="E08000019"]')!;
    expect(sheffield.querySelector('[data-column="value"]')?.textContent?.trim()).toBe('1.55');
    const rows = [...page.querySelectorAll('tsp-area-table tbody tr')];
    expect(rows).toHaveLength(9);
    // Coldest first: rank 1 is Sheffield, the last is Bolsover (z = -1.549).
    expect(rows[0]?.getAttribute('data-code')).toBe('E08000019');
    expect(rows[8]?.getAttribute('data-code')).toBe('E07000033');
    // The allocation weight beside it is 1 + max(0, z): Sheffield 2.55, Bolsover 1.
    expect(sheffield.lastElementChild?.textContent?.trim()).toBe('2.55');
    expect(rows[8]?.lastElementChild?.textContent?.trim()).toBe('1');
    // Threshold 0.5: z above 0.5 for 70, 80, 90 (z = 0.77, 1.16, 1.55).
    expect(svg.querySelectorAll('g.tsp-map__cold-spots path')).toHaveLength(3);
  });

  it('selects an area from the select box and shows its value in the summary and the table', async () => {
    const page = mount();
    page.region = region();
    await settle(page);
    choose(page.querySelector<HTMLSelectElement>('#tsp-area')!, 'E08000016');
    await settle(page);
    // Barnsley: deprivation 60, z = 10/25.82 = 0.387.
    expect(page.querySelector('[data-testid="selected-value"]')?.textContent).toBe('0.39');
    const row = page.querySelector('tr[aria-current="true"]')!;
    expect(row.getAttribute('data-code')).toBe('E08000016');
    expect(row.querySelector('[data-column="value"]')?.textContent?.trim()).toBe('0.39');
    expect(page.querySelectorAll('svg g.tsp-map__selection path')).toHaveLength(2);
  });

  it('restyles rather than redraws when the weights change, and reports the new choices', async () => {
    const page = mount();
    page.region = region();
    await settle(page);
    const before = [...page.querySelectorAll('svg g.tsp-map__areas path')];
    const reported: unknown[] = [];
    page.addEventListener('tsp-cold-spot-change', (event) =>
      reported.push((event as CustomEvent).detail),
    );
    const weights = page.querySelectorAll<HTMLInputElement>(
      'tsp-index-builder input[type="number"]',
    );
    // Inputs: deprivation, attainment, the LSOA score averaged to districts, then the threshold.
    weights[0]!.value = '0';
    weights[0]!.dispatchEvent(new Event('change'));
    await settle(page);
    expect(reported).toHaveLength(1);
    // No indicator weighted: the index cannot be computed and the form says why.
    expect(page.querySelector('tsp-index-builder .govuk-error-message')?.textContent).toMatch(
      /at least one indicator/,
    );
    const after = [...page.querySelectorAll('svg g.tsp-map__areas path')];
    after.forEach((path, i) => expect(path).toBe(before[i]));
    expect(after.every((path) => path.getAttribute('fill') === '#b1b4b6')).toBe(true);
  });

  it('opens the index form on its error and restores the default index from a preset', async () => {
    const page = mount();
    page.region = region();
    await settle(page);
    const details = page.querySelector<HTMLDetailsElement>('tsp-index-builder details')!;
    // Folded by default, so the map comes first; the summary says how many indicators are used.
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toMatch(/1 of 3 indicators used/);
    const weight = page.querySelector<HTMLInputElement>('#tsp-weight-0')!;
    weight.value = '0';
    weight.dispatchEvent(new Event('change'));
    await settle(page);
    expect(details.open).toBe(true);
    const button = (label: string) =>
      [...page.querySelectorAll<HTMLButtonElement>('tsp-index-builder button')].find((each) =>
        each.textContent?.includes(label),
      )!;
    button('Weight every indicator equally').click();
    await settle(page);
    const weights = () =>
      [...page.querySelectorAll<HTMLInputElement>('tsp-index-builder tbody input')].map(
        (input) => input.value,
      );
    expect(weights()).toEqual(['1', '1', '1']);
    expect(page.querySelector('tsp-index-builder .govuk-error-message')).toBeNull();
    // The default district index here is the first indicator (the data have none of the preferred ones).
    button('Use the default index').click();
    await settle(page);
    expect(weights()).toEqual(['1', '0', '0']);
  });

  it('maps one indicator with its source, and averages LSOA values up to districts', async () => {
    const page = mount();
    page.region = region();
    await settle(page);
    const display = page.querySelector<HTMLSelectElement>('#tsp-display')!;
    const options = [...display.options].map((option) => option.value);
    expect(options).toEqual([
      'cold spot index',
      'deprivation',
      'attainment',
      'lsoa_score__mean_by_district',
    ]);
    choose(display, 'lsoa_score__mean_by_district');
    await settle(page);
    // Barnsley's two LSOAs: (4 + 8) / 2 = 6; Bolsover's one: 12; the others have none.
    const barnsley = page.querySelector('tr[data-code="E08000016"] [data-column="value"]');
    expect(barnsley?.textContent?.trim()).toBe('6');
    expect(
      page.querySelector('tr[data-code="E07000033"] [data-column="value"]')?.textContent?.trim(),
    ).toBe('12');
    expect(
      page.querySelector('tr[data-code="E08000019"] [data-column="value"]')?.textContent?.trim(),
    ).toBe('x');
    expect(page.textContent).toMatch(/Unweighted mean of LSOA values by district/);
  });

  it('offers a registry file’s indicators in ‘Show’ with no other change: free school meals', async () => {
    const dataDir = join(process.cwd(), 'data');
    const { dataset } = await loadRegionDataset((path) => readFile(join(dataDir, path), 'utf8'));
    const page = mount();
    page.region = dataset;
    await settle(page);
    const display = page.querySelector<HTMLSelectElement>('#tsp-display')!;
    const options = [...display.options].map((option) => option.value);
    expect(options).toContain('fsm_primary_percent');
    expect(options).toContain('fsm_secondary_percent');
    choose(display, 'fsm_primary_percent');
    await settle(page);
    // LAIT PriFSM, January 2025: Sheffield 33.8; Bolsover shows Derbyshire's 29.3.
    const value = (code: string) =>
      page.querySelector(`tr[data-code="${code}"] [data-column="value"]`)?.textContent?.trim();
    expect(value('E08000019')).toBe('33.8');
    expect(value('E07000033')).toBe('29.3');
    expect(page.textContent).toMatch(/Local Authority Interactive Tool/);
  }, 30_000);

  it('switches to MSOAs, where LSOA values are averaged', async () => {
    // (The browser test covers LSOAs: 1,146 rows are slow to build in jsdom.)
    const page = mount();
    page.region = region();
    await settle(page);
    const msoa = page.querySelector<HTMLInputElement>('#tsp-level-msoa')!;
    msoa.checked = true;
    msoa.dispatchEvent(new Event('change'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle(page);
    expect(page.querySelectorAll('svg g.tsp-map__areas path')).toHaveLength(232);
    // The table shows 50 rows at a time.
    expect(page.querySelectorAll('tsp-area-table tbody tr')).toHaveLength(50);
    expect(page.querySelector('[data-testid="map-table-range"]')!.textContent!.trim()).toBe(
      'Rows 1 to 50 of 232.',
    );
    expect(page.querySelectorAll('#tsp-area option')).toHaveLength(233); // and "None"
    // The index of the averaged LSOA score: MSOA means 6 and 12, mean 9, sd 3, z = -1 and 1.
    // Selecting an area shows the page its row is on.
    const value = async (code: string) => {
      choose(page.querySelector<HTMLSelectElement>('#tsp-area')!, code);
      await settle(page);
      return page
        .querySelector(`tr[data-code="${code}"][aria-current="true"] [data-column="value"]`)
        ?.textContent?.trim();
    };
    expect(await value('E02001526')).toBe('-1');
    expect(await value('E02004045')).toBe('1');
    expect(await value('E02001509')).toBe('x');
  }, 30_000);

  it('draws the partnership’s reach and flows, and lists them in a table', async () => {
    const page = mount();
    page.region = region();
    await settle(page);
    choose(page.querySelector<HTMLSelectElement>('#tsp-partnership')!, 'T1');
    choose(page.querySelector<HTMLSelectElement>('#tsp-schools')!, 'all');
    await settle(page);
    const svg = page.querySelector('svg.tsp-map')!;
    // Reach: Sheffield and Rotherham (NQTs) and Barnsley (a training partner).
    expect(svg.querySelectorAll('g.tsp-map__footprint path')).toHaveLength(3);
    // Flows from Sheffield: to itself (a ring) and to Rotherham (a line).
    expect(svg.querySelectorAll('g.tsp-map__flows circle')).toHaveLength(1);
    expect(svg.querySelectorAll('g.tsp-map__flows line')).toHaveLength(1);
    expect(svg.querySelectorAll('g.tsp-map__schools circle')).toHaveLength(1);
    const reach = page.querySelector('tsp-partnership-reach table')!;
    expect(reach.textContent).toMatch(/Sheffield\s+70%/);
    expect(reach.textContent).toMatch(/Outside the region\s+10%/);
  });
});
