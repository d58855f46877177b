import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import {
  mapScale,
  mapTransform,
  renderChoropleth,
  restyleChoropleth,
  type MapStyle,
} from '../../maps/choropleth.ts';
import type { PreparedGeography } from '../../maps/geography.ts';
import { mapDataCsv, svgMarkup, svgPng, type MapDataRow } from '../../maps/export.ts';
import { downloadBlob } from '../download.ts';
import { ContainerWidthController } from '../container-width.ts';

/**
 * One choropleth with zoom and pan (mouse, touch, or the zoom buttons from the keyboard) and
 * downloads of its data (CSV) and drawing (SVG, PNG). The SVG is aria-hidden: the page puts a
 * table with the same numbers and a select box for choosing an area beside it.
 *
 * The map is drawn at the width it is shown at (up to the projection's own), so its text is
 * never scaled below 12 px. The boundaries are drawn once per geography and width; a new style
 * only restyles them.
 *
 * @summary Zoomable, downloadable choropleth.
 * @fires tsp-area-select - detail `{ code }` when an area is clicked.
 */
@customElement('tsp-area-map')
export class TspAreaMap extends LitElement {
  @property({ attribute: false }) geography: PreparedGeography | undefined;
  @property({ attribute: false }) mapStyle: MapStyle | undefined;
  /** The map's numbers as tidy rows, for the CSV download. */
  @property({ attribute: false }) dataRows: readonly MapDataRow[] = [];
  /** File name for downloads, without extension. */
  @property() fileName = 'map';
  /** Only the drawing: no zoom or download buttons (a small map that links to the Maps page). */
  @property({ type: Boolean }) compact = false;

  private readonly container = new ContainerWidthController(this, 0);
  private svg: SVGSVGElement | undefined;
  private drawnGeography: PreparedGeography | undefined;
  private drawnWidth = 0;
  private zoomBehaviour: ZoomBehavior<SVGSVGElement, unknown> | undefined;
  @state() private pngError = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { geography, mapStyle } = this;
    const width = geography ? this.shownWidth(geography) : 0;
    if (!changed.has('geography') && !changed.has('mapStyle') && width === this.drawnWidth) return;
    if (!geography || !mapStyle) {
      this.svg = undefined;
      this.drawnGeography = undefined;
      return;
    }
    if (this.svg && this.drawnGeography === geography && width === this.drawnWidth) {
      restyleChoropleth(this.svg, geography, mapStyle);
    } else {
      this.svg = renderChoropleth(geography, mapStyle, document, width);
      this.drawnGeography = geography;
      this.drawnWidth = width;
      // A compact map only shows: a wheel over it scrolls the page, not the map.
      if (!this.compact) this.attachInteraction(this.svg);
    }
  }

  /** The container's width, up to the projection's own (0 before layout: jsdom draws at the projection's). */
  private shownWidth(geography: PreparedGeography): number {
    const { width } = this.container;
    return width > 0 ? Math.min(width, geography.width) : geography.width;
  }

  private attachInteraction(svg: SVGSVGElement): void {
    const viewport = svg.querySelector('g.tsp-map__viewport');
    // Zoom works in shown pixels; the viewport then scales the boundaries to them.
    const scale = mapScale(svg);
    const mapHeight = (this.geography?.height ?? 0) * scale;
    const width = (this.geography?.width ?? 0) * scale;
    this.zoomBehaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 12])
      .extent([
        [0, 0],
        [width, mapHeight],
      ])
      .translateExtent([
        [0, 0],
        [width, mapHeight],
      ])
      .on('zoom', (event: { transform: { toString(): string } }) => {
        viewport?.setAttribute('transform', mapTransform(scale, event.transform.toString()));
      });
    select(svg).call(this.zoomBehaviour);
    svg.addEventListener('click', (event) => {
      const code = (event.target as Element | null)
        ?.closest('path[data-code]')
        ?.getAttribute('data-code');
      if (code) {
        this.dispatchEvent(
          new CustomEvent('tsp-area-select', { detail: { code }, bubbles: true, composed: true }),
        );
      }
    });
  }

  private zoomBy(factor: number): void {
    if (this.svg && this.zoomBehaviour) select(this.svg).call(this.zoomBehaviour.scaleBy, factor);
  }

  private resetZoom(): void {
    if (this.svg && this.zoomBehaviour)
      select(this.svg).call(this.zoomBehaviour.transform, zoomIdentity);
  }

  private downloadCsv(): void {
    downloadBlob(
      new Blob([mapDataCsv(this.dataRows)], { type: 'text/csv;charset=utf-8' }),
      `${this.fileName}.csv`,
    );
  }

  private downloadSvg(): void {
    if (this.svg)
      downloadBlob(
        new Blob([svgMarkup(this.svg)], { type: 'image/svg+xml' }),
        `${this.fileName}.svg`,
      );
  }

  private async downloadPng(): Promise<void> {
    if (!this.svg) return;
    try {
      this.pngError = '';
      downloadBlob(await svgPng(this.svg), `${this.fileName}.png`);
    } catch (error) {
      this.pngError = error instanceof Error ? error.message : String(error);
    }
  }

  protected override render(): TemplateResult {
    if (!this.svg) return html`<p class="govuk-body" role="status">Drawing the map…</p>`;
    if (this.compact) return html`<div class="tsp-chart">${this.svg}</div>`;
    return html`
      <div class="govuk-button-group">
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => this.zoomBy(1.5)}
        >
          Zoom in
        </button>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => this.zoomBy(1 / 1.5)}
        >
          Zoom out
        </button>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => this.resetZoom()}
        >
          Reset zoom
        </button>
      </div>
      <div class="tsp-chart">${this.svg}</div>
      <p class="govuk-body-s">
        Drag to pan and scroll to zoom. Click an area, or choose it in the list, to select it.
      </p>
      <div class="govuk-button-group">
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => this.downloadCsv()}
        >
          Download the map data (CSV)
        </button>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => this.downloadSvg()}
        >
          Download the map (SVG)
        </button>
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() => void this.downloadPng()}
        >
          Download the map (PNG)
        </button>
      </div>
      ${this.pngError ? html`<p class="govuk-error-message">${this.pngError}</p>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-area-map': TspAreaMap;
  }
}
