import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The width of an element's content box in whole CSS pixels, kept up to date with a
 * ResizeObserver, for drawings that lay themselves out at the width they are shown at (charts
 * and maps, whose 12 px text would shrink if a wider drawing were scaled down). The host
 * updates whenever the width changes. Without ResizeObserver (jsdom) the width is `fallback`.
 */
export class ContainerWidthController implements ReactiveController {
  /** 0 until the element has been laid out. */
  width: number;
  private observer: ResizeObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback: number,
  ) {
    this.width = typeof ResizeObserver === 'undefined' ? fallback : 0;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      // Only whole-pixel changes redraw, so a scrollbar flicker does not loop.
      if (width > 0 && width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
