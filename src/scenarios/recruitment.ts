/**
 * Recruitment as a share of allocation. The model plans the entry years not yet recruited so
 * that supply meets need (postgraduate entrants = NQT need). When a scenario says only a
 * share s of the places is filled, those years' entrants become s x the central NQT need,
 * and the shortfall is carried into later years' need as under-supply.
 *
 * Need in year t depends only on earlier years' entrants, so the years are settled in order:
 * run the central projection, fix year t's entrants from its need, and move on. Allocation is
 * set from the central projection, so the Monte Carlo draws then see these fixed entrants.
 */
import type { ModelInputs } from '../model/index.ts';

/** Central NQT need per cell for the given inputs (a spread-0 run in a worker or in Node). */
export type CentralNeed = (inputs: ModelInputs) => Promise<Float64Array>;

export async function applyRecruitmentShares(
  inputs: ModelInputs,
  shares: ReadonlyMap<number, Float64Array>,
  centralNeed: CentralNeed,
): Promise<ModelInputs> {
  if (shares.size === 0) return inputs;
  const { districtCount: A, groupCount: G, yearCount: Y } = inputs;
  let current: ModelInputs = { ...inputs, pipeline: inputs.pipeline.slice() };
  for (let t = 0; t < Y; t++) {
    const planned = [...shares.keys()].filter((g) =>
      Array.from({ length: A }, (_, a) => (a * G + g) * Y + t).some((i) =>
        Number.isNaN(current.pipeline[i]!),
      ),
    );
    if (planned.length === 0) continue;
    const need = await centralNeed(current);
    const pipeline = current.pipeline.slice();
    for (const g of planned) {
      const share = shares.get(g)![t]!;
      for (let a = 0; a < A; a++) {
        const i = (a * G + g) * Y + t;
        if (Number.isNaN(pipeline[i]!)) pipeline[i] = share * Math.max(0, need[i]!);
      }
    }
    current = { ...current, pipeline };
  }
  return current;
}
