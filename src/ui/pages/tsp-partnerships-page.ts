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
import { RunController } from '../../runtime/run-controller.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import { ROUTES } from '../routes.ts';
import {
  runDistrictNeed,
  type DistrictNeedRun,
  type NeedPool,
} from '../partnerships/district-need-run.ts';
import { afterPartnerSchoolsChange, restoreSavedWork } from '../partnerships/saved-work.ts';
import {
  EMPTY_SNAPSHOT,
  PARTNERSHIPS_DB_NAME,
  PartnershipStore,
  type LoadedSubmission,
  type PartnershipsSnapshot,
} from '../../storage/partnership-store.ts';
import type { PartnershipsRole } from '../partnerships/tsp-role-choice.ts';
import type { SubmissionsChange } from '../partnerships/tsp-submission-upload.ts';
import '../partnerships/tsp-need-run-status.ts';
import '../partnerships/tsp-partnership-lead.ts';
import '../partnerships/tsp-partnership-manager.ts';
import '../partnerships/tsp-partnership-notices.ts';
import '../partnerships/tsp-role-choice.ts';
import { systemClock, type Clock } from '../../data/clock.ts';
import { readSetting, settingOf, writeSettings } from '../url-state.ts';

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
  /** Today's date: the forecast plans the next three entry years from it (tests fix it). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The role and partnership chosen, kept in the address so a reload or link keeps them. */
  @state() private view = settingOf<PartnershipsRole>('view', ['lead', 'manager'], 'lead');
  @state() private selectedCode = readSetting('partnership') ?? '';
  @state() private run: DistrictNeedRun | undefined;
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
  /** The district forecast: progress, and its error if it fails. */
  private readonly runs = new RunController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
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
    this.run = undefined;
    const outcome = await this.runs.run(({ signal, progress }) =>
      Promise.all([
        runDistrictNeed(region, this.needPool(), {
          today: this.clock(),
          signal,
          onProgress: progress,
        }),
        this.openStore(),
      ]),
    );
    if (outcome.status === 'done') {
      const [run, snapshot] = outcome.value;
      this.defaultAssignment = defaultPartnerSchools(region.partnerships, region.schools);
      const restored = restoreSavedWork(region, this.defaultAssignment, snapshot, run.entryYears);
      this.assignment = restored.assignment;
      this.leadIntelligence = { entries: restored.leadEntries };
      this.managerIntelligence = { entries: restored.managerEntries };
      this.submissions = restored.submissions;
      this.run = run;
      if (restored.note !== '') this.message = restored.note;
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
    const change = afterPartnerSchoolsChange(this.leadIntelligence.entries, assignment, message);
    this.assignment = assignment;
    this.leadIntelligence = { entries: change.kept };
    this.message = change.message;
    void this.save({
      importedLinks: assignment.links.filter((link) => link.provenance === 'imported'),
      leadEntries: change.kept,
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
      <tsp-partnership-notices
        message=${this.message}
        storeWarning=${this.storeWarning}
      ></tsp-partnership-notices>
      <tsp-role-choice
        chosen=${this.view}
        @tsp-role-change=${(event: CustomEvent<{ role: PartnershipsRole }>) => {
          this.view = event.detail.role;
          writeSettings({ view: event.detail.role === 'manager' ? 'manager' : null });
          this.message = '';
        }}
      ></tsp-role-choice>
      <tsp-need-run-status
        error=${this.runs.notice?.kind === 'error' ? this.runs.notice.text : ''}
        ?finished=${this.run !== undefined}
        progress=${this.runs.fraction}
      ></tsp-need-run-status>
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
                  writeSettings({ partnership: event.detail.code });
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
