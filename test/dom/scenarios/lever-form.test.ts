import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRegionDataset } from '../../../src/data/load.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import { loadScenario, shippedScenarios, type Scenario } from '../../../src/scenarios/index.ts';
import { draftOf, scenarioFromDraft } from '../../../src/ui/scenarios/lever-draft.ts';
import '../../../src/ui/scenarios/tsp-lever-form.ts';
import type { TspLeverForm } from '../../../src/ui/scenarios/tsp-lever-form.ts';

let region: RegionDataset;
beforeAll(async () => {
  // jsdom's URL cannot make file paths, so read data/ relative to this test's folder.
  const dataDir = join(import.meta.dirname, '../../../data');
  region = (await loadRegionDataset((path) => readFile(join(dataDir, path), 'utf8'))).dataset;
});

const shipped = await shippedScenarios();

describe('the lever form draft', () => {
  it.each(shipped.map((s) => s.scenario))('round-trips the levers of "$name"', async (scenario) => {
    const loaded = await loadScenario(
      scenarioFromDraft(scenario, scenario.name, scenario.description, draftOf(scenario)),
    );
    expect(loaded.ok && loaded.scenario).toEqual(scenario);
  });
});

async function mount(scenario: Scenario): Promise<TspLeverForm> {
  document.body.innerHTML = '';
  const form = document.createElement('tsp-lever-form');
  form.scenario = scenario;
  form.region = region;
  document.body.append(form);
  await form.updateComplete;
  return form;
}

function type(form: TspLeverForm, id: string, value: string) {
  const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** Submits and waits for the outcome: a run event, or the error summary. */
async function submit(form: TspLeverForm) {
  const ran = new Promise((resolve) => form.addEventListener('tsp-run', resolve, { once: true }));
  form.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  await Promise.race([
    ran,
    vi.waitFor(() => expect(form.querySelector('.govuk-error-summary')).not.toBeNull()),
  ]);
  await form.updateComplete;
}

describe('tsp-lever-form', () => {
  const baseline = shipped[0]!.scenario;

  it('labels every lever input and shows its unit, range and default', async () => {
    const form = await mount(baseline);
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input[type="text"]')];
    expect(inputs.length).toBeGreaterThan(20);
    for (const input of inputs) {
      expect(form.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
    expect(form.querySelector('#lever-leaverRateMultipliers-ect1-hint')!.textContent).toMatch(
      /From 0 to 3\. Default: 1/,
    );
  });

  it('lists bad values in an error summary linked to the fields, and runs nothing', async () => {
    const form = await mount(baseline);
    const runs: unknown[] = [];
    form.addEventListener('tsp-run', (event) => runs.push((event as CustomEvent).detail));
    type(form, 'lever-leaverRateMultipliers-ect1', '5');
    type(form, 'lever-newToSectorMultiplier', 'max(1, sqrt(4))');
    await submit(form);
    const links = [...form.querySelectorAll<HTMLAnchorElement>('.govuk-error-summary a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent!.trim()])).toEqual([
      [
        '#lever-leaverRateMultipliers-ect1',
        'Leaving rate multiplier: early career teachers in their first year (ECT1) must be between 0 and 3 (got 5)',
      ],
      [
        '#lever-newToSectorMultiplier',
        'New to state-funded sector multiplier: "sqrt(4)" is not allowed: only numbers, + - * / ^, min, max, year and t',
      ],
    ]);
    expect(
      form
        .querySelector('#lever-leaverRateMultipliers-ect1')!
        .classList.contains('govuk-input--error'),
    ).toBe(true);
    expect(runs).toEqual([]);
  });

  it('refuses a formula that leaves the range in a projection year', async () => {
    const form = await mount(baseline);
    type(form, 'lever-returnerMultiplier', '1 + t');
    await submit(form);
    expect(form.querySelector('.govuk-error-summary')!.textContent).toContain(
      'Returners to teaching multiplier: gives 4 in 2027/28; it must be between 0 and 3',
    );
  });

  it('sends a valid edited scenario to run, saying it was edited and leaving out the original evidence', async () => {
    const shortage = shipped.find(
      (s) => s.file === 'shortage-subject-under-recruitment.json',
    )!.scenario;
    const form = await mount(shortage);
    const runs: Scenario[] = [];
    form.addEventListener('tsp-run', (event) => runs.push((event as CustomEvent).detail.scenario));
    type(form, 'lever-leaverRateMultipliers-ect1', '0.9');
    type(form, 'lever-run-draws', '50');
    await submit(form);
    expect(form.querySelector('.govuk-error-summary')).toBeNull();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.levers.leaverRateMultipliers).toEqual({ ect1: 0.9 });
    expect(runs[0]!.levers.recruitmentShare).toEqual(shortage.levers.recruitmentShare);
    expect(runs[0]!.run).toEqual({ draws: 50, spread: 1, seed: 1 });
    // The original's words and evidence were for its levers, not these.
    expect(runs[0]!.description).toMatch(new RegExp(`^Edited from “${shortage.name}”`));
    expect(runs[0]!.evidence).toBeUndefined();
  });

  it('keeps a description the user writes, and the evidence of an unchanged scenario', async () => {
    const shortage = shipped.find(
      (s) => s.file === 'shortage-subject-under-recruitment.json',
    )!.scenario;
    const form = await mount(shortage);
    const runs: Scenario[] = [];
    form.addEventListener('tsp-run', (event) => runs.push((event as CustomEvent).detail.scenario));
    await submit(form);
    expect(runs[0]!.description).toBe(shortage.description);
    expect(runs[0]!.evidence).toEqual(shortage.evidence);
    const description = form.querySelector<HTMLTextAreaElement>('#scenario-description')!;
    description.value = 'Physics completion lower still.';
    description.dispatchEvent(new Event('input'));
    type(form, 'lever-leaverRateMultipliers-ect1', '0.9');
    await submit(form);
    expect(runs[1]!.description).toBe('Physics completion lower still.');
    expect(runs[1]!.evidence).toBeUndefined();
  });
});
