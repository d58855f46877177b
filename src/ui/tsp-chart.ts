import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_CHART_WIDTH } from '../charts/chart-svg.ts';

/** Draws a chart at a width in CSS pixels (a render function of src/charts, bound to its data). */
export type DrawChart = (width: number) => SVGSVGElement;

/** Wider than this, a chart stops growing (its lines would be too long to follow). */
const MAX_WIDTH = 960;

/**
 * Holds one chart and draws it at the width of its container, again whenever that width
 * changes (a ResizeObserver), so the chart's 12 px text is 12 px on a phone as on a laptop
 * instead of being scaled down with the drawing. Without ResizeObserver (jsdom) it draws at
 * the default width. The chart is aria-hidden; its table sits beside it.
 *
 * @summary A chart that fits its container.
 */
@customElement('tsp-chart')
export class TspChart extends LitElement {
  @property({ attribute: false }) draw: DrawChart | undefined;
  @state() private width = typeof ResizeObserver === 'undefined' ? DEFAULT_CHART_WIDTH : 0;

  private svg: SVGSVGElement | undefined;
  private observer: ResizeObserver | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.classList.add('tsp-chart');
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      // Only whole-pixel changes redraw, so a scrollbar flicker does not loop.
      if (width > 0 && width !== this.width) this.width = width;
    });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('draw') && !changed.has('width')) return;
    this.svg = this.draw && this.width > 0 ? this.draw(Math.min(this.width, MAX_WIDTH)) : undefined;
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.svg ? html`${this.svg}` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-chart': TspChart;
  }
}
