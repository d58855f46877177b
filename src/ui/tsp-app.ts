import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import type { DataIssue, RegionDataset } from '../data/types.ts';
import { loadDefaultDataset } from '../runtime/default-dataset.ts';
import type { ImportDataFile } from './tsp-data-import.ts';
import { ROUTES, routeForPath, type RouteName } from './routes.ts';
import './tsp-data-issues.ts';

/**
 * Each page's module, loaded the first time the page is visited, so the landing page does not
 * download or evaluate the code of the others (Vite makes each a chunk of its own).
 */
const PAGE_MODULES: Record<RouteName, () => Promise<unknown>> = {
  home: () => import('./pages/tsp-home-page.ts'),
  forecast: () => import('./pages/tsp-forecast-page.ts'),
  allocation: () => import('./pages/tsp-allocation-page.ts'),
  inYear: () => import('./pages/tsp-in-year-page.ts'),
  maps: () => import('./pages/tsp-maps-page.ts'),
  scenarios: () => import('./pages/tsp-scenarios-page.ts'),
  partnerships: () => import('./pages/tsp-partnerships-page.ts'),
  dataSources: () => import('./pages/tsp-data-sources-page.ts'),
  accessibility: () => import('./pages/tsp-accessibility-page.ts'),
  support: () => import('./pages/tsp-support-page.ts'),
};

/** Pages that solve with HiGHS: opening one starts the solver worker at once, beside its code. */
const SOLVER_PAGES: ReadonlySet<RouteName> = new Set(['allocation', 'inYear']);

/**
 * Starts the shared solver worker and warms HiGHS (the client's module loads on first use), so
 * the Allocation and In-year pages find it ready: loading and compiling the WebAssembly take
 * longer than a solve.
 */
function prewarmSolver(): void {
  import('../runtime/solver-client.ts').then(
    (client) => client.prewarmSolver(),
    () => {
      // A page that solves says so if its code cannot load.
    },
  );
}

/**
 * The application root: loads the default dataset once, routes by the location path
 * (History API, so the GOV.UK skip link's #main-content fragment keeps working), loads the
 * current page's code on its first visit and renders the page with the dataset. The solver
 * worker starts as a solving page is opened, or once the browser is idle on any other page.
 *
 * @summary Router and dataset holder for the whole app.
 */
