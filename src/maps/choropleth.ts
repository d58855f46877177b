/**
 * Choropleth maps as pure functions of prepared boundaries, a style and a document:
 * `renderChoropleth` builds the SVG once per geography; `restyleChoropleth` changes only
 * fills, outlines, overlays and the legend, so a new indicator or weight redraws 1,146 LSOAs
 * without re-projecting a single boundary.
 *
 * The SVG is aria-hidden: the page puts a table with the same numbers beside it. Colours are
 * SVG presentation attributes, never style attributes (the Content Security Policy forbids them).
 */
import type { PreparedGeography } from './geography.ts';
import { BOUNDARY_ATTRIBUTION } from './geography.ts';
import { CATEGORICAL, NO_DATA_FILL, classOf, fillFor, type ClassScale } from './classify.ts';
import { MIN_FONT_SIZE, wrapToWidth } from '../charts/text.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'Arial, Helvetica, sans-serif';
const TEXT_COLOUR = '#0b0c0c';
const COLD_SPOT_COLOUR = CATEGORICAL[1]; // orange, clear against every blue
const SCHOOL_COLOUR = CATEGORICAL[2];
const FOOTPRINT_COLOUR = CATEGORICAL[3];
const COLD_SPOT_WIDTH: Record<PreparedGeography['level'], number> = {
  district: 2.5,
  msoa: 2,
  lsoa: 1.5,
};
const SELECTED_COLOUR = '#0b0c0c';
const FOCUS_COLOUR = '#ffdd00';
const LINE_HEIGHT = 18;
const SWATCH = 14;
const TITLE_FONT_SIZE = 13;
/** Rows under the map: title, six class/no-data rows, unit, the colour rule in two rows, then source lines. */
const LEGEND_ROWS = 11;
/** Narrower than this, the overlay keys go under the classes instead of beside them. */
const TWO_COLUMN_LEGEND_WIDTH = 480;
const SOURCE_LINE_HEIGHT = 16;

export interface SchoolPoint {
  id: string;
  longitude: number;
  latitude: number;
  tooltip: string;
}

/** Share of a partnership's NQTs going from its home district to a district. */
export interface FlowLine {
  fromDistrictCode: string;
  toDistrictCode: string;
  share: number;
  tooltip: string;
}

/** Districts a partnership reaches, through its partner schools or its NQTs. */
export interface Footprint {
  label: string;
  districtCodes: readonly string[];
}

export interface MapStyle {
  title: string;
  unit: string;
  /** Shown under the map with the boundary attribution, so a downloaded map keeps its source. */
  source: string;
  values: ReadonlyMap<string, number | null>;
  scale: ClassScale;
  formatValue?: (value: number) => string;
  coldSpotCodes?: ReadonlySet<string>;
  selectedCode?: string | null;
  schools?: readonly SchoolPoint[];
  footprint?: Footprint | null;
  flows?: readonly FlowLine[];
}

const defaultNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const defaultFormat = (value: number): string => defaultNumber.format(value);

type Attributes = Record<string, string | number>;

function svgElement<K extends keyof SVGElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Attributes = {},
  textContent?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (textContent !== undefined) element.textContent = textContent;
  return element;
}

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

const areaCount = (count: number): string => `${count} ${count === 1 ? 'area' : 'areas'}`;

function classLabel(scale: ClassScale, index: number, format: (value: number) => string): string {
  const lower = scale.breaks[index]!;
  const upper = scale.breaks[index + 1]!;
  return index === 0
    ? `${format(lower)} to ${format(upper)}`
    : `over ${format(lower)} to ${format(upper)}`;
}

