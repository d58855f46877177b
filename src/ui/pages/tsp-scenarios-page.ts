import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import {
  DEFAULT_RUN,
  PERMALINK_PARAMETER,
  decodePermalink,
  describeIssues,
  describePermalinkIssues,
  parseScenarioText,
  shippedScenarios,
  type Scenario,
  type ScenarioResult,
} from '../../scenarios/index.ts';
import { ROUTES } from '../routes.ts';
import { ScenarioRunner } from '../scenarios/scenario-runner.ts';
import { ScenarioStore } from '../scenarios/scenario-store.ts';
import type { ScenarioEntry } from '../scenarios/tsp-scenario-picker.ts';
import '../scenarios/tsp-comparison-results.ts';
import '../scenarios/tsp-lever-form.ts';
import '../scenarios/tsp-run-status.ts';
import '../scenarios/tsp-scenario-compare.ts';
import '../scenarios/tsp-scenario-picker.ts';
import '../scenarios/tsp-scenario-share.ts';

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

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
  @state() private entries: ScenarioEntry[] = shippedScenarios().map(({ file, scenario }) => ({
    id: file.replace(/\.json$/, ''),
    label: scenario.name,
    origin: 'shipped',
    scenario,
  }));
  @state() private selectedId = 'baseline';
  @state() private problems: string[] = [];
  @state() private notice = '';
  @state() private status = '';
  @state() private running = false;
  @state() private stage = '';
  @state() private fraction = 0;
  @state() private results: ScenarioResult[] = [];
  private runner: ScenarioRunner | undefined;
  private abort: AbortController | undefined;
  private readonly store = new ScenarioStore();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.openPermalink();
    void this.loadSaved();
  }

  override disconnectedCallback(): void {
    this.abort?.abort();
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
      this.querySelector<HTMLElement>('#scenarios-problems')?.focus(),
    );
  }

  private openPermalink(): void {
    const encoded = new URLSearchParams(location.search).get(PERMALINK_PARAMETER);
    if (encoded === null) return;
    const decoded = decodePermalink(encoded);
    if (!decoded.ok) {
      this.showProblems([
        ...describePermalinkIssues(decoded.issues),
        'The baseline is shown instead.',
      ]);
      return;
    }
    this.addEntry({
      id: 'link',
      label: decoded.scenario.name,
      origin: 'link',
      scenario: decoded.scenario,
    });
    this.status = `Scenario “${decoded.scenario.name}” restored from the shared link.`;
  }

  private async loadSaved(): Promise<void> {
    try {
      const { saved, problems } = await this.store.list();
      const entries: ScenarioEntry[] = saved.map((record) => ({
        id: record.id,
        label: `${record.scenario.name} (saved ${record.savedAt.slice(0, 16).replace('T', ' ')})`,
        origin: 'saved',
        scenario: record.scenario,
      }));
      this.entries = [...this.entries.filter((entry) => entry.origin !== 'saved'), ...entries];
      if (problems.length > 0) this.showProblems(problems);
    } catch (error) {
      this.showProblems([
        `Saved scenarios could not be read from this browser: ${(error as Error).message}`,
      ]);
    }
  }

  private async onUpload(file: File): Promise<void> {
    const loaded = parseScenarioText(await file.text());
    if (!loaded.ok) {
      this.showProblems(describeIssues(loaded.issues, file.name));
      return;
    }
    this.problems = [];
    this.addEntry({
      id: `file-${file.name}`,
      label: loaded.scenario.name,
      origin: 'file',
      scenario: loaded.scenario,
    });
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
    if (!this.region) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.runner ??= new ScenarioRunner();
    this.running = true;
    this.problems = [];
    this.notice = '';
    const results: ScenarioResult[] = [];
    try {
      for (const [i, scenario] of scenarios.entries()) {
        const prefix =
          scenarios.length > 1
            ? `Scenario ${i + 1} of ${scenarios.length}, ${scenario.name}: `
            : '';
        this.status = `Running ${scenario.name}.`;
        const outcome = await this.runner.run(
          scenario,
          this.region,
          abort.signal,
          (stage, fraction) => {
            this.stage = `${prefix}${stage}`;
            this.fraction = (i + fraction) / scenarios.length;
          },
        );
        if (!outcome.ok) {
          this.showProblems(describeIssues(outcome.issues, scenario.name));
          this.status = 'The run stopped: a scenario has a problem.';
          return;
        }
        results.push(outcome.result);
      }
      this.results = results;
      this.status = `Run finished: ${scenarios.map((s) => s.name).join(', ')}. Results are below.`;
      void this.updateComplete.then(() =>
        this.querySelector<HTMLElement>('#scenario-results')?.focus(),
      );
    } catch (error) {
      if (isAbort(error)) this.status = 'Run cancelled. The results shown before are unchanged.';
      else this.showProblems([`The model run failed: ${(error as Error).message}`]);
    } finally {
      if (this.abort === abort) this.running = false;
    }
  }

  private onRun(scenario: Scenario): void {
    this.addEntry({ id: 'edited', label: `${scenario.name} (edited)`, origin: 'edited', scenario });
    void this.runAll([scenario]);
  }

  private onCompare(ids: string[]): void {
    const chosen = ids.map((id) => this.entries.find((entry) => entry.id === id)!.scenario);
    const base = chosen[0]!.run ?? DEFAULT_RUN;
    // Same seed and draws for all, so differences can be taken draw by draw.
    void this.runAll(
      chosen.map((s) => ({
        ...s,
        run: { ...(s.run ?? DEFAULT_RUN), seed: base.seed, draws: base.draws },
      })),
    );
  }

  private banners(): TemplateResult {
    return html`${
      this.problems.length > 0
        ? html`<div
            class="govuk-error-summary"
            id="scenarios-problems"
            tabindex="-1"
            data-module="govuk-error-summary"
          >
            <div role="alert">
              <h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body">
                <ul class="govuk-list govuk-error-summary__list">
                  ${this.problems.map((line) => html`<li>${line}</li>`)}
                </ul>
              </div>
            </div>
          </div>`
        : nothing
    }
    ${
      this.notice
        ? html`<div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="scenarios-notice-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="scenarios-notice-title">Success</h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">${this.notice}</p>
            </div>
          </div>`
        : nothing
    }`;
  }

  protected override render(): TemplateResult {
    const heading = html`<h1 class="govuk-heading-l">${ROUTES.scenarios.title}</h1>`;
    if (!this.region) {
      return html`${heading}
        <p class="govuk-body" role="status">Loading the regional data…</p>`;
    }
    const selected = this.selected;
    return html`${this.banners()} ${heading}
      <p class="govuk-body-l">
        Set up a “what if” case, run it, compare it with the baseline and others, share it and take
        the numbers away.
      </p>
      <div
        class="govuk-visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="scenarios-status"
      >
        ${this.status}
      </div>
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
        ?running=${this.running}
        @tsp-run=${(e: CustomEvent<{ scenario: Scenario }>) => this.onRun(e.detail.scenario)}
      ></tsp-lever-form>
      <tsp-run-status
        ?running=${this.running}
        stage=${this.stage}
        fraction=${this.fraction}
        @tsp-cancel=${() => this.abort?.abort()}
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
        ?running=${this.running}
        @tsp-compare=${(e: CustomEvent<{ ids: string[] }>) => this.onCompare(e.detail.ids)}
      ></tsp-scenario-compare>
      ${
        this.results.length > 0
          ? html`<h2 class="govuk-heading-l" id="scenario-results" tabindex="-1">
                Results: ${this.results.map((r) => r.scenario.name).join(', ')}
              </h2>
              <tsp-comparison-results .results=${this.results}></tsp-comparison-results>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenarios-page': TspScenariosPage;
  }
}