@customElement('tsp-app')
export class TspApp extends LitElement {
  @state() private route: RouteName | undefined = routeForPath(location.pathname);
  @state() private region: RegionDataset | undefined;
  @state() private dataIssues: DataIssue[] = [];
  @state() private loadError: string | undefined;
  /** Pages whose code has loaded, and a page whose code could not be loaded. */
  @state() private loadedPages: ReadonlySet<RouteName> = new Set();
  @state() private pageLoadError: { route: RouteName; message: string } | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onLinkClick);
    window.addEventListener('popstate', this.onPopState);
    this.updateDocument(false);
    this.dataLoaded = this.loadData();
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this.onLinkClick);
    window.removeEventListener('popstate', this.onPopState);
    super.disconnectedCallback();
  }

  /** Settles when the default data has loaded or failed to. */
  private dataLoaded: Promise<void> = Promise.resolve();

  private async loadData(): Promise<void> {
    try {
      const { dataset, issues } = await loadDefaultDataset();
      this.region = dataset;
      this.dataIssues = issues;
      // With the data in, the solver warms while nothing else runs.
      if (typeof requestIdleCallback === 'function') requestIdleCallback(prewarmSolver);
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('route') && this.route) {
      if (SOLVER_PAGES.has(this.route)) prewarmSolver();
      void this.loadPage(this.route);
    }
  }

  private async loadPage(route: RouteName): Promise<void> {
    if (this.loadedPages.has(route)) return;
    try {
      await PAGE_MODULES[route]();
      this.loadedPages = new Set([...this.loadedPages, route]);
      if (this.pageLoadError?.route === route) this.pageLoadError = undefined;
    } catch (error) {
      this.pageLoadError = {
        route,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /**
   * A user's file replaces estimated figures for every page; a bad file changes nothing. The
   * file checks (and zod under them) load with the first file, not with the app.
   */
  private readonly importFile: ImportDataFile = async (kind, content, fileName) => {
    // A file chosen while the default data loads is checked against it once it is there.
    await this.dataLoaded;
    if (!this.region) {
      return [
        {
          file: fileName,
          row: null,
          column: null,
          message: 'the default data could not be loaded, so the file cannot be checked',
          fix: 'Reload the page and upload the file again',
        },
      ];
    }
    const { replaceWithImportedFile } = await import('../data/imports.ts');
    // Read after the import: the dataset in use now, which a file applied meanwhile may have changed.
    const region = this.region;
    const { dataset, issues } = replaceWithImportedFile(region, kind, content, fileName);
    if (issues.length === 0) this.region = dataset;
    return issues;
  };

  /** Same-origin links marked data-route navigate without a page load. */
  private readonly onLinkClick = (event: MouseEvent): void => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    const link = (event.target as Element | null)?.closest?.('a[data-route]');
    if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin) return;
    event.preventDefault();
    if (link.pathname + link.search !== location.pathname + location.search) {
      history.pushState(null, '', link.pathname + link.search);
    }
    this.route = routeForPath(link.pathname);
    this.updateDocument(true);
  };

  private readonly onPopState = (): void => {
    this.route = routeForPath(location.pathname);
    this.updateDocument(true);
  };

  /** Title, current navigation item and, after a navigation, focus on the main content. */
  private updateDocument(moveFocus: boolean): void {
    const title = this.route ? ROUTES[this.route].title : 'Page not found';
    document.title = this.route === 'home' ? title : `${title} - Teacher Supply Planner`;
    for (const item of document.querySelectorAll('.govuk-service-navigation__item')) {
      const link = item.querySelector('a');
      const active =
        link !== null && this.route !== undefined && link.pathname === ROUTES[this.route].path;
      item.classList.toggle('govuk-service-navigation__item--active', active);
      if (active) link.setAttribute('aria-current', 'page');
      else link?.removeAttribute('aria-current');
    }
    if (moveFocus) {
      window.scrollTo(0, 0);
      document.getElementById('main-content')?.focus();
    }
  }

  protected override render(): TemplateResult {
    return html`
      ${
        this.loadError
          ? html`<div class="govuk-error-summary" data-module="govuk-error-summary">
              <div role="alert">
                <h2 class="govuk-error-summary__title">The default data could not be loaded</h2>
                <div class="govuk-error-summary__body">
                  <p class="govuk-body">${this.loadError}</p>
                </div>
              </div>
            </div>`
          : ''
      }
      <tsp-data-issues .issues=${this.dataIssues}></tsp-data-issues>
      ${this.renderPage()}
    `;
  }

  private renderPage(): TemplateResult {
    const route = this.route;
    if (route && !this.loadedPages.has(route)) return this.renderPageLoading(route);
    const dataset = this.region;
    switch (route) {
      case 'home':
        return html`<tsp-home-page .region=${dataset}></tsp-home-page>`;
      case 'forecast':
        return html`<tsp-forecast-page .region=${dataset}></tsp-forecast-page>`;
      case 'allocation':
        return html`<tsp-allocation-page .region=${dataset}></tsp-allocation-page>`;
      case 'inYear':
        return html`<tsp-in-year-page .region=${dataset}></tsp-in-year-page>`;
      case 'maps':
        return html`<tsp-maps-page .region=${dataset}></tsp-maps-page>`;
      case 'scenarios':
        return html`<tsp-scenarios-page .region=${dataset}></tsp-scenarios-page>`;
      case 'partnerships':
        return html`<tsp-partnerships-page .region=${dataset}></tsp-partnerships-page>`;
      case 'dataSources':
        return html`<tsp-data-sources-page
          .region=${dataset}
          .importFile=${this.importFile}
        ></tsp-data-sources-page>`;
      case 'accessibility':
        return html`<tsp-accessibility-page></tsp-accessibility-page>`;
      case 'support':
        return html`<tsp-support-page></tsp-support-page>`;
      case undefined:
        return html`<h1 class="govuk-heading-l">Page not found</h1>
          <p class="govuk-body">If you typed the web address, check it is correct.</p>
          <p class="govuk-body">
            <a class="govuk-link" href="/" data-route>Go to the start page</a>
          </p>`;
    }
  }

  /** While a page's code downloads; if it cannot, the reason and what to do. */
  private renderPageLoading(route: RouteName): TemplateResult {
    const failed = this.pageLoadError?.route === route ? this.pageLoadError : undefined;
    if (!failed) return html`<p class="govuk-body" role="status">Loading the page…</p>`;
    return html`<h1 class="govuk-heading-l">${ROUTES[route].title}</h1>
      <div class="govuk-error-summary" data-module="govuk-error-summary">
        <div role="alert">
          <h2 class="govuk-error-summary__title">This page could not be loaded</h2>
          <div class="govuk-error-summary__body">
            <p class="govuk-body">
              ${failed.message}. Check your connection and reload the page to try again.
            </p>
          </div>
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-app': TspApp;
  }
}
