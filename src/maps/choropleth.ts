/**
 * Choropleth maps as pure functions of prepared boundaries, a style and a document:
 * `renderChoropleth` builds the SVG once per geography; `restyleChoropleth` changes only
 * fills, outlines, overlays and the legend, so a new indicator or weight redraws 1,146 LSOAs
 * without re-projecting a single boundary.
 *
 * The SVG is aria-hidden: the page puts a table with the same numbers beside it. Colours are
 * SVG presentation attributes, never style attributes (the Content Security Policy forbids them).
 * What a map shows and the SVG helper are in `map-style.ts`; the legend and source under the map
 * in `map-legend.ts`.
 */
import type { PreparedGeography } from './geography.ts';
import { fillFor } from './classify.ts';
import { MIN_FONT_SIZE } from '../charts/text.ts';
import { LINE_HEIGHT, SOURCE_LINE_HEIGHT, drawLegend, drawSource } from './map-legend.ts';
import {
  COLD_SPOT_COLOUR,
  FOOTPRINT_COLOUR,
  SCHOOL_COLOUR,
  SELECTED_COLOUR,
  SVG_NS,
  TEXT_COLOUR,
  svgElement,
  type Attributes,
  type MapStyle,
} from './map-style.ts';

export type { FlowLine, Footprint, MapStyle, SchoolPoint } from './map-style.ts';

const FONT = 'Arial, Helvetica, sans-serif';
const COLD_SPOT_WIDTH: Record<PreparedGeography['level'], number> = {
  district: 2.5,
  msoa: 2,
  lsoa: 1.5,
};
const FOCUS_COLOUR = '#ffdd00';

const defaultNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const defaultFormat = (value: number): string => defaultNumber.format(value);

function group(svg: SVGSVGElement, name: string): SVGGElement {
  const found = svg.querySelector<SVGGElement>(`g.tsp-map__${name}`);
  if (!found) throw new Error(`Not a map drawn by renderChoropleth: no ${name} layer.`);
  return found;
}

/**
 * Builds the map: areas (unfilled until styled), district outlines, empty overlay layers, then
 * styles it. `width` is the width it is shown at, in CSS pixels: the boundaries (projected once,
 * at the geography's own size) are scaled to it and the text is laid out at it, so text is
 * never shown smaller than 12 px.
 */
export function renderChoropleth(
  geography: PreparedGeography,
  style: MapStyle,
  document: Document,
  width = geography.width,
): SVGSVGElement {
  const scale = width / geography.width;
  const svg = svgElement(document, 'svg', {
    xmlns: SVG_NS,
    class: 'tsp-map',
    width,
    'aria-hidden': 'true',
    focusable: 'false',
    'font-family': FONT,
    'font-size': MIN_FONT_SIZE,
    fill: TEXT_COLOUR,
  });
  svg.append(
    svgElement(document, 'rect', { class: 'tsp-map__background', width, fill: '#ffffff' }),
  );

  // Everything geographic sits in one group, so zoom and pan move it with a single transform.
  const viewport = svgElement(document, 'g', { class: 'tsp-map__viewport' });
  if (scale !== 1) {
    viewport.setAttribute('transform', mapTransform(scale));
    svg.setAttribute('data-scale', String(scale));
  }
  const areas = svgElement(document, 'g', {
    class: 'tsp-map__areas',
    stroke: '#ffffff',
    'stroke-width': geography.level === 'district' ? 1 : 0.4,
    'stroke-linejoin': 'round',
  });
  for (const area of geography.areas) {
    const path = svgElement(document, 'path', {
      d: area.path,
      'data-code': area.code,
      'vector-effect': 'non-scaling-stroke',
    });
    path.append(svgElement(document, 'title'));
    areas.append(path);
  }
  const districts = svgElement(document, 'g', {
    class: 'tsp-map__districts',
    fill: 'none',
    stroke: TEXT_COLOUR,
    'stroke-width': 1,
    'stroke-linejoin': 'round',
    'pointer-events': 'none',
  });
  for (const district of geography.districts) {
    districts.append(
      svgElement(document, 'path', { d: district.path, 'vector-effect': 'non-scaling-stroke' }),
    );
  }
  viewport.append(areas, districts);
  // Footprints sit under cold-spot outlines (they are wider, so both stay visible).
  for (const layer of ['footprint', 'cold-spots', 'flows', 'schools', 'selection']) {
    viewport.append(svgElement(document, 'g', { class: `tsp-map__${layer}` }));
  }
  svg.append(
    viewport,
    svgElement(document, 'g', { class: 'tsp-map__legend' }),
    svgElement(document, 'g', { class: 'tsp-map__source' }),
  );
  restyleChoropleth(svg, geography, style);
  return svg;
}

/** The viewport's transform: a zoom (d3's transform string, in shown pixels), then the scale to the shown width. */
export function mapTransform(scale: number, zoom = ''): string {
  return `${zoom ? `${zoom} ` : ''}scale(${scale})`;
}

/** The scale a map from `renderChoropleth` was drawn at (shown width over the geography's). */
export function mapScale(svg: SVGSVGElement): number {
  return Number(svg.getAttribute('data-scale') ?? 1);
}

