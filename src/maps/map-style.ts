/**
 * What a choropleth shows (`MapStyle` and its overlays), the colours its layers and legend share,
 * and the one way the map modules make SVG elements: presentation attributes, never style
 * attributes (the Content Security Policy forbids them).
 */
import { CATEGORICAL, type ClassScale } from './classify.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const TEXT_COLOUR = '#0b0c0c';
export const COLD_SPOT_COLOUR = CATEGORICAL[1]; // orange, clear against every blue
export const SCHOOL_COLOUR = CATEGORICAL[2];
export const FOOTPRINT_COLOUR = CATEGORICAL[3];
export const SELECTED_COLOUR = '#0b0c0c';

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

export type Attributes = Record<string, string | number>;

export function svgElement<K extends keyof SVGElementTagNameMap>(
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
