/** TopoJSON boundaries of the region's districts, MSOAs and LSOAs (copied, not built). */
import type { GeographyLevel } from '../types.ts';
import type { BoundaryFile } from './entry.ts';

export const BOUNDARY_ATTRIBUTION =
  'Boundaries: Contains OS data © Crown copyright and database right 2016; Contains ONS data © Crown copyright and database right 2016 (OGL v3). TopoJSON derived from UK-GeoJSON by Martin Chorley (CC BY 4.0).';

/** The codes of a TopoJSON file's `lad` objects, with their names (ONS's). */
function districtNames(text: string): Map<string, string> {
  const topology = JSON.parse(text) as {
    objects?: Record<string, { geometries?: { properties?: { code?: string; name?: string } }[] }>;
  };
  const geometries = topology.objects?.lad?.geometries ?? [];
  return new Map(
    geometries.flatMap(({ properties: p }) => (p?.code ? [[p.code, p.name ?? '']] : [])),
  );
}

const boundary = (
  key: string,
  level: GeographyLevel,
  path: string,
  title: string,
  objects: string,
): BoundaryFile => ({
  role: 'boundary',
  key,
  level,
  path,
  title,
  source:
    'github.com/martinjc/UK-GeoJSON @88339000fc8711feb9c146d5cd7d145bf286350d (ONS/OS generalised clipped boundaries), simplified with mapshaper (40 m)',
  date: 'Boundaries 2011/2013; files 2014',
  licence: `${BOUNDARY_ATTRIBUTION} OS data under the OS OpenData Licence.`,
  provenance: ['published'],
  notes: `${objects}. For display, not measurement.`,
});

export const boundaryFiles: readonly BoundaryFile[] = [
  {
    ...boundary(
      'districtBoundaries',
      'district',
      'geo/scr_lad.topo.json',
      'District (LAD13) boundaries of the region',
      'objects: lad (code, name, scr_member)',
    ),
    codes: {
      name: 'districtBoundaries',
      description: 'a district in geo/scr_lad.topo.json',
      parse: districtNames,
    },
  },
  boundary(
    'msoaBoundaries',
    'msoa',
    'geo/scr_msoa.topo.json',
    'MSOA 2011 boundaries of the region',
    'objects: msoa (code, name, lad_code, lad_name), lad',
  ),
  boundary(
    'lsoaBoundaries',
    'lsoa',
    'geo/scr_lsoa.topo.json',
    'LSOA 2011 boundaries of the region',
    'objects: lsoa (code, name, lad_code, lad_name, msoa_code), lad',
  ),
];

/** The boundary file of a level, relative to data/. */
export function boundaryPath(level: GeographyLevel): string {
  const file = boundaryFiles.find((b) => b.level === level);
  if (!file) throw new Error(`no boundary file for level ${level}`);
  return file.path;
}
