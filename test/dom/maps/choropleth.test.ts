import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { prepareGeography, parentLookup } from '../../../src/maps/geography.ts';
import {
  renderChoropleth,
  restyleChoropleth,
  type MapStyle,
} from '../../../src/maps/choropleth.ts';
import { wrapText } from '../../../src/charts/text.ts';
import {
  classScale,
  classOf,
  fillFor,
  NO_DATA_FILL,
  SEQUENTIAL_BLUES,
} from '../../../src/maps/classify.ts';
import { mapDataCsv, svgMarkup } from '../../../src/maps/export.ts';
import { expectSvgSnapshot, tidySvg } from './snapshot.ts';

function topology(file: string): Topology {
  const path = join(dirname(fileURLToPath(import.meta.url)), '../../../data/geo', file);
  return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}
const ladTopology = topology('scr_lad.topo.json');
const msoaTopology = topology('scr_msoa.topo.json');

const BARNSLEY = 'E08000016';
const SHEFFIELD = 'E08000019';
const CHESTERFIELD = 'E07000034';
const BOLSOVER = 'E07000033';

/** Made-up values for drawing tests only: one per district, in code order. */
const DISTRICT_TEST_VALUES: Record<string, number | null> = {
  E07000033: 10,
  E07000034: 20,
  E07000035: 30,
  E07000038: 40,
  E07000171: 50,
  E08000016: 60,
  E08000017: 70,
  E08000018: null,
  E08000019: 90,
};

function districtStyle(overrides: Partial<MapStyle> = {}): MapStyle {
  const values = new Map(Object.entries(DISTRICT_TEST_VALUES));
  return {
    title: 'Test values (illustrative)',
    unit: 'points',
    source: 'hand-made test values',
    values,
    scale: classScale(
      [...values.values()].filter((v): v is number => v !== null),
      'equal-interval',
      true,
    ),
    ...overrides,
  };
}

