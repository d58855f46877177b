import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import {
  defaultPartnerSchools,
  replacePartnershipLinks,
  shareWeights,
  type IntelligenceState,
  type PartnerSchoolAssignment,
  type ShareWeights,
} from '../../partnerships/index.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import { formatCount } from '../format.ts';
import { ROUTES } from '../routes.ts';
import {
  runDistrictNeed,
  type DistrictNeedRun,
  type NeedPool,
} from '../partnerships/district-need-run.ts';
import { atPartnerSchools, placeable, withImportedLinks } from '../partnerships/saved-work.ts';
import {
  EMPTY_SNAPSHOT,
  PARTNERSHIPS_DB_NAME,
  PartnershipStore,
  type LoadedSubmission,
  type PartnershipsSnapshot,
} from '../partnerships/partnership-store.ts';
import type { SubmissionsChange } from '../partnerships/tsp-submission-upload.ts';
import '../partnerships/tsp-partnership-lead.ts';
import '../partnerships/tsp-partnership-manager.ts';

type Role = 'lead' | 'manager';

/**
 * The Partnerships page. A partnership lead sees a partnership's partner schools, footprint,
 * track record and three-year forecast, adds local intelligence and exports a submission;
 * the allocation manager loads submissions and sees the amalgamated regional request. The
 * district forecast runs in the model worker pool; entries, loaded submissions and uploaded
 * partner-school lists are kept in IndexedDB across reloads.
 *
 * @summary Partnerships page.
 */
