/**
 * The ITT partnerships working in the region (register of training providers), their training
 * partners, and where their NQTs take first posts (employment footprints, estimated from the
 * Teachers Analysis Compendium 3 first-post distances).
 */
import { geoCentroid, geoDistance } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { ACADEMIC_YEAR, eesColumns, eesLocation } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import type { DistrictSource } from './districts.ts';
import { field, num, readBoundaries, readSource } from './source.ts';
import { PHASES, builtFile, filter, indicator, roundShares, type BuiltFile } from './tables.ts';

/** Links active in either of the two latest recruitment cycles count as current. */
const CURRENT_CYCLES = ['2025', '2026'];
/** Providers registered in SCR whose partners are almost all elsewhere (national providers). */
const NATIONAL_ONLY = new Set(['E69', 'H40']);
/** Share of NQTs whose first post is 25-100 km away that lands outside the region (assumption). */
const MIDDLE_BAND_OUTSIDE = 0.5;
/** Distance decay (km) for spreading the 25-100 km band over the region's districts. */
const DISTANCE_DECAY_KM = 40;
const EARTH_RADIUS_KM = 6371;

export type PartnershipTypeName = 'HEI' | 'SCITT' | 'Teach First';

export interface PartnershipBuild {
  code: string;
  name: string;
  ukprn: string;
  type: PartnershipTypeName;
  sourceType: string;
  homeDistrict: DistrictSource | null;
  partners: { code: string; name: string; district: DistrictSource | null; years: string }[];
  inRegionShare: number;
  inRegionMethod: string;
  footprint: Map<string, number>;
  footprintMethod: string;
}

