/**
 * Boundaries projected once per geography level: SVG path strings and centroids for every
 * area and district. Redrawing a map for a new indicator only changes fills, never these.
 *
 * Projecting is the slow part (1,146 LSOAs take hundreds of milliseconds), so the app does it
 * in a worker (`projectGeography`, whose result is plain data) and rebuilds only the fitted
 * projection on the main thread (`withProjection`), for placing school points.
 */
import { geoArea, geoPath, geoTransverseMercator, type GeoProjection } from 'd3';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { GeographyLevel } from '../data/types.ts';

/** TopoJSON object holding each level's areas (see data/geo/README.md). */
export const TOPOLOGY_OBJECT: Record<GeographyLevel, string> = {
  district: 'lad',
  msoa: 'msoa',
  lsoa: 'lsoa',
};

export { BOUNDARY_ATTRIBUTION } from '../data/registry/boundaries.ts';

export interface PreparedArea {
  code: string;
  name: string;
  districtCode: string;
  /** The MSOA an LSOA lies in; null at other levels. */
  msoaCode: string | null;
  path: string;
  centroid: [number, number];
}

export interface PreparedDistrict {
  code: string;
  name: string;
  path: string;
  centroid: [number, number];
}

/** A fitted transverse Mercator, as numbers: enough to rebuild it exactly on another thread. */
export interface ProjectionParameters {
  rotate: [number, number, number];
  scale: number;
  translate: [number, number];
}

/** A level's projected boundaries as plain data, so they can cross from a worker. */
export interface ProjectedGeography {
  level: GeographyLevel;
  width: number;
  height: number;
  areas: PreparedArea[];
  /** Districts of the same topology (the small-area files carry their own dissolved `lad`), for outlines, footprints and flows. */
  districts: PreparedDistrict[];
  projection: ProjectionParameters;
}

export interface PreparedGeography extends ProjectedGeography {
  /** Screen position of a longitude/latitude, or null when it falls outside the projection. */
  project: (longitude: number, latitude: number) => [number, number] | null;
}

export interface GeographyOptions {
  width: number;
  height: number;
  /** Keep only the areas in these districts (all when omitted). */
  districtCodes?: readonly string[];
  padding?: number;
}

type AreaProperties = Record<string, unknown>;

function text(properties: AreaProperties | null, key: string): string | null {
  const value = properties?.[key];
  return typeof value === 'string' ? value : null;
}

/**
 * d3-geo wants exterior rings clockwise; a file written the other way round would paint the
 * rest of the globe. Such a feature covers more than a hemisphere, so reverse its rings.
 */
function rewound(area: Feature<Geometry, AreaProperties>): Feature<Geometry, AreaProperties> {
  if (geoArea(area) <= 2 * Math.PI) return area;
  const reverseRings = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  const geometry = area.geometry;
  if (geometry.type === 'Polygon') {
    return { ...area, geometry: { ...geometry, coordinates: reverseRings(geometry.coordinates) } };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      ...area,
      geometry: { ...geometry, coordinates: geometry.coordinates.map(reverseRings) },
    };
  }
  return area;
}

function features(topology: Topology, objectName: string): Feature<Geometry, AreaProperties>[] {
  const object = topology.objects[objectName];
  if (!object || object.type !== 'GeometryCollection') {
    throw new Error(`The boundary file has no "${objectName}" collection of areas.`);
  }
  const collection = feature(topology, object as GeometryCollection<AreaProperties>);
  return (collection as FeatureCollection<Geometry, AreaProperties>).features.map(rewound);
}

/**
 * A transverse Mercator on 2°W, the central meridian of the British National Grid, so
 * England looks as on Ordnance Survey maps; fitted to the areas drawn.
 */
export function fittedProjection(
  areas: FeatureCollection,
  width: number,
  height: number,
  padding = 8,
): GeoProjection {
  return geoTransverseMercator()
    .rotate([2, 0])
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      areas,
    );
}