/** Applies a new style to a map from `renderChoropleth` for the same geography. */
export function restyleChoropleth(
  svg: SVGSVGElement,
  geography: PreparedGeography,
  style: MapStyle,
): void {
  const document = svg.ownerDocument;
  const scale = mapScale(svg);
  const width = Number(svg.getAttribute('width'));
  const mapHeight = geography.height * scale;
  const format = style.formatValue ?? defaultFormat;
  const describe = (value: number | null | undefined): string =>
    value === null || value === undefined
      ? 'no data'
      : `${format(value)}${style.unit ? ` ${style.unit}` : ''}`;
  const nameOf = new Map(geography.areas.map((area) => [area.code, area.name]));

  for (const path of group(svg, 'areas').querySelectorAll<SVGPathElement>('path[data-code]')) {
    const code = path.getAttribute('data-code') ?? '';
    const value = style.values.get(code);
    path.setAttribute('fill', fillFor(style.scale, value));
    const title = path.firstElementChild;
    if (title) title.textContent = `${nameOf.get(code) ?? code}: ${describe(value)}`;
  }

  const areaPath = new Map(geography.areas.map((area) => [area.code, area.path]));
  const outline = (code: string, attributes: Attributes) =>
    svgElement(document, 'path', {
      d: areaPath.get(code) ?? '',
      fill: 'none',
      'vector-effect': 'non-scaling-stroke',
      'stroke-linejoin': 'round',
      ...attributes,
    });

  // Cold spots are redrawn on top as outlines so neighbouring fills cannot hide them.
  const coldSpots = group(svg, 'cold-spots');
  coldSpots.replaceChildren(
    ...geography.areas
      .filter((area) => style.coldSpotCodes?.has(area.code))
      .map((area) =>
        outline(area.code, {
          stroke: COLD_SPOT_COLOUR,
          // Thinner on small areas, where thick outlines would bury the fills.
          'stroke-width': COLD_SPOT_WIDTH[geography.level],
          'pointer-events': 'none',
        }),
      ),
  );

  const districtByCode = new Map(geography.districts.map((district) => [district.code, district]));
  group(svg, 'footprint').replaceChildren(
    ...(style.footprint?.districtCodes ?? []).flatMap((code) => {
      const district = districtByCode.get(code);
      return district
        ? [
            svgElement(document, 'path', {
              d: district.path,
              fill: 'none',
              stroke: FOOTPRINT_COLOUR,
              'stroke-width': 5,
              'stroke-dasharray': '8 4',
              'vector-effect': 'non-scaling-stroke',
              'pointer-events': 'none',
            }),
          ]
        : [];
    }),
  );

  group(svg, 'flows').replaceChildren(
    ...(style.flows ?? []).flatMap((flow) => {
      const from = districtByCode.get(flow.fromDistrictCode);
      const to = districtByCode.get(flow.toDistrictCode);
      if (!from || !to || flow.share <= 0) return [];
      const strokeWidth = Math.round((1 + 10 * flow.share) * 10) / 10;
      const mark =
        from === to
          ? svgElement(document, 'circle', {
              cx: from.centroid[0],
              cy: from.centroid[1],
              r: Math.round((3 + 12 * flow.share) * 10) / 10,
              fill: 'none',
              stroke: FOOTPRINT_COLOUR,
              'stroke-width': 2,
            })
          : svgElement(document, 'line', {
              x1: from.centroid[0],
              y1: from.centroid[1],
              x2: to.centroid[0],
              y2: to.centroid[1],
              stroke: FOOTPRINT_COLOUR,
              'stroke-width': strokeWidth,
              'stroke-linecap': 'round',
              'stroke-opacity': 0.85,
            });
      mark.setAttribute('vector-effect', 'non-scaling-stroke');
      mark.append(svgElement(document, 'title', {}, flow.tooltip));
      return [mark];
    }),
  );

  group(svg, 'schools').replaceChildren(
    ...(style.schools ?? []).flatMap((school) => {
      const point = geography.project(school.longitude, school.latitude);
      if (!point) return [];
      const circle = svgElement(document, 'circle', {
        cx: point[0],
        cy: point[1],
        // 3 px on screen at any scale.
        r: Math.round((3 / scale) * 100) / 100,
        fill: SCHOOL_COLOUR,
        stroke: '#ffffff',
        'stroke-width': 1,
        'vector-effect': 'non-scaling-stroke',
        'data-school': school.id,
      });
      circle.append(svgElement(document, 'title', {}, school.tooltip));
      return [circle];
    }),
  );

  const selected =
    style.selectedCode && areaPath.has(style.selectedCode) ? style.selectedCode : null;
  group(svg, 'selection').replaceChildren(
    ...(selected
      ? [
          outline(selected, {
            stroke: SELECTED_COLOUR,
            'stroke-width': 4,
            'pointer-events': 'none',
          }),
          outline(selected, { stroke: FOCUS_COLOUR, 'stroke-width': 2, 'pointer-events': 'none' }),
        ]
      : []),
  );

  const legend = group(svg, 'legend');
  legend.setAttribute('transform', `translate(8,${mapHeight})`);
  const legendHeight = drawLegend(legend, geography, width, style, format) * LINE_HEIGHT;
  const source = group(svg, 'source');
  source.setAttribute('transform', `translate(8,${mapHeight + legendHeight})`);
  const sourceLines = drawSource(source, width - 16, style.source);
  // The source is never cut short, so the map grows to fit it.
  const totalHeight = Math.ceil(mapHeight + legendHeight + sourceLines * SOURCE_LINE_HEIGHT + 6);
  svg.setAttribute('height', String(totalHeight));
  svg.setAttribute('viewBox', `0 0 ${width} ${totalHeight}`);
  svg.querySelector('rect.tsp-map__background')?.setAttribute('height', String(totalHeight));
}
