import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_CHART_WIDTH } from '../charts/chart-svg.ts';
import { ContainerWidthController } from './container-width.ts';

/** Draws a chart at a width in CSS pixels (a render function of src/charts, bound to its data). */
export type DrawChart = (width: number) => SVGSVGElement;

/** Wider than this, a chart stops growing (its lines would be too long to follow). */
const MAX_WIDTH = 960;

/**
 * Holds one chart and draws it at the width of its container, again whenever that width
 * changes (`ContainerWidthController`), so the chart's 12 px text is 12 px on a phone as on a laptop
 * instead of being scaled down with the drawing. Without ResizeObserver (jsdom) it draws at
 * the default width. The chart is aria-hidden; its table sits beside it.
 *
 * @summary A chart that fits its container.
 */
@customElement('tsp-chart')
export class TspChart extends LitElement {
  @property({ attribute: false }) draw: DrawChart | undefined;
  private readonly container = new ContainerWidthController(this, DEFAULT_CHART_WIDTH);
  private drawnWidth = 0;
  private svg: SVGSVGElement | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.classList.add('tsp-chart');
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { width } = this.container;
    if (!changed.has('draw') && width === this.drawnWidth) return;
    this.drawnWidth = width;
    this.svg = this.draw && width > 0 ? this.draw(Math.min(width, MAX_WIDTH)) : undefined;
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
