/**
 * The In-year page's state and actions, as a Lit reactive controller: it opens the session
 * (allocation, returns, ledger and settings from IndexedDB), keeps the month's view, asks the
 * solver worker for proposals (a newer request aborts an older one) and turns every user
 * action into a validated change, an error summary or a success message.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeFieldIssue } from '../../data/issues.ts';
import { fileIssueReport } from '../file-issues.ts';
import type { DataIssue, RegionDataset } from '../../data/types.ts';
import {
  CYCLE_MONTHS,
  type KeyRegistration,
  type TransferPlan,
  type TransferProposal,
  type TrackingView,
} from '../../redistribution/index.ts';
import { RunController } from '../../runtime/run-controller.ts';
import { sharedSolver, type SolverClient } from '../../runtime/solver-client.ts';
import type { TrustedManagerKey } from '../../storage/ledger-db.ts';
import { downloadText } from '../download.ts';
import { loadDefaultCycle } from './default-cycle.ts';
import { InYearSession, MANAGER } from './in-year-session.ts';
import { planTransfers } from './transfer-plan.ts';
import type { ActingAsDetail } from './tsp-acting-as.ts';
import { curveFieldId, type CurveDetail } from './tsp-curve-editor.ts';
import type { ErrorItem } from '../tsp-error-summary.ts';
import type { ChosenFile } from './tsp-file-upload.ts';
import { KEY_FILE_INPUT_ID } from './tsp-ledger-keys.ts';
import { LEDGER_FILE_INPUT_ID, type LedgerImportDetail } from './tsp-ledger-view.ts';
import { entryFieldId, type ReturnEntryDetail } from './tsp-return-entry.ts';
import { NOTICE_DAY_ID, type RulesDetail } from './tsp-rules-form.ts';
import { transferDomId, type TransferStepDetail } from './tsp-transfer-card.ts';

export const RETURNS_FILE_INPUT_ID = 'tsp-returns-file';

/** Which form an error belongs to, so the summary links to the right field. */
export type ErrorSource = 'returns' | 'entry' | 'curve' | 'rules' | 'ledger' | 'keys' | 'workflow';

/** Sources that are file uploads: their errors are reported as a refused file. */
const FILES: ReadonlySet<ErrorSource> = new Set(['returns', 'ledger', 'keys']);

function fieldFor(source: ErrorSource, issue: DataIssue, transferId: string): string {
  switch (source) {
    case 'returns':
      return RETURNS_FILE_INPUT_ID;
    case 'ledger':
      return LEDGER_FILE_INPUT_ID;
    case 'keys':
      return KEY_FILE_INPUT_ID;
    case 'entry':
      return entryFieldId(issue.column ?? 'time_identifier');
    case 'curve':
      return curveFieldId(Math.max(1, CYCLE_MONTHS.indexOf(issue.column as never) + 1));
    case 'rules':
      return NOTICE_DAY_ID;
    case 'workflow':
      return transferDomId(transferId);
  }
}

export class InYearController implements ReactiveController {
  session: InYearSession | null = null;
  loadError = '';
  view: TrackingView | null = null;
  plan: TransferPlan | null = null;
  planError = '';
  errorSource: ErrorSource | null = null;
  issues: DataIssue[] = [];
  errorItems: ErrorItem[] = [];
  errorHeading = 'There is a problem';
  /** The upload field's message, when the errors are about a file. */
  private uploadError = '';
  /** Success message for the notification banner. */
  notice = '';
  /** Manager keys this browser trusts, shown with the ledger. */
  trustedKeys: TrustedManagerKey[] = [];
  /** The manager key of the last ledger file refused only because this browser does not know it. */
  untrustedManagerKey: KeyRegistration | null = null;
  /** Text for the page's aria-live region. */
  status = '';