/** Draws the legend `width` pixels wide; returns its height in rows. */
function drawLegend(
  legend: SVGGElement,
  geography: PreparedGeography,
  width: number,
  style: MapStyle,
  format: (value: number) => string,
): number {
  const document = legend.ownerDocument;
  const titleLines = wrapToWidth(style.title, width - 16, TITLE_FONT_SIZE);
  const rows: SVGElement[] = titleLines.map((line, index) =>
    svgElement(
      document,
      'text',
      { x: 0, y: 16 + index * LINE_HEIGHT, 'font-weight': 'bold', 'font-size': TITLE_FONT_SIZE },
      line,
    ),
  );
  const counts = new Map<number | null, number>();
  for (const area of geography.areas) {
    const index = classOf(style.scale, style.values.get(area.code));
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const swatch = (x: number, y: number, attributes: Attributes, label: string) => [
    // Bordered swatches, so the palest class stays visible on white.
    svgElement(document, 'rect', {
      x,
      y,
      width: SWATCH,
      height: SWATCH,
      stroke: TEXT_COLOUR,
      'stroke-width': 1,
      ...attributes,
    }),
    svgElement(document, 'text', { x: x + SWATCH + 6, y: y + SWATCH - 2 }, label),
  ];
  const top = titleLines.length * LINE_HEIGHT + 8;
  const classCount = Math.max(0, style.scale.breaks.length - 1);
  for (let index = 0; index < classCount; index++) {
    rows.push(
      ...swatch(
        0,
        top + index * LINE_HEIGHT,
        { fill: style.scale.colours[index] ?? NO_DATA_FILL },
        `${classLabel(style.scale, index, format)} (${areaCount(counts.get(index) ?? 0)})`,
      ),
    );
  }
  rows.push(
    ...swatch(
      0,
      top + classCount * LINE_HEIGHT,
      { fill: NO_DATA_FILL },
      `No data (${areaCount(counts.get(null) ?? 0)})`,
    ),
  );
  // The one colour rule of every map, in words, so the shading never has to be guessed.
  const notes = [
    ...(style.unit ? [`Unit: ${style.unit}`] : []),
    'Darker = worse for teacher supply',
    style.scale.higherIsWorse ? '(higher values are worse)' : '(lower values are worse)',
  ];
  notes.forEach((note, line) => {
    rows.push(
      svgElement(
        document,
        'text',
        { x: 0, y: top + (classCount + 1 + line) * LINE_HEIGHT + 12, 'data-legend-note': '' },
        note,
      ),
    );
  });

  // Keys for the overlays, in a second column, or under the rest on a narrow map.
  const twoColumns = width >= TWO_COLUMN_LEGEND_WIDTH;
  const keyX = twoColumns ? Math.round(width / 2) + 20 : 0;
  const keyTop = twoColumns ? top : top + (classCount + 1 + notes.length) * LINE_HEIGHT + 8;
  const keys: [Attributes, string][] = [];
  if (style.coldSpotCodes && style.coldSpotCodes.size > 0) {
    keys.push([
      { fill: 'none', stroke: COLD_SPOT_COLOUR, 'stroke-width': 2.5 },
      `Cold spot (${style.coldSpotCodes.size})`,
    ]);
  }
  if (style.selectedCode)
    keys.push([{ fill: 'none', stroke: SELECTED_COLOUR, 'stroke-width': 3 }, 'Selected area']);
  if (style.schools && style.schools.length > 0) {
    keys.push([{ fill: SCHOOL_COLOUR, rx: SWATCH / 2 }, `School (${style.schools.length})`]);
  }
  if (style.footprint) {
    keys.push([
      { fill: 'none', stroke: FOOTPRINT_COLOUR, 'stroke-width': 3, 'stroke-dasharray': '8 4' },
      `Reach of ${style.footprint.label}`,
    ]);
  }
  if (style.flows && style.flows.length > 0) {
    keys.push([{ fill: FOOTPRINT_COLOUR, height: 4, y: 5 }, 'NQT flow (width = share)']);
  }
  keys.forEach(([attributes, label], position) => {
    const y = keyTop + position * LINE_HEIGHT;
    rows.push(...swatch(keyX, y, { ...attributes, y: y + Number(attributes.y ?? 0) }, label));
  });
  legend.replaceChildren(...rows);
  return (
    LEGEND_ROWS + titleLines.length - 1 + (twoColumns || keys.length === 0 ? 0 : keys.length + 1)
  );
}

/** Writes the source and boundary attribution; returns the number of lines. */
function drawSource(sourceGroup: SVGGElement, width: number, source: string): number {
  const document = sourceGroup.ownerDocument;
  const lines = [
    ...wrapToWidth(`Source: ${source}`, width),
    ...wrapToWidth(BOUNDARY_ATTRIBUTION, width),
  ];
  sourceGroup.replaceChildren(
    ...lines.map((line, index) =>
      svgElement(
        document,
        'text',
        { x: 0, y: 12 + index * SOURCE_LINE_HEIGHT, 'font-size': MIN_FONT_SIZE },
        line,
      ),
    ),
  );
  return lines.length;
}