describe('district map', () => {
  const geography = prepareGeography(ladTopology, 'district', { width: 480, height: 520 });

  it('draws the nine districts inside the frame', () => {
    expect(geography.areas.map((area) => area.code).sort()).toEqual(
      Object.keys(DISTRICT_TEST_VALUES).sort(),
    );
    for (const area of geography.areas) {
      const [x, y] = area.centroid;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(480);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(520);
    }
    // North is up: Barnsley lies north of Chesterfield.
    const centroid = (code: string) => geography.areas.find((a) => a.code === code)!.centroid;
    expect(centroid(BARNSLEY)[1]).toBeLessThan(centroid(CHESTERFIELD)[1]);
  });

  it('matches the snapshot, with every overlay', () => {
    const svg = renderChoropleth(
      geography,
      districtStyle({
        coldSpotCodes: new Set([SHEFFIELD]),
        selectedCode: BARNSLEY,
        // Sheffield Cathedral and Chesterfield's Crooked Spire, roughly: test points only.
        schools: [
          { id: 's1', longitude: -1.4701, latitude: 53.3829, tooltip: 'Test school 1' },
          { id: 's2', longitude: -1.4254, latitude: 53.2355, tooltip: 'Test school 2' },
        ],
        footprint: { label: 'Test partnership', districtCodes: [SHEFFIELD, BARNSLEY] },
        flows: [
          { fromDistrictCode: SHEFFIELD, toDistrictCode: SHEFFIELD, share: 0.6, tooltip: 'stay' },
          { fromDistrictCode: SHEFFIELD, toDistrictCode: BARNSLEY, share: 0.3, tooltip: 'move' },
        ],
      }),
      document,
    );
    expectSvgSnapshot(svg, 'district-map');
  });

  it('hides the drawing from assistive technology and uses no style attributes', () => {
    const svg = renderChoropleth(geography, districtStyle(), document);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.outerHTML).not.toMatch(/style=/);
  });

  it('fills each district by its class, grey where there is no value', () => {
    const style = districtStyle();
    const svg = renderChoropleth(geography, style, document);
    const fill = (code: string) =>
      svg.querySelector(`path[data-code="${code}"]`)?.getAttribute('fill');
    // Equal intervals over 10..90: breaks 10, 26, 42, 58, 74, 90.
    expect(style.scale.breaks).toEqual([10, 26, 42, 58, 74, 90]);
    expect(fill('E07000033')).toBe(SEQUENTIAL_BLUES[0]); // 10
    expect(fill('E07000038')).toBe(SEQUENTIAL_BLUES[1]); // 40
    expect(fill(BARNSLEY)).toBe(SEQUENTIAL_BLUES[3]); // 60
    expect(fill(SHEFFIELD)).toBe(SEQUENTIAL_BLUES[4]); // 90
    expect(fill('E08000018')).toBe(NO_DATA_FILL);
  });

  it('gives every legend swatch a border', () => {
    const svg = renderChoropleth(geography, districtStyle(), document);
    const swatches = svg.querySelectorAll('g.tsp-map__legend rect');
    expect(swatches.length).toBe(6); // five classes and no data
    for (const swatch of swatches) expect(swatch.getAttribute('stroke')).toBe('#0b0c0c');
  });

  it('draws at the width it is shown at: boundaries scaled, text laid out at full size', () => {
    // A 480 x 520 projection shown 300 px wide (a phone): every boundary is scaled by
    // 300 / 480 = 0.625, while text keeps its 12 px and wraps inside the 300 px.
    const svg = renderChoropleth(
      geography,
      districtStyle({ title: 'A long title that cannot fit on one line of a phone map' }),
      document,
      300,
    );
    expect(svg.getAttribute('width')).toBe('300');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 300 /);
    expect(svg.querySelector('g.tsp-map__viewport')?.getAttribute('transform')).toBe(
      'scale(0.625)',
    );
    // The legend starts under the scaled map: 520 x 0.625 = 325.
    expect(svg.querySelector('g.tsp-map__legend')?.getAttribute('transform')).toBe(
      'translate(8,325)',
    );
    const titleLines = svg.querySelectorAll('g.tsp-map__legend text[font-weight="bold"]');
    expect(titleLines.length).toBeGreaterThan(1);
    for (const text of svg.querySelectorAll('text')) {
      expect(Number(text.getAttribute('font-size') ?? 12)).toBeGreaterThanOrEqual(12);
    }
    // Drawn at its own width, nothing is scaled.
    const own = renderChoropleth(geography, districtStyle(), document);
    expect(own.querySelector('g.tsp-map__viewport')?.hasAttribute('transform')).toBe(false);
  });

  it('restyles fills in place without rebuilding the boundaries', () => {
    const svg = renderChoropleth(geography, districtStyle(), document);
    const before = [...svg.querySelectorAll('g.tsp-map__areas path')];
    const reversed = new Map(
      Object.entries(DISTRICT_TEST_VALUES).map(([code, value]) => [
        code,
        value === null ? null : 100 - value,
      ]),
    );
    restyleChoropleth(svg, geography, districtStyle({ values: reversed, selectedCode: SHEFFIELD }));
    const after = [...svg.querySelectorAll('g.tsp-map__areas path')];
    expect(after).toHaveLength(before.length);
    after.forEach((path, i) => expect(path).toBe(before[i]));
    expect(svg.querySelector(`path[data-code="${SHEFFIELD}"]`)?.getAttribute('fill')).toBe(
      SEQUENTIAL_BLUES[0],
    );
    expect(svg.querySelector(`path[data-code="${SHEFFIELD}"] title`)?.textContent).toBe(
      'Sheffield: 10 points',
    );
    expect(svg.querySelectorAll('g.tsp-map__selection path')).toHaveLength(2);
  });
});

describe('MSOA map', () => {
  const geography = prepareGeography(msoaTopology, 'msoa', {
    width: 360,
    height: 400,
    districtCodes: [CHESTERFIELD, BOLSOVER],
  });

  it('keeps only the chosen districts’ MSOAs (13 in Chesterfield, 10 in Bolsover)', () => {
    expect(geography.areas).toHaveLength(23);
    expect(geography.districts.map((d) => d.code).sort()).toEqual([BOLSOVER, CHESTERFIELD]);
  });

  it('looks up each MSOA’s district from the boundary file', () => {
    const lookup = parentLookup(msoaTopology, 'msoa', 'district');
    expect(lookup.size).toBe(232);
    expect(lookup.get('E02001509')).toBe(BARNSLEY); // Barnsley 001
    expect(parentLookup(msoaTopology, 'msoa', 'lsoa').size).toBe(0);
  });

  it('matches the snapshot with quantile classes and a missing value', () => {
    // Test values: each MSOA's position in code order, the first one missing.
    const codes = geography.areas.map((area) => area.code).sort();
    const values = new Map(codes.map((code, i) => [code, i === 0 ? null : i]));
    const svg = renderChoropleth(
      geography,
      {
        title: 'Test values by MSOA (illustrative)',
        unit: '',
        source: 'hand-made test values',
        values,
        scale: classScale(
          [...values.values()].filter((v): v is number => v !== null),
          'quantile',
          true,
        ),
        coldSpotCodes: new Set(codes.slice(-3)),
      },
      document,
    );
    expectSvgSnapshot(svg, 'msoa-map');
  });
});

