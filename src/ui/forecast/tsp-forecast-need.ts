import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fileStem, needTable } from './forecast-files.ts';
import { selectionLabel, type ForecastView } from './forecast-view.ts';
import { eesFiles } from './tsp-forecast-download.ts';
import './tsp-forecast-download.ts';
import './tsp-forecast-fan.ts';

/**
 * NQT and trainee need for the chosen area over the next entry years: two fan charts with
 * their tables, a note on how the ranges are made, and one download with both.
 *
 * @summary NQT and trainee need with uncertainty ranges.
 */
@customElement('tsp-forecast-need')
export class TspForecastNeed extends LitElement {
  @property({ attribute: false }) view: ForecastView | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    const selection = selectionLabel(view);
    const draws = view.choices.drawCount;
    return html`<h2 class="govuk-heading-m">NQT and trainee need${provenanceTag('estimated')}</h2>
      <p class="govuk-body">
        How many newly qualified teachers (NQTs) ${selection} needs from postgraduate teacher
        training, and how many trainees must start the year before to supply them. Figures are model
        estimates, in full-time equivalents (FTE) for NQTs and in people for trainees.
      </p>
      ${
        draws > 0
          ? html`<div class="govuk-inset-text">
              The range runs from the 10th to the 90th percentile (P10 to P90) of
              ${formatCount(draws)} Monte Carlo draws, seed ${view.choices.seed}. Each draw is added
              up over the chosen districts and subjects first and the percentiles taken after,
              because uncertain inputs move together: adding each district's median does not give
              the median of the total. The spreads of the uncertain inputs are partly
              illustrative${provenanceTag('illustrative')} (see how this is calculated below).
            </div>`
          : html`<div class="govuk-inset-text">
              No Monte Carlo draws were run, so only the central projection is shown and the ranges
              are marked x (not available).
            </div>`
      }
      ${
        view.years.length < 3
          ? html`<p class="govuk-body">
              The pupil projections for this area end in ${view.years.at(-1)?.nqtYear}, so the
              forecast covers ${view.years.length} entry year${view.years.length === 1 ? '' : 's'}.
            </p>`
          : nothing
      }
      <tsp-forecast-fan
        quantity="nqt"
        .years=${view.years}
        selection=${selection}
      ></tsp-forecast-fan>
      <tsp-forecast-fan
        quantity="trainee"
        .years=${view.years}
        selection=${selection}
      ></tsp-forecast-fan>
      <tsp-forecast-download
        label="NQT and trainee need"
        .files=${eesFiles(`forecast-need-${fileStem(view)}`, () => needTable(view))}
      ></tsp-forecast-download>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-need': TspForecastNeed;
  }
}
