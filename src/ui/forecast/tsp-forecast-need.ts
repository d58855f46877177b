import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fileStem, needTable } from './forecast-files.ts';
import { selectionLabel, type ForecastView } from './forecast-view.ts';
import { EXTRAPOLATION_METHOD } from '../../model/index.ts';
import { eesFiles } from '../tsp-download.ts';
import { govukDetails } from '../details.ts';
import './tsp-forecast-fan.ts';

/**
 * NQT and trainee need for the chosen area over the next entry years: two fan charts with
 * their tables, a folded note on how the ranges are made, and one download with both.
 *
 * @summary NQT and trainee need with uncertainty ranges.
 */
@customElement('tsp-forecast-need')
export class TspForecastNeed extends LitElement {
  @property({ attribute: false }) view: ForecastView | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Which entry years are planned, and which of them rest on extrapolated inputs. */
  private renderHorizon(view: ForecastView): TemplateResult {
    const first = view.years[0];
    const extrapolated = view.years.filter((year) => year.status === 'extrapolated');
    return html`<p class="govuk-body" data-testid="forecast-horizon">
        Entry years planned from today's date:
        ${first ? `${first.entryYear} to ${view.years.at(-1)!.entryYear}` : 'none'}. Earlier entry
        years are already recruited.
      </p>
      ${
        extrapolated.length > 0
          ? html`<div class="govuk-warning-text" data-testid="forecast-extrapolated">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                Extrapolated: entry year${extrapolated.length === 1 ? '' : 's'}
                ${extrapolated.map((year) => year.entryYear).join(', ')}, whose NQTs start work
                after the last year of the published inputs.
              </strong>
            </div>`
          : nothing
      }`;
  }

  /**
   * How the ranges are made and how years past the published inputs are extrapolated: method
   * notes, folded under the answer so the charts and tables lead.
   */
  private renderMethod(view: ForecastView): TemplateResult | typeof nothing {
    const draws = view.choices.drawCount;
    const extrapolated = view.years.some((year) => year.status === 'extrapolated');
    if (draws === 0 && !extrapolated) return nothing;
    return govukDetails(
      draws > 0 && extrapolated
        ? 'How the ranges and the extrapolated years are worked out'
        : draws > 0
          ? 'How the ranges are worked out'
          : 'How the extrapolated years are worked out',
      html`${
        draws > 0
          ? html`<p class="govuk-body">
              The range runs from the 10th to the 90th percentile (P10 to P90) of
              ${formatCount(draws)} Monte Carlo draws, seed ${view.choices.seed}. Each draw is added
              up over the chosen districts and subjects first and the percentiles taken after,
              because uncertain inputs move together: adding each district's median does not give
              the median of the total. The spreads of the uncertain inputs are partly
              illustrative${provenanceTag('illustrative')} (see “Where the numbers come from”
              below).
            </p>`
          : nothing
      }
      ${
        extrapolated
          ? html`<p class="govuk-body" data-testid="forecast-extrapolation-method">
              ${EXTRAPOLATION_METHOD}
            </p>`
          : nothing
      }`,
    );
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    const selection = selectionLabel(view);
    return html`<h2 class="govuk-heading-m">NQT and trainee need${provenanceTag('estimated')}</h2>
      <p class="govuk-body">
        How many trainees to recruit to postgraduate teacher training in each entry year (people),
        and the newly qualified teachers (NQTs) they supply the year after (full-time equivalents,
        FTE), for ${selection}. Model estimates.
      </p>
      ${
        view.choices.drawCount === 0
          ? html`<div class="govuk-inset-text">
              No Monte Carlo draws were run, so only the central projection is shown and the ranges
              are marked x (not available).
            </div>`
          : nothing
      }
      ${this.renderHorizon(view)} ${this.renderMethod(view)}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <tsp-forecast-fan
            quantity="nqt"
            .years=${view.years}
            selection=${selection}
          ></tsp-forecast-fan>
        </div>
        <div class="govuk-grid-column-one-half">
          <tsp-forecast-fan
            quantity="trainee"
            .years=${view.years}
            selection=${selection}
          ></tsp-forecast-fan>
        </div>
      </div>
      <tsp-download
        label="NQT and trainee need"
        .files=${eesFiles(`forecast-need-${fileStem(view)}`, () => needTable(view))}
      ></tsp-download>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-need': TspForecastNeed;
  }
}
