import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { provenanceTag } from '../provenance-tag.ts';
import {
  districtWeights,
  type AllocationSettings,
  type InputError,
} from './allocation-settings.ts';
import './tsp-allocation-caps.ts';
import './tsp-allocation-limits.ts';
import './tsp-allocation-options.ts';
import './tsp-allocation-plans.ts';
import './tsp-allocation-rules.ts';

type Section = 'rules' | 'caps' | 'limits' | 'plans' | 'options';

/**
 * Everything the manager can change, in short sections that open on demand (a section with a
 * problem opens by itself): the rule settings, regional caps,
 * partnership total and mentor capacity, partnership plans, the cold-spot priority and the
 * solve options. Edits bubble up from the parts as events.
 *
 * @summary The Allocation page's editable inputs.
 * @fires tsp-plan-edit - from `tsp-allocation-plans`.
 * @fires tsp-cap-edit - from `tsp-allocation-caps`.
 * @fires tsp-limit-edit - from `tsp-allocation-limits`.
 * @fires tsp-rule-edit - from `tsp-allocation-rules`.
 * @fires tsp-options-edit - from `tsp-allocation-options`.
 */
@customElement('tsp-allocation-inputs')
export class TspAllocationInputs extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) settings: AllocationSettings | undefined;
  @property({ attribute: false }) errors: readonly InputError[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Weights for the options table; null while the priority or indicators are invalid. */
  private currentWeights(
    region: RegionDataset,
    settings: AllocationSettings,
  ): Record<string, number> | null {
    const priority = Number(settings.priority);
    if (!Number.isFinite(priority) || priority < 0) return null;
    try {
      return districtWeights(region, settings.indicatorIds, priority);
    } catch {
      return null;
    }
  }

  /** Sections the manager opened (or closed): an error opens its section, fixing it never closes it. */
  @state() private opened: Partial<Record<Section, boolean>> = {};

  private section(
    key: Section,
    title: string,
    hasErrors: boolean,
    body: TemplateResult,
  ): TemplateResult {
    return html`<details
      class="govuk-details govuk-!-margin-bottom-3"
      data-section=${key}
      ?open=${hasErrors || this.opened[key] === true}
      @toggle=${(event: Event) => {
        this.opened = { ...this.opened, [key]: (event.target as HTMLDetailsElement).open };
      }}
    >
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">${title}</span>
      </summary>
      <div class="govuk-details__text">${body}</div>
    </details>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const { region, settings } = this;
    if (!region || !settings) return nothing;
    const errors = new Map(this.errors.map((e) => [e.fieldId, e.text]));
    const errorsIn = (...prefixes: string[]) =>
      this.errors.some((e) => prefixes.some((prefix) => e.fieldId.startsWith(prefix)));
    const illustrative = region.partnershipPlans.some((p) => p.provenance === 'illustrative');
    return html`
      ${this.section(
        'rules',
        'Rules: pool, stability, fairness and fill',
        errorsIn('alloc-rule-'),
        html`<tsp-allocation-rules
          .values=${settings.rules}
          .errors=${errors}
        ></tsp-allocation-rules>`,
      )}
      ${this.section(
        'caps',
        'Regional caps by subject',
        errorsIn('alloc-cap-'),
        html`<p class="govuk-body">
            A cap limits one subject's places across the region in each entry year; partnerships
            across the boundary count their in-region share. Teach First places are fixed, so a cap
            below them, or below what the stability rule lets others shrink to, cannot be met and
            the page says which rules clash.
          </p>
          <tsp-allocation-caps
            .partnerships=${region.partnerships}
            .plans=${region.partnershipPlans}
            .caps=${settings.caps}
            .errors=${errors}
          ></tsp-allocation-caps>`,
      )}
      ${this.section(
        'limits',
        'Partnership total and mentor capacity',
        errorsIn('alloc-total-', 'alloc-mentor-'),
        html`<p class="govuk-body">
            Total capacity limits a partnership's trainees across all its subjects in an entry year;
            mentor capacity its school placements (a trainee on a multi-year route holds one in each
            year of training).
          </p>
          <tsp-allocation-limits
            .region=${region}
            .edits=${settings.limits}
            .errors=${errors}
          ></tsp-allocation-limits>`,
      )}
      ${this.section(
        'plans',
        'Partnership plans: capacity and minimum cohort by subject',
        errorsIn('alloc-capacity-', 'alloc-minimum-'),
        html`<p class="govuk-body">
            ${illustrative ? provenanceTag('illustrative') : nothing}
            ${
              illustrative
                ? 'No public source gives partnerships’ capacity or minimum viable cohort: the figures below are illustrative until you type your own. '
                : ''
            }
            A capacity below what the stability rule keeps of last year's places is an error at that
            capacity: raise it, or widen the stability band under Rules.
          </p>
          <tsp-allocation-plans
            .partnerships=${region.partnerships}
            .plans=${region.partnershipPlans}
            .edits=${settings.plans}
            .errors=${errors}
          ></tsp-allocation-plans>`,
      )}
      ${this.section(
        'options',
        'Cold-spot priority and solve options',
        errorsIn('alloc-priority', 'alloc-indicators', 'alloc-time-limit', 'alloc-gap'),
        html`<tsp-allocation-options
          .settings=${settings}
          .indicators=${region.indicators.filter((indicator) => indicator.level === 'district')}
          .districts=${region.districts}
          .weights=${this.currentWeights(region, settings)}
          .errors=${errors}
        ></tsp-allocation-options>`,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-inputs': TspAllocationInputs;
  }
}
