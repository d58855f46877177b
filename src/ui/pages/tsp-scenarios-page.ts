import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import {
  describeIssues,
  parseScenarioText,
  type Scenario,
  type ScenarioResult,
} from '../../scenarios/index.ts';
import { ROUTES } from '../routes.ts';
import { fileBytes } from '../upload.ts';
import {
  alignedForComparison,
  editedEntry,
  fileEntry,
  linkedEntry,
  savedEntries,
  shippedEntries,
} from '../scenarios/scenario-entries.ts';
import { ScenarioRunner } from '../scenarios/scenario-runner.ts';
import { ScenarioStore } from '../../storage/scenario-store.ts';
import type { ScenarioEntry } from '../scenarios/tsp-scenario-picker.ts';
import '../scenarios/tsp-lever-form.ts';
import '../scenarios/tsp-run-status.ts';
import '../scenarios/tsp-scenario-banners.ts';
import '../scenarios/tsp-scenario-compare.ts';
import '../scenarios/tsp-scenario-picker.ts';
import '../scenarios/tsp-scenario-results.ts';
import '../scenarios/tsp-scenario-share.ts';
import { RunController } from '../../runtime/run-controller.ts';
import { hiddenStatus } from '../govuk-button.ts';

/**
 * The scenario workbench: choose a scenario (shipped, saved, from a file or a shared link),
 * edit its levers, run it in the model workers with progress and cancel, save, download and
 * share it, and compare two to four scenarios with their differences and drivers.
 *
 * @summary Scenarios page.
 */
