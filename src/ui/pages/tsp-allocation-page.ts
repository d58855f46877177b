import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AllocationResult } from '../../allocation/allocate.ts';
import type { AllocationProblem } from '../../allocation/problem.ts';
import type { RegionDataset } from '../../data/types.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import { SolverClient } from '../../runtime/solver-client.ts';
import { runAllocationNeed, type AllocationNeed } from '../allocation/allocation-need.ts';
import {
  allocationProblem,
  defaultSettings,
  districtWeights,
  fieldIds,
  readSettings,
  type AllocationSettings,
  type InputError,
} from '../allocation/allocation-settings.ts';
import type { CapEditDetail } from '../allocation/tsp-allocation-caps.ts';
import type { OptionsEditDetail } from '../allocation/tsp-allocation-options.ts';
import type { PlanEditDetail } from '../allocation/tsp-allocation-plans.ts';
import { verdictTitle, type TspAllocationVerdict } from '../allocation/tsp-allocation-verdict.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { ROUTES } from '../routes.ts';
import '../allocation/tsp-allocation-explain.ts';
import '../allocation/tsp-allocation-inputs.ts';
import '../allocation/tsp-allocation-outcomes.ts';
import '../allocation/tsp-allocation-places.ts';
import '../allocation/tsp-allocation-progress.ts';
import '../allocation/tsp-allocation-verdict.ts';
// The service's GOV.UK error summary (it focuses itself when errors arrive).
import type { ErrorItem } from '../in-year/tsp-error-summary.ts';
import '../in-year/tsp-error-summary.ts';

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The Allocation page: the manager edits capacities, minimum cohorts, regional caps and the
 * cold-spot priority, solves in the solver worker (with Cancel, which keeps the last result),
 * and reads the allocation against last year, unmet need and surplus by district, the rules
 * that bind, what one more place is worth, the checker's verdict, or, when no plan meets every
 * rule, which rules clash and by how much.
 *
 * @summary Allocate ITT places.
 */
