/**
 * In-year KPIs: fill rates by partnership, subject and region; places moved; forecast regional
 * recruitment before and after proposed transfers; and the end-of-year track record
 * (recruited / allocated) as EES tidy CSV rows for next year's allocation.
 */
import { ACADEMIC_YEAR, eesColumns, eesLocation } from '../data/ees.ts';
import { formatCsvRecords } from '../data/csv-writer.ts';
import { expectedCapped } from './forecast.ts';
import type { LedgerState } from './ledger.ts';
import { cellKey, returnsForMonth, type ReturnsState } from './returns.ts';
import type { TransferCell, TransferProposal } from './transfer-model.ts';

export interface FillRate {
  /** Partnership code, subject, or 'Total' for the region. */
  label: string;
  allocation: number;
  recruited: number;
  /** recruited / allocation, or null when nothing is allocated. */
  fillRate: number | null;
}

export interface FillRates {
  byPartnership: FillRate[];
  bySubject: FillRate[];
  region: FillRate;
}

function rate(label: string, rows: readonly TransferCell[]): FillRate {
  const allocation = rows.reduce((s, c) => s + c.allocation, 0);
  const recruited = rows.reduce((s, c) => s + c.recruited, 0);
  return { label, allocation, recruited, fillRate: allocation > 0 ? recruited / allocation : null };
}

function groupRates(cells: readonly TransferCell[], by: (c: TransferCell) => string): FillRate[] {
  const groups = new Map<string, TransferCell[]>();
  for (const cell of cells) groups.set(by(cell), [...(groups.get(by(cell)) ?? []), cell]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, rows]) => rate(label, rows));
}

export function fillRates(cells: readonly TransferCell[]): FillRates {
  return {
    byPartnership: groupRates(cells, (c) => c.partnershipCode),
    bySubject: groupRates(cells, (c) => c.subject),
    region: rate('Total', cells),
  };
}

export interface ExpectedFill {
  partnershipCode: string;
  partnershipName: string;
  allocation: number;
  /** Places the recruitment forecast expects filled by the end of the cycle. */
  expectedFilled: number;
}

/**
 * Each partnership's places and those expected filled by the end of the cycle: E[min(final,
 * allocation)] summed over its subjects. Recruitment beyond a cell's allocation fills none of
 * its places, hence the cap.
 */
export function expectedFillByPartnership(
  cells: readonly Pick<
    TransferCell,
    'partnershipCode' | 'partnershipName' | 'allocation' | 'forecast'
  >[],
): ExpectedFill[] {
  const byPartnership = new Map<string, ExpectedFill>();
  for (const cell of cells) {
    const entry = byPartnership.get(cell.partnershipCode) ?? {
      partnershipCode: cell.partnershipCode,
      partnershipName: cell.partnershipName,
      allocation: 0,
      expectedFilled: 0,
    };
    entry.allocation += cell.allocation;
    entry.expectedFilled += expectedCapped(cell.forecast, cell.allocation);
    byPartnership.set(cell.partnershipCode, entry);
  }
  return [...byPartnership.values()];
}

/** Places currently moved by applied (and not undone) transfers. */
export function placesMoved(ledger: LedgerState): number {
  let total = 0;
  for (const record of ledger.transfers.values())
    if (record.status === 'applied') total += record.terms.places;
  return total;
}

export interface RecruitmentOutlook {
  /** Expected regional recruitment with current allocations: sum of E[min(final, limit)]. */
  before: number;
  /** The same if the proposals were applied (limits moved by the places). */
  after: number;
}

/** Forecast regional recruitment before and after a set of proposed transfers. */
export function recruitmentOutlook(
  cells: readonly TransferCell[],
  proposals: readonly TransferProposal[],
): RecruitmentOutlook {
  const change = new Map<string, number>();
  for (const p of proposals) {
    const from = cellKey(p.from.partnershipCode, p.from.subject);
    const to = cellKey(p.to.partnershipCode, p.to.subject);
    change.set(from, (change.get(from) ?? 0) - p.places);
    change.set(to, (change.get(to) ?? 0) + p.places);
  }
  let before = 0;
  let after = 0;
  for (const cell of cells) {
    before += expectedCapped(cell.forecast, cell.limit);
    after += expectedCapped(
      cell.forecast,
      cell.limit + (change.get(cellKey(cell.partnershipCode, cell.subject)) ?? 0),
    );
  }
  return { before, after };
}

export interface TrackRecordRow {
  time_period: string;
  time_identifier: string;
  geographic_level: string;
  country_code: string;
  country_name: string;
  partnership_code: string;
  partnership_name: string;
  subject: string;
  allocation_count: string;
  recruited_count: string;
  track_record_ratio: string;
}

/**
 * End-of-year track record per partnership x subject: final allocation (after transfers, from
 * the ledger when it has one) and recruitment at the last month returned, as EES rows. The
 * ratio is 'z' (not applicable) where nothing was allocated.
 */
export function trackRecordRows(
  returns: ReturnsState,
  ledger: LedgerState | null,
  timePeriod: string,
): TrackRecordRow[] {
  const months = returns.returns
    .filter((r) => r.timePeriod === timePeriod)
    .map((r) => r.monthIndex);
  if (months.length === 0) return [];
  const lastMonth = Math.max(...months);
  return returnsForMonth(returns, timePeriod, lastMonth).map((r) => {
    const allocation =
      ledger?.allocations.get(cellKey(r.partnershipCode, r.subject))?.places ?? r.allocation;
    return {
      time_period: timePeriod,
      time_identifier: ACADEMIC_YEAR,
      ...eesLocation('Regional'),
      partnership_code: r.partnershipCode,
      partnership_name: r.partnershipName,
      subject: r.subject,
      allocation_count: String(allocation),
      recruited_count: String(r.recruited),
      track_record_ratio: allocation > 0 ? (r.recruited / allocation).toFixed(3) : 'z',
    };
  });
}

export function trackRecordCsv(rows: readonly TrackRecordRow[]): string {
  return formatCsvRecords(
    [...rows],
    [
      ...eesColumns(),
      'partnership_code',
      'partnership_name',
      'subject',
      'allocation_count',
      'recruited_count',
      'track_record_ratio',
    ],
  );
}