  private opening = false;
  private solver: SolverClient | null = null;
  /** Transfer proposals in the solver worker: a newer request aborts an older one. */
  private readonly plans: RunController;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    // Added first, so a plan still running is aborted when the page is left.
    this.plans = new RunController(host);
    host.addController(this);
  }

  get planning(): boolean {
    return this.plans.running;
  }

  hostDisconnected(): void {
    // The shared solver stays warm for the next visit and the Allocation page.
    this.solver = null;
  }

  async open(region: RegionDataset): Promise<void> {
    if (this.opening) return;
    this.opening = true;
    // Warm HiGHS while the session loads, so the first transfer proposals do not wait for it.
    this.solver ??= sharedSolver();
    this.solver.warm().catch(() => {
      // A solver that cannot load says so when proposals are asked for.
    });
    try {
      this.session = await InYearSession.open(await loadDefaultCycle(), region.partnerships);
      this.trustedKeys = await this.session.trustedManagerKeys();
      this.refresh();
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
      this.host.requestUpdate();
    }
  }

  /** Recomputes the month's view and asks the worker for proposals (a newer request aborts an older one). */
  refresh(): void {
    const session = this.session;
    if (session === null) return;
    this.view = session.view();
    this.host.requestUpdate();
    this.plans.cancel();
    this.plan = null;
    this.planError = '';
    const monthIndex = session.monthIndex();
    const view = this.view;
    if (view === null || monthIndex === null) return;
    const solver = (this.solver ??= sharedSolver());
    const prefix = `${session.timePeriod}-${String(monthIndex).padStart(2, '0')}`;
    void this.plans
      .run(({ signal }) =>
        planTransfers(
          view.cells,
          solver,
          prefix,
          session.transferOptions(),
          signal,
          (id) => session.ledger.transfers.get(id)?.status,
        ),
      )
      .then((outcome) => {
        if (outcome.status === 'done') {
          const plan = outcome.value;
          this.plan = plan;
          this.status =
            plan.proposals.length === 0
              ? plan.detail
              : `${plan.proposals.length} transfers proposed.`;
        } else if (outcome.status === 'failed') {
          this.planError = `The transfers could not be worked out: ${outcome.message}`;
        }
        this.host.requestUpdate();
      });
  }

  showErrors(source: ErrorSource, issues: DataIssue[], transferId = ''): void {
    this.notice = '';
    this.errorSource = issues.length > 0 ? source : null;
    this.issues = issues;
    if (FILES.has(source)) {
      const report = fileIssueReport(issues, fieldFor(source, issues[0]!, transferId));
      this.errorHeading = report.heading;
      this.errorItems = report.items;
      this.uploadError = report.fieldError;
    } else {
      this.errorHeading = 'There is a problem';
      this.errorItems = issues.map((issue) => ({
        text:
          source === 'workflow'
            ? `This step was refused: ${issue.message}`
            : describeFieldIssue(issue),
        href: `#${fieldFor(source, issue, transferId)}`,
      }));
      this.uploadError = '';
    }
    this.host.requestUpdate();
  }

  private succeed(message: string, recompute: boolean): void {
    this.showErrors('returns', []);
    this.notice = message;
    this.status = message;
    if (recompute) this.refresh();
  }

  /** Runs a change, turning an unexpected failure (e.g. storage) into an error the user sees. */
  private async guard(source: ErrorSource, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.showErrors(source, [{ file: 'In-year page', row: null, column: null, message }]);
    }
  }

  private tooLarge(file: ChosenFile): DataIssue[] {
    return [
      {
        file: file.fileName,
        row: null,
        column: null,
        message: `the file is ${Math.ceil(file.size / 1048576)} MB, over the 5 MB limit`,
      },
    ];
  }

  readonly onReturnsFile = (event: CustomEvent<ChosenFile>): Promise<void> =>
    this.guard('returns', async () => {
      const file = event.detail;
      const issues =
        file.text === null
          ? this.tooLarge(file)
          : await this.session!.importReturns({ fileName: file.fileName, text: file.text });
      if (issues.length > 0) this.showErrors('returns', issues);
      else this.succeed(`Returns loaded from ${file.fileName}.`, true);
    });

  readonly onEntry = (event: CustomEvent<ReturnEntryDetail>): Promise<void> =>
    this.guard('entry', async () => {
      const { input } = event.detail;
      const found = await this.session!.enterReturn(input);
      if (found.length > 0) this.showErrors('entry', found);
      else
        this.succeed(
          `Return saved for ${input.partnershipCode} ${input.subject}, ${input.month}.`,
          true,
        );
    });

  readonly onCurve = (event: CustomEvent<CurveDetail>): Promise<void> =>
    this.guard('curve', async () => {
      const { shares, issues } = event.detail;
      if (issues.length > 0) return this.showErrors('curve', issues);
      await this.session!.updateSettings({ curveShares: shares });
      this.succeed(
        shares === null
          ? 'Back to the default or fitted recruitment curve.'
          : 'Your recruitment curve is in use.',
        true,
      );
    });

  readonly onRules = (event: CustomEvent<RulesDetail>): Promise<void> =>
    this.guard('rules', async () => {
      const { change, issues } = event.detail;
      if (issues.length > 0) return this.showErrors('rules', issues);
      await this.session!.updateSettings(change);
      this.succeed('Rules updated: limits, forecasts and proposals worked out again.', true);
    });

  readonly onActingAs = (event: CustomEvent<ActingAsDetail>): Promise<void> =>
    this.guard('workflow', async () => {
      await this.session!.updateSettings(event.detail);
      const acting = event.detail.actingAs;
      this.status = `Acting as ${acting === MANAGER ? 'the regional allocation manager' : this.session!.partnershipName(acting)}.`;
      this.host.requestUpdate();
    });

  readonly onMonth = (event: Event): Promise<void> =>
    this.guard('returns', async () => {
      await this.session!.updateSettings({
        monthIndex: Number((event.target as HTMLSelectElement).value),
      });
      this.succeed(`Showing returns to the end of ${this.session!.view()?.monthName ?? ''}.`, true);
    });

  readonly onPropose = (event: CustomEvent<TransferProposal>): Promise<void> =>
    this.guard('workflow', async () => {
      const proposal = event.detail;
      const refused = await this.session!.propose(proposal, this.session!.monthIndex() ?? 1);
      if (refused !== null)
        return this.showErrors('workflow', [
          { file: 'Ledger', row: null, column: null, message: refused },
        ]);
      this.succeed(
        `Proposal recorded in the ledger and put to ${proposal.from.partnershipCode} and ${proposal.to.partnershipCode}.`,
        false,
      );
      await this.host.updateComplete;
      this.host.querySelector<HTMLElement>(`#${transferDomId(proposal.id)} h3`)?.focus();
    });

  readonly onStep = (event: CustomEvent<TransferStepDetail>): Promise<void> =>
    this.guard('workflow', async () => {
      const { transferId, event: step, why } = event.detail;
      const refused = await this.session!.step(transferId, step, why);
      if (refused !== null) {
        return this.showErrors(
          'workflow',
          [{ file: 'Ledger', row: null, column: null, message: refused }],
          transferId,
        );
      }
      const changesAllocations = step === 'apply' || step === 'undo';
      this.succeed(
        `Recorded in the ledger: ${step.replace('-', ' ')}${changesAllocations ? '; allocations updated' : ''}.`,
        changesAllocations,
      );
    });

  readonly onLedgerImport = (event: CustomEvent<LedgerImportDetail>): Promise<void> =>
    this.guard('ledger', async () => {
      const { file, replace, acceptManagerKeyId } = event.detail;
      const session = this.session!;
      const result =
        file.text === null
          ? { issues: this.tooLarge(file), untrustedManagerKey: null }
          : await session.importLedgerFile(
              { fileName: file.fileName, text: file.text },
              replace,
              acceptManagerKeyId,
            );
      this.untrustedManagerKey = result.untrustedManagerKey;
      this.trustedKeys = await session.trustedManagerKeys();
      if (result.issues.length > 0) return this.showErrors('ledger', result.issues);
      this.succeed(
        `Ledger imported from ${file.fileName}: every entry's hash chain and signature checked against the manager's key list.`,
        true,
      );
    });

  readonly exportLedger = (): Promise<void> =>
    this.guard('ledger', async () => {
      const session = this.session!;
      downloadText(
        `in-year-ledger-${session.timePeriod}.json`,
        await session.exportLedger(),
        'application/json',
      );
    });

  readonly exportPublicKey = (): Promise<void> =>
    this.guard('keys', async () => {
      const file = await this.session!.publicKeyFile();
      downloadText(file.fileName, file.text, 'application/json');
    });

  readonly onKeyFile = (event: CustomEvent<ChosenFile>): Promise<void> =>
    this.guard('keys', async () => {
      const file = event.detail;
      const issues =
        file.text === null
          ? this.tooLarge(file)
          : await this.session!.registerPublicKey({ fileName: file.fileName, text: file.text });
      if (issues.length > 0) return this.showErrors('keys', issues);
      this.succeed(
        `Key registered from ${file.fileName}: the manager's key list is signed again.`,
        false,
      );
    });

  fieldError(source: ErrorSource): string {
    return this.errorSource === source ? this.uploadError : '';
  }
}
