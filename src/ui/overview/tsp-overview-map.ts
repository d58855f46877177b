import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { defaultDistrictColdSpotSpec } from '../../indicators/default-spec.ts';
import type { MapStyle } from '../../maps/choropleth.ts';
import type { PreparedGeography } from '../../maps/geography.ts';
import { loadGeography } from '../../runtime/geography-client.ts';
import { INDEX, computeMapView, viewMapStyle } from '../maps/map-view.ts';
import '../maps/tsp-area-map.ts';

/** Drawn smaller than the Maps page's map: it sits in half the Overview's width. */
const MAP_WIDTH = 440;
const MAP_HEIGHT = 400;

/**
 * The Overview's small map of the region's districts under the default cold-spot index,
 * worked out by the Maps page's own view code with the Maps page's default choices, so the two
 * maps show the same cold spots. The map is aria-hidden like every map; the figures beside it
 * name the cold districts in words.
 *
 * @summary Small cold-spot map for the Overview.
 */
@customElement('tsp-overview-map')
export class TspOverviewMap extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @state() private geography: PreparedGeography | undefined;
  @state() private loadError = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadGeography('district', MAP_WIDTH, MAP_HEIGHT).then(
      (geography) => (this.geography = geography),
      (error: unknown) => (this.loadError = error instanceof Error ? error.message : String(error)),
    );
  }

  private mapStyle(region: RegionDataset, geography: PreparedGeography): MapStyle | undefined {
    const spec = defaultDistrictColdSpotSpec(region.indicators);
    if (!spec) return undefined;
    const { view } = computeMapView(
      region.indicators.filter((indicator) => indicator.level === 'district'),
      {
        level: 'district',
        display: INDEX,
        classMethod: 'quantile',
        index: {
          weights: Object.fromEntries(spec.weights.map((w) => [w.indicatorId, w.weight])),
          threshold: spec.threshold,
          missing: spec.missing ?? 'exclude-area',
        },
      },
      geography,
    );
    return viewMapStyle(view);
  }

  protected override render(): TemplateResult {
    if (this.loadError) return html`<p class="govuk-body">The map could not be drawn.</p>`;
    const { region, geography } = this;
    const style = region && geography ? this.mapStyle(region, geography) : undefined;
    if (!geography || !style) return html`<p class="govuk-body-s">Drawing the map…</p>`;
    return html`<tsp-area-map
      compact
      .geography=${geography}
      .mapStyle=${style}
      fileName="overview-cold-spots"
    ></tsp-area-map>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-overview-map': TspOverviewMap;
  }
}