describe('classScale', () => {
  it('splits 1..10 into five equal intervals: 1, 2.8, 4.6, 6.4, 8.2, 10', () => {
    const scale = classScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'equal-interval', true);
    scale.breaks.forEach((b, i) => expect(b).toBeCloseTo([1, 2.8, 4.6, 6.4, 8.2, 10][i]!, 12));
    expect([1, 2.8, 2.81, 10].map((v) => classOf(scale, v))).toEqual([0, 0, 1, 4]);
  });

  it('puts two of 1..10 in each quantile class', () => {
    const scale = classScale([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'quantile', true);
    // d3 quantiles of 1..10 at 0.2, 0.4, 0.6, 0.8: 2.8, 4.6, 6.4, 8.2 (linear interpolation).
    const counts = [0, 0, 0, 0, 0];
    for (let v = 1; v <= 10; v++) counts[classOf(scale, v)!]! += 1;
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('has no class for a missing value', () => {
    expect(classOf(classScale([1, 2], 'quantile', true), null)).toBeNull();
    expect(classOf(classScale([], 'quantile', true), 1)).toBeNull();
  });

  it('draws the worse end darker whichever way an indicator runs', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const higherWorse = classScale(values, 'equal-interval', true);
    const lowerWorse = classScale(values, 'equal-interval', false);
    // Same classes; the darkest blue goes to 10 when high is worse, to 1 when low is worse.
    expect(lowerWorse.breaks).toEqual(higherWorse.breaks);
    expect(fillFor(higherWorse, 10)).toBe(SEQUENTIAL_BLUES[4]);
    expect(fillFor(higherWorse, 1)).toBe(SEQUENTIAL_BLUES[0]);
    expect(fillFor(lowerWorse, 1)).toBe(SEQUENTIAL_BLUES[4]);
    expect(fillFor(lowerWorse, 10)).toBe(SEQUENTIAL_BLUES[0]);
  });
});

describe('downloads', () => {
  it('writes tidy CSV with x for a missing value', () => {
    const csv = mapDataCsv([
      {
        level: 'district',
        areaCode: SHEFFIELD,
        areaName: 'Sheffield',
        districtCode: SHEFFIELD,
        measure: 'test',
        measureLabel: 'Test, with a comma',
        value: 1.5,
        unit: 'points',
        provenance: 'illustrative',
        source: 'hand-made',
      },
      {
        level: 'district',
        areaCode: 'E08000018',
        areaName: 'Rotherham',
        districtCode: 'E08000018',
        measure: 'test',
        measureLabel: 'Test, with a comma',
        value: null,
        unit: 'points',
        provenance: 'illustrative',
        source: 'hand-made',
      },
    ]);
    expect(csv.split('\n')).toEqual([
      'geographic_level,area_code,area_name,lad_code,measure,measure_label,value,unit,provenance,source',
      'Local authority district,E08000019,Sheffield,E08000019,test,"Test, with a comma",1.5,points,illustrative,hand-made',
      'Local authority district,E08000018,Rotherham,E08000018,test,"Test, with a comma",x,points,illustrative,hand-made',
    ]);
  });

  it('saves SVG that stands alone (not aria-hidden, with its namespace)', () => {
    const geography = prepareGeography(ladTopology, 'district', { width: 200, height: 200 });
    const markup = svgMarkup(renderChoropleth(geography, districtStyle(), document));
    expect(markup.startsWith('<?xml')).toBe(true);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).not.toContain('aria-hidden');
  });
});

describe('helpers', () => {
  it('wraps text at spaces', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('tidies decimals and renumbers ids', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.innerHTML = '<pattern id="zz"></pattern><rect x="1.2345" fill="url(#zz)"></rect>';
    expect(tidySvg(svg)).toBe(
      '<svg>\n<pattern id="id-1">\n</pattern>\n<rect x="1.2" fill="url(#id-1)">\n</rect>\n</svg>\n',
    );
  });
});
