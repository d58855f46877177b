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
 * Pure: takes the partnerships and the fill rates `fillRates` (src/redistribution) reports.
 */
import type { FillRate } from '../redistribution/kpis.ts';
import type { AreaIndicator, District, Partnership, Provenance } from '../data/types.ts';

export interface FillRateContext {
  /** The year the cycle's trainees start, e.g. '2025/26'. */
  cycle: string;
  /** e.g. '31 March 2025'. */
  asAt: string;
  /** Of the returns: 'illustrative' for the bundled ones. */
  provenance: Provenance;
}

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
  const rates = new Map(byPartnership.map((rate) => [rate.label, rate]));
  const values = districts.map((district) => {
    let recruited = 0;
    let allocated = 0;
    for (const partnership of partnerships) {
      const rate = rates.get(partnership.code);
      const share = partnership.employmentFootprint[district.code] ?? 0;
      if (!rate || rate.allocation <= 0 || share <= 0) continue;
      recruited += share * rate.recruited;
      allocated += share * rate.allocation;
    }
    return { areaCode: district.code, value: allocated > 0 ? (100 * recruited) / allocated : null };
  });
  const illustrative = context.provenance === 'illustrative' ? 'illustrative ' : '';
  return {
    id: `fill_rate_${context.cycle.replace('/', '')}`,
    label: `Recruitment fill rate to date, ${context.cycle} entry${illustrative ? ' (illustrative)' : ''}`,
    level: 'district',
    higherIsWorse: false,
    unit: 'per cent of allocated places recruited',
    source:
      `Teacher Supply Planner, ${illustrative}recruitment returns for ${context.cycle} entry as at ${context.asAt}: ` +
      `each partnership's recruited / allocated places, weighted by its allocation and the share of ` +
      `its NQTs employed in the district (employment footprint)`,
    provenance: context.provenance,
    values,
  };
}