@customElement('tsp-allocation-page')
export class TspAllocationPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;

  @state() private settings: AllocationSettings | undefined;
  @state() private need: AllocationNeed | undefined;
  @state() private needError = '';
  @state() private errors: InputError[] = [];
  @state() private solving: { started: number; timeLimitSeconds: number } | null = null;
  @state() private result: { problem: AllocationProblem; result: AllocationResult } | undefined;
  @state() private solveError = '';
  @state() private status = '';

  private solver: SolverClient | null = null;
  private solveAbort: AbortController | null = null;
  private needAbort: AbortController | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    this.solveAbort?.abort();
    this.needAbort?.abort();
    this.solver?.dispose();
    this.solver = null;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region') && this.region) {
      this.settings = defaultSettings(this.region);
      this.result = undefined;
      this.errors = [];
      void this.loadNeed(this.region);
    }
  }

  /** The model's central projection in a worker; the solver warms up meanwhile. */
  private async loadNeed(region: RegionDataset): Promise<void> {
    this.needAbort?.abort();
    const abort = new AbortController();
    this.needAbort = abort;
    this.need = undefined;
    this.needError = '';
    this.solver ??= new SolverClient();
    this.solver.warm().catch(() => {
      // A solver that cannot load says so when the user solves.
    });
    const pool = new ModelPool({ size: 1 });
    try {
      this.need = await runAllocationNeed(region, pool, abort.signal);
      this.status = 'NQT need worked out. Ready to solve.';
    } catch (error) {
      if (!abort.signal.aborted) this.needError = messageOf(error);
    } finally {
      pool.terminate();
    }
  }

  private changeSettings(change: Partial<AllocationSettings>): void {
    if (this.settings) this.settings = { ...this.settings, ...change };
  }

  private onPlanEdit = (event: CustomEvent<PlanEditDetail>): void => {
    const { key, edit } = event.detail;
    this.changeSettings({ plans: { ...this.settings!.plans, [key]: edit } });
  };

  private onCapEdit = (event: CustomEvent<CapEditDetail>): void => {
    this.changeSettings({
      caps: { ...this.settings!.caps, [event.detail.subject]: event.detail.value },
    });
  };

  private onOptionsEdit = (event: CustomEvent<OptionsEditDetail>): void => {
    this.changeSettings(event.detail);
  };

  private async solve(): Promise<void> {
    const { region, need, settings } = this;
    if (!region || !need || !settings || this.solving) return;
    const { errors, read } = readSettings(region, settings);
    let weights: Record<string, number> | undefined;
    if (read) {
      try {
        weights = districtWeights(region, settings.indicatorIds, read.priority);
      } catch (error) {
        errors.push({
          fieldId: fieldIds.indicators,
          text: `The cold-spot index cannot be worked out: ${messageOf(error)}`,
        });
      }
    }
    this.errors = errors;
    if (!read || !weights || errors.length > 0) {
      this.status = `Not solved: ${errors.length} ${errors.length === 1 ? 'value needs' : 'values need'} correcting.`;
      return;
    }
    const problem = allocationProblem(region, read, weights, need);
    const abort = new AbortController();
    this.solveAbort = abort;
    this.solveError = '';
    this.solving = {
      started: performance.now(),
      timeLimitSeconds: read.options.timeLimitSeconds ?? 0,
    };
    this.status = 'Solving the allocation in the solver worker.';
    this.solver ??= new SolverClient();
    try {
      const result = await this.solver.allocate(problem, read.options, abort.signal);
      this.result = { problem, result };
      this.status = `${verdictTitle(result)}.`;
      this.solving = null;
      await this.updateComplete;
      this.querySelector<TspAllocationVerdict>('tsp-allocation-verdict')?.focusBanner();
    } catch (error) {
      this.solving = null;
      if (isAbort(error)) {
        this.status = this.result
          ? 'Solve cancelled. The previous result is still shown.'
          : 'Solve cancelled.';
      } else {
        this.solveError = `The allocation could not be solved: ${messageOf(error)}`;
        this.status = this.solveError;
      }
      await this.updateComplete;
      this.querySelector<HTMLButtonElement>('#alloc-solve')?.focus();
    }
  }

  private cancel = (): void => {
    this.solveAbort?.abort();
  };

  private summaryItems: { errors: InputError[]; items: ErrorItem[] } = { errors: [], items: [] };

  /** The same array until the errors change: the summary takes focus whenever it gets a new one. */
  private errorItems(): ErrorItem[] {
    if (this.summaryItems.errors !== this.errors) {
      this.summaryItems = {
        errors: this.errors,
        items: this.errors.map((e) => ({ text: e.text, href: `#${e.fieldId}` })),
      };
    }
    return this.summaryItems.items;
  }

  private results(): TemplateResult | typeof nothing {
    if (!this.result) return nothing;
    const { problem, result } = this.result;
    const solution = result.check?.ok ? result.solution : null;
    const illustrative = this.region?.partnershipPlans.some((p) => p.provenance === 'illustrative');
    return html`
      <tsp-allocation-verdict .result=${result}></tsp-allocation-verdict>
      ${
        solution
          ? html`<tsp-allocation-places
                .problem=${problem}
                .solution=${solution}
                ?illustrative=${illustrative}
              ></tsp-allocation-places>
              <tsp-allocation-outcomes
                .problem=${problem}
                .solution=${solution}
              ></tsp-allocation-outcomes>
              <tsp-allocation-explain .result=${result}></tsp-allocation-explain>`
          : nothing
      }
    `;
  }

  protected override render(): TemplateResult {
    const heading = html`<h1 class="govuk-heading-l">${ROUTES.allocation.title}</h1>`;
    const { region, settings, need } = this;
    if (!region || !settings) {
      return html`${heading}
        <p class="govuk-body" role="status">Loading the region's data...</p>`;
    }
    const years = need?.entryYears ?? [];
    return html`${heading}
      <tsp-error-summary .items=${this.errorItems()}></tsp-error-summary>
      <div class="govuk-visually-hidden" role="status" aria-live="polite">${this.status}</div>
      <p class="govuk-body-l">
        Share the region's ITT places among its provider partnerships for the next three entry
        years, to meet the NQT need the supply model forecasts where it is greatest.
      </p>
      ${
        need
          ? html`<p class="govuk-body">
              ${region.regionName}: entry years ${years[0]} to ${years[years.length - 1]}. NQT need
              is the supply model's central projection from base year
              ${need.baseYear}${provenanceTag('estimated')}.
            </p>`
          : this.needError
            ? html`<div class="govuk-error-summary" tabindex="-1">
                <div role="alert">
                  <h2 class="govuk-error-summary__title">The NQT need could not be worked out</h2>
                  <div class="govuk-error-summary__body">
                    <p class="govuk-body">${this.needError}</p>
                  </div>
                </div>
              </div>`
            : html`<p class="govuk-body" role="status">
                Working out NQT need from the supply model...
              </p>`
      }
      <tsp-allocation-inputs
        .region=${region}
        .settings=${settings}
        .errors=${this.errors}
        @tsp-plan-edit=${this.onPlanEdit}
        @tsp-cap-edit=${this.onCapEdit}
        @tsp-options-edit=${this.onOptionsEdit}
      ></tsp-allocation-inputs>
      ${
        this.solveError
          ? html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span> ${this.solveError}
              </strong>
            </div>`
          : nothing
      }
      ${
        this.solving
          ? html`<tsp-allocation-progress
              .started=${this.solving.started}
              .timeLimitSeconds=${this.solving.timeLimitSeconds}
              @tsp-allocation-cancel=${this.cancel}
            ></tsp-allocation-progress>`
          : html`<button
              type="button"
              class="govuk-button"
              id="alloc-solve"
              data-module="govuk-button"
              ?disabled=${!need}
              @click=${() => void this.solve()}
            >
              Solve the allocation
            </button>`
      }
      ${this.results()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-page': TspAllocationPage;
  }
}