@customElement('tsp-scenarios-page')
export class TspScenariosPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  /** Empty until the shipped scenarios are read (a formula among them loads the parser). */
  @state() private entries: ScenarioEntry[] = [];
  @state() private selectedId = 'baseline';
  @state() private problems: string[] = [];
  @state() private notice = '';
  @state() private status = '';
  @state() private results: ScenarioResult[] = [];
  private runner: ScenarioRunner | undefined;
  private readonly runs = new RunController(this);
  private readonly store = new ScenarioStore();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadEntries();
  }

  override disconnectedCallback(): void {
    this.runner?.dispose();
    super.disconnectedCallback();
  }

  private get selected(): ScenarioEntry {
    return this.entries.find((entry) => entry.id === this.selectedId) ?? this.entries[0]!;
  }

  private addEntry(entry: ScenarioEntry): void {
    this.entries = [...this.entries.filter((other) => other.id !== entry.id), entry];
    this.selectedId = entry.id;
  }

  private showProblems(lines: string[]): void {
    this.problems = lines;
    this.notice = '';
    void this.updateComplete.then(() =>
      this.querySelector('tsp-scenario-banners')?.focusProblems(),
    );
  }

  /** Shipped scenarios first, then a shared link's (selected), then those saved in this browser. */
  private async loadEntries(): Promise<void> {
    try {
      this.entries = [...(await shippedEntries()), ...this.entries];
    } catch (error) {
      this.showProblems([`The shipped scenarios could not be read: ${(error as Error).message}`]);
      return;
    }
    await this.openPermalink();
    await this.loadSaved();
  }

  private async openPermalink(): Promise<void> {
    const linked = await linkedEntry(location.search);
    if (linked === undefined) return;
    if (!linked.ok) {
      this.showProblems(linked.problems);
      return;
    }
    this.addEntry(linked.entry);
    this.status = `Scenario “${linked.entry.scenario.name}” restored from the shared link.`;
  }

  private async loadSaved(): Promise<void> {
    try {
      const { saved, problems } = await this.store.list();
      const others = this.entries.filter((entry) => entry.origin !== 'saved');
      this.entries = [...others, ...savedEntries(saved)];
      if (problems.length > 0) this.showProblems(problems);
    } catch (error) {
      this.showProblems([
        `Saved scenarios could not be read from this browser: ${(error as Error).message}`,
      ]);
    }
  }

  private async onUpload(file: File): Promise<void> {
    const loaded = await parseScenarioText(await fileBytes(file));
    if (!loaded.ok) {
      this.showProblems(describeIssues(loaded.issues, file.name));
      return;
    }
    this.problems = [];
    this.addEntry(fileEntry(loaded.scenario, file.name));
    this.status = `Opened “${loaded.scenario.name}” from ${file.name}.`;
  }

  private async onSave(scenario: Scenario): Promise<void> {
    try {
      const record = await this.store.save(scenario);
      await this.loadSaved();
      this.selectedId = record.id;
      this.problems = [];
      this.notice = `“${scenario.name}” is saved in this browser.`;
      this.status = this.notice;
    } catch (error) {
      this.showProblems([
        `The scenario could not be saved in this browser: ${(error as Error).message}`,
      ]);
    }
  }

  /** Runs scenarios one after another in the workers; results replace the last ones only when all finish. */
  private async runAll(scenarios: Scenario[]): Promise<void> {
    const region = this.region;
    if (!region) return;
    const runner = (this.runner ??= new ScenarioRunner());
    this.problems = [];
    this.notice = '';
    const run = await this.runs.run(({ signal, progress }) =>
      runner.runInTurn(scenarios, region, signal, {
        onStart: (scenario) => (this.status = `Running ${scenario.name}.`),
        onProgress: (stage, fraction) => progress(fraction, 1, stage),
      }),
    );
    if (run.status === 'cancelled') {
      this.status = 'Run cancelled. The results shown before are unchanged.';
    } else if (run.status === 'failed') {
      this.showProblems([`The model run failed: ${run.message}`]);
    } else if (run.status === 'done' && !run.value.ok) {
      const outcome = run.value;
      this.showProblems(describeIssues(outcome.issues, outcome.scenario.name));
      this.status = 'The run stopped: a scenario has a problem.';
    } else if (run.status === 'done' && run.value.ok) {
      this.results = run.value.results;
      this.status = `Run finished: ${scenarios.map((s) => s.name).join(', ')}. Results are below.`;
      void this.updateComplete.then(() =>
        this.querySelector('tsp-scenario-results')?.focusHeading(),
      );
    }
  }

  private onRun(scenario: Scenario): void {
    this.addEntry(editedEntry(scenario));
    void this.runAll([scenario]);
  }

  private onCompare(ids: string[]): void {
    const chosen = ids.map((id) => this.entries.find((entry) => entry.id === id)!.scenario);
    void this.runAll(alignedForComparison(chosen));
  }

  protected override render(): TemplateResult {
    const heading = html`<h1 class="govuk-heading-l">${ROUTES.scenarios.title}</h1>`;
    if (!this.region || this.entries.length === 0) {
      return html`<tsp-scenario-banners .problems=${this.problems}></tsp-scenario-banners>
        ${heading}
        <p class="govuk-body" role="status">Loading the regional data and scenarios…</p>`;
    }
    const selected = this.selected;
    return html`<tsp-scenario-banners
        .problems=${this.problems}
        notice=${this.notice}
      ></tsp-scenario-banners>
      ${heading}
      <p class="govuk-body-l">
        Set up a “what if” case, run it, compare it with the baseline and others, share it and take
        the numbers away.
      </p>
      ${hiddenStatus(this.status, 'scenarios-status')}
      <h2 class="govuk-heading-m">1. Choose a scenario</h2>
      <tsp-scenario-picker
        .entries=${this.entries}
        selectedId=${selected.id}
        @tsp-pick=${(e: CustomEvent<{ id: string }>) => (this.selectedId = e.detail.id)}
        @tsp-upload=${(e: CustomEvent<{ file: File }>) => void this.onUpload(e.detail.file)}
      ></tsp-scenario-picker>
      <h2 class="govuk-heading-m">2. Set the levers and run</h2>
      <tsp-lever-form
        .scenario=${selected.scenario}
        .region=${this.region}
        ?running=${this.runs.running}
        @tsp-run=${(e: CustomEvent<{ scenario: Scenario }>) => this.onRun(e.detail.scenario)}
      ></tsp-lever-form>
      <tsp-run-status
        ?running=${this.runs.running}
        stage=${this.runs.stage}
        fraction=${this.runs.fraction}
        @tsp-cancel=${() => this.runs.cancel()}
      ></tsp-run-status>
      <h2 class="govuk-heading-m">3. Save and share</h2>
      <p class="govuk-body">
        Saves, downloads or links the scenario chosen above (after a run, your edited version).
      </p>
      <tsp-scenario-share
        .scenario=${selected.scenario}
        @tsp-save=${(e: CustomEvent<{ scenario: Scenario }>) => void this.onSave(e.detail.scenario)}
      ></tsp-scenario-share>
      <h2 class="govuk-heading-m">4. Compare scenarios</h2>
      <tsp-scenario-compare
        .entries=${this.entries}
        ?running=${this.runs.running}
        @tsp-compare=${(e: CustomEvent<{ ids: string[] }>) => this.onCompare(e.detail.ids)}
      ></tsp-scenario-compare>
      <tsp-scenario-results .results=${this.results}></tsp-scenario-results>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenarios-page': TspScenariosPage;
  }
}