/** Projects one level's areas (and its districts) from a TopoJSON topology: the slow part. */
export function projectGeography(
  topology: Topology,
  level: GeographyLevel,
  options: GeographyOptions,
): ProjectedGeography {
  const keep = options.districtCodes ? new Set(options.districtCodes) : undefined;
  const districtOf = (properties: AreaProperties | null): string =>
    (level === 'district' ? text(properties, 'code') : text(properties, 'lad_code')) ?? '';
  const areaFeatures = features(topology, TOPOLOGY_OBJECT[level]).filter(
    (area) => !keep || keep.has(districtOf(area.properties)),
  );
  if (areaFeatures.length === 0)
    throw new Error(`The boundary file has no ${level} areas to draw.`);
  const districtFeatures =
    level === 'district'
      ? areaFeatures
      : topology.objects.lad
        ? features(topology, 'lad').filter(
            (district) => !keep || keep.has(text(district.properties, 'code') ?? ''),
          )
        : [];

  const projection = fittedProjection(
    { type: 'FeatureCollection', features: areaFeatures },
    options.width,
    options.height,
    options.padding,
  );
  // One decimal place of a pixel is finer than the screen and keeps the paths small.
  const path = geoPath(projection).digits(1);
  const centroid = (area: Feature): [number, number] => {
    const [x, y] = path.centroid(area);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };

  const areas = areaFeatures.map((area): PreparedArea => {
    const code = text(area.properties, 'code');
    if (code === null)
      throw new Error(`A ${level} area in the boundary file has no "code" property.`);
    return {
      code,
      name: text(area.properties, 'name') ?? code,
      districtCode: districtOf(area.properties),
      msoaCode: level === 'lsoa' ? text(area.properties, 'msoa_code') : null,
      path: path(area) ?? '',
      centroid: centroid(area),
    };
  });
  const districts = districtFeatures.map((district): PreparedDistrict => ({
    code: text(district.properties, 'code') ?? '',
    name: text(district.properties, 'name') ?? '',
    path: path(district) ?? '',
    centroid: centroid(district),
  }));

  return {
    level,
    width: options.width,
    height: options.height,
    areas,
    districts,
    projection: {
      rotate: projection.rotate(),
      scale: projection.scale(),
      translate: projection.translate(),
    },
  };
}

/** Adds the projection, rebuilt from its parameters (cheap: no boundary is touched). */
export function withProjection(projected: ProjectedGeography): PreparedGeography {
  const { rotate, scale, translate } = projected.projection;
  const projection = geoTransverseMercator().rotate(rotate).scale(scale).translate(translate);
  return {
    ...projected,
    project: (longitude, latitude) => {
      const point = projection([longitude, latitude]);
      return point ? [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] : null;
    },
  };
}

/** Projects a level on this thread (tests, Node); the app uses the geography worker. */
export function prepareGeography(
  topology: Topology,
  level: GeographyLevel,
  options: GeographyOptions,
): PreparedGeography {
  return withProjection(projectGeography(topology, level, options));
}

/**
 * Lookup from each area of a small-area level to its parent (its MSOA, or its district), read
 * from the boundary file's properties (`msoa_code`, `lad_code`) without projecting anything.
 */
export function parentLookup(
  topology: Topology,
  level: GeographyLevel,
  parentLevel: GeographyLevel,
): Map<string, string> {
  const object = topology.objects[TOPOLOGY_OBJECT[level]];
  if (!object || object.type !== 'GeometryCollection') return new Map();
  const parentKey =
    parentLevel === 'district' ? 'lad_code' : parentLevel === 'msoa' ? 'msoa_code' : '';
  return new Map(
    (object as GeometryCollection<AreaProperties>).geometries.flatMap(
      (geometry): [string, string][] => {
        const code = text(geometry.properties ?? null, 'code');
        const parent = text(geometry.properties ?? null, parentKey);
        return code && parent ? [[code, parent]] : [];
      },
    ),
  );
}
