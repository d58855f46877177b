/**
 * The scenario files shipped in scenarios/, bundled with the app (they are small). Each is
 * loaded through the same strict loader as an uploaded file, so a broken shipped file fails
 * loudly in the tests rather than quietly in the page.
 */
import baseline from '../../scenarios/baseline.json';
import fallingPrimaryRolls from '../../scenarios/falling-primary-rolls.json';
import improvedEarlyCareerRetention from '../../scenarios/improved-early-career-retention.json';
import internationalIqtsInflow from '../../scenarios/international-iqts-inflow.json';
import oneYearInduction from '../../scenarios/one-year-induction-counterfactual.json';
import professionalDevelopment from '../../scenarios/professional-development-entitlement.json';
import shortageSubjects from '../../scenarios/shortage-subject-under-recruitment.json';
import twoYearInduction from '../../scenarios/two-year-induction.json';
import { describeIssues, loadScenario } from './load.ts';
import type { Scenario } from './schema-v2.ts';

export interface ShippedScenario {
  /** File name in scenarios/, also the scenario's id in the page. */
  file: string;
  scenario: Scenario;
}

/** File name and parsed JSON of every shipped scenario, baseline first. */
export const SHIPPED_FILES: readonly { file: string; json: unknown }[] = [
  { file: 'baseline.json', json: baseline },
  { file: 'falling-primary-rolls.json', json: fallingPrimaryRolls },
  { file: 'improved-early-career-retention.json', json: improvedEarlyCareerRetention },
  { file: 'two-year-induction.json', json: twoYearInduction },
  { file: 'one-year-induction-counterfactual.json', json: oneYearInduction },
  { file: 'international-iqts-inflow.json', json: internationalIqtsInflow },
  { file: 'shortage-subject-under-recruitment.json', json: shortageSubjects },
  { file: 'professional-development-entitlement.json', json: professionalDevelopment },
];

export function shippedScenarios(): Promise<ShippedScenario[]> {
  return Promise.all(
    SHIPPED_FILES.map(async ({ file, json }) => {
      const loaded = await loadScenario(json);
      if (!loaded.ok) {
        throw new Error(describeIssues(loaded.issues, `scenarios/${file}`).join('\n'));
      }
      return { file, scenario: loaded.scenario };
    }),
  );
}