export function buildPartnerships(
  districts: DistrictSource[],
  pupils: Map<string, number>,
  baseTimePeriod: string,
): { partnerships: PartnershipBuild[]; files: BuiltFile[] } {
  const providers = readSource('stats/itt_providers_scr.csv');
  const links = readSource('stats/itt_partnerships_scr.csv');
  const distances = readSource('stats/nqt_first_post_distance_by_itt_provider.csv');
  const byName = new Map(districts.map((d) => [d.name, d]));
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const topology = readBoundaries('district');
  const lads = feature(
    topology,
    topology.objects.lad as GeometryCollection<{ code: string }>,
  ).features;
  const centroid = new Map(lads.map((f) => [f.properties.code, geoCentroid(f)]));
  const km = (a: string, b: string) =>
    geoDistance(centroid.get(a) as [number, number], centroid.get(b) as [number, number]) *
    EARTH_RADIUS_KM;
  const districtPupils = (code: string) =>
    PHASES.reduce((s, p) => s + (pupils.get(`${code}|${p}`) ?? 0), 0);
  const regional = distances.find(
    (r) =>
      field(r, 'region') === 'Yorkshire and The Humber' && field(r, 'is_regional_total') === 'yes',
  );
  if (!regional) throw new Error('Yorkshire and The Humber all-providers row missing');

  const current = (r: Record<string, string>) =>
    field(r, 'academic_year_codes_active')
      .split(',')
      .some((y) => CURRENT_CYCLES.includes(y.trim()));
  const result: PartnershipBuild[] = [];
  for (const p of providers) {
    const code = field(p, 'provider_code');
    if (field(p, 'accreditation_status') !== 'accredited' || NATIONAL_ONLY.has(code)) continue;
    const own = links.filter((l) => field(l, 'accredited_provider_code') === code && current(l));
    const inScrPartners = own.filter((l) => field(l, 'partner_in_scr') === 'yes');
    const located = field(p, 'in_scr') === 'yes';
    if (inScrPartners.length === 0) continue;
    const home = located ? (byCode.get(field(p, 'scr_lad_code')) ?? null) : null;
    const partners = own.map((l) => ({
      code: field(l, 'training_partner_code'),
      name: field(l, 'training_partner_name'),
      district:
        field(l, 'partner_in_scr') === 'yes'
          ? (byName.get(field(l, 'partner_scr_lad')) ?? null)
          : null,
      years: field(l, 'academic_year_codes_active'),
    }));
    const name = field(p, 'provider_name');
    const sourceType = field(p, 'provider_type');
    const type: PartnershipTypeName = /teach first/i.test(name)
      ? 'Teach First'
      : sourceType === 'hei'
        ? 'HEI'
        : 'SCITT';
    // Training locations: the provider's own base and each current partner, weight 1 each.
    // Outside providers count only their in-region locations here; inRegionShare scales them.
    const locations: (string | 'outside')[] = located
      ? [home?.code ?? 'outside', ...partners.map((x) => x.district?.code ?? 'outside')]
      : partners.filter((x) => x.district).map((x) => (x.district as DistrictSource).code);
    const inRegionShare = located ? 1 : inScrPartners.length / (inScrPartners.length + 1);
    const inRegionMethod = located
      ? 'Provider located in the region with current partners in it: whole activity counted (share 1, estimated).'
      : `Provider outside the region: ${inScrPartners.length} current SCR training partner(s) / (those + 1 for the provider's own activity elsewhere; the register extract lists only links that touch SCR) (estimated).`;
    const ownRow = distances.find((r) => field(r, 'provider') === name);
    const stats = ownRow ?? regional;
    const near = num(stats, 'pct_first_nqt_post_within_25km') / 100;
    const far = num(stats, 'pct_first_nqt_post_over_100km') / 100;
    const middle = 1 - near - far;
    const footprint = new Map<string, number>([
      ...districts.map((d) => [d.code, 0] as [string, number]),
      ['outside', 0],
    ]);
    const add = (key: string, value: number) =>
      footprint.set(key, (footprint.get(key) ?? 0) + value);
    for (const location of locations) {
      const w = 1 / locations.length;
      if (location === 'outside') {
        add('outside', w);
        continue;
      }
      add(location, near * w);
      add('outside', (far + middle * MIDDLE_BAND_OUTSIDE) * w);
      const others = districts.filter((d) => d.code !== location);
      const gravity = others.map(
        (d) => districtPupils(d.code) * Math.exp(-km(location, d.code) / DISTANCE_DECAY_KM),
      );
      const gravityTotal = gravity.reduce((a, b) => a + b, 0);
      others.forEach((d, i) =>
        add(
          d.code,
          (middle * (1 - MIDDLE_BAND_OUTSIDE) * w * (gravity[i] as number)) / gravityTotal,
        ),
      );
    }
    const statsLabel = ownRow
      ? `its own Teachers Analysis Compendium 3 row (${field(ownRow, 'pct_first_nqt_post_within_25km')}% of NQTs' first posts within 25 km, ${field(ownRow, 'pct_first_nqt_post_over_100km')}% over 100 km)`
      : `the Yorkshire and The Humber all-providers row (${field(regional, 'pct_first_nqt_post_within_25km')}% within 25 km, ${field(regional, 'pct_first_nqt_post_over_100km')}% over 100 km), as it has no row of its own`;
    const footprintMethod = `Estimated from ${statsLabel}. Training locations (${located ? "the provider's base and each current training partner" : 'each current SCR training partner'}, equal weight): the within-25 km share stays in the location's district; the over-100 km share goes outside the region; of the 25-100 km share, ${MIDDLE_BAND_OUTSIDE * 100}% goes outside (assumption) and the rest to the other districts in proportion to pupils x exp(-distance/${DISTANCE_DECAY_KM} km) between district centroids. Partners outside the region send all their NQTs outside.`;
    result.push({
      code,
      name,
      ukprn: field(p, 'ukprn'),
      type,
      sourceType,
      homeDistrict: home,
      partners,
      inRegionShare,
      inRegionMethod,
      footprint: roundShares(footprint, 4),
      footprintMethod,
    });
  }
  const providerColumns = (b: PartnershipBuild) => ({
    time_period: baseTimePeriod,
    time_identifier: ACADEMIC_YEAR,
    ...eesLocation('Provider', { code: b.ukprn, name: b.name }),
    partnership_code: b.code,
  });
  const baseColumns = [...eesColumns('Provider'), 'partnership_code'];
  const files: BuiltFile[] = [];
  files.push(
    builtFile(DATA_FILES.partnerships, {
      columns: [
        ...baseColumns,
        'partnership_type',
        'register_provider_type',
        'home_lad_code',
        'home_lad_name',
        'in_region_share_provenance',
        'in_region_share_method',
        'footprint_provenance',
        'footprint_method',
        'in_region_share',
      ],
      meta: [
        filter('partnership_code', 'Accredited provider code'),
        filter(
          'partnership_type',
          'Partnership type (HEI / SCITT / School Direct / Teach First / Apprenticeship)',
        ),
        filter('register_provider_type', 'Provider type in the register of training providers'),
        filter('home_lad_code', 'District of the accredited provider (z = outside the region)'),
        filter(
          'home_lad_name',
          'District name of the accredited provider (z = outside the region)',
        ),
        filter('in_region_share_provenance', 'Provenance of the in-region share'),
        filter('in_region_share_method', 'How the in-region share was obtained'),
        filter('footprint_provenance', 'Provenance of the employment footprint'),
        filter('footprint_method', 'How the employment footprint was obtained'),
        indicator('in_region_share', 'Share of the partnership counted in the region', 4),
      ],
      rows: result.map((b) => ({
        ...providerColumns(b),
        partnership_type: b.type,
        register_provider_type: b.sourceType,
        home_lad_code: b.homeDistrict?.code ?? 'z',
        home_lad_name: b.homeDistrict?.name ?? 'z',
        in_region_share_provenance: 'estimated',
        in_region_share_method: b.inRegionMethod,
        footprint_provenance: 'estimated',
        footprint_method: b.footprintMethod,
        in_region_share: b.inRegionShare,
      })),
    }),
  );
  files.push(
    builtFile(DATA_FILES.trainingPartners, {
      columns: [
        ...baseColumns,
        'training_partner_code',
        'training_partner_name',
        'partner_lad_code',
        'partner_lad_name',
        'cycles_active',
      ],
      meta: [
        filter('partnership_code', 'Accredited provider code'),
        filter('training_partner_code', 'Training partner code'),
        filter('training_partner_name', 'Training partner name'),
        filter('partner_lad_code', 'District of the training partner (z = outside the region)'),
        filter(
          'partner_lad_name',
          'District name of the training partner (z = outside the region)',
        ),
        filter('cycles_active', 'Recruitment-cycle codes in which the link is active'),
      ],
      rows: result.flatMap((b) =>
        b.partners.map((x) => ({
          ...providerColumns(b),
          training_partner_code: x.code,
          training_partner_name: x.name,
          partner_lad_code: x.district?.code ?? 'z',
          partner_lad_name: x.district?.name ?? 'z',
          cycles_active: x.years,
        })),
      ),
    }),
  );
  files.push(
    builtFile(DATA_FILES.employmentFootprints, {
      columns: [
        ...baseColumns,
        'destination_code',
        'destination_name',
        'provenance',
        'footprint_share',
      ],
      meta: [
        filter('partnership_code', 'Accredited provider code'),
        filter('destination_code', 'District of the first post (outside = outside the region)'),
        filter('destination_name', 'District name of the first post'),
        filter('provenance', 'Provenance'),
        indicator(
          'footprint_share',
          "Share of the partnership's NQTs whose first post is there",
          4,
        ),
      ],
      rows: result.flatMap((b) =>
        [...b.footprint].map(([destination, share]) => ({
          ...providerColumns(b),
          destination_code: destination,
          destination_name:
            destination === 'outside'
              ? 'Outside the region'
              : (byCode.get(destination)?.name ?? destination),
          provenance: 'estimated',
          footprint_share: share,
        })),
      ),
    }),
  );
  return { partnerships: result, files };
}
