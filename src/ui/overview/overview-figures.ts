/**
 * The Overview page's headline figures, each worked out by the same functions its own page
 * uses (so the two never disagree): the cold spots of the default district index, as the
 * Maps and Allocation pages start with, and the in-year fill and transfers, from the same
 * tracking view and ledger as the In-year page.
 */
import type { Provenance, RegionDataset } from '../../data/types.ts';
import { coldSpotIndex } from '../../indicators/cold-spot-index.ts';
import { defaultDistrictColdSpotSpec } from '../../indicators/default-spec.ts';
import {
  expectedFillByPartnership,
  fillRates,
  isSettled,
  type LedgerState,
  type TrackingView,
} from '../../redistribution/index.ts';
import { combinedProvenance } from '../provenance-tag.ts';

export interface ColdSpotSummary {
  /** Names of the cold districts, coldest first. */
  names: string[];
  districtCount: number;
  /** The indicators the default index combines, by label. */
  indicatorLabels: string[];
  provenance: Provenance;
}

/** The region's cold districts under the default index; null when the data hold no district indicator. */
export function coldSpotSummary(
  dataset: Pick<RegionDataset, 'districts' | 'indicators'>,
): ColdSpotSummary | null {
  const spec = defaultDistrictColdSpotSpec(dataset.indicators);
  if (!spec) return null;
  const districtCodes = dataset.districts.map((district) => district.code);
  const index = coldSpotIndex(dataset.indicators, { ...spec, areaCodes: districtCodes });
  const nameOf = (code: string) =>
    dataset.districts.find((district) => district.code === code)?.name ?? code;
  const used = spec.weights.flatMap(({ indicatorId }) =>
    dataset.indicators.filter((indicator) => indicator.id === indicatorId),
  );
  return {
    names: index.areas.filter((area) => area.coldSpot).map((area) => nameOf(area.areaCode)),
    districtCount: districtCodes.length,
    indicatorLabels: used.map((indicator) => indicator.label),
    provenance: combinedProvenance(used.map((indicator) => indicator.provenance)),
  };
}

/** A partnership expected to fill less than this share of its places by the cycle's end is worth a look. */
export const LOW_FILL_RATE = 0.6;

export interface InYearSummary {
  monthName: string;
  allocated: number;
  recruited: number;
  /** Allocated places not yet filled (recruited beyond an allocation fills nothing else). */
  unfilled: number;
  fillRate: number | null;
  /** Places expected to stay unfilled at the end of the cycle, from each cell's recruitment forecast. */
  expectedUnfilled: number;
  /** Transfers proposed or agreed but not yet applied, declined or undone. */
  pendingTransfers: number;
  /** Partnerships expected to fill less than LOW_FILL_RATE of their places by the end, lowest first. */
  lowFill: { name: string; expectedFillRate: number }[];
}

export function inYearSummary(view: TrackingView, ledger: LedgerState): InYearSummary {
  const rates = fillRates(view.cells);
  const unfilled = view.cells.reduce(
    (sum, cell) => sum + Math.max(0, cell.allocation - cell.recruited),
    0,
  );
  const partnerships = expectedFillByPartnership(view.cells);
  const expectedFilled = partnerships.reduce((sum, entry) => sum + entry.expectedFilled, 0);
  const pendingTransfers = [...ledger.transfers.values()].filter(
    (record) => !isSettled(record.status),
  ).length;
  const lowFill = partnerships
    .map((entry) => ({
      name: entry.partnershipName,
      allocation: entry.allocation,
      expectedFillRate: entry.expectedFilled / entry.allocation,
    }))
    .filter((entry) => entry.allocation > 0 && entry.expectedFillRate < LOW_FILL_RATE)
    .map(({ name, expectedFillRate }) => ({ name, expectedFillRate }))
    .sort((a, b) => a.expectedFillRate - b.expectedFillRate);
  return {
    monthName: view.monthName,
    allocated: rates.region.allocation,
    recruited: rates.region.recruited,
    unfilled,
    fillRate: rates.region.fillRate,
    expectedUnfilled: rates.region.allocation - expectedFilled,
    pendingTransfers,
    lowFill,
  };
}
