/**
 * Recruitment fill rate by district. Places are allocated to partnerships, not districts, so a
 * district's fill rate is read through where each partnership's NQTs go to work: its
 * employment footprint f[p, a] (share of its NQTs whose first post is in district a).
 *
 *   fill[a] = sum_p f[p, a] x recruited[p]  /  sum_p f[p, a] x allocated[p]
 *
 * that is, recruits expected to reach the district over the places meant to reach it: the
 * partnerships' fill rates (recruited / allocated) averaged with weights f[p, a] x allocated[p],
 * so a big partnership that sends most of its NQTs to the district counts most. A district no
 * partnership with places sends NQTs to has no fill rate (null), never 0.
 *
 * The forecast fill rate puts the recruits the In-year page forecasts for the end of the cycle
 * in place of recruited[p].
 *
 * Pure: takes the partnerships and the fill rates `fillRates` (src/redistribution) reports, or
 * the tracking view's cells.
 */
import { expectedFillByPartnership, type FillRate } from '../redistribution/kpis.ts';
import type { AreaIndicator, District, Partnership, Provenance } from '../data/types.ts';

export interface FillRateContext {
  /** The year the cycle's trainees start, e.g. '2025/26'. */
  cycle: string;
  /** e.g. '31 March 2025'. */
  asAt: string;
  /** Of the returns: 'illustrative' for the bundled ones. */
  provenance: Provenance;
}

/** A partnership's places and the recruits counted against them (to date, or expected). */
type PartnershipCount = Pick<FillRate, 'label' | 'allocation' | 'recruited'>;

/** sum_p f[p, a] x recruited[p] / sum_p f[p, a] x allocated[p] per district, in per cent. */
function footprintWeighted(
  districts: readonly Pick<District, 'code'>[],
  partnerships: readonly Pick<Partnership, 'code' | 'employmentFootprint'>[],
  byPartnership: readonly PartnershipCount[],
): AreaIndicator['values'] {
  const counts = new Map(byPartnership.map((count) => [count.label, count]));
  return districts.map((district) => {
    let recruited = 0;
    let allocated = 0;
    for (const partnership of partnerships) {
      const count = counts.get(partnership.code);
      const share = partnership.employmentFootprint[district.code] ?? 0;
      if (!count || count.allocation <= 0 || share <= 0) continue;
      recruited += share * count.recruited;
      allocated += share * count.allocation;
    }
    return { areaCode: district.code, value: allocated > 0 ? (100 * recruited) / allocated : null };
  });
}

const returnsWords = (context: FillRateContext) =>
  `Teacher Supply Planner, ${context.provenance === 'illustrative' ? 'illustrative ' : ''}` +
  `recruitment returns for ${context.cycle} entry as at ${context.asAt}`;
const FOOTPRINT_WORDS =
  'weighted by its allocation and the share of its NQTs employed in the district (employment footprint)';
const entryWords = (context: FillRateContext) =>
  `${context.cycle} entry${context.provenance === 'illustrative' ? ' (illustrative)' : ''}`;

/**
 * Fill rate by district in per cent, from partnership fill rates (`FillRates.byPartnership`,
 * labelled with partnership codes). Partnerships without a rate or with no places are left out.
 */
export function districtFillRate(
  districts: readonly Pick<District, 'code'>[],
  partnerships: readonly Pick<Partnership, 'code' | 'employmentFootprint'>[],
  byPartnership: readonly FillRate[],
  context: FillRateContext,
): AreaIndicator {
  return {
    id: `fill_rate_${context.cycle.replace('/', '')}`,
    label: `Recruitment fill rate to date, ${entryWords(context)}`,
    level: 'district',
    higherIsWorse: false,
    unit: 'per cent of allocated places recruited',
    source: `${returnsWords(context)}: each partnership's recruited / allocated places, ${FOOTPRINT_WORDS}`,
    provenance: context.provenance,
    values: footprintWeighted(districts, partnerships, byPartnership),
  };
}

/**
 * Forecast fill rate by district at the end of the cycle, in per cent: as `districtFillRate`,
 * with each partnership's recruits so far replaced by the recruits the In-year page forecasts
 * for the end of the cycle (`expectedFillByPartnership`, as the Overview's expected places
 * filled), over its allocated places.
 */
export function districtForecastFill(
  districts: readonly Pick<District, 'code'>[],
  partnerships: readonly Pick<Partnership, 'code' | 'employmentFootprint'>[],
  cells: Parameters<typeof expectedFillByPartnership>[0],
  context: FillRateContext,
): AreaIndicator {
  const counts = expectedFillByPartnership(cells).map((entry) => ({
    label: entry.partnershipCode,
    allocation: entry.allocation,
    recruited: entry.expectedFilled,
  }));
  return {
    id: `forecast_fill_rate_${context.cycle.replace('/', '')}`,
    label: `Forecast fill rate at the end of the cycle, ${entryWords(context)}`,
    level: 'district',
    higherIsWorse: false,
    unit: 'per cent of allocated places expected to be filled',
    source:
      `${returnsWords(context)}: each partnership's expected recruits by the end of the cycle ` +
      `(the In-year page's forecast, each subject at most its places) / allocated places, ${FOOTPRINT_WORDS}`,
    provenance: context.provenance,
    values: footprintWeighted(districts, partnerships, counts),
  };
}
