/** Overlay marks built from the dataset: school points, and a partnership's reach and NQT flows. */
import type { Partnership, School } from '../data/types.ts';
import type { FlowLine, Footprint, SchoolPoint } from './map-style.ts';

export interface ReachRow {
  districtCode: string;
  /** Share of the partnership's NQTs whose first post is in the district (0 when not known to be any). */
  share: number;
  /** Training partners (lead schools, SCITTs) located in the district. */
  partners: number;
}

/** Districts a partnership reaches: where its NQTs take first posts, or where its training partners are. */
export function partnershipReach(partnership: Partnership): ReachRow[] {
  const codes = new Set<string>();
  for (const [code, share] of Object.entries(partnership.employmentFootprint)) {
    if (code !== 'outside' && share > 0) codes.add(code);
  }
  for (const partner of partnership.trainingPartners)
    if (partner.districtCode) codes.add(partner.districtCode);
  return [...codes].sort().map((districtCode) => ({
    districtCode,
    share: partnership.employmentFootprint[districtCode] ?? 0,
    partners: partnership.trainingPartners.filter(
      (partner) => partner.districtCode === districtCode,
    ).length,
  }));
}

/** The footprint outline and, when the lead provider is in the region, flow lines from its home district. */
export function partnershipOverlay(
  partnership: Partnership,
  districtName: (code: string) => string,
): { footprint: Footprint; flows: FlowLine[] } {
  const reach = partnershipReach(partnership);
  const home = partnership.homeDistrictCode;
  const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
  return {
    footprint: { label: partnership.name, districtCodes: reach.map((row) => row.districtCode) },
    flows:
      home === null
        ? []
        : reach
            .filter((row) => row.share > 0)
            .map((row) => ({
              fromDistrictCode: home,
              toDistrictCode: row.districtCode,
              share: row.share,
              tooltip: `${partnership.name}: ${percent.format(row.share)} of NQTs to ${districtName(row.districtCode)}`,
            })),
  };
}

/**
 * School points with a tooltip naming the school (or its URN: the GIAS 2018 extract has no
 * names) and, for schools in the KS4 file, their Attainment 8 and Progress 8.
 */
export function schoolPoints(schools: readonly School[]): SchoolPoint[] {
  const count = new Intl.NumberFormat('en-GB');
  const score = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
  const result = (label: string, value: number | null | undefined) =>
    value === null || value === undefined ? null : `${label} ${score.format(value)}`;
  return schools.map((school) => ({
    id: school.urn,
    longitude: school.longitude,
    latitude: school.latitude,
    tooltip: [
      school.name ?? `URN ${school.urn}`,
      school.phase,
      school.pupils === null ? null : `${count.format(school.pupils)} pupils`,
      result(`KS4 ${school.ks4?.year ?? ''} Attainment 8`, school.ks4?.attainment8),
      result('Progress 8', school.ks4?.progress8),
    ]
      .filter(Boolean)
      .join(', '),
  }));
}
