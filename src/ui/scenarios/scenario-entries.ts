/**
 * The scenarios the Scenarios page offers, built from where each came from (shipped, saved,
 * a shared link, a file, the user's edits), and the scenarios of a comparison. No DOM, so the
 * page keeps only its state and its wiring.
 */
import {
  DEFAULT_RUN,
  PERMALINK_PARAMETER,
  decodePermalink,
  describePermalinkIssues,
  shippedScenarios,
  type Scenario,
} from '../../scenarios/index.ts';
import type { SavedScenario } from '../../storage/scenario-store.ts';
import type { ScenarioEntry } from './tsp-scenario-picker.ts';

/** The scenarios shipped with the service, named after their files. */
export async function shippedEntries(): Promise<ScenarioEntry[]> {
  return (await shippedScenarios()).map(({ file, scenario }) => ({
    id: file.replace(/\.json$/, ''),
    label: scenario.name,
    origin: 'shipped',
    scenario,
  }));
}

/** Saved scenarios, labelled with when they were saved so two of one name can be told apart. */
export function savedEntries(saved: readonly SavedScenario[]): ScenarioEntry[] {
  return saved.map((record) => ({
    id: record.id,
    label: `${record.scenario.name} (saved ${record.savedAt.slice(0, 16).replace('T', ' ')})`,
    origin: 'saved',
    scenario: record.scenario,
  }));
}

/** The scenarios with the first one's seed and draws, so differences can be taken draw by draw. */
export function alignedForComparison(scenarios: readonly Scenario[]): Scenario[] {
  const base = scenarios[0]?.run ?? DEFAULT_RUN;
  return scenarios.map((s) => ({
    ...s,
    run: { ...(s.run ?? DEFAULT_RUN), seed: base.seed, draws: base.draws },
  }));
}

/**
 * The scenario a shared link in the page's query string carries, or the problems that stop it
 * opening; undefined when there is no link.
 */
export async function linkedEntry(
  search: string,
): Promise<{ ok: true; entry: ScenarioEntry } | { ok: false; problems: string[] } | undefined> {
  const encoded = new URLSearchParams(search).get(PERMALINK_PARAMETER);
  if (encoded === null) return undefined;
  const decoded = await decodePermalink(encoded);
  if (!decoded.ok) {
    return {
      ok: false,
      problems: [...describePermalinkIssues(decoded.issues), 'The baseline is shown instead.'],
    };
  }
  const { scenario } = decoded;
  return { ok: true, entry: { id: 'link', label: scenario.name, origin: 'link', scenario } };
}

/** A scenario opened from a file; opening the same file name again replaces it. */
export const fileEntry = (scenario: Scenario, fileName: string): ScenarioEntry => ({
  id: `file-${fileName}`,
  label: scenario.name,
  origin: 'file',
  scenario,
});

/** The user's edits as last run; there is one, so each run replaces it. */
export const editedEntry = (scenario: Scenario): ScenarioEntry => ({
  id: 'edited',
  label: `${scenario.name} (edited)`,
  origin: 'edited',
  scenario,
});
