import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { ROUTES } from '../routes.ts';
import './tsp-pending-page.ts';

/**
 * The Forecast page. Its feature has not landed yet, so it says so and shows no figures.
 *
 * @summary Forecast page.
 */
@customElement('tsp-forecast-page')
export class TspForecastPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`<tsp-pending-page
      heading=${ROUTES.forecast.title}
      feature="forecast"
    ></tsp-pending-page>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-forecast-page': TspForecastPage;
  }
}
