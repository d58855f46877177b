/**
 * Mentor capacity check. Every ECT needs a trained mentor (Early Career Framework), so in
 * year t the region needs mentors for ECT1(t) + ECT2(t) (only ECT1 with a one-year induction,
 * none without induction). From the central run, per cell:
 *   ECT1(t) = newly qualified entrants of year t (postgraduate + other routes),
 *   ECT2(t) = ECT1(t-1) x (1 - ECT1 leaver rate - working-hour loss), ECT1(-1) = base ECT1 stock.
 * ECTs beyond the places (mentors x ECTs per mentor) are flagged; the model's need is unchanged,
 * since need is what schools require whether or not mentors can be found.
 */
import type { ModelInputs, Outputs } from '../model/index.ts';

export interface MentorYear {
  year: string;
  ects: number;
  places: number;
  /** ECTs without a mentor place (0 when capacity suffices). */
  unmentored: number;
}

const STAGES = 5;

export function mentorCheck(
  inputs: ModelInputs,
  outputs: Pick<Outputs, 'postgraduateEntrants' | 'otherRouteEntrants'>,
  places: Float64Array,
  inductionYears: number,
): MentorYear[] {
  const { districtCount: A, groupCount: G, yearCount: Y } = inputs;
  const ects = new Float64Array(Y);
  for (let area = 0; area < A * G; area++) {
    const ph = inputs.groupPhase[area % G]!;
    const leaveRate = Math.min(1, inputs.leaverRates[area * STAGES]!);
    const stayRate = 1 - leaveRate - Math.min(inputs.workingHourLossRate[ph]!, 1 - leaveRate);
    let previousEct1 = inputs.baseStock[area * STAGES]!;
    for (let t = 0; t < Y; t++) {
      const i = area * Y + t;
      const ect1 = outputs.postgraduateEntrants[i]! + outputs.otherRouteEntrants[i]!;
      const ect2 = previousEct1 * stayRate;
      if (inductionYears >= 1) ects[t]! += ect1;
      if (inductionYears >= 2) ects[t]! += ect2;
      previousEct1 = ect1;
    }
  }
  return inputs.years.map((year, t) => ({
    year,
    ects: ects[t]!,
    places: places[t]!,
    unmentored: Math.max(0, ects[t]! - places[t]!),
  }));
}
