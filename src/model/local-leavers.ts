/**
 * Local leaver rates: where a district's own leavers are known, its leaver rates are shrunk
 * from the national rate toward them by how much evidence it has.
 */
import type { SubjectGroup } from '../data/types.ts';
import { ModelInputError } from './errors.ts';
import { CAREER_STAGES, type ModelParameters } from './parameter-types.ts';

/** Career stages per cell (STAGE_COUNT of inputs.ts, which imports this module). */
const K = CAREER_STAGES.length;

/**
 * Shrinks a district's leaver rates toward the national rate where local leavers are known
 * (Buhlmann credibility, an empirical-Bayes estimate): with national rate p, local exposure n
 * FTE and local rate x = leavers / n,
 *   shrunk = Z x + (1 - Z) p,  Z = n / (n + k),  k = p (1 - p) / tau^2,
 * where p (1 - p) is the binomial within-area variance of one FTE and tau the between-area SD
 * of true rates (`leaverRateBetweenAreaSd`). Small districts (small n) stay near p. Every stage
 * rate of the cell is scaled by shrunk / p, keeping the national career-stage pattern.
 */
export function applyLocalLeavers(
  p: ModelParameters,
  districtIndex: Map<string, number>,
  groupIndex: Map<SubjectGroup, number>,
  baseStock: Float64Array,
  leaverRates: Float64Array,
  G: number,
) {
  const pooled = new Map<number, { leavers: number; stock: number }>();
  p.localLeavers.forEach((row, i) => {
    const a = districtIndex.get(row.districtCode);
    if (a === undefined) {
      throw new ModelInputError(
        `localLeavers[${i}].districtCode`,
        `"${row.districtCode}" is not a district of the dataset`,
      );
    }
    const cell = a * G + groupIndex.get(row.subject)!;
    const sum = pooled.get(cell) ?? { leavers: 0, stock: 0 };
    sum.leavers += row.leaversFte;
    sum.stock += row.stockFte;
    pooled.set(cell, sum);
  });
  const tau2 = p.leaverRateBetweenAreaSd ** 2;
  for (const [cell, { leavers, stock }] of pooled) {
    if (stock <= 0) continue;
    let stockTotal = 0;
    let nationalLeavers = 0;
    for (let k = 0; k < K; k++) {
      stockTotal += baseStock[cell * K + k]!;
      nationalLeavers += baseStock[cell * K + k]! * leaverRates[cell * K + k]!;
    }
    const nationalRate = stockTotal > 0 ? nationalLeavers / stockTotal : 0;
    if (nationalRate <= 0) continue;
    const credibilityConstant = (nationalRate * (1 - nationalRate)) / tau2;
    const weight = stock / (stock + credibilityConstant);
    const shrunk = weight * (leavers / stock) + (1 - weight) * nationalRate;
    const scale = shrunk / nationalRate;
    for (let k = 0; k < K; k++) {
      leaverRates[cell * K + k] = Math.min(1, leaverRates[cell * K + k]! * scale);
    }
  }
}

/** Credibility weight Z of a local leaver observation (exported for tests and the UI). */
export function credibilityWeight(
  stockFte: number,
  nationalRate: number,
  betweenAreaSd: number,
): number {
  const k = (nationalRate * (1 - nationalRate)) / betweenAreaSd ** 2;
  return stockFte / (stockFte + k);
}
