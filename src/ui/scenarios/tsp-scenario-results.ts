import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScenarioResult } from '../../scenarios/index.ts';
import './tsp-comparison-results.ts';

/**
 * The results of the last finished run or comparison under a heading naming its scenarios;
 * nothing before the first run.
 *
 * @summary Scenario results section.
 */
@customElement('tsp-scenario-results')
export class TspScenarioResults extends LitElement {
  @property({ attribute: false }) results: ScenarioResult[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Moves focus to the heading once drawn, so a keyboard or screen reader user lands on the results. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#scenario-results')?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.results.length === 0) return nothing;
    return html`<h2 class="govuk-heading-l" id="scenario-results" tabindex="-1">
        Results: ${this.results.map((r) => r.scenario.name).join(', ')}
      </h2>
      <tsp-comparison-results .results=${this.results}></tsp-comparison-results>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenario-results': TspScenarioResults;
  }
}