@customElement('tsp-partnerships-page')
export class TspPartnershipsPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  /** The model pool; by default one of its own, sized to the machine (tests pass a stand-in). */
  @property({ attribute: false }) pool: NeedPool | undefined;
  @property() storeName = PARTNERSHIPS_DB_NAME;

  @state() private view: Role = 'lead';
  @state() private selectedCode = '';
  @state() private run: DistrictNeedRun | undefined;
  @state() private progress = 0;
  @state() private runError = '';
  @state() private assignment: PartnerSchoolAssignment | undefined;
  @state() private leadIntelligence: IntelligenceState = { entries: [] };
  @state() private managerIntelligence: IntelligenceState = { entries: [] };
  @state() private submissions: LoadedSubmission[] = [];
  @state() private message = '';
  @state() private storeWarning = '';

  private defaultAssignment: PartnerSchoolAssignment | undefined;
  private weights: ShareWeights | undefined;
  private store: PartnershipStore | undefined;
  private ownPool: ModelPool | undefined;
  private abort: AbortController | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    this.abort?.abort();
    this.ownPool?.terminate();
    this.ownPool = undefined;
    this.store?.close();
    this.store = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('region') && this.region !== undefined) void this.initialise(this.region);
    if (changed.has('assignment') && this.assignment !== undefined && this.region !== undefined) {
      this.weights = shareWeights(this.assignment, this.region.schools);
    }
  }

  private needPool(): NeedPool {
    if (this.pool !== undefined) return this.pool;
    this.ownPool ??= new ModelPool();
    return this.ownPool;
  }

  private async openStore(): Promise<PartnershipsSnapshot> {
    try {
      this.store ??= await PartnershipStore.open(this.storeName);
      return await this.store.load();
    } catch (error) {
      this.storeWarning = `Entries cannot be kept on this device (${error instanceof Error ? error.message : String(error)}): export your submission before leaving the page.`;
      return EMPTY_SNAPSHOT;
    }
  }

  /** Runs the model and restores saved work; both must finish before figures are shown. */
  private async initialise(region: RegionDataset): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.run = undefined;
    this.runError = '';
    this.progress = 0;
    try {
      const [run, snapshot] = await Promise.all([
        runDistrictNeed(region, this.needPool(), {
          signal: abort.signal,
          onProgress: (done, total) => (this.progress = done / total),
        }),
        this.openStore(),
      ]);
      if (abort.signal.aborted) return;
      const base = defaultPartnerSchools(region.partnerships, region.schools);
      this.defaultAssignment = base;
      const { assignment, setAside: staleLists } = withImportedLinks(
        base,
        snapshot,
        new Set(region.schools.map((s) => s.urn)),
      );
      const codes = new Set(region.partnerships.map((p) => p.code));
      const lead = atPartnerSchools(
        placeable(snapshot.leadEntries, codes, run.entryYears),
        assignment,
      );
      const manager = placeable(snapshot.managerEntries, codes, run.entryYears);
      const setAside =
        snapshot.leadEntries.length -
        lead.length +
        (snapshot.managerEntries.length - manager.length);
      this.assignment = assignment;
      this.leadIntelligence = { entries: lead };
      this.managerIntelligence = { entries: manager };
      this.submissions = snapshot.submissions.filter((s) => codes.has(s.partnershipCode));
      this.run = run;
      const notes = [
        setAside > 0
          ? `${formatCount(setAside)} saved entries no longer fit this data (an unknown partnership, school or entry year) and were set aside.`
          : '',
        staleLists.length > 0
          ? `The uploaded partner-school lists of ${staleLists.join(', ')} name schools this data does not have, so they are back on the illustrative list.`
          : '',
      ].filter(Boolean);
      if (notes.length > 0) this.message = notes.join(' ');
    } catch (error) {
      if (abort.signal.aborted) return;
      this.runError = error instanceof Error ? error.message : String(error);
    }
  }

  private async save(parts: Partial<PartnershipsSnapshot>): Promise<void> {
    try {
      await this.store?.save(parts);
    } catch (error) {
      this.storeWarning = `The last change could not be saved on this device (${error instanceof Error ? error.message : String(error)}).`;
    }
  }

  private onIntelligenceChange(event: CustomEvent<{ state: IntelligenceState; message: string }>) {
    this.leadIntelligence = event.detail.state;
    this.message = event.detail.message;
    void this.save({ leadEntries: [...event.detail.state.entries] });
  }

  private onPartnerSchoolsChange(assignment: PartnerSchoolAssignment, message: string): void {
    const kept = atPartnerSchools(this.leadIntelligence.entries, assignment);
    const dropped = this.leadIntelligence.entries.length - kept.length;
    this.assignment = assignment;
    this.leadIntelligence = { entries: kept };
    this.message =
      dropped > 0
        ? `${message} ${formatCount(dropped)} local-intelligence entries were at schools not on the new list and were removed.`
        : message;
    void this.save({
      importedLinks: assignment.links.filter((link) => link.provenance === 'imported'),
      leadEntries: kept,
    });
  }

  private onReset(code: string): void {
    if (this.assignment === undefined || this.defaultAssignment === undefined) return;
    const links = this.defaultAssignment.links.filter((link) => link.partnershipCode === code);
    this.onPartnerSchoolsChange(
      replacePartnershipLinks(this.assignment, new Set([code]), links),
      `${code} is back on the illustrative partner-school list.`,
    );
  }

  private onSubmissionsChange(event: CustomEvent<SubmissionsChange>): void {
    this.managerIntelligence = event.detail.state;
    this.submissions = event.detail.submissions;
    this.message = event.detail.message;
    void this.save({
      managerEntries: [...event.detail.state.entries],
      submissions: event.detail.submissions,
    });
  }

  private renderRoleChoice(): TemplateResult {
    const radio = (role: Role, label: string) =>
      html`<div class="govuk-radios__item">
        <input
          class="govuk-radios__input"
          id="tsp-role-${role}"
          name="tsp-role"
          type="radio"
          value=${role}
          .checked=${this.view === role}
          @change=${() => {
            this.view = role;
            this.message = '';
          }}
        />
        <label class="govuk-label govuk-radios__label" for="tsp-role-${role}">${label}</label>
      </div>`;
    return html`<div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">I am</legend>
        <div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
          ${radio('lead', 'A partnership lead')} ${radio('manager', 'The allocation manager')}
        </div>
      </fieldset>
    </div>`;
  }

  private renderStatus(): TemplateResult | typeof nothing {
    if (this.runError !== '') {
      return html`<div class="govuk-error-summary" tabindex="-1">
        <div role="alert">
          <h2 class="govuk-error-summary__title">The forecast could not be run</h2>
          <div class="govuk-error-summary__body"><p class="govuk-body">${this.runError}</p></div>
        </div>
      </div>`;
    }
    if (this.run !== undefined) return nothing;
    return html`<p class="govuk-body" role="status">
        Running the supply model for the district forecast: ${Math.round(this.progress * 100)}%
        done.
      </p>
      <progress
        class="tsp-progress"
        max="1"
        .value=${this.progress}
        aria-label="Supply model run"
      ></progress>`;
  }

  protected override render(): TemplateResult {
    const heading = html`<h1 class="govuk-heading-l">${ROUTES.partnerships.title}</h1>`;
    if (this.region === undefined) {
      return html`${heading}
        <p class="govuk-body" role="status">Loading the region’s data…</p>`;
    }
    const ready = this.run !== undefined && this.assignment !== undefined;
    return html`
      ${heading}
      <p class="govuk-body-l">
        Each ITT partnership’s forecast of the newly qualified teachers its partner schools will
        need, its local intelligence, and the regional request they add up to.
      </p>
      <div role="status" aria-live="polite">
        ${
          this.message === ''
            ? nothing
            : html`<div class="govuk-notification-banner govuk-notification-banner--success">
                <div class="govuk-notification-banner__header">
                  <h2 class="govuk-notification-banner__title">Success</h2>
                </div>
                <div class="govuk-notification-banner__content">
                  <p class="govuk-notification-banner__heading">${this.message}</p>
                </div>
              </div>`
        }
      </div>
      ${
        this.storeWarning === ''
          ? nothing
          : html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>${this.storeWarning}
              </strong>
            </div>`
      }
      ${this.renderRoleChoice()} ${this.renderStatus()}
      ${
        !ready
          ? nothing
          : this.view === 'lead'
            ? html`<tsp-partnership-lead
                .region=${this.region}
                .assignment=${this.assignment}
                .weights=${this.weights}
                .run=${this.run}
                .intelligence=${this.leadIntelligence}
                selectedCode=${this.selectedCode}
                @tsp-partnership-select=${(event: CustomEvent<{ code: string }>) => {
                  this.selectedCode = event.detail.code;
                  this.message = '';
                }}
                @tsp-intelligence-change=${this.onIntelligenceChange}
                @tsp-partner-schools-change=${(
                  event: CustomEvent<{ assignment: PartnerSchoolAssignment; message: string }>,
                ) => this.onPartnerSchoolsChange(event.detail.assignment, event.detail.message)}
                @tsp-partner-schools-reset=${(event: CustomEvent<{ partnershipCode: string }>) =>
                  this.onReset(event.detail.partnershipCode)}
              ></tsp-partnership-lead>`
            : html`<tsp-partnership-manager
                .region=${this.region}
                .assignment=${this.assignment}
                .weights=${this.weights}
                .run=${this.run}
                .intelligence=${this.managerIntelligence}
                .submissions=${this.submissions}
                @tsp-submissions-change=${this.onSubmissionsChange}
              ></tsp-partnership-manager>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnerships-page': TspPartnershipsPage;
  }
}
