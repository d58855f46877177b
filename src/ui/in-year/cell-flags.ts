/**
 * The flags the In-year table shows against a partnership x subject, in words (never colour
 * alone): at risk of under-filling, places releasable, candidates it can absorb, closed.
 */
import { cellKey, type TransferCell, type TransferPlan } from '../../redistribution/index.ts';

export type FlagKind = 'at-risk' | 'releasable' | 'can-absorb' | 'closed';

export interface CellFlag {
  kind: FlagKind;
  label: string;
}

/** GOV.UK tag colour of each flag (the label carries the meaning). */
export const FLAG_TAG_CLASS: Record<FlagKind, string> = {
  'at-risk': 'govuk-tag--red',
  releasable: 'govuk-tag--orange',
  'can-absorb': 'govuk-tag--green',
  closed: 'govuk-tag--grey',
};

/**
 * At risk: the median forecast falls short of the allocation (it is more likely than not to
 * under-fill). Releasable and can absorb: the places the transfer model found (a releasable
 * place is filled with a chance under the release threshold; an absorbed one over the absorb
 * threshold), so the flags and the proposals always agree.
 */
export function cellFlags(
  cell: TransferCell,
  model: Pick<TransferPlan['model'], 'releasable' | 'absorbable'> | null,
): CellFlag[] {
  const flags: CellFlag[] = [];
  const key = cellKey(cell.partnershipCode, cell.subject);
  if (!cell.open) flags.push({ kind: 'closed', label: 'Closed (stop notice)' });
  if (cell.forecast.p50 < cell.allocation) flags.push({ kind: 'at-risk', label: 'At risk' });
  const release = model?.releasable.get(key)?.length ?? 0;
  if (release > 0) flags.push({ kind: 'releasable', label: `Releasable: ${release}` });
  const absorb = model?.absorbable.get(key)?.length ?? 0;
  if (absorb > 0) flags.push({ kind: 'can-absorb', label: `Can absorb: ${absorb}` });
  return flags;
}
