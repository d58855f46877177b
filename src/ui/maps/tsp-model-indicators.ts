import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AreaIndicator, RegionDataset } from '../../data/types.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import { SolverClient } from '../../runtime/solver-client.ts';
import { runAllocationNeed, type AllocationNeed } from '../allocation/allocation-need.ts';
import { loadDefaultCycle } from '../in-year/default-cycle.ts';
import type { CycleSources } from '../in-year/in-year-session.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { govukDetails } from '../details.ts';
import {
  fillRateIndicator,
  forecastFillIndicator,
  needIndicators,
  solvedAllocationIndicators,
} from './model-results.ts';
import { RunController } from '../../runtime/run-controller.ts';

type Job = 'need' | 'allocation' | 'fill' | 'forecast-fill';

const BUTTONS: readonly [Job, string][] = [
  ['need', 'Add forecast need'],
  ['allocation', 'Add allocation results'],
  ['fill', 'Add recruitment fill rate (illustrative)'],
  ['forecast-fill', 'Add forecast fill rate at the end of the cycle (illustrative)'],
];

/** Where the work runs; tests pass fakes for the workers and the bundled files. */
export interface ModelIndicatorRunners {
  createPool: () => Pick<ModelPool, 'run' | 'terminate'>;
  createSolver: () => Pick<SolverClient, 'allocate' | 'dispose'>;
  loadCycle: () => Promise<CycleSources>;
}

const WORKER_RUNNERS: ModelIndicatorRunners = {
  createPool: () => new ModelPool({ size: 1 }),
  createSolver: () => new SolverClient(),
  loadCycle: loadDefaultCycle,
};

/**
 * Buttons that add district indicators from the service's own results to the map: forecast NQT
 * need (the supply model in its worker), the allocation's expected NQTs and unmet need (solved
 * in the solver worker, with Cancel) and the illustrative recruitment fill rate, to date and
 * forecast for the end of the cycle. Progress is
 * announced; focus goes to Cancel while work runs and back to the button after.
 *
 * @summary Add model, allocation and in-year results to the Maps page.
 * @fires tsp-indicators-add - detail: `{ indicators: AreaIndicator[] }`, district level.
 */
@customElement('tsp-model-indicators')
export class TspModelIndicators extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) runners: ModelIndicatorRunners = WORKER_RUNNERS;

  @state() private running: Job | null = null;
  @state() private status = '';
  @state() private error = '';
  @state() private added: AreaIndicator[] = [];

  private need: AllocationNeed | undefined;
  private readonly runs = new RunController(this);
  private solver: Pick<SolverClient, 'allocate' | 'dispose'> | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    this.solver?.dispose();
    this.solver = null;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region') && changed.get('region') !== undefined) {
      // New data: earlier results no longer describe it.
      this.runs.cancel();
      this.need = undefined;
      this.added = [];
    }
  }

  /** The model's central need in the model worker, kept for the allocation that follows. */
  private async modelNeed(region: RegionDataset, signal: AbortSignal): Promise<AllocationNeed> {
    if (this.need) return this.need;
    this.status = 'Running the supply model in a background worker…';
    const pool = this.runners.createPool();
    try {
      this.need = await runAllocationNeed(region, pool, signal);
      return this.need;
    } finally {
      pool.terminate();
    }
  }

  private async work(job: Job, region: RegionDataset, signal: AbortSignal) {
    switch (job) {
      case 'need':
        return needIndicators(region, await this.modelNeed(region, signal));
      case 'allocation': {
        const need = await this.modelNeed(region, signal);
        this.status =
          'Solving the allocation with default settings in the solver worker. This may take a few seconds…';
        this.solver ??= this.runners.createSolver();
        return solvedAllocationIndicators(region, need, this.solver, signal);
      }
      case 'fill':
        this.status = 'Reading the illustrative recruitment returns…';
        return [fillRateIndicator(region, await this.runners.loadCycle())];
      case 'forecast-fill':
        this.status = 'Forecasting the end of the cycle from the illustrative recruitment returns…';
        return [forecastFillIndicator(region, await this.runners.loadCycle())];
    }
  }

  private async run(job: Job): Promise<void> {
    const region = this.region;
    if (!region || this.running) return;
    this.running = job;
    this.error = '';
    await this.updateComplete;
    this.querySelector<HTMLButtonElement>('#tsp-model-cancel')?.focus();
    const run = await this.runs.run(({ signal }) => this.work(job, region, signal));
    if (run.status === 'done') {
      const indicators = run.value;
      const ids = new Set(indicators.map((indicator) => indicator.id));
      this.added = [...this.added.filter((indicator) => !ids.has(indicator.id)), ...indicators];
      this.dispatchEvent(
        new CustomEvent('tsp-indicators-add', {
          detail: { indicators },
          bubbles: true,
          composed: true,
        }),
      );
      this.status = `Added to ‘Show’ and to the cold-spot index (districts): ${indicators
        .map((indicator) => indicator.label)
        .join('; ')}.`;
    } else if (run.status === 'cancelled') {
      this.status = 'Cancelled. Nothing was added.';
    } else if (run.status === 'failed') {
      this.error = run.message;
      this.status = `Not added: ${this.error}`;
    }
    this.running = null;
    await this.updateComplete;
    this.querySelector<HTMLButtonElement>(`#tsp-model-add-${job}`)?.focus();
  }

  private cancel = (): void => {
    this.runs.cancel();
  };

  protected override render(): TemplateResult {
    const busy = this.running !== null;
    // Folded under a details beside the map, so the map stays on the first screen.
    return govukDetails(
      'Add model results to the map',
      html`<p class="govuk-body">
          Map the service’s own results by district, in the first year the next allocation can
          change (the NQT year after its first entry year). Each is added to ‘Show’ and can be
          weighted in the cold-spot index.
        </p>
        <p class="govuk-hint" id="tsp-model-hint">
          Forecast need runs the supply model; allocation results also solve the default allocation
          of ITT places, which may take a few seconds. The fill rates, to date and forecast for the
          end of the cycle, come from illustrative recruitment returns, not real ones.
        </p>
        <div class="govuk-button-group">
          ${BUTTONS.map(
            ([job, label]) =>
              html`<button
                type="button"
                class="govuk-button govuk-button--secondary"
                id="tsp-model-add-${job}"
                aria-describedby="tsp-model-hint"
                ?disabled=${busy || !this.region}
                aria-disabled=${busy || !this.region ? 'true' : 'false'}
                @click=${() => void this.run(job)}
              >
                ${label}
              </button>`,
          )}
          ${
            busy
              ? html`<button
                  type="button"
                  class="govuk-button govuk-button--warning"
                  id="tsp-model-cancel"
                  @click=${this.cancel}
                >
                  Cancel
                </button>`
              : nothing
          }
        </div>
        ${
          this.error
            ? html`<p class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> ${this.error}
              </p>`
            : nothing
        }
        <p class="govuk-body" role="status" aria-live="polite" data-testid="model-indicator-status">
          ${this.status}
        </p>
        ${
          this.added.length
            ? html`<p class="govuk-body govuk-!-font-weight-bold">Added to the map</p>
                <ul class="govuk-list govuk-list--bullet" data-testid="model-indicators-added">
                  ${this.added.map(
                    (indicator) =>
                      html`<li>${indicator.label}${provenanceTag(indicator.provenance)}</li>`,
                  )}
                </ul>`
            : nothing
        }`,
      { open: this.error !== '' },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-model-indicators': TspModelIndicators;
  }
}
