import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { ROUTES } from '../routes.ts';
import './tsp-pending-page.ts';

/**
 * The Scenarios page. Its feature has not landed yet, so it says so and shows no figures.
 *
 * @summary Scenarios page.
 */
@customElement('tsp-scenarios-page')
export class TspScenariosPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`<tsp-pending-page
      heading=${ROUTES.scenarios.title}
      feature="scenarios"
    ></tsp-pending-page>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-scenarios-page': TspScenariosPage;
  }
}
