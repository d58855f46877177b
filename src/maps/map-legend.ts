/**
 * The legend and source under a choropleth: title, classes with their area counts, the colour
 * rule in words, keys for the overlays shown, then the source and boundary attribution, so a
 * downloaded map keeps its meaning and its source.
 */
import { MIN_FONT_SIZE, wrapToWidth } from '../charts/text.ts';
import { NO_DATA_FILL, classOf, type ClassScale } from './classify.ts';
import type { PreparedGeography } from './geography.ts';
import { BOUNDARY_ATTRIBUTION } from './geography.ts';
import {
  COLD_SPOT_COLOUR,
  FOOTPRINT_COLOUR,
  SCHOOL_COLOUR,
  SELECTED_COLOUR,
  TEXT_COLOUR,
  svgElement,
  type Attributes,
  type MapStyle,
} from './map-style.ts';

/** Height of a legend row, in pixels. */
export const LINE_HEIGHT = 18;
const SWATCH = 14;
const TITLE_FONT_SIZE = 13;
/** Rows under the map: title, six class/no-data rows, unit, the colour rule in two rows, then source lines. */
const LEGEND_ROWS = 11;
/** Narrower than this, the overlay keys go under the classes instead of beside them. */
const TWO_COLUMN_LEGEND_WIDTH = 480;
/** Height of a source line, in pixels. */
export const SOURCE_LINE_HEIGHT = 16;

const areaCount = (count: number): string => `${count} ${count === 1 ? 'area' : 'areas'}`;

function classLabel(scale: ClassScale, index: number, format: (value: number) => string): string {
  const lower = scale.breaks[index]!;
  const upper = scale.breaks[index + 1]!;
  return index === 0
    ? `${format(lower)} to ${format(upper)}`
    : `over ${format(lower)} to ${format(upper)}`;
}

/** Draws the legend `width` pixels wide; returns its height in rows. */
export function drawLegend(
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
export function drawSource(sourceGroup: SVGGElement, width: number, source: string): number {
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
