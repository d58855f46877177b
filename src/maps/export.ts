/** Downloads of a map: its data as tidy CSV, the drawing as SVG markup or a PNG image. */
import { formatCsvRecords } from '../data/csv-writer.ts';
import type { GeographyLevel, Provenance } from '../data/types.ts';

/** Explore Education Statistics spelling of each level. */
export const GEOGRAPHIC_LEVEL_LABEL: Record<GeographyLevel, string> = {
  district: 'Local authority district',
  msoa: 'MSOA',
  lsoa: 'LSOA',
};

/** One area's value of one measure: a row of the tidy (long) download. */
export interface MapDataRow {
  level: GeographyLevel;
  areaCode: string;
  areaName: string;
  districtCode: string;
  measure: string;
  measureLabel: string;
  value: number | null;
  unit: string;
  provenance: Provenance;
  source: string;
}

/** Tidy CSV, one row per area and measure; a missing value is 'x' (EES: not available). */
export function mapDataCsv(rows: readonly MapDataRow[]): string {
  return formatCsvRecords(
    rows.map((row) => ({
      geographic_level: GEOGRAPHIC_LEVEL_LABEL[row.level],
      area_code: row.areaCode,
      area_name: row.areaName,
      lad_code: row.districtCode,
      measure: row.measure,
      measure_label: row.measureLabel,
      value: row.value === null || !Number.isFinite(row.value) ? 'x' : String(row.value),
      unit: row.unit,
      provenance: row.provenance,
      source: row.source,
    })),
    [
      'geographic_level',
      'area_code',
      'area_name',
      'lad_code',
      'measure',
      'measure_label',
      'value',
      'unit',
      'provenance',
      'source',
    ],
  );
}

/** Stand-alone SVG markup: the on-page aria-hidden flag is dropped, since a saved file stands on its own. */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('aria-hidden');
  copy.removeAttribute('focusable');
  copy.querySelector('g.tsp-map__viewport')?.removeAttribute('transform');
  const window = svg.ownerDocument.defaultView;
  if (!window) throw new Error('The map is not in a document with a window.');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(copy)}`;
}

/** Rasterises the map at `scale` times its size through an image and a canvas (browser only). */
export async function svgPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = svg.ownerDocument.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the map to an image.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The map image could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
