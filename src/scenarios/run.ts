/**
 * Runs a prepared scenario: settles recruitment shares, runs the central projection (a
 * spread-0 draw, identical to the deterministic model), runs the Monte Carlo draws and keeps
 * what tables and comparisons need: totals with P10/P50/P90, the region's draws (so
 * differences between scenarios run with the same seed can be taken draw by draw), the
 * need components of every cell for the driver breakdown, and the mentor check.
 */
import {
  NEED_COMPONENTS,
  decomposeDrivers,
  type DeterministicResult,
  type ModelInputs,
  type NeedComponent,
  type Outputs,
  type Percentiles,
} from '../model/index.ts';
import { baseValues } from '../model/simulate.ts';
import {
  aggregateLayout,
  aggregateOf,
  aggregatePlan,
  aggregateRanges,
  regionDrawsOf,
  type AggregateLayout,
} from './aggregate.ts';
import type { ScenarioSetup } from './apply.ts';
import { mentorCheck, type MentorYear } from './mentors.ts';
import { applyRecruitmentShares } from './recruitment.ts';
import type { ModelRunner } from './runner.ts';
import type { RunSettings, Scenario } from './schema-v2.ts';

export const NEED_OUTPUTS = ['nqtNeed', 'traineeNeed'] as const;
export type NeedOutput = (typeof NEED_OUTPUTS)[number];

export interface ScenarioResult {
  scenario: Scenario;
  run: RunSettings;
  layout: AggregateLayout;
  /** Central projection, aggregated (see aggregate.ts). */
  central: Record<NeedOutput, Float64Array>;
  /** P10/P50/P90 over the draws, aggregated; null when the run had no draws. */
  ranges: Record<NeedOutput, Percentiles> | null;
  /** The region's aggregated draws (subjects x years per draw); null without draws. */
  regionDraws: Record<NeedOutput, Float64Array> | null;
  /** Per model cell: central need, its components (NQT FTE) and conversion (trainees -> NQTs). */
  cells: {
    nqtNeed: Float64Array;
    components: Record<NeedComponent, Float64Array>;
    conversion: Float64Array;
  };
  /** Mentor places against ECTs by year; null when the scenario sets no mentor capacity. */
  mentors: MentorYear[] | null;
}

export type RunProgress = (stage: string, fraction: number) => void;

function abortIfNeeded(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw new DOMException('The model run was cancelled.', 'AbortError');
}

async function central(runner: ModelRunner, inputs: ModelInputs): Promise<DeterministicResult> {
  const draw = await runner.runDraws(inputs, { seed: 1, drawCount: 1, spread: 0 });
  return { base: baseValues(inputs), outputs: draw.outputs as Outputs };
}

/** Trainees per NQT need of each cell: 1 / (FTE per head x completion x employment). */
function conversionOf(inputs: ModelInputs): Float64Array {
  const { groupCount: G, yearCount: Y } = inputs;
  return Float64Array.from({ length: inputs.cellCount }, (_, i) => {
    const g = Math.floor(i / Y) % G;
    const ph = inputs.groupPhase[g]!;
    return inputs.ftePerHead[ph]! * inputs.completionRate[g]! * inputs.employmentRate[g]!;
  });
}

export async function runScenario(
  setup: ScenarioSetup,
  runner: ModelRunner,
  options: { signal?: AbortSignal; onProgress?: RunProgress } = {},
): Promise<ScenarioResult> {
  const { signal, onProgress } = options;
  const { run } = setup;
  onProgress?.('Planning recruitment', 0);
  const inputs = await applyRecruitmentShares(
    setup.inputs,
    setup.recruitmentShares,
    async (current) => {
      abortIfNeeded(signal);
      return (await central(runner, current)).outputs.nqtNeed;
    },
  );
  abortIfNeeded(signal);
  onProgress?.('Central projection', 0.05);
  const centralRun = await central(runner, inputs);
  const drivers = decomposeDrivers(inputs, centralRun);
  const layout = aggregateLayout(inputs);
  const centralTotals = {
    nqtNeed: aggregateOf(inputs, centralRun.outputs.nqtNeed),
    traineeNeed: aggregateOf(inputs, centralRun.outputs.traineeNeed),
  };
  let ranges: ScenarioResult['ranges'] = null;
  let regionDraws: ScenarioResult['regionDraws'] = null;
  if (run.draws > 0) {
    abortIfNeeded(signal);
    // The workers give each cell's range and keep only the multi-cell totals draw by draw.
    const plan = aggregatePlan(inputs);
    const draws = await runner.summariseRun(
      inputs,
      {
        seed: run.seed,
        drawCount: run.draws,
        spread: run.spread,
        outputs: NEED_OUTPUTS,
        totals: plan.totals,
      },
      (done, total) =>
        onProgress?.(`Monte Carlo draws: ${done} of ${total}`, 0.1 + (0.8 * done) / total),
    );
    abortIfNeeded(signal);
    onProgress?.('Uncertainty ranges', 0.9);
    const totalRanges = await runner.summariseTotals(draws);
    const rangesOf = (output: NeedOutput) =>
      aggregateRanges(plan, draws.ranges[output]!, totalRanges[output]!);
    ranges = { nqtNeed: rangesOf('nqtNeed'), traineeNeed: rangesOf('traineeNeed') };
    regionDraws = {
      nqtNeed: regionDrawsOf(plan, draws.totals.nqtNeed!, run.draws),
      traineeNeed: regionDrawsOf(plan, draws.totals.traineeNeed!, run.draws),
    };
  }
  onProgress?.('Done', 1);
  return {
    scenario: setup.scenario,
    run,
    layout,
    central: centralTotals,
    ranges,
    regionDraws,
    cells: {
      nqtNeed: centralRun.outputs.nqtNeed,
      components: Object.fromEntries(
        NEED_COMPONENTS.map((name) => [name, drivers.components[name]]),
      ) as Record<NeedComponent, Float64Array>,
      conversion: conversionOf(inputs),
    },
    mentors: setup.mentorPlaces
      ? mentorCheck(inputs, centralRun.outputs, setup.mentorPlaces, setup.parameters.inductionYears)
      : null,
  };
}
